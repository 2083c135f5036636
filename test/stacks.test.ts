import { App, TerraformStack, Testing } from 'cdktf';
import { ExampleStack } from '../examples/app';
import {
  Backend, ComputeService, Condition, ConditionType, Duration, FastlyProvider, Healthcheck, LoadBalancing, OriginPool, Pop,
  ShieldedBackend, TlsVersion, VclService,
} from '../src';
import { checkAgainstSchema } from '../src/fastly/provider-schema';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----';
const KEY = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\n-----END EC PRIVATE KEY-----';

/** A stack that sets every prop of every construct at least once. */
export function kitchenSinkStack(app: App = Testing.app()): TerraformStack {
  const stack = new TerraformStack(app, 'kitchen-sink');
  new FastlyProvider(stack, 'fastly', { baseUrl: 'https://api.example.net', forceHttp2: true });
  const site = new VclService(stack, 'site', {
    name: 'shop',
    domains: ['shop.example.com', '*.shop.example.com'],
    comment: 'Shop',
    versionComment: 'ci',
    activate: true,
    forceDestroy: true,
    stage: false,
    defaultTtl: Duration.minutes(30),
  });
  const check = new Healthcheck(site, 'check', {
    name: 'origin-check',
    host: 'origin.example.com',
    path: '/healthz',
    method: 'GET',
    expectedResponse: 204,
    checkInterval: Duration.seconds(10),
    timeout: Duration.seconds(2),
    threshold: 2,
    window: 3,
    initial: 2,
    httpVersion: '1.0',
    headers: { 'X-Probe': '1', 'Accept': 'text/plain' },
  });
  const isApi = new Condition(site, 'IsApi', { statement: 'req.url ~ "^/api/"', priority: 20 });
  new Condition(site, 'IsCacheable', { statement: 'beresp.status == 200', type: ConditionType.CACHE });
  new Condition(site, 'IsDebug', { statement: 'req.http.X-Debug', type: ConditionType.RESPONSE, priority: 1 });
  new Condition(site, 'IsPrefetch', { statement: 'req.url.ext == "jpg"', type: ConditionType.PREFETCH, priority: 2 });
  new Backend(site, 'web', { address: 'origin.example.com', healthcheck: check, shield: 'iad-va-us' });
  new Backend(site, 'api', {
    address: '198.51.100.7',
    name: 'api_v2',
    port: 8443,
    useSsl: true,
    sslCheckCert: true,
    sslCertHostname: 'api.example.com',
    sslSniHostname: 'api-sni.example.com',
    sslCaCert: CERT,
    sslCiphers: 'ECDHE-RSA-AES128-GCM-SHA256',
    sslClientCert: CERT,
    sslClientKey: KEY,
    minTlsVersion: TlsVersion.TLS_1_2,
    maxTlsVersion: TlsVersion.TLS_1_3,
    overrideHost: 'api.example.com',
    connectTimeout: Duration.millis(500),
    firstByteTimeout: Duration.seconds(20),
    betweenBytesTimeout: Duration.seconds(5),
    keepaliveTime: Duration.seconds(30),
    maxLifetime: Duration.minutes(5),
    maxUse: 100,
    maxConn: 50,
    errorThreshold: 3,
    weight: 10,
    shield: 'london_city-uk',
    shareKey: 'api2',
    preferIpv6: true,
    requestCondition: isApi,
  });
  new Backend(site, 'legacy', {
    address: '2001:db8::10', useSsl: false, requestCondition: new Condition(site, 'IsLegacy', { statement: 'req.url ~ "^/old/"', priority: 30 }),
  });
  new OriginPool(site, 'media', {
    name: 'media_pool',
    origins: [{ address: 'media-1.example.net', name: 'media-primary' }, { address: 'media-2.example.net', weight: 10, connectTimeout: Duration.seconds(2) }],
    originDefaults: { overrideHost: 'media.example.com', maxConn: 100 },
    healthcheck: { host: 'media.example.com', path: '/ping', expectedResponse: 204 },
    loadBalancing: LoadBalancing.failover(),
    routeWhen: new Condition(site, 'IsMedia', { statement: 'req.url ~ "^/media/"', priority: 40 }),
    shield: 'frankfurt-de',
  });
  new OriginPool(site, 'search', {
    origins: [{ address: 'search-1.example.net' }, { address: 'search-2.example.net' }, { address: 'search-3.example.net' }],
    loadBalancing: LoadBalancing.hash({ quorum: 34, retries: 2 }),
    routeWhen: new Condition(site, 'IsSearch', { statement: 'req.url ~ "^/search"', priority: 50 }),
  });
  new ShieldedBackend(site, 'bucket', {
    address: 'shop-assets.s3.eu-central-1.amazonaws.com',
    shield: Pop.nearest('aws', 'eu-central-1'),
    requestCondition: new Condition(site, 'IsBucket', { statement: 'req.url ~ "^/static/"', priority: 60 }),
    healthcheckOptions: { path: '/ok.txt', threshold: 1, window: 2, initial: 1 },
  });
  const app2 = new ComputeService(stack, 'app', {
    name: 'app', domains: ['app.example.com'], package: { filename: 'pkg/app.tar.gz', sourceCodeHash: 'abc' },
  });
  const appCheck = new Healthcheck(app2, 'check', { host: 'app-origin.example.com' });
  new Backend(app2, 'origin', { address: 'app-origin.example.com', healthcheck: appCheck, preferIpv6: true });
  return stack;
}

function exampleStack(): TerraformStack {
  return new ExampleStack(Testing.app(), 'edge');
}

/**
 * The synthesised JSON as JSON.stringify prints it: the same text on cdktf and cdktn, which print
 * an empty block differently (`{\n}` and `{}`), so one snapshot serves both builds.
 */
function synthesisedJson(stack: TerraformStack): string {
  return JSON.stringify(JSON.parse(Testing.synth(stack, true)), null, 2);
}

const stacks: Array<[string, () => TerraformStack]> = [['example', exampleStack], ['kitchen sink', kitchenSinkStack]];

describe.each(stacks)('%s stack', (_name, build) => {
  test('matches its snapshot', () => {
    expect(synthesisedJson(build())).toMatchSnapshot();
  });

  test('is byte-identical across synths', () => {
    expect(Testing.synth(build(), true)).toBe(Testing.synth(build(), true));
  });

  test('only uses attributes and blocks of the provider schema, with the right types', () => {
    const resources = JSON.parse(Testing.synth(build(), true)).resource;
    const bodies = Object.entries<any>(resources).flatMap(([type, byId]) => Object.values(byId).map((body) => [type, body] as const));
    expect(bodies.length).toBeGreaterThan(0);
    for (const [type, body] of bodies) {
      expect(checkAgainstSchema(type, body)).toEqual([]);
    }
  });
});

describe('checkAgainstSchema', () => {
  test('reports unknown attributes, wrong types, computed attributes, missing required attributes and bad nesting', () => {
    expect(checkAgainstSchema('fastly_service_vcl', {
      name: 'svc',
      active_version: 3,
      default_ttl: '3600',
      backend: [{ name: 'a', address: 'a.example.com', port: 443, use_tls: true }, { name: 'b' }],
      domain: { name: 'x.example.com' },
    })).toEqual([
      'fastly_service_vcl.active_version: computed by the provider, cannot be set',
      'fastly_service_vcl.default_ttl: expected "number", got "3600"',
      'fastly_service_vcl.backend[0].use_tls: not an attribute or block of the schema',
      'fastly_service_vcl.backend[1].address: required, but missing',
      'fastly_service_vcl.domain: expected a list of blocks, got {"name":"x.example.com"}',
    ]);
    expect(checkAgainstSchema('fastly_service_compute', { name: 'app', package: [{}, {}] }))
      .toEqual(['fastly_service_compute.package: at most 1 block(s) allowed, got 2']);
    expect(checkAgainstSchema('fastly_service_cdn', {})).toEqual(['fastly_service_cdn: not a resource of the provider schema']);
  });

  test('accepts Terraform expressions for any type', () => {
    expect(checkAgainstSchema('fastly_service_vcl', { name: '${var.name}', default_ttl: '${var.ttl}', activate: '${var.on}' })).toEqual([]);
  });
});
