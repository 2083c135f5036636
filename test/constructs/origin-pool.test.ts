import { TerraformVariable } from 'cdktf';
import { Backend, ComputeService, Condition, ConditionType, Duration, LoadBalancing, OriginPool, OriginPoolProps, VclService } from '../../src';
import { newStack, newVclService, serviceBody, synth, validationErrors, warningsOf } from '../util';

const TWO_ORIGINS = [{ address: 'api-1.example.net' }, { address: 'api-2.example.net', weight: 50 }];

/** The routing-relevant attributes of every backend, by name. */
function routing(body: any): Record<string, object> {
  return Object.fromEntries(body.backend.map((b: any) => [b.name, {
    auto_loadbalance: b.auto_loadbalance, request_condition: b.request_condition, weight: b.weight, shield: b.shield, healthcheck: b.healthcheck,
  }]));
}

/** A service with a pool `api`; a routed pool (routed by `IsApi`) gets a default backend `web` next to it. */
function poolBody(props: Partial<OriginPoolProps>, routed = false): any {
  const { stack, service } = newVclService();
  const routeWhen = routed ? new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"', priority: 20 }) : undefined;
  if (routed) new Backend(service, 'web', { address: 'web.example.net' });
  new OriginPool(service, 'api', { origins: TWO_ORIGINS, ...props, routeWhen });
  return serviceBody(stack);
}

describe('OriginPool: LoadBalancing.auto()', () => {
  test('as the default route: every origin is an auto_loadbalance backend; no director, no snippet', () => {
    const body = poolBody({});
    expect(routing(body)).toEqual({
      'api-1': { auto_loadbalance: true, request_condition: '', weight: 100, shield: '', healthcheck: '' },
      'api-2': { auto_loadbalance: true, request_condition: '', weight: 50, shield: '', healthcheck: '' },
    });
    expect(body.director).toBeUndefined();
    expect(body.snippet).toBeUndefined();
  });

  test('behind routeWhen: the first origin carries the condition and hands over to a random director up while any origin is healthy', () => {
    const body = poolBody({}, true);
    expect(routing(body)).toEqual({
      'api-1': { auto_loadbalance: false, request_condition: 'IsApi', weight: 100, shield: '', healthcheck: '' },
      'api-2': { auto_loadbalance: false, request_condition: 'pool-member-only', weight: 50, shield: '', healthcheck: '' },
      'web': { auto_loadbalance: false, request_condition: '', weight: 100, shield: '', healthcheck: '' },
    });
    expect(body.condition).toEqual([
      { name: 'IsApi', statement: 'req.url ~ "^/api/"', type: 'REQUEST', priority: 20 },
      { name: 'pool-member-only', statement: 'false', type: 'REQUEST', priority: 0 },
    ]);
    expect(body.director).toEqual([{
      name: 'api', backends: ['api-1', 'api-2'], type: 1, quorum: 0, retries: 5, shield: '', comment: 'OriginPool edge/site/api (auto)',
    }]);
    const content = '# OriginPool "api": requests routed to its first origin go to its auto director.\n'
      + 'if (req.backend == F_api_1) {\n  set req.backend = api;\n}';
    expect(body.snippet).toEqual([
      { name: 'api-route-miss', type: 'miss', priority: 100, content },
      { name: 'api-route-pass', type: 'pass', priority: 100, content },
    ]);
  });
});

describe.each([
  ['random', LoadBalancing.random({ quorum: 50, retries: 2 }), 1, 50, 2],
  ['hash', LoadBalancing.hash({ quorum: 25 }), 3, 25, 5],
  ['client', LoadBalancing.client({ quorum: 50, retries: 1 }), 4, 50, 1],
])('OriginPool: LoadBalancing.%s()', (mode, loadBalancing, type, quorum, retries) => {
  // A client director keys on client.identity, which defaults to client.ip: the edge POP's address at a shield.
  const identity = mode === 'client' ? '  set client.identity = req.http.Fastly-Client-IP;\n' : '';
  const content = `# OriginPool "api": requests routed to its first origin go to its ${mode} director.\n`
    + `if (req.backend == F_api_1) {\n${identity}  set req.backend = api;\n}`;
  const director = { name: 'api', backends: ['api-1', 'api-2'], type, quorum, retries, shield: '', comment: `OriginPool edge/site/api (${mode})` };

  test('as the default route: the first origin is the unconditioned default and hands over to the director', () => {
    const body = poolBody({ loadBalancing });
    expect(routing(body)).toEqual({
      'api-1': { auto_loadbalance: false, request_condition: '', weight: 100, shield: '', healthcheck: '' },
      'api-2': { auto_loadbalance: false, request_condition: 'pool-member-only', weight: 50, shield: '', healthcheck: '' },
    });
    expect(body.director).toEqual([director]);
    expect(body.snippet.map((s: any) => [s.name, s.type, s.content])).toEqual([['api-route-miss', 'miss', content], ['api-route-pass', 'pass', content]]);
  });

  test('behind routeWhen: the first origin carries the condition', () => {
    const body = poolBody({ loadBalancing }, true);
    expect(routing(body)['api-1']).toMatchObject({ request_condition: 'IsApi', auto_loadbalance: false });
    expect(routing(body)['api-2']).toMatchObject({ request_condition: 'pool-member-only' });
    expect(body.director).toEqual([director]);
    expect(body.snippet.map((s: any) => s.content)).toEqual([content, content]);
  });
});

describe('OriginPool: LoadBalancing.failover()', () => {
  const THREE = [{ address: 'primary.example.net' }, { address: 'standby-1.example.net' }, { address: 'standby-2.example.net' }];
  const content = '# OriginPool "web": requests routed to its first origin go to the first healthy origin in listed order.\n'
    + 'if (req.backend == F_web_1 && !backend.F_web_1.healthy) {\n'
    + '  if (backend.F_web_2.healthy) {\n    set req.backend = F_web_2;\n'
    + '  } else if (backend.F_web_3.healthy) {\n    set req.backend = F_web_3;\n'
    + '  }\n}';

  test('as the default route: no director; snippets move requests to the first healthy standby in order', () => {
    const { stack, service } = newVclService();
    const pool = new OriginPool(service, 'web', { origins: THREE, loadBalancing: LoadBalancing.failover(), healthcheck: { path: '/healthz' } });
    const body = serviceBody(stack);
    expect(routing(body)).toEqual({
      'web-1': { auto_loadbalance: false, request_condition: '', weight: 100, shield: '', healthcheck: 'web-health' },
      'web-2': { auto_loadbalance: false, request_condition: 'pool-member-only', weight: 100, shield: '', healthcheck: 'web-health' },
      'web-3': { auto_loadbalance: false, request_condition: 'pool-member-only', weight: 100, shield: '', healthcheck: 'web-health' },
    });
    expect(body.director).toBeUndefined();
    expect(body.snippet).toEqual([
      { name: 'web-route-miss', type: 'miss', priority: 100, content },
      { name: 'web-route-pass', type: 'pass', priority: 100, content },
    ]);
    expect(pool.backends.map((b) => b.name)).toEqual(['web-1', 'web-2', 'web-3']);
    expect(pool.healthcheck?.name).toBe('web-health');
  });

  test('behind routeWhen', () => {
    const { stack, service } = newVclService();
    const isWeb = new Condition(service, 'IsWeb', { statement: 'req.http.host == "www.example.com"', priority: 15 });
    new Backend(service, 'fallback', { address: 'fallback.example.net' });
    new OriginPool(service, 'web', { origins: THREE, loadBalancing: LoadBalancing.failover(), healthcheck: {}, routeWhen: isWeb });
    const body = serviceBody(stack);
    expect(routing(body)['web-1']).toMatchObject({ request_condition: 'IsWeb' });
    expect(body.snippet.map((s: any) => s.content)).toEqual([content, content]);
  });

  test('needs a healthcheck', () => {
    const { stack, service } = newVclService();
    new OriginPool(service, 'web', { origins: THREE, loadBalancing: LoadBalancing.failover() });
    expect(validationErrors(stack)).toEqual([
      '[edge/site/web] healthcheck: got undefined; allowed: a healthcheck for every origin with LoadBalancing.failover(); without one an origin is never marked sick, so the standbys would never take over [pool/failover-healthcheck]',
    ]);
  });
});

describe('OriginPool names and VCL identifiers', () => {
  test('a pool whose director would take the VCL identifier of a backend is rejected', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'api-1', { address: 'api-1.example.net' });
    new OriginPool(service, 'F_api_1', {
      origins: TWO_ORIGINS,
      loadBalancing: LoadBalancing.random({ quorum: 50 }),
      routeWhen: new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"', priority: 20 }),
    });
    expect(validationErrors(stack)).toEqual([
      '[edge/site] director "F_api_1" (edge/site/F_api_1) and backend "api-1" (edge/site/api-1) both become F_api_1 in VCL; allowed: a director '
        + 'name that is not "F_" followed by a backend name (Fastly calls backend "api-1" F_api_1 in VCL). Rename the director. [name/vcl-identifier]',
    ]);
  });

  test('a pool named like a Fastly-generated director or a VCL keyword is rejected on its name', () => {
    const { stack, service } = newVclService();
    new OriginPool(service, 'shield', { name: 'ssl_shield_iad_va_us', origins: TWO_ORIGINS, loadBalancing: LoadBalancing.hash({ quorum: 50 }) });
    expect(validationErrors(stack)).toEqual([
      '[edge/site/shield] name: got "ssl_shield_iad_va_us"; allowed: a name whose VCL identifier (ssl_shield_iad_va_us) does not start with '
        + '"ssl_shield_" or "autodirector_": Fastly\'s generated VCL declares its shield and automatic load-balancing directors with those names. '
        + 'Rename the director [name/reserved-identifier]',
    ]);
  });
});

describe('OriginPool with deploy-time addresses', () => {
  test('every origin gets its address as certificate and SNI hostname, the check probes the first, each guarded at plan', () => {
    const { stack, service } = newVclService();
    const first = new TerraformVariable(stack, 'api_1', { type: 'string' });
    const second = new TerraformVariable(stack, 'api_2', { type: 'string' });
    new OriginPool(service, 'api', { origins: [{ address: first.stringValue }, { address: second.stringValue }], healthcheck: { path: '/healthz' } });
    const body = Object.values<any>(synth(stack).resource.fastly_service_vcl)[0];
    expect(body.backend.map((b: any) => [b.ssl_cert_hostname, b.ssl_sni_hostname])).toEqual([
      ['${var.api_1}', '${var.api_1}'], ['${var.api_2}', '${var.api_2}'],
    ]);
    expect(body.healthcheck[0].host).toBe('${var.api_1}');
    expect(body.lifecycle.precondition.map((p: any) => [p.condition, p.error_message])).toEqual([
      ['${!can(regex("^[0-9.]+$|:", var.api_1))}', '[edge/site/api] address: got an IP address at deploy time; allowed: a hostname, because '
        + 'sslCertHostname, sslSniHostname and healthcheck.host were derived from the address as from a hostname. For an IP origin, set them '
        + 'explicitly, as for a literal IP address [backend/deploy-time-address].'],
      ['${!can(regex("^[0-9.]+$|:", var.api_2))}', '[edge/site/api/origins[1]] address: got an IP address at deploy time; allowed: a hostname, '
        + 'because sslCertHostname and sslSniHostname were derived from the address as from a hostname. For an IP origin, set them '
        + 'explicitly, as for a literal IP address [backend/deploy-time-address].'],
    ]);
  });
});

describe('OriginPool origins, healthcheck and shield', () => {
  test('originDefaults apply to every origin, an origin\'s own props win, the shield applies to all', () => {
    const { stack, service } = newVclService();
    const pool = new OriginPool(service, 'api', {
      origins: [{ address: 'api-1.example.net', name: 'east', firstByteTimeout: Duration.seconds(60) }, { address: 'api-2.example.net' }],
      originDefaults: { firstByteTimeout: Duration.seconds(20), overrideHost: 'api.example.com', shield: undefined },
      shield: 'iad-va-us',
    });
    const body = serviceBody(stack);
    expect(body.backend.map((b: any) => [b.name, b.first_byte_timeout, b.override_host, b.shield])).toEqual([
      ['api-2', 20000, 'api.example.com', 'iad-va-us'],
      ['east', 60000, 'api.example.com', 'iad-va-us'],
    ]);
    expect(pool.backends.map((b) => b.node.path)).toEqual(['edge/site/api/origins[0]', 'edge/site/api/origins[1]']);
  });

  test('the shared healthcheck takes its host from the override host, else the first hostname address', () => {
    const { stack, service } = newVclService();
    new OriginPool(service, 'api', {
      origins: [{ address: '192.0.2.1', sslCertHostname: 'api.example.com' }, { address: 'api-2.example.net' }],
      healthcheck: { path: '/healthz', checkInterval: Duration.seconds(30) },
    });
    new OriginPool(service, 'img', {
      origins: [{ address: 'img-1.example.net', overrideHost: 'img.example.com' }],
      healthcheck: {},
      routeWhen: new Condition(service, 'IsImg', { statement: 'req.url ~ "^/img/"' }),
    });
    expect(serviceBody(stack).healthcheck.map((h: any) => [h.name, h.host, h.path, h.check_interval])).toEqual([
      ['api-health', 'api-2.example.net', '/healthz', 30000],
      ['img-health', 'img.example.com', '/', 15000],
    ]);
  });

  test('a pool of IP origins needs a healthcheck host', () => {
    const { stack, service } = newVclService();
    new OriginPool(service, 'api', { origins: [{ address: '192.0.2.1', sslCertHostname: 'api.example.com' }], healthcheck: { path: '/healthz' } });
    expect(validationErrors(stack)).toEqual([
      '[edge/site/api] healthcheck.host: got undefined; allowed: the Host header to probe with; it is required here because no origin has an overrideHost or a hostname address to take it from [pool/healthcheck-host]',
    ]);
  });

  test('a single-origin pool needs no director', () => {
    const body = poolBody({ origins: [{ address: 'api-1.example.net' }], loadBalancing: LoadBalancing.random() });
    expect(routing(body)).toEqual({ 'api-1': { auto_loadbalance: false, request_condition: '', weight: 100, shield: '', healthcheck: '' } });
    expect(body.director).toBeUndefined();
    expect(body.snippet).toBeUndefined();
  });

  test('warns when Fastly\'s default quorum lets one sick origin take the pool down', () => {
    const { service } = newVclService();
    const pool = new OriginPool(service, 'api', { origins: TWO_ORIGINS, loadBalancing: LoadBalancing.random() });
    expect(warningsOf(pool)).toEqual([
      'with the default quorum of 75%, losing origin "api-1" leaves 33% of the weight healthy and the whole pool fails; set loadBalancing quorum explicitly (e.g. 33) to keep serving [pool/fragile-quorum]',
    ]);
    const chosen = new OriginPool(service, 'img', { origins: TWO_ORIGINS, loadBalancing: LoadBalancing.random({ quorum: 75 }), routeWhen: new Condition(service, 'IsImg', { statement: 'req.url ~ "^/img/"' }) });
    expect(warningsOf(chosen)).toEqual([]);
  });
});

describe('OriginPool rejects bad props', () => {
  const cases: Array<[string, Partial<OriginPoolProps>, string[]]> = [
    ['no origins', { origins: [] }, ['[edge/site/api] origins: got []; allowed: at least one origin, e.g. [{ address: "origin.example.com" }] [pool/origins]']],
    ['a name that is not a VCL identifier', { name: '1st-pool' },
      ['[edge/site/api] name: got "1st-pool"; allowed: 1 to 100 letters, digits, "_" or "-", starting with a letter (it names the pool\'s backends and director) [pool/name]']],
    ['origins with different shields', { origins: [{ address: 'a.example.net', shield: 'iad-va-us' }, { address: 'b.example.net', shield: 'bfi-wa-us' }] },
      ['[edge/site/api] origins: got ["iad-va-us", "bfi-wa-us"]; allowed: one shield for every origin of a pool (set the pool\'s shield prop); with mixed shields Fastly errors for automatic load balancing and a director would send a request to a shield its origin does not use [pool/shield]']],
    ['a quorum over 100', { loadBalancing: LoadBalancing.random({ quorum: 150 }) },
      ['[edge/site/api] loadBalancing.quorum: got 150; allowed: an integer from 0 to 100 [director/quorum]']],
    ['negative retries', { loadBalancing: LoadBalancing.hash({ retries: -1 }) },
      ['[edge/site/api] loadBalancing.retries: got -1; allowed: an integer >= 0 [director/retries]']],
    ['a bad quorum on a single-origin pool, which has no director', { origins: [{ address: 'a.example.net' }], loadBalancing: LoadBalancing.random({ quorum: -5 }) },
      ['[edge/site/api] loadBalancing.quorum: got -5; allowed: an integer from 0 to 100 [director/quorum]']],
    ['an origin\'s own bad prop, reported on that origin', { origins: [{ address: 'api-1.example.net', port: 0 }] },
      ['[edge/site/api/origins[0]] port: got 0; allowed: an integer from 1 to 65535 [backend/port]']],
  ];

  test.each(cases)('%s', (_title, props, messages) => {
    const { stack, service } = newVclService();
    new OriginPool(service, 'api', { origins: TWO_ORIGINS, ...props });
    expect(validationErrors(stack)).toEqual(messages);
  });

  test('a routeWhen of the wrong type or from another service', () => {
    const { stack, service } = newVclService();
    const other = new VclService(stack, 'other', { name: 'other', domains: ['other.example.com'] });
    const isCacheable = new Condition(service, 'IsCacheable', { statement: 'beresp.status == 200', type: ConditionType.CACHE });
    const elsewhere = new Condition(other, 'IsApi', { statement: 'req.url ~ "^/api/"' });
    new Backend(service, 'web', { address: 'web.example.net' });
    new OriginPool(service, 'api', { origins: TWO_ORIGINS, routeWhen: isCacheable });
    new OriginPool(service, 'img', { origins: TWO_ORIGINS.map((origin, i) => ({ ...origin, name: `img-${i}` })), routeWhen: elsewhere });
    expect(validationErrors(stack)).toEqual([
      '[edge/site/api] routeWhen: got <edge/site/IsCacheable>; allowed: a condition of type REQUEST; "IsCacheable" is a CACHE condition, but Fastly chooses backends in vcl_recv, where only REQUEST conditions run [reference/condition]',
      '[edge/site/img] routeWhen: got <edge/other/IsApi>; allowed: a Condition of the same service (edge/site); Fastly only resolves names inside one service [reference/condition]',
    ]);
  });

  test('a pool on a Compute service', () => {
    const stack = newStack();
    const app = new ComputeService(stack, 'app', { name: 'app', domains: ['app.example.com'] });
    new OriginPool(app, 'api', { origins: TWO_ORIGINS });
    expect(validationErrors(stack)).toEqual([
      '[edge/app/api] scope: got "edge/app"; allowed: a VclService; Compute services have no conditions or directors (balance origins in your Compute program, with Backend constructs) [pool/compute]',
    ]);
  });
});

describe('Routing across pools at synth', () => {
  test('two default pools', () => {
    const { stack, service } = newVclService();
    new OriginPool(service, 'web', { origins: [{ address: 'web-1.example.net' }, { address: 'web-2.example.net' }] });
    new OriginPool(service, 'api', { origins: TWO_ORIGINS, loadBalancing: LoadBalancing.random({ quorum: 50 }) });
    expect(validationErrors(stack)).toEqual([
      '[edge/site] default route: got 2 (pool "api" (edge/site/api); the automatic load-balancing group (pool "web" (edge/site/web))); allowed: exactly one, because Fastly picks one of several unconditioned backends arbitrarily. Give the others a request condition (routeWhen for a pool), or put them in one pool to balance them. [routing/default-route]',
    ]);
  });

  test('two routed pools with the same priority say how to pick the winner', () => {
    const { stack, service } = newVclService();
    new OriginPool(service, 'web', { origins: [{ address: 'web-1.example.net' }] });
    new OriginPool(service, 'api', { origins: TWO_ORIGINS, routeWhen: new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"', priority: 20 }) });
    new OriginPool(service, 'admin', { origins: [{ address: 'admin.example.net' }], routeWhen: new Condition(service, 'IsAdmin', { statement: 'req.http.host == "admin.example.com"', priority: 20 }) });
    expect(validationErrors(stack)).toEqual([
      '[edge/site] routing conditions "IsAdmin" → pool "admin" (edge/site/admin) and "IsApi" → pool "api" (edge/site/api) all have priority 20; allowed: a distinct priority per routing condition. When several match a request the largest priority wins, and on a tie Fastly picks one arbitrarily: give the route that should win a larger number. [routing/priority-tie]',
    ]);
  });

  test('director names that collide in VCL', () => {
    const { stack, service } = newVclService();
    new OriginPool(service, 'web', { origins: [{ address: 'web-1.example.net' }] });
    new OriginPool(service, 'api-v1', { origins: TWO_ORIGINS, routeWhen: new Condition(service, 'A', { statement: 'req.url ~ "^/a/"', priority: 1 }) });
    new OriginPool(service, 'api_v1', { origins: TWO_ORIGINS.map((o, i) => ({ ...o, name: `b${i}` })), routeWhen: new Condition(service, 'B', { statement: 'req.url ~ "^/b/"', priority: 2 }) });
    expect(validationErrors(stack)).toEqual([
      '[edge/site] director "api-v1" (edge/site/api-v1) and director "api_v1" (edge/site/api_v1) both become api_v1 in VCL; allowed: director names that differ in letters, digits or "_". Rename one of them. [name/vcl-identifier]',
    ]);
  });
});
