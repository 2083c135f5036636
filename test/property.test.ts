import { TerraformVariable, Testing } from 'cdktf';
import * as fc from 'fast-check';
import {
  Backend, BackendProps, Condition, ConditionType, Duration, Healthcheck, HealthcheckProps, LoadBalancing, OriginPool, ShieldedBackend,
  TlsVersion, validateServiceConfig,
} from '../src';
import { newVclService } from './util';
import { checkAgainstSchema } from '../src/fastly/provider-schema';

// Mostly left out, as in real stacks; each prop that is set is a chance to be wrong.
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 12 }, { arbitrary, weight: 1 });
/** Mostly the first (valid) value. */
const mostly = <T>(valid: T, ...others: T[]) =>
  fc.oneof({ arbitrary: fc.constant(valid), weight: 6 }, { arbitrary: fc.constantFrom(valid, ...others), weight: 1 });

// Values are drawn from small sets that mix valid and invalid inputs, so that a good share of the
// generated apps synthesise and the rest exercise the rules.
/** Stands for a deploy-time address: a TerraformVariable. */
const DEPLOY_TIME = 'deploy-time';
const address = mostly('origin.example.com', 'api.example.net', '2001:db8::1', '192.0.2.10', 'https://x.example.com', 'localhost', '', DEPLOY_TIME);
const hostname = fc.constantFrom('origin.example.com', 'cert.example.net', 'not a host', '');
const duration = fc.oneof(fc.integer({ min: -5, max: 120_000 }).filter((n) => n >= 0).map(Duration.millis),
  fc.double({ min: 0, max: 90, noNaN: true }).map(Duration.seconds), fc.integer({ min: 0, max: 3 }).map(Duration.minutes));
const shield = optional(mostly('iad-va-us', 'london_city-uk', 'bwi-va-us', 'lcy-london-uk'));
const tlsVersion = optional(mostly(TlsVersion.TLS_1_2, ...Object.values(TlsVersion), '1.4' as TlsVersion));

const backendOptions = fc.record({
  port: optional(fc.integer({ min: -1, max: 70_000 })),
  useSsl: optional(fc.boolean()),
  sslCheckCert: optional(fc.boolean()),
  sslCertHostname: optional(hostname),
  sslSniHostname: optional(hostname),
  minTlsVersion: tlsVersion,
  maxTlsVersion: tlsVersion,
  overrideHost: optional(fc.constantFrom('www.example.com', 'www.example.com:8080', 'http://bad')),
  connectTimeout: optional(duration),
  firstByteTimeout: optional(duration),
  keepaliveTime: optional(duration),
  maxConn: optional(fc.integer({ min: -1, max: 1000 })),
  weight: optional(fc.integer({ min: -1, max: 200 })),
  shareKey: optional(fc.constantFrom('key1', 'bad-key')),
  shield,
}, { requiredKeys: [] });

const healthcheckProps = fc.record({
  host: mostly('www.example.com', 'http://bad'),
  path: optional(fc.constantFrom('/', '/healthz', 'healthz')),
  method: optional(fc.constantFrom('GET', 'HEAD', 'get')),
  checkInterval: optional(duration),
  timeout: optional(duration),
  threshold: optional(fc.integer({ min: 0, max: 8 })),
  window: optional(fc.integer({ min: 0, max: 70 })),
  initial: optional(fc.integer({ min: 0, max: 8 })),
  startUnhealthy: optional(fc.boolean()),
  headers: optional(fc.dictionary(fc.constantFrom('X-Probe', 'Host', 'Bad Name'), fc.constantFrom('1', 'a\nb'))),
}, { requiredKeys: ['host'] });

const statement = mostly('req.url ~ "^/api/"', 'req.http.X-Debug', 'client.geo.country_code == "US"', 'req.ulr ~ "x"',
  'beresp.status == 200', 'req.url ~ "(unclosed"', 'std.prefixof(req.url, "/v1/")', '');

const app = fc.record({
  defaultBackend: fc.record({ address, options: backendOptions }),
  check: optional(healthcheckProps),
  routes: fc.array(fc.record({
    statement,
    type: mostly(ConditionType.REQUEST, ConditionType.CACHE),
    priority: fc.integer({ min: -1, max: 400 }),
    kind: fc.constantFrom('backend', 'pool', 'shielded'),
    address,
    options: backendOptions,
    loadBalancing: fc.constantFrom(LoadBalancing.auto(), LoadBalancing.random({ quorum: 50 }), LoadBalancing.hash(), LoadBalancing.failover()),
  }), { maxLength: 4 }),
});

type App = typeof app extends fc.Arbitrary<infer T> ? T : never;

function build(spec: App) {
  const { stack, service } = newVclService();
  let variables = 0;
  const resolve = (value: string) => value === DEPLOY_TIME ? new TerraformVariable(stack, `origin_${++variables}`, { type: 'string' }).stringValue : value;
  const check = spec.check && new Healthcheck(service, 'check', spec.check as HealthcheckProps);
  new Backend(service, 'web', { address: resolve(spec.defaultBackend.address), ...spec.defaultBackend.options, healthcheck: check } as BackendProps);
  spec.routes.forEach((route, index) => {
    const condition = new Condition(service, `Route${index}`, { statement: route.statement, type: route.type, priority: route.priority });
    const origin = { address: resolve(route.address), ...route.options };
    if (route.kind === 'backend') {
      new Backend(service, `b${index}`, { ...origin, requestCondition: condition } as BackendProps);
    } else if (route.kind === 'pool') {
      new OriginPool(service, `pool${index}`, {
        origins: [origin, { address: `origin-${index}.example.org`, shield: route.options.shield }],
        loadBalancing: route.loadBalancing,
        routeWhen: condition,
        healthcheck: { host: 'www.example.com' },
      });
    } else {
      new ShieldedBackend(service, `s${index}`, { ...origin, shield: route.options.shield ?? 'iad-va-us', requestCondition: condition });
    }
  });
  return stack;
}

describe('property: whatever synthesises is valid Fastly configuration', () => {
  test('every synthesised service passes validateServiceConfig and the schema check', () => {
    let cases = 0;
    let synthesised = 0;
    fc.assert(fc.property(app, (spec) => {
      cases++;
      let json: string;
      try {
        json = Testing.synth(build(spec), true);
      } catch (error) {
        // Rejected at synth: the error must be the library's, never a crash.
        expect((error as Error).message).toMatch(/^Validation failed with the following errors:\n {2}\[edge\//);
        return;
      }
      synthesised++;
      for (const [type, byId] of Object.entries<any>(JSON.parse(json).resource)) {
        for (const body of Object.values<any>(byId)) {
          expect(checkAgainstSchema(type, body)).toEqual([]);
          // What Fastly fails VCL compilation on, whatever the address is (the rules cannot see a deploy-time one).
          const checkedWithoutHostname = (body.backend ?? []).filter((b: any) => b.use_ssl && b.ssl_check_cert && b.ssl_cert_hostname === '');
          expect(checkedWithoutHostname).toEqual([]);
          expect(validateServiceConfig(body, { resourceType: type }).filter((finding) => finding.severity === 'error')).toEqual([]);
        }
      }
    }), { numRuns: 400, seed: 20261122 });
    console.log(`property: ${cases} generated apps, ${synthesised} synthesised and validated, ${cases - synthesised} rejected at synth`);
    expect(synthesised).toBeGreaterThan(cases / 10);
    expect(cases - synthesised).toBeGreaterThan(cases / 10);
  });
});
