'use strict';
/*
 * The benchmark apps: one plain-data description of an edge (`appSpec`), built twice —
 *
 * - `buildL2` with the library's constructs, exactly as a user writes a stack;
 * - `buildL1` with the generated L1 resources alone (`serviceVcl.ServiceVcl`,
 *   `serviceCompute.ServiceCompute`, `provider.FastlyProvider`) and literal block arrays that spell
 *   out what the constructs emit (README: "Origin pools", "Shielding", "Defaults"), at the same
 *   construct paths, so the synthesised JSON (logical ids included) must be identical.
 *
 * Plain JavaScript on purpose: the workers require `../lib`, the compiled package users get,
 * without any TypeScript compilation in the measured processes.
 */
const net = require('net');

/** Backends per service: a realistic cap, so large apps have many services rather than huge ones. */
const BACKENDS_PER_SERVICE = 50;
/** Every tenth service is a Compute service. */
const COMPUTE_EVERY = 10;
const SHIELDS = ['iad-va-us', 'frankfurt-de', 'london_city-uk', 'sjc-ca-us', 'nrt-tokyo-jp', 'amsterdam-nl', 'chi-il-us', 'sin-singapore-sg'];
/** AWS regions of the shielded buckets, with the shield `Pop.nearest('aws', region)` returns (the L1 baseline spells it out). */
const BUCKET_REGIONS = [
  ['us-east-1', 'iad-va-us'], ['eu-central-1', 'frankfurt-de'], ['eu-west-1', 'dub-dublin-ie'], ['us-west-2', 'bfi-wa-us'],
  ['ap-northeast-1', 'nrt-tokyo-jp'], ['ap-southeast-1', 'sin-singapore-sg'], ['eu-west-2', 'london-uk'], ['us-east-2', 'iad-va-us'],
];

// ---------------------------------------------------------------------------------------------
// The description. Durations are plain milliseconds in fields ending in `Ms`.
// ---------------------------------------------------------------------------------------------

/** An app of `backends` backends: `backends / 50` services, every tenth of them Compute. */
function appSpec(backends) {
  if (!Number.isInteger(backends) || backends <= 0 || backends % BACKENDS_PER_SERVICE !== 0) {
    throw new Error(`backends: got ${backends}; allowed: a positive multiple of ${BACKENDS_PER_SERVICE}`);
  }
  const services = [];
  for (let s = 0; s < backends / BACKENDS_PER_SERVICE; s++) {
    services.push(s % COMPUTE_EVERY === COMPUTE_EVERY - 1 ? computeSpec(s) : vclSpec(s));
  }
  const total = services.reduce((sum, service) => sum + countBackends(service), 0);
  if (total !== backends) throw new Error(`appSpec(${backends}) describes ${total} backends`);
  return services;
}

function countBackends(service) {
  if (service.kind === 'compute') return service.backends.length;
  return service.pools.reduce((sum, pool) => sum + pool.origins.length, 0) + service.shielded.length + service.backends.length;
}

/**
 * A storefront VCL service of 50 backends: a default auto pool, routed random / hash / failover /
 * client / auto pools behind conditions, eight shielded S3 buckets with their own healthchecks,
 * and fourteen plain conditioned backends, half of them sharing one healthcheck.
 */
function vclSpec(s) {
  const site = `shop${s}.example.com`;
  const shield = SHIELDS[s % SHIELDS.length];
  const hosts = (prefix, count) => Array.from({ length: count }, (_, j) => `${prefix}-${j + 1}.s${s}.example.net`);
  return {
    kind: 'vcl',
    id: `site-${s}`,
    name: `shop-${s}`,
    domains: [`www.${site}`, site, `*.cdn.${site}`],
    defaultTtlMs: s % 2 === 0 ? 600_000 : undefined,
    forceDestroy: s % 3 === 0 ? true : undefined,
    conditions: [
      { id: 'IsCacheable', statement: 'beresp.status == 200', type: 'CACHE' },
      { id: 'IsDebug', statement: 'req.http.X-Debug', type: 'RESPONSE', priority: 1 },
    ],
    pools: [
      {
        id: 'web',
        origins: hosts('web', 6).map((address, j) => (j === 2 ? { address, weight: 50 } : { address })),
        originDefaults: { overrideHost: `www.${site}`, minTlsVersion: '1.2' },
        healthcheck: { path: '/healthz', method: 'GET' },
        shield,
      },
      {
        id: 'api',
        mode: 'random',
        quorum: 50,
        retries: 3,
        route: { id: 'IsApi', statement: 'req.url ~ "^/api/"', priority: 20 },
        origins: hosts('api', 6).map((address, j) => (j === 1 ? { address, weight: 50 } : { address })),
        originDefaults: { overrideHost: `api.${site}`, firstByteTimeoutMs: 30_000, keepaliveTimeMs: 60_000 },
        healthcheck: { path: '/status', checkIntervalMs: 30_000, timeoutMs: 3_000, headers: { 'X-Health-Probe': 'fastly', 'Accept': 'text/plain' } },
        shield,
      },
      {
        id: 'search',
        mode: 'hash',
        quorum: 40,
        route: { id: 'IsSearch', statement: 'req.url ~ "^/search"', priority: 30 },
        origins: Array.from({ length: 5 }, (_, j) => ({ address: `10.${s % 250}.3.${j + 1}` })),
        originDefaults: { sslCertHostname: `search.${site}`, maxConn: 100 },
        healthcheck: { host: `search.${site}`, path: '/ping', expectedResponse: 204 },
      },
      {
        id: 'media',
        mode: 'failover',
        route: { id: 'IsMedia', statement: 'req.url ~ "^/media/"', priority: 40 },
        origins: hosts('media', 4).map((address, j) => (j === 0 ? { address, name: 'media-primary' } : { address })),
        originDefaults: { overrideHost: `media.${site}`, connectTimeoutMs: 2_000 },
        healthcheck: { path: '/ok', threshold: 2, window: 3, initial: 2 },
        shield: 'frankfurt-de',
      },
      {
        id: 'sessions',
        mode: 'client',
        retries: 2,
        route: { id: 'IsSessions', statement: 'req.url ~ "^/account/"', priority: 50 },
        origins: hosts('sessions', 4).map((address) => ({ address })),
        shield,
      },
      {
        id: 'reports',
        mode: 'auto',
        route: { id: 'IsReports', statement: 'req.url ~ "^/reports/"', priority: 60 },
        origins: hosts('reports', 3).map((address) => ({ address })),
        healthcheck: {},
      },
    ],
    shielded: BUCKET_REGIONS.map(([region, regionShield], k) => ({
      id: `bucket-${k}`,
      address: `shop${s}-assets-${k}.s3.${region}.amazonaws.com`,
      region,
      shield: regionShield,
      condition: { id: `IsBucket${k}`, statement: `req.url ~ "^/static/${k}/"`, priority: 100 + k },
      healthcheckOptions: k % 2 === 0 ? { path: '/health.txt' } : { path: '/ok.txt', threshold: 1, window: 2, initial: 1 },
    })),
    sharedHealthcheck: { id: 'legacy-health', host: `legacy.${site}`, path: '/up' },
    backends: Array.from({ length: 14 }, (_, k) => {
      const props = k % 3 === 0 ? { address: `203.0.113.${((s * 14) + k) % 250 + 1}`, sslCertHostname: `legacy${k}.${site}` }
        : k % 3 === 1 ? { address: `legacy-${k}.s${s}.example.net`, port: 8443, firstByteTimeoutMs: 20_000, betweenBytesTimeoutMs: 5_000 }
          : { address: `plain-${k}.s${s}.example.net`, useSsl: false };
      return {
        id: `legacy-${k}`,
        props,
        sharedHealthcheck: k % 2 === 0,
        condition: { id: `IsLegacy${k}`, statement: `req.url ~ "^/legacy/${k}/"`, priority: 200 + k },
      };
    }),
  };
}

/** A Compute service of 50 backends in groups of five, each group sharing a healthcheck. */
function computeSpec(s) {
  const zone = `app${s}.example.net`;
  return {
    kind: 'compute',
    id: `app-${s}`,
    name: `app-${s}`,
    domains: [`app${s}.example.com`, `api.app${s}.example.com`],
    package: { filename: `pkg/app-${s}.tar.gz` },
    healthchecks: Array.from({ length: 10 }, (_, g) => ({ id: `check-${g}`, host: `origin-${g}.${zone}`, path: '/healthz' })),
    backends: Array.from({ length: BACKENDS_PER_SERVICE }, (_, j) => {
      const g = Math.floor(j / 5);
      const props = { address: `o${j}.origin-${g}.${zone}`, overrideHost: `origin-${g}.${zone}` };
      if (j % 4 === 3) Object.assign(props, { port: 8443, keepaliveTimeMs: 30_000 });
      return { id: `origin-${j}`, props, healthcheck: `check-${g}` };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// L2: the library's constructs, as users write them.
// ---------------------------------------------------------------------------------------------

function buildL2(lib, stack, services) {
  new lib.FastlyProvider(stack, 'fastly', {});
  for (const spec of services) {
    if (spec.kind === 'vcl') l2Vcl(lib, stack, spec);
    else l2Compute(lib, stack, spec);
  }
}

/** A Duration as a user would write it. */
function duration(lib, ms) {
  if (ms % 60_000 === 0) return lib.Duration.minutes(ms / 60_000);
  if (ms % 1_000 === 0) return lib.Duration.seconds(ms / 1_000);
  return lib.Duration.millis(ms);
}

/** Spec props (with `...Ms` fields) to construct props (with Durations). */
function withDurations(lib, props) {
  const out = {};
  for (const [key, value] of Object.entries(props)) {
    if (key.endsWith('Ms')) out[key.slice(0, -2)] = duration(lib, value);
    else out[key] = value;
  }
  return out;
}

function l2Condition(lib, site, c) {
  return new lib.Condition(site, c.id, {
    statement: c.statement,
    ...(c.type ? { type: lib.ConditionType[c.type] } : {}),
    ...(c.priority !== undefined ? { priority: c.priority } : {}),
  });
}

function l2LoadBalancing(lib, pool) {
  switch (pool.mode) {
    case undefined: return undefined;
    case 'auto': return lib.LoadBalancing.auto();
    case 'failover': return lib.LoadBalancing.failover();
    default: return lib.LoadBalancing[pool.mode]({ quorum: pool.quorum, retries: pool.retries });
  }
}

function l2Vcl(lib, stack, spec) {
  const site = new lib.VclService(stack, spec.id, {
    name: spec.name,
    domains: spec.domains,
    defaultTtl: spec.defaultTtlMs === undefined ? undefined : duration(lib, spec.defaultTtlMs),
    forceDestroy: spec.forceDestroy,
  });
  for (const c of spec.conditions) l2Condition(lib, site, c);
  for (const pool of spec.pools) {
    new lib.OriginPool(site, pool.id, {
      origins: pool.origins.map((origin) => withDurations(lib, origin)),
      originDefaults: pool.originDefaults && withDurations(lib, pool.originDefaults),
      healthcheck: pool.healthcheck && withDurations(lib, pool.healthcheck),
      loadBalancing: l2LoadBalancing(lib, pool),
      routeWhen: pool.route && l2Condition(lib, site, pool.route),
      shield: pool.shield,
    });
  }
  for (const bucket of spec.shielded) {
    new lib.ShieldedBackend(site, bucket.id, {
      address: bucket.address,
      shield: lib.Pop.nearest('aws', bucket.region),
      requestCondition: l2Condition(lib, site, bucket.condition),
      healthcheckOptions: withDurations(lib, bucket.healthcheckOptions),
    });
  }
  const shared = spec.sharedHealthcheck;
  const legacyHealth = new lib.Healthcheck(site, shared.id, { host: shared.host, path: shared.path });
  for (const backend of spec.backends) {
    new lib.Backend(site, backend.id, {
      ...withDurations(lib, backend.props),
      healthcheck: backend.sharedHealthcheck ? legacyHealth : undefined,
      requestCondition: l2Condition(lib, site, backend.condition),
    });
  }
}

function l2Compute(lib, stack, spec) {
  const app = new lib.ComputeService(stack, spec.id, { name: spec.name, domains: spec.domains, package: spec.package });
  const checks = new Map(spec.healthchecks.map((h) => [h.id, new lib.Healthcheck(app, h.id, { host: h.host, path: h.path })]));
  for (const backend of spec.backends) {
    new lib.Backend(app, backend.id, { ...withDurations(lib, backend.props), healthcheck: checks.get(backend.healthcheck) });
  }
}

// ---------------------------------------------------------------------------------------------
// L1 baseline: the generated resources with literal block arrays.
// ---------------------------------------------------------------------------------------------

const DIRECTOR_TYPES = { auto: 1, random: 1, hash: 3, client: 4 };
const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const nonEmpty = (list) => (list.length > 0 ? list.sort(byName) : undefined);
const backendIdentifier = (name) => `F_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
const directorIdentifier = (name) => name.replace(/[^A-Za-z0-9_]/g, '_');

function buildL1(lib, stack, services) {
  const { Construct } = require('constructs');
  new lib.provider.FastlyProvider(stack, 'fastly', {});
  for (const spec of services) {
    // A plain construct with the service's id, so the resource path and logical id match the L2's.
    const scope = new Construct(stack, spec.id);
    const servicePath = `${stack.node.path}/${spec.id}`;
    if (spec.kind === 'vcl') new lib.serviceVcl.ServiceVcl(scope, 'Resource', l1VclConfig(spec, servicePath));
    else new lib.serviceCompute.ServiceCompute(scope, 'Resource', l1ComputeConfig(spec));
  }
}

function l1ServiceAttributes(spec, activate) {
  return {
    name: spec.name,
    comment: 'Managed by Terraform',
    activate,
    forceDestroy: spec.forceDestroy ?? false,
    stage: false,
    domain: [...spec.domains].sort().map((name) => ({ name })),
  };
}

function l1Condition(c) {
  return { name: c.id, statement: c.statement, type: c.type ?? 'REQUEST', priority: c.priority ?? 10 };
}

function l1Healthcheck(name, host, h) {
  const threshold = h.threshold ?? 3;
  const headers = Object.entries(h.headers ?? {}).map(([key, value]) => `${key}: ${value}`).sort();
  return {
    name,
    host,
    path: h.path ?? '/',
    method: h.method ?? 'HEAD',
    expectedResponse: h.expectedResponse ?? 200,
    checkInterval: h.checkIntervalMs ?? 15_000,
    timeout: h.timeoutMs ?? 5_000,
    threshold,
    window: h.window ?? 5,
    initial: h.initial ?? threshold,
    httpVersion: '1.1',
    headers: headers.length > 0 ? headers : undefined,
  };
}

/** Every attribute written out, with the documented defaults (README "Defaults"). */
function l1Backend(name, o, vcl, extra) {
  const useSsl = o.useSsl ?? true;
  const hostname = net.isIP(o.address) === 0;
  const sslCertHostname = o.sslCertHostname ?? (useSsl && hostname ? o.address : '');
  return {
    name,
    address: o.address,
    port: o.port ?? (useSsl ? 443 : 80),
    useSsl,
    sslCheckCert: true,
    sslCertHostname,
    sslSniHostname: useSsl ? sslCertHostname : '',
    sslCaCert: '',
    sslCiphers: '',
    sslClientCert: '',
    sslClientKey: '',
    minTlsVersion: o.minTlsVersion ?? '',
    maxTlsVersion: '',
    overrideHost: o.overrideHost ?? '',
    connectTimeout: o.connectTimeoutMs ?? 1_000,
    firstByteTimeout: o.firstByteTimeoutMs ?? 15_000,
    betweenBytesTimeout: o.betweenBytesTimeoutMs ?? 10_000,
    keepaliveTime: o.keepaliveTimeMs === undefined ? undefined : o.keepaliveTimeMs / 1_000,
    maxLifetime: 0,
    maxUse: 0,
    maxConn: o.maxConn ?? 200,
    errorThreshold: 0,
    weight: o.weight ?? 100,
    shield: extra.shield ?? '',
    shareKey: '',
    preferIpv6: !vcl,
    healthcheck: extra.healthcheck ?? '',
    ...(vcl ? { autoLoadbalance: extra.autoLoadbalance ?? false, requestCondition: extra.requestCondition ?? '' } : {}),
  };
}

function l1VclConfig(spec, servicePath) {
  const backend = [];
  const healthcheck = [];
  const condition = spec.conditions.map(l1Condition);
  const director = [];
  const snippet = [];
  let poolMemberOnly = false;

  for (const pool of spec.pools) {
    const mode = pool.mode ?? 'auto';
    if (pool.route) condition.push(l1Condition(pool.route));
    // Auto as the default route is Fastly's native balancing; everything else switches from the first origin.
    const usesSwitch = mode !== 'auto' || pool.route !== undefined;
    let healthcheckName = '';
    if (pool.healthcheck) {
      const defaults = pool.originDefaults ?? {};
      const host = pool.healthcheck.host
        ?? pool.origins.map((o) => o.overrideHost ?? defaults.overrideHost).find((h) => h !== undefined)
        ?? pool.origins.map((o) => o.address).find((a) => net.isIP(a) === 0);
      healthcheckName = `${pool.id}-health`;
      healthcheck.push(l1Healthcheck(healthcheckName, host, pool.healthcheck));
    }
    const names = pool.origins.map((o, i) => o.name ?? `${pool.id}-${i + 1}`);
    pool.origins.forEach((origin, i) => {
      const routing = !usesSwitch
        ? { autoLoadbalance: true }
        : { requestCondition: i === 0 ? pool.route?.id : 'pool-member-only' };
      if (usesSwitch && i > 0) poolMemberOnly = true;
      backend.push(l1Backend(names[i], { ...pool.originDefaults, ...origin }, true,
        { healthcheck: healthcheckName, shield: pool.shield, ...routing }));
    });
    if (!usesSwitch || names.length < 2) continue;

    const first = backendIdentifier(names[0]);
    let content;
    if (mode === 'failover') {
      const standbys = names.slice(1).map(backendIdentifier);
      content = [
        `# OriginPool "${pool.id}": requests routed to its first origin go to the first healthy origin in listed order.`,
        `if (req.backend == ${first} && !backend.${first}.healthy) {`,
        ...standbys.map((standby, j) => `  ${j === 0 ? 'if' : '} else if'} (backend.${standby}.healthy) {\n    set req.backend = ${standby};`),
        '  }',
        '}',
      ].join('\n');
    } else {
      director.push({
        name: pool.id,
        backends: [...names].sort(),
        type: DIRECTOR_TYPES[mode],
        quorum: pool.quorum ?? (mode === 'auto' ? 0 : 75),
        retries: pool.retries ?? 5,
        shield: '',
        comment: `OriginPool ${servicePath}/${pool.id} (${mode})`,
      });
      content = [
        `# OriginPool "${pool.id}": requests routed to its first origin go to its ${mode} director.`,
        `if (req.backend == ${first}) {`,
        ...(mode === 'client' ? ['  set client.identity = req.http.Fastly-Client-IP;'] : []),
        `  set req.backend = ${directorIdentifier(pool.id)};`,
        '}',
      ].join('\n');
    }
    for (const type of ['miss', 'pass']) snippet.push({ name: `${pool.id}-route-${type}`, type, priority: 100, content });
  }
  if (poolMemberOnly) condition.push({ name: 'pool-member-only', statement: 'false', type: 'REQUEST', priority: 0 });

  for (const bucket of spec.shielded) {
    condition.push(l1Condition(bucket.condition));
    const healthcheckName = `${bucket.id}-health`;
    healthcheck.push(l1Healthcheck(healthcheckName, bucket.address, bucket.healthcheckOptions));
    backend.push(l1Backend(bucket.id, { address: bucket.address, overrideHost: bucket.address }, true,
      { shield: bucket.shield, healthcheck: healthcheckName, requestCondition: bucket.condition.id }));
  }

  const shared = spec.sharedHealthcheck;
  healthcheck.push(l1Healthcheck(shared.id, shared.host, shared));
  for (const b of spec.backends) {
    condition.push(l1Condition(b.condition));
    backend.push(l1Backend(b.id, b.props, true,
      { healthcheck: b.sharedHealthcheck ? shared.id : '', requestCondition: b.condition.id }));
  }

  return {
    ...l1ServiceAttributes(spec, true),
    defaultTtl: (spec.defaultTtlMs ?? 3_600_000) / 1_000,
    backend: nonEmpty(backend),
    healthcheck: nonEmpty(healthcheck),
    condition: nonEmpty(condition),
    director: nonEmpty(director),
    snippet: nonEmpty(snippet),
  };
}

function l1ComputeConfig(spec) {
  return {
    ...l1ServiceAttributes(spec, spec.package !== undefined),
    package: spec.package,
    backend: nonEmpty(spec.backends.map((b) => l1Backend(b.id, b.props, false, { healthcheck: b.healthcheck }))),
    healthcheck: nonEmpty(spec.healthchecks.map((h) => l1Healthcheck(h.id, h.host, h))),
  };
}

module.exports = { appSpec, buildL2, buildL1, BACKENDS_PER_SERVICE };
