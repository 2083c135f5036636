import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { Backend, Condition, Duration, Healthcheck, VclService, VclServiceProps } from '../../src';
import { newStack, newVclService, serviceBody, synth, validationErrors } from '../util';

describe('VclService', () => {
  test('service attributes are explicit, domains sorted', () => {
    const { stack } = newVclService({ domains: ['www.example.com', 'example.com', '*.cdn.example.com'] });
    expect(serviceBody(stack)).toEqual({
      name: 'www-example',
      comment: 'Managed by Terraform',
      activate: true,
      force_destroy: false,
      stage: false,
      default_ttl: 3600,
      domain: [{ name: '*.cdn.example.com' }, { name: 'example.com' }, { name: 'www.example.com' }],
    });
  });

  test('every prop', () => {
    const { stack } = newVclService({
      comment: 'Storefront', versionComment: 'deployed by CI', activate: false, forceDestroy: true, stage: true, defaultTtl: Duration.minutes(5),
    });
    expect(serviceBody(stack)).toMatchObject({
      comment: 'Storefront', version_comment: 'deployed by CI', activate: false, force_destroy: true, stage: true, default_ttl: 300,
    });
  });

  test('resource is the L1 escape hatch and serviceId its id', () => {
    const { stack, service } = newVclService();
    service.resource.http3 = true;
    new TerraformOutput(stack, 'service_id', { value: service.serviceId });
    const json = synth(stack);
    const [logicalId, body] = Object.entries<any>(json.resource.fastly_service_vcl)[0];
    expect(body.http3).toBe(true);
    expect(json.output.service_id.value).toBe(`\${fastly_service_vcl.${logicalId}.id}`);
    expect(service.name).toBe('www-example');
  });

  test('blocks from constructs nested anywhere inside the service are rendered', () => {
    const { stack, service } = newVclService();
    const group = new Construct(service, 'origins');
    new Backend(group, 'origin', { address: 'origin.example.com' });
    expect(serviceBody(stack).backend.map((b: any) => b.name)).toEqual(['origin']);
  });

  const cases: Array<[string, Partial<VclServiceProps>, string]> = [
    ['an empty name', { name: ' ' }, 'name: got " "; allowed: a non-empty name without leading or trailing white space [service/name]'],
    ['no domains', { domains: [] }, 'domains: got []; allowed: at least one domain (e.g. ["www.example.com"]); without one the service answers no request unless its '
      + 'domains are linked to it outside this resource [service/no-domains]'],
    ['a URL as domain', { domains: ['https://www.example.com'] },
      'domains: got "https://www.example.com"; allowed: a fully qualified hostname such as "www.example.com", or a wildcard such as "*.example.com" [service/domain]'],
    ['a duplicate domain', { domains: ['www.example.com', 'WWW.example.com'] },
      'domains: got "www.example.com"; allowed: each domain once (domains are case-insensitive) [service/domain]'],
    ['a default TTL in fractions of a second', { defaultTtl: Duration.millis(1500) },
      'defaultTtl: got Duration.millis(1500); allowed: a whole number of seconds; Fastly stores this attribute in seconds [service/default-ttl]'],
  ];

  test.each(cases)('rejects %s', (_title, props, message) => {
    const stack = newStack();
    new VclService(stack, 'site', { name: 'www-example', domains: ['www.example.com'], ...props });
    expect(validationErrors(stack)).toEqual([`[edge/site] ${message}`]);
  });
});

describe('VclService checks across its blocks at synth', () => {
  test('names must be unique per block type', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'a', { address: 'a.example.com', name: 'origin' });
    new Backend(service, 'b', { address: 'b.example.com', name: 'origin', autoLoadbalance: true });
    new Healthcheck(service, 'check1', { host: 'a.example.com', name: 'check' });
    new Healthcheck(service, 'check2', { host: 'b.example.com', name: 'check' });
    expect(validationErrors(stack)).toEqual([
      '[edge/site] backend "origin" (edge/site/a) and backend "origin" (edge/site/b) have the same name; allowed: one backend per name in a service (Fastly matches blocks by name). Give one of them another name. [name/unique]',
      '[edge/site] healthcheck "check" (edge/site/check1) and healthcheck "check" (edge/site/check2) have the same name; allowed: one healthcheck per name in a service (Fastly matches blocks by name). Give one of them another name. [name/unique]',
      '[edge/site] default route: got 2 (backend "origin" (edge/site/a); the automatic load-balancing group (backend "origin" (edge/site/b))); allowed: exactly one, because Fastly picks one of several unconditioned backends arbitrarily. Give the others a request condition (routeWhen for a pool), or put them in one pool to balance them. [routing/default-route]',
    ]);
  });

  test('backend names that become the same VCL identifier', () => {
    const { stack, service } = newVclService();
    const isV1 = new Condition(service, 'IsV1', { statement: 'req.url ~ "^/v1/"', priority: 20 });
    const isV1Beta = new Condition(service, 'IsV1Beta', { statement: 'req.url ~ "^/v1beta/"', priority: 21 });
    new Backend(service, 'web', { address: 'web.example.com' });
    new Backend(service, 'a', { address: 'a.example.com', name: 'api-v1', requestCondition: isV1 });
    new Backend(service, 'b', { address: 'b.example.com', name: 'api.v1', requestCondition: isV1Beta });
    expect(validationErrors(stack)).toEqual([
      '[edge/site] backend "api-v1" (edge/site/a) and backend "api.v1" (edge/site/b) both become F_api_v1 in VCL; allowed: backend names that differ in letters, digits or "_". Rename one of them. [name/vcl-identifier]',
    ]);
  });

  test('several unconditioned backends make the default route arbitrary', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'primary', { address: 'primary.example.com' });
    new Backend(service, 'secondary', { address: 'secondary.example.com' });
    expect(validationErrors(stack)).toEqual([
      '[edge/site] default route: got 2 (backend "primary" (edge/site/primary); backend "secondary" (edge/site/secondary)); allowed: exactly one, because Fastly picks one of several unconditioned backends arbitrarily. Give the others a request condition (routeWhen for a pool), or put them in one pool to balance them. [routing/default-route]',
    ]);
  });

  test('no default route when every backend is conditioned', () => {
    const { stack, service } = newVclService();
    const isApi = new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"' });
    new Backend(service, 'api', { address: 'api.example.com', requestCondition: isApi });
    expect(validationErrors(stack)).toEqual([
      '[edge/site] default route: got none (every backend has a request condition); allowed: exactly one backend or pool without a condition (or one automatic load-balancing group) to serve requests that match no condition [routing/default-route]',
    ]);
  });

  test('an automatic load-balancing group is one default route, and must share one shield', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'a', { address: 'a.example.com', autoLoadbalance: true, shield: 'iad-va-us' });
    new Backend(service, 'b', { address: 'b.example.com', autoLoadbalance: true, shield: 'bfi-wa-us' });
    new Backend(service, 'c', { address: 'c.example.com', autoLoadbalance: true, shield: 'iad-va-us' });
    expect(validationErrors(stack)).toEqual([
      '[edge/site] automatic load-balancing group: got shields "iad-va-us", "bfi-wa-us" across backend "a" (edge/site/a), backend "b" (edge/site/b), backend "c" (edge/site/c); allowed: one shield for the whole group (Fastly errors on mixed shields) [routing/auto-loadbalance-shield]',
    ]);
  });

  test('an automatic load-balancing group sharing one shield is valid', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'a', { address: 'a.example.com', autoLoadbalance: true, shield: 'iad-va-us', weight: 30 });
    new Backend(service, 'b', { address: 'b.example.com', autoLoadbalance: true, shield: 'iad-va-us', weight: 70 });
    expect(serviceBody(stack).backend.map((b: any) => [b.name, b.auto_loadbalance, b.weight])).toEqual([['a', true, 30], ['b', true, 70]]);
  });

  test('two routing conditions with the same priority', () => {
    const { stack, service } = newVclService();
    const isApi = new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"' });
    const isAdmin = new Condition(service, 'IsAdmin', { statement: 'req.url ~ "^/admin/"' });
    new Backend(service, 'web', { address: 'web.example.com' });
    new Backend(service, 'api', { address: 'api.example.com', requestCondition: isApi });
    new Backend(service, 'admin', { address: 'admin.example.com', requestCondition: isAdmin });
    expect(validationErrors(stack)).toEqual([
      '[edge/site] routing conditions "IsAdmin" → backend "admin" (edge/site/admin) and "IsApi" → backend "api" (edge/site/api) all have priority 10; allowed: a distinct priority per routing condition. When several match a request the largest priority wins, and on a tie Fastly picks one arbitrarily: give the route that should win a larger number. [routing/priority-tie]',
    ]);
  });

  test('one routing condition for two backends', () => {
    const { stack, service } = newVclService();
    const isApi = new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"' });
    new Backend(service, 'web', { address: 'web.example.com' });
    new Backend(service, 'api', { address: 'api.example.com', requestCondition: isApi });
    new Backend(service, 'api2', { address: 'api2.example.com', requestCondition: isApi });
    expect(validationErrors(stack)).toEqual([
      '[edge/site] routing condition "IsApi" (edge/site/IsApi) routes to backend "api" (edge/site/api) and backend "api2" (edge/site/api2); allowed: one target per routing condition, because Fastly picks one of them arbitrarily when it matches. Use one condition per target. [routing/condition-target]',
    ]);
  });

  test('a service without backends is valid (e.g. one that only serves synthetic responses)', () => {
    const { stack } = newVclService();
    expect(serviceBody(stack)).not.toHaveProperty('backend');
  });
});
