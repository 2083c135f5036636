import { Testing } from 'cdktf';
import * as fc from 'fast-check';
import { ExampleStack } from '../../examples/app';
import { Backend, Condition, LoadBalancing, OriginPool } from '../../src';
import { RouteDecision, routeRequest, RoutedRequest } from '../../src/simulator/route-request';
import { newVclService, serviceBody } from '../util';

const STALE_OR_503 = 'Fastly serves a stale copy only within a stale-if-error window, which the service does not open (stale_if_error is off; '
  + 'an origin\'s Cache-Control: stale-if-error can), else responds 503';

/** Each share by backend name, so that shares compare with `toBeCloseTo`. */
function sharesOf(decision: RouteDecision): { [backend: string]: number } {
  return Object.fromEntries(decision.shares.map((share) => [share.backend, share.share]));
}

function expectShares(decision: RouteDecision, expected: { [backend: string]: number }): void {
  const actual = sharesOf(decision);
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  for (const [backend, share] of Object.entries(expected)) expect(actual[backend]).toBeCloseTo(share, 12);
}

/**
 * A service with a pool `api` of three origins weighted 100, 50 and 50, sharing a healthcheck. A
 * routed pool (routed by `IsApi`, `^/api/`) gets a default backend `web` next to it.
 */
function poolService(loadBalancing: LoadBalancing, routed: boolean): any {
  const { stack, service } = newVclService();
  const routeWhen = routed ? new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"', priority: 20 }) : undefined;
  if (routed) new Backend(service, 'web', { address: 'web.example.net' });
  new OriginPool(service, 'api', {
    origins: [100, 50, 50].map((weight, index) => ({ address: `api-${index + 1}.example.net`, weight })),
    healthcheck: { path: '/healthz' },
    loadBalancing,
    routeWhen,
  });
  return serviceBody(stack);
}

const ROUTES: Array<[string, boolean, string, string]> = [
  ['as the default route', false, '/users', 'no routing condition matched, so the request takes the default route: backend "api-1"'],
  ['behind routeWhen', true, '/api/users',
    'condition "IsApi" (priority 20) matched and is the highest-priority match, so the request goes to backend "api-1"'],
];

describe.each(ROUTES)('OriginPool %s', (_name, routed, url, toFirstOrigin) => {
  test('auto(): weighted over the healthy origins', () => {
    const body = poolService(LoadBalancing.auto(), routed);
    const decision = routeRequest(body, { url });
    expectShares(decision, { 'api-1': 0.5, 'api-2': 0.25, 'api-3': 0.25 });
    expect(decision.backend).toBeUndefined();
    expect(decision.reason).toBe(routed
      ? `${toFirstOrigin}; snippet "api-route-miss" hands it to director "api" (random, quorum 0%): api-1 50%, api-2 25%, api-3 25%`
      : 'the service has no routing conditions, so the request takes the default route: the automatic load-balancing group: api-1 50%, api-2 25%, '
        + 'api-3 25%');
    expect(decision.director).toBe(routed ? 'api' : undefined);

    const oneSick = routeRequest(body, { url, unhealthy: ['api-1'] });
    expectShares(oneSick, { 'api-2': 0.5, 'api-3': 0.5 });
    const oneLeft = routeRequest(body, { url, unhealthy: ['api-1', 'api-3'] });
    expectShares(oneLeft, { 'api-2': 1 });
    expect(oneLeft.backend).toBe('api-2');
  });

  test.each<[string, LoadBalancing, string]>([
    ['random', LoadBalancing.random({ quorum: 50 }), ''],
    ['hash', LoadBalancing.hash({ quorum: 50 }), '; requests for the same object (cache key) always go to the same origin'],
    ['client', LoadBalancing.client({ quorum: 50 }), '; requests from the same client always go to the same origin: the switch sets '
      + 'client.identity from Fastly-Client-IP, the address that first reached Fastly, which a shield hop does not change'],
  ])('%s(): the first origin hands over to the director, which splits by weight over healthy origins', (policy, loadBalancing, stickiness) => {
    const body = poolService(loadBalancing, routed);
    const director = `${toFirstOrigin}; snippet "api-route-miss" hands it to director "api" (${policy}, quorum 50%)`;

    const allHealthy = routeRequest(body, { url });
    expect(allHealthy).toMatchObject({ director: 'api', backend: undefined });
    expectShares(allHealthy, { 'api-1': 0.5, 'api-2': 0.25, 'api-3': 0.25 });
    expect(allHealthy.reason).toBe(`${director}: api-1 50%, api-2 25%, api-3 25%${stickiness}`);

    // Exactly half the weight is healthy: the quorum of 50% is reached.
    const atQuorum = routeRequest(body, { url, unhealthy: ['api-1'] });
    expectShares(atQuorum, { 'api-2': 0.5, 'api-3': 0.5 });
    expect(atQuorum.reason).toBe(`${director}: api-2 50%, api-3 50%${stickiness}`);

    const belowQuorum = routeRequest(body, { url, unhealthy: ['api-1', 'api-2'] });
    expect(belowQuorum).toMatchObject({ director: 'api', backend: undefined, shares: [] });
    expect(belowQuorum.reason).toBe(`${director}, but only 25% of its weight is healthy (api-1, api-2 are unhealthy), below the quorum, `
      + `so the director is down: ${STALE_OR_503}`);
  });

  test.each<[string[], string, string]>([
    [[], 'api-1', 'backend "api-1" is healthy, so failover snippet "api-route-miss" keeps it there'],
    [['api-2'], 'api-1', 'backend "api-1" is healthy, so failover snippet "api-route-miss" keeps it there'],
    [['api-1'], 'api-2', 'backend "api-1" is unhealthy, so failover snippet "api-route-miss" moves it to backend "api-2", the first healthy standby'],
    [['api-1', 'api-2'], 'api-3', 'backend "api-1" is unhealthy, so failover snippet "api-route-miss" moves it to backend "api-3", the first healthy standby'],
    [['api-1', 'api-3'], 'api-2', 'backend "api-1" is unhealthy, so failover snippet "api-route-miss" moves it to backend "api-2", the first healthy standby'],
  ])('failover(): with %j unhealthy the request goes to %s', (unhealthy, backend, step) => {
    const decision = routeRequest(poolService(LoadBalancing.failover(), routed), { url, unhealthy });
    expect(decision).toMatchObject({ backend, director: undefined, shares: [{ backend, share: 1 }] });
    expect(decision.reason).toBe(`${toFirstOrigin}; ${step}`);
  });

  test('failover(): with every origin unhealthy the request stays on the first, as the emitted VCL does', () => {
    const decision = routeRequest(poolService(LoadBalancing.failover(), routed), { url, unhealthy: ['api-1', 'api-2', 'api-3'] });
    expect(decision).toMatchObject({ backend: 'api-1', director: undefined, shares: [] });
    expect(decision.reason).toBe(`${toFirstOrigin}; backend "api-1" and every standby of failover snippet "api-route-miss" (api-2, api-3) are `
      + `unhealthy, so the request stays on backend "api-1", which is unhealthy: ${STALE_OR_503}`);
  });
});

describe('OriginPool behind routeWhen', () => {
  test('requests the condition does not match go to the default backend, never to the pool members', () => {
    const decision = routeRequest(poolService(LoadBalancing.random(), true), { url: '/about' });
    expect(decision).toEqual({
      backend: 'web',
      director: undefined,
      shares: [{ backend: 'web', share: 1 }],
      matchedConditions: [],
      winningCondition: undefined,
      undecidedConditions: [],
      randomConditions: [],
      destination: 'backend "web"',
      reason: 'no routing condition matched, so the request takes the default route: backend "web"',
    });
  });

  test('a director whose members are all unhealthy is down, even with quorum 0', () => {
    const decision = routeRequest(poolService(LoadBalancing.auto(), true), { url: '/api/x', unhealthy: ['api-1', 'api-2', 'api-3'] });
    expect(decision).toMatchObject({ director: 'api', backend: undefined, shares: [] });
    expect(decision.reason.endsWith(`(random, quorum 0%), but none of its members is healthy, so the director is down: ${STALE_OR_503}`)).toBe(true);
  });
});

describe('what Fastly does when nothing healthy serves a request', () => {
  test('with the service\'s stale_if_error on, stale content is served within stale_if_error_ttl', () => {
    const body = {
      backend: [{ name: 'web', healthcheck: 'check' }],
      healthcheck: [{ name: 'check', host: 'www.example.com', path: '/' }],
      stale_if_error: true,
      stale_if_error_ttl: 600,
    };
    expect(routeRequest(body, { url: '/', unhealthy: ['web'] }).reason).toBe('the service has no routing conditions, so the request takes the '
      + 'default route: backend "web", which is unhealthy: Fastly serves a stale copy if it expired less than 600 s ago (stale_if_error), '
      + 'else responds 503');
    const { stale_if_error_ttl: _ttl, ...defaultTtl } = body;
    expect(routeRequest(defaultTtl, { url: '/', unhealthy: ['web'] }).reason).toMatch(/less than 43200 s ago/);
  });
});

describe('WebSockets', () => {
  test('a request with an Upgrade header is told that return(upgrade) skips the pool switch', () => {
    const decision = routeRequest(poolService(LoadBalancing.random({ quorum: 50 }), true), { url: '/api/socket', headers: { Upgrade: 'websocket' } });
    expect(decision.reason).toBe('condition "IsApi" (priority 20) matched and is the highest-priority match, so the request goes to backend '
      + '"api-1"; snippet "api-route-miss" hands it to director "api" (random, quorum 50%): api-1 50%, api-2 25%, api-3 25%; a WebSocket '
      + 'request that the service passes with return(upgrade) in vcl_recv never reaches vcl_miss or vcl_pass, so the pool switch does not '
      + 'apply to it: it stays on backend "api-1"');
  });
});

describe('client directors behind a shield', () => {
  /** A pool `api` of two shielded origins behind a client director, whose switch snippets are replaced by `content`. */
  function clientPool(content?: string): any {
    const { stack, service } = newVclService();
    new OriginPool(service, 'api', {
      origins: [{ address: 'api-1.example.net' }, { address: 'api-2.example.net' }],
      loadBalancing: LoadBalancing.client({ quorum: 50 }),
      shield: 'iad-va-us',
    });
    const body = serviceBody(stack);
    if (content !== undefined) for (const snippet of body.snippet) snippet.content = content;
    return body;
  }

  test('the switch keys the director on Fastly-Client-IP, so a user sticks to one origin at the shield too', () => {
    expect(routeRequest(clientPool(), { url: '/' }).reason).toBe('no routing condition matched, so the request takes the default route: '
      + 'backend "api-1"; snippet "api-route-miss" hands it to director "api" (client, quorum 50%): api-1 50%, api-2 50%; requests from the '
      + 'same client always go to the same origin: the switch sets client.identity from Fastly-Client-IP, the address that first reached '
      + 'Fastly, which a shield hop does not change');
  });

  test('a hand-written switch that leaves client.identity alone sticks to the edge POP at the shield, and the reason says so', () => {
    const decision = routeRequest(clientPool('if (req.backend == F_api_1) {\n  set req.backend = api;\n}'), { url: '/' });
    expect(decision).toMatchObject({ director: 'api' });
    expect(decision.reason).toBe('no routing condition matched, so the request takes the default route: backend "api-1"; snippet '
      + '"api-route-miss" hands it to director "api" (client, quorum 50%): api-1 50%, api-2 50%; the director keys on client.identity, which '
      + 'defaults to client.ip: at the shield (iad-va-us) that is the address of the edge POP that forwarded the request, so requests stick '
      + 'to an edge cache node, not to a user. Set client.identity = req.http.Fastly-Client-IP before choosing the director');
  });
});

describe('quorum', () => {
  test('with the default quorum of 75%, one sick origin of two equal ones takes the whole pool down', () => {
    const { stack, service } = newVclService();
    new OriginPool(service, 'api', {
      origins: [{ address: 'api-1.example.net' }, { address: 'api-2.example.net' }],
      healthcheck: { path: '/healthz' },
      loadBalancing: LoadBalancing.random(),
    });
    const body = serviceBody(stack);
    expectShares(routeRequest(body, { url: '/' }), { 'api-1': 0.5, 'api-2': 0.5 });
    const decision = routeRequest(body, { url: '/', unhealthy: ['api-2'] });
    expect(decision).toMatchObject({ director: 'api', backend: undefined, shares: [] });
    expect(decision.reason).toBe('no routing condition matched, so the request takes the default route: backend "api-1"; snippet "api-route-miss" '
      + 'hands it to director "api" (random, quorum 75%), but only 50% of its weight is healthy (api-2 is unhealthy), below the quorum, so the '
      + `director is down: ${STALE_OR_503}`);
  });
});

describe('priority', () => {
  /** `IsApi` (`^/api/`) routes to `api`, the overlapping `IsApiV2` (`^/api/v2/`) to `api-v2`. */
  function overlapping(apiPriority: number, apiV2Priority: number): any {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.net' });
    new Backend(service, 'api', {
      address: 'api.example.net',
      requestCondition: new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"', priority: apiPriority }),
    });
    new Backend(service, 'api-v2', {
      address: 'api-v2.example.net',
      requestCondition: new Condition(service, 'IsApiV2', { statement: 'req.url ~ "^/api/v2/"', priority: apiV2Priority }),
    });
    return serviceBody(stack);
  }

  test('of two matching conditions the larger priority wins, because Fastly runs it last', () => {
    expect(routeRequest(overlapping(20, 30), { url: '/api/v2/users' })).toMatchObject({
      backend: 'api-v2',
      matchedConditions: ['IsApi', 'IsApiV2'],
      winningCondition: 'IsApiV2',
      reason: 'condition "IsApiV2" (priority 30) matched and is the highest-priority match, overriding condition "IsApi" (priority 20), '
        + 'so the request goes to backend "api-v2"',
    });
    expect(routeRequest(overlapping(30, 20), { url: '/api/v2/users' })).toMatchObject({
      backend: 'api',
      matchedConditions: ['IsApiV2', 'IsApi'],
      winningCondition: 'IsApi',
    });
  });

  test('a request only one of them matches goes to that one', () => {
    expect(routeRequest(overlapping(20, 30), { url: '/api/v1/users' })).toMatchObject({ backend: 'api', matchedConditions: ['IsApi'] });
  });
});

describe('the example app', () => {
  const body = serviceBody(new ExampleStack(Testing.app(), 'edge'));
  const web = { shares: { 'web-1': 0.5, 'web-2': 0.5 } };
  const api = { director: 'api', shares: { 'api-1': 2 / 3, 'api-2': 1 / 3 } };
  const assets = { backend: 'assets', shares: { assets: 1 } };
  const legacy = { backend: 'legacy', shares: { legacy: 1 } };

  test.each<[string, RoutedRequest, { backend?: string; director?: string; shares: { [backend: string]: number } }]>([
    ['the home page goes to the web pool', { url: '/' }, web],
    ['any other page goes to the web pool', { url: '/about/team.html' }, web],
    ['/api/ goes to the api director', { url: '/api/users' }, api],
    ['/api/ with a query string and POST', { url: '/api/users?page=2', method: 'POST' }, api],
    ['/api without a slash is not /api/', { url: '/api' }, web],
    ['/API/ does not match: regexes are case-sensitive', { url: '/API/users' }, web],
    ['/assets/ goes to the bucket', { url: '/assets/logo.png' }, assets],
    ['/assets without a slash is not /assets/', { url: '/assets' }, web],
    ['/legacy/ goes to the legacy backend', { url: '/legacy/index.php' }, legacy],
    ['/legacy/api/ is legacy: IsApi is anchored', { url: '/legacy/api/users' }, legacy],
    ['/assets/../api/ is /assets/ to the regex', { url: '/assets/../api/users' }, assets],
    ['web-1 sick: web-2 takes everything', { url: '/', unhealthy: ['web-1'] }, { backend: 'web-2', shares: { 'web-2': 1 } }],
    ['the whole web pool sick: nothing healthy serves', { url: '/', unhealthy: ['web-1', 'web-2'] }, { shares: {} }],
    ['api-2 sick: 66.7% healthy ≥ quorum 50%', { url: '/api/users', unhealthy: ['api-2'] }, { backend: 'api-1', director: 'api', shares: { 'api-1': 1 } }],
    ['api-1 sick: 33.3% healthy < quorum 50%, the director is down', { url: '/api/users', unhealthy: ['api-1'] }, { director: 'api', shares: {} }],
    ['the bucket sick', { url: '/assets/app.css', unhealthy: ['assets'] }, { backend: 'assets', shares: {} }],
    ['legacy has no healthcheck, so it is never sick', { url: '/legacy/', unhealthy: ['legacy'] }, legacy],
  ])('%s', (_name, request, expected) => {
    const decision = routeRequest(body, request);
    expect(decision.backend).toBe(expected.backend);
    expect(decision.director).toBe(expected.director);
    expectShares(decision, expected.shares);
    expect(decision.undecidedConditions).toEqual([]);
  });

  test('reasons', () => {
    expect(routeRequest(body, { url: '/api/users' }).reason).toBe('condition "IsApi" (priority 20) matched and is the highest-priority match, '
      + 'so the request goes to backend "api-1"; snippet "api-route-miss" hands it to director "api" (random, quorum 50%): api-1 66.7%, api-2 33.3%');
    expect(routeRequest(body, { url: '/' }).reason)
      .toBe('no routing condition matched, so the request takes the default route: the automatic load-balancing group: web-1 50%, web-2 50%');
    expect(routeRequest(body, { url: '/', unhealthy: ['web-1', 'web-2'] }).reason).toBe('no routing condition matched, so the request takes the '
      + `default route: the automatic load-balancing group (web-1, web-2), but all of them are unhealthy: ${STALE_OR_503}`);
    expect(routeRequest(body, { url: '/assets/a.css', unhealthy: ['assets'] }).reason).toBe('condition "IsAssets" (priority 30) matched and is '
      + `the highest-priority match, so the request goes to backend "assets", which is unhealthy: ${STALE_OR_503}`);
    expect(routeRequest(body, { url: '/legacy/', unhealthy: ['legacy', 'nope'] }).reason).toBe('condition "IsLegacy" (priority 10) matched and '
      + 'is the highest-priority match, so the request goes to backend "legacy"; backend "legacy" has no healthcheck, so Fastly never marks it '
      + 'unhealthy and it is treated as healthy; "nope" is not a backend of the service, so marking it unhealthy changes nothing');
  });
});

describe('conditions on headers, method, geo and case-insensitive regexes', () => {
  function featureService(): any {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.net' });
    const routes: Array<[string, string, string, number]> = [
      ['mobile', 'IsMobile', 'req.http.X-Device == "mobile"', 20],
      ['writes', 'IsWrite', 'req.method == "POST" || req.method == "PUT"', 30],
      ['europe', 'IsEurope', 'client.geo.continent_code == "EU"', 40],
      ['images', 'IsImage', 'req.url.ext ~ "(?i)^(jpe?g|png)$"', 50],
    ];
    for (const [backend, condition, statement, priority] of routes) {
      new Backend(service, backend, { address: `${backend}.example.net`, requestCondition: new Condition(service, condition, { statement, priority }) });
    }
    return serviceBody(stack);
  }
  const body = featureService();
  const inAmerica = { geo: { continent_code: 'NA' } };

  test.each<[string, RoutedRequest, string]>([
    ['a header, whatever the case of its name', { url: '/', headers: { 'x-device': 'mobile' }, ...inAmerica }, 'mobile'],
    ['a header value is compared exactly', { url: '/', headers: { 'X-Device': 'Mobile' }, ...inAmerica }, 'web'],
    ['a missing header does not match', { url: '/', ...inAmerica }, 'web'],
    ['the method', { url: '/', method: 'PUT', ...inAmerica }, 'writes'],
    ['the method wins over the header by priority', { url: '/', method: 'POST', headers: { 'X-Device': 'mobile' }, ...inAmerica }, 'writes'],
    ['the geo continent', { url: '/', geo: { continent_code: 'EU', country_code: 'DE' } }, 'europe'],
    ['a (?i) regex matches upper case', { url: '/photos/cat.JPG', ...inAmerica }, 'images'],
    ['a (?i) regex matches mixed case', { url: '/photos/cat.Png?w=200', ...inAmerica }, 'images'],
    ['an extension the regex does not list', { url: '/photos/cat.gif', ...inAmerica }, 'web'],
  ])('%s', (_name, request, backend) => {
    expect(routeRequest(body, request)).toMatchObject({ backend, undecidedConditions: [] });
  });

  test('without geo data the geo condition is undecided, and the route with it', () => {
    const decision = routeRequest(body, { url: '/', headers: { 'X-Device': 'mobile' } });
    expect(decision).toMatchObject({ backend: undefined, shares: [], matchedConditions: ['IsMobile'], undecidedConditions: ['IsEurope'] });
    expect(decision.reason).toBe('the route cannot be decided: condition "IsEurope" (priority 40, routing to backend "europe") could not be '
      + 'evaluated: client.geo.continent_code is not given (set geo.continent_code on the simulated request); if it does not match: condition '
      + '"IsMobile" (priority 20) matched and is the highest-priority match, so the request goes to backend "mobile"');
  });

  test('an undecided condition below the winning priority does not matter', () => {
    const decision = routeRequest(body, { url: '/a.png' });
    expect(decision).toMatchObject({ backend: 'images', winningCondition: 'IsImage', undecidedConditions: ['IsEurope'] });
    expect(decision.reason).toBe('condition "IsImage" (priority 50) matched and is the highest-priority match, so the request goes to backend '
      + '"images"; condition "IsEurope" (priority 40) could not be evaluated (client.geo.continent_code is not given (set geo.continent_code on '
      + 'the simulated request)), but a higher-priority match overrides it');
  });
});

describe('undecidable conditions', () => {
  test('a function the simulation does not model leaves the route undecided when it could win', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.net' });
    new Backend(service, 'api', {
      address: 'api.example.net',
      requestCondition: new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"', priority: 20 }),
    });
    new Backend(service, 'v3', {
      address: 'v3.example.net',
      requestCondition: new Condition(service, 'IsVersion3', { statement: 'std.atoi(req.http.X-Version) > 2', priority: 30 }),
    });
    const decision = routeRequest(serviceBody(stack), { url: '/api/users', headers: { 'X-Version': '3' } });
    expect(decision).toEqual({
      shares: [],
      matchedConditions: ['IsApi'],
      winningCondition: 'IsApi',
      undecidedConditions: ['IsVersion3'],
      randomConditions: [],
      destination: 'an undecided route',
      reason: 'the route cannot be decided: condition "IsVersion3" (priority 30, routing to backend "v3") could not be evaluated: the function '
        + 'std.atoi() is not simulated; if it does not match: condition "IsApi" (priority 20) matched and is the highest-priority match, so '
        + 'the request goes to backend "api"',
    });
  });
});

describe('hand-written configurations', () => {
  /** Attributes left out take the provider's defaults: weight 100, priority 10, quorum 75, director type 1. */
  const handWritten = {
    name: 'shop',
    backend: [
      { name: 'a', address: 'a.example.net', healthcheck: 'check' },
      { name: 'b', address: 'b.example.net', healthcheck: 'check', request_condition: 'Never' },
      { name: 'admin', address: 'admin.example.net', request_condition: 'IsAdmin' },
      { name: 'admin-api', address: 'admin-api.example.net', request_condition: 'IsAdminApi' },
    ],
    condition: [
      { name: 'Never', statement: 'false', type: 'REQUEST', priority: 0 },
      { name: 'IsAdmin', statement: 'req.url ~ "^/admin/"', type: 'REQUEST' },
      { name: 'IsAdminApi', statement: 'req.url ~ "^/admin/api/"', type: 'REQUEST' },
    ],
    healthcheck: [{ name: 'check', host: 'a.example.net', path: '/' }],
    director: [{ name: 'pool', backends: ['a', 'b'] }],
    snippet: [
      { name: 'to-pool', type: 'miss', content: 'if(req.backend==F_a){set req.backend=pool;}' },
      { name: 'canary', type: 'recv', content: 'if (randombool(1, 100)) {\n  set req.backend = F_b;\n}' },
    ],
  };
  const customVcl = 'snippet "canary" (recv) sets req.backend in custom VCL that the simulation does not run, so it may change the result';

  test('defaults fill what is left out; a hand-written switch is recognised; other VCL is a caveat', () => {
    const decision = routeRequest(handWritten, { url: '/' });
    expect(decision).toMatchObject({ director: 'pool', backend: undefined });
    expectShares(decision, { a: 0.5, b: 0.5 });
    expect(decision.reason).toBe('no routing condition matched, so the request takes the default route: backend "a"; snippet "to-pool" hands it '
      + 'to director "pool" (random, quorum 75%): a 50%, b 50%; requests that bypass the cache (vcl_pass) go to backend "a" instead, because '
      + `the pass snippets differ from the miss snippets; ${customVcl}`);
    expect(routeRequest(handWritten, { url: '/', unhealthy: ['b'] }).shares).toEqual([]);
  });

  test('a tie of priorities leaves the route undecided: Fastly picks arbitrarily, the simulation cannot know which', () => {
    const decision = routeRequest(handWritten, { url: '/admin/api/users' });
    expect(decision).toMatchObject({
      backend: undefined, shares: [], destination: 'an undecided route', matchedConditions: ['IsAdmin', 'IsAdminApi'], winningCondition: undefined,
    });
    expect(decision.reason).toBe('the route cannot be decided: "IsAdmin" and "IsAdminApi" both matched at priority 10, and Fastly runs equal '
      + 'priorities in an arbitrary order, so any of them may win; in name order: condition "IsAdminApi" (priority 10) matched and is the '
      + 'highest-priority match, overriding condition "IsAdmin" (priority 10), so the request goes to backend "admin-api"; '
      + `${customVcl}`);
  });

  test('VCL that sets req.backend in any other shape or place is reported as custom, not run', () => {
    const body = {
      backend: [{ name: 'web' }, { name: 'beta', request_condition: 'Never' }],
      condition: [{ name: 'Never', statement: 'false', priority: 0 }],
      director: [{ name: 'pool', backends: ['web', 'beta'] }],
      snippet: [
        { name: 'beta-users', type: 'miss', content: 'if (req.http.X-Beta) {\n  set req.backend = F_beta;\n}' },
        { name: 'too-early', type: 'recv', content: 'if (req.backend == F_web) {\n  set req.backend = pool;\n}' },
      ],
      vcl: [{ name: 'main', main: true, content: 'sub vcl_recv {\n#FASTLY recv\n  set req.backend = F_beta;\n}' }],
      dynamicsnippet: [{ name: 'overrides', type: 'recv' }],
    };
    expect(routeRequest(body, { url: '/' })).toMatchObject({
      backend: 'web',
      reason: 'no routing condition matched, so the request takes the default route: backend "web"; snippet "beta-users" (miss) sets '
        + 'req.backend in custom VCL that the simulation does not run, so it may change the result; snippet "too-early" (recv) sets req.backend in '
        + 'custom VCL that the simulation does not run, so it may change the result; custom VCL "main" sets req.backend, which the simulation does '
        + 'not run, so it may change the result; dynamic snippet "overrides" (recv) is managed outside the configuration; if it sets req.backend, '
        + 'it may change the result',
    });
  });

  test('no default route, and an ambiguous one', () => {
    const onlyRouted = { backend: [{ name: 'a', request_condition: 'IsA' }], condition: [{ name: 'IsA', statement: 'req.url ~ "^/a/"' }] };
    expect(routeRequest(onlyRouted, { url: '/' })).toMatchObject({
      backend: undefined,
      shares: [],
      reason: 'no routing condition matched, and there is no default route (every backend has a request condition), so the request has no backend',
    });
    const twoDefaults = { backend: [{ name: 'a' }, { name: 'b' }, { name: 'c', auto_loadbalance: true }] };
    expect(routeRequest(twoDefaults, { url: '/' })).toMatchObject({
      backend: undefined,
      shares: [],
      reason: 'the service has no routing conditions, and the default route is ambiguous: Fastly picks one of backend "a", backend "b", the '
        + 'automatic load-balancing group arbitrarily',
    });
  });

  test('a request condition that names no condition is undecided', () => {
    const body = { backend: [{ name: 'web' }, { name: 'api', request_condition: 'IsApi' }] };
    expect(routeRequest(body, { url: '/api/' })).toMatchObject({
      backend: undefined,
      undecidedConditions: ['IsApi'],
      reason: 'the route cannot be decided: condition "IsApi" (priority unknown, routing to backend "api") could not be evaluated: no condition '
        + 'of that name is defined; if it does not match: no routing condition matched, so the request takes the default route: backend "web"',
    });
  });

  test('a randombool() canary takes its share n/d of the traffic, never 0% or 100%', () => {
    const body = {
      backend: [{ name: 'web' }, { name: 'canary', request_condition: 'Canary' }],
      condition: [{ name: 'Canary', statement: 'randombool(1, 10)', priority: 50 }],
    };
    const decision = routeRequest(body, { url: '/' });
    expect(decision).toMatchObject({
      backend: undefined, director: undefined, matchedConditions: [], winningCondition: undefined, undecidedConditions: [], randomConditions: ['Canary'],
    });
    expectShares(decision, { canary: 0.1, web: 0.9 });
    expect(decision.reason).toBe('the route varies from request to request: 10% of such requests: condition "Canary" (priority 50) matched '
      + '(it matches 10% of such requests (randombool() draws anew for each request)) and is the highest-priority match, so the request goes to '
      + 'backend "canary"; 90%: no routing condition matched, so the request takes the default route: backend "web"');
  });

  test('a canary behind a matching condition: its share of what that condition matches; a later certain match overrides it', () => {
    const body = {
      backend: [{ name: 'web' }, { name: 'api', request_condition: 'IsApi' }, { name: 'api-canary', request_condition: 'ApiCanary' },
        { name: 'admin', request_condition: 'IsAdmin' }],
      condition: [
        { name: 'IsApi', statement: 'req.url ~ "^/api/"', priority: 10 },
        { name: 'ApiCanary', statement: 'req.url ~ "^/api/" && randombool(5, 100)', priority: 20 },
        { name: 'IsAdmin', statement: 'req.url ~ "^/api/admin/"', priority: 30 },
      ],
    };
    const api = routeRequest(body, { url: '/api/users' });
    expectShares(api, { 'api-canary': 0.05, 'api': 0.95 });
    expect(api).toMatchObject({ matchedConditions: ['IsApi'], randomConditions: ['ApiCanary'], backend: undefined });
    const admin = routeRequest(body, { url: '/api/admin/users' });
    expectShares(admin, { admin: 1 });
    expect(admin).toMatchObject({ backend: 'admin', winningCondition: 'IsAdmin', randomConditions: [] });
  });

  test('one condition routing to two backends leaves the route undecided', () => {
    const body = {
      backend: [{ name: 'web' }, { name: 'x', request_condition: 'IsX' }, { name: 'y', request_condition: 'IsX' }],
      condition: [{ name: 'IsX', statement: 'req.url ~ "^/x"' }],
    };
    expect(routeRequest(body, { url: '/x' })).toMatchObject({
      backend: undefined,
      shares: [],
      reason: 'the route cannot be decided: condition "IsX" routes to "x", "y", and Fastly picks one of them arbitrarily; in name order: '
        + 'condition "IsX" (priority 10) matched and is the highest-priority match, so the request goes to backend "y"',
    });
  });
});

describe('property: traffic shares of a pool', () => {
  const NUM_RUNS = 300;
  const MAX_ORIGINS = 6;

  test(`sum to 1 and are proportional to the weights of the healthy origins (numRuns ${NUM_RUNS})`, () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 2, maxLength: MAX_ORIGINS }),
      fc.constantFrom('auto', 'random', 'hash', 'client'),
      fc.boolean(),
      fc.integer({ min: 0, max: 100 }),
      fc.array(fc.boolean(), { minLength: MAX_ORIGINS, maxLength: MAX_ORIGINS }),
      (weights, mode, routed, quorum, sickFlags) => {
        const loadBalancing = mode === 'auto' ? LoadBalancing.auto()
          : mode === 'random' ? LoadBalancing.random({ quorum }) : mode === 'hash' ? LoadBalancing.hash({ quorum }) : LoadBalancing.client({ quorum });
        const { stack, service } = newVclService();
        const routeWhen = routed ? new Condition(service, 'IsPool', { statement: 'req.url ~ "^/pool/"', priority: 20 }) : undefined;
        if (routed) new Backend(service, 'web', { address: 'web.example.net' });
        new OriginPool(service, 'pool', {
          origins: weights.map((weight, index) => ({ address: `origin-${index + 1}.example.net`, weight })),
          healthcheck: { path: '/healthz' },
          loadBalancing,
          routeWhen,
        });
        const names = weights.map((_weight, index) => `pool-${index + 1}`);
        const unhealthy = names.filter((_name, index) => sickFlags[index]);
        const decision = routeRequest(serviceBody(stack), { url: routed ? '/pool/x' : '/x', unhealthy });

        const healthy = names.map((name, index) => ({ name, weight: weights[index] })).filter(({ name }) => !unhealthy.includes(name));
        const healthyWeight = healthy.reduce((sum, origin) => sum + origin.weight, 0);
        const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
        // The automatic group has no quorum; a routed auto() pool's director has quorum 0.
        const effectiveQuorum = mode === 'auto' ? 0 : quorum;
        const up = healthyWeight > 0 && healthyWeight * 100 >= effectiveQuorum * totalWeight;
        if (!up) {
          expect(decision.shares).toEqual([]);
          return;
        }
        const total = decision.shares.reduce((sum, share) => sum + share.share, 0);
        expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-9);
        expect(decision.shares.map((share) => share.backend)).toEqual(healthy.map((origin) => origin.name));
        decision.shares.forEach((share, index) => {
          expect(Math.abs(share.share - healthy[index].weight / healthyWeight)).toBeLessThanOrEqual(1e-9);
        });
      },
    ), { numRuns: NUM_RUNS });
  });
});
