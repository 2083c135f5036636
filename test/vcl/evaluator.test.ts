import { evaluateCondition, SimulatedRequest } from '../../src/vcl/evaluator';

const REQUEST: SimulatedRequest = {
  url: '/api/v1/users.json?page=2',
  method: 'POST',
  headers: { 'Host': 'www.example.com', 'X-Device': 'Mobile', 'X-Empty': '', 'Cookie': 'session=abc' },
  clientIp: '192.0.2.7',
  geo: { country_code: 'DE', continent_code: 'EU', region: 'BE', city: 'Berlin', latitude: 52.52, area_code: 0 },
  isSsl: true,
  restarts: 1,
};

/** The value of `statement` for `REQUEST` with some of its fields replaced. */
function valueOf(statement: string, request: Partial<SimulatedRequest> = {}): boolean | undefined {
  return evaluateCondition(statement, { ...REQUEST, ...request }).value;
}

describe('evaluateCondition: operators', () => {
  test.each<[string, boolean]>([
    ['req.url ~ "^/api/"', true],
    ['req.url ~ "^/API/"', false],
    ['req.url !~ "^/api/"', false],
    ['req.url !~ "^/assets/"', true],
    ['req.url == "/api/v1/users.json?page=2"', true],
    ['req.url != "/api/v1/users.json?page=2"', false],
    ['req.http.Host == "www.example.com"', true],
    ['req.http.Host == "WWW.EXAMPLE.COM"', false],
    ['req.restarts == 1', true],
    ['req.restarts != 1', false],
    ['req.restarts > 0', true],
    ['req.restarts < 1', false],
    ['req.restarts >= 1', true],
    ['req.restarts <= 0', false],
    ['client.geo.latitude > 52.5', true],
    ['client.geo.latitude < 52.5', false],
    ['true', true],
    ['false', false],
    ['!false', true],
    ['!(req.url ~ "^/api/")', false],
    ['req.method == "POST" && req.url ~ "^/api/"', true],
    ['req.method == "GET" && req.url ~ "^/api/"', false],
    ['req.method == "GET" || req.url ~ "^/api/"', true],
    ['req.method == "GET" || req.url ~ "^/assets/"', false],
    ['(req.method == "GET" || req.method == "POST") && !req.http.X-Skip', true],
    ['req.method == "GET" || req.method == "POST" && req.url ~ "^/assets/"', false],
  ])('%s → %s', (statement, expected) => {
    expect(evaluateCondition(statement, REQUEST)).toEqual({ value: expected });
  });

  test('"&&" binds tighter than "||", as in C', () => {
    expect(valueOf('req.method == "POST" || req.method == "GET" && false')).toBe(true);
  });

  test('comparisons between different types, and ordering of strings, are undecided', () => {
    expect(evaluateCondition('req.restarts == "1"', REQUEST))
      .toEqual({ value: undefined, reason: 'VCL cannot compare NUMBER with STRING using "=="' });
    expect(evaluateCondition('req.url < "/b"', REQUEST))
      .toEqual({ value: undefined, reason: 'VCL compares STRING values only with "==" and "!="' });
    expect(evaluateCondition('req.restarts', REQUEST))
      .toEqual({ value: undefined, reason: 'a number (1) is not a condition; VCL needs a comparison here' });
  });
});

describe('evaluateCondition: headers', () => {
  test('header names are case-insensitive, values are not', () => {
    expect(valueOf('req.http.x-device == "Mobile"')).toBe(true);
    expect(valueOf('req.http.X-DEVICE == "Mobile"')).toBe(true);
    expect(valueOf('req.http.X-Device == "mobile"')).toBe(false);
    expect(valueOf('req.http.host == "www.example.com"', { headers: { HOST: 'www.example.com' } })).toBe(true);
  });

  test('a missing header is not set: "==" is false, "!=" true, a bare reference false', () => {
    expect(valueOf('req.http.X-Missing == "a"')).toBe(false);
    expect(valueOf('req.http.X-Missing == ""')).toBe(false);
    expect(valueOf('req.http.X-Missing != "a"')).toBe(true);
    expect(valueOf('req.http.X-Missing == req.http.X-Other')).toBe(false);
    expect(valueOf('req.http.X-Missing')).toBe(false);
    expect(valueOf('!req.http.X-Missing')).toBe(true);
  });

  test('a regex sees a missing header as the empty string', () => {
    expect(valueOf('req.http.X-Missing ~ "^$"')).toBe(true);
    expect(valueOf('req.http.X-Missing ~ "."')).toBe(false);
    expect(valueOf('req.http.X-Missing !~ "."')).toBe(true);
  });

  test('a bare header reference is true when the header is present, even empty', () => {
    expect(valueOf('req.http.X-Device')).toBe(true);
    expect(valueOf('req.http.X-Empty')).toBe(true);
    expect(valueOf('req.http.X-Empty == ""')).toBe(true);
  });

  test('no headers at all', () => {
    expect(valueOf('req.http.Host', { headers: undefined })).toBe(false);
  });

  test('header subfields are undecided', () => {
    expect(evaluateCondition('req.http.Cookie:session == "abc"', REQUEST))
      .toEqual({ value: undefined, reason: 'header subfields such as req.http.Cookie:session are not simulated' });
  });
});

describe('evaluateCondition: regexes', () => {
  test('a leading (?i) makes the match case-insensitive', () => {
    expect(valueOf('req.url ~ "(?i)^/API/V1/"')).toBe(true);
    expect(valueOf('req.url ~ "^/API/V1/"')).toBe(false);
    expect(valueOf('req.http.X-Device ~ "(?i)^mobile$"')).toBe(true);
    expect(valueOf('req.url !~ "(?i)USERS"')).toBe(false);
  });

  test('leading (?s) and (?m) options map to JavaScript flags', () => {
    expect(valueOf('req.http.X-Text ~ "(?s)^a.b$"', { headers: { 'X-Text': 'a\nb' } })).toBe(true);
    expect(valueOf('req.http.X-Text ~ "(?m)^b$"', { headers: { 'X-Text': 'a\nb' } })).toBe(true);
    expect(valueOf('req.http.X-Text ~ "(?im)^B$"', { headers: { 'X-Text': 'a\nb' } })).toBe(true);
  });

  test('PCRE features that JavaScript reads differently are undecided, not guessed', () => {
    expect(evaluateCondition('req.url ~ "(?x)^/api"', REQUEST))
      .toEqual({ value: undefined, reason: 'the regex option (?x) in "(?x)^/api" is not simulated' });
    expect(evaluateCondition('req.url ~ "^/api\\z"', REQUEST))
      .toEqual({ value: undefined, reason: 'the regex escape \\z in "^/api\\z" is not simulated (JavaScript reads it differently from PCRE)' });
    expect(evaluateCondition('req.url ~ "a++"', REQUEST))
      .toEqual({ value: undefined, reason: 'the regex "a++" uses PCRE syntax that the simulation cannot run' });
  });

  test('escapes PCRE and JavaScript share are matched', () => {
    expect(valueOf('req.url ~ "\\.json\\?page=\\d+$"')).toBe(true);
    expect(valueOf('req.url ~ "^/api/v\\x31/"')).toBe(true);
  });

  test('"%XX" escapes in a quoted string are decoded; a long string is taken as written', () => {
    expect(valueOf('req.http.X-Title == "a%20b"', { headers: { 'X-Title': 'a b' } })).toBe(true);
    expect(valueOf('req.http.X-Title == {"a%20b"}', { headers: { 'X-Title': 'a%20b' } })).toBe(true);
    expect(valueOf('req.http.X-Title == "caf%C3%A9"', { headers: { 'X-Title': 'café' } })).toBe(true);
    expect(valueOf('req.http.X-Title == "a%00b"', { headers: { 'X-Title': 'a' } })).toBe(true);
    expect(valueOf('req.url ~ "%2Fapi%2F"')).toBe(true);
  });

  test('ACL matches are undecided', () => {
    expect(evaluateCondition('client.ip ~ office', REQUEST)).toEqual({ value: undefined, reason: 'matching against the ACL office is not simulated' });
  });
});

describe('evaluateCondition: derived and request variables', () => {
  test.each<[string, string, string]>([
    ['/api/v1/users.json?page=2', 'req.url.path', '/api/v1/users.json'],
    ['/api/v1/users.json?page=2', 'req.url.qs', 'page=2'],
    ['/api/v1/users.json?page=2', 'req.url.ext', 'json'],
    ['/api/v1/users.json?page=2', 'req.url.basename', 'users.json'],
    ['/api/v1/users.json?page=2', 'req.url.dirname', '/api/v1'],
    ['/a/b.tar.gz', 'req.url.ext', 'gz'],
    ['/a/b', 'req.url.ext', ''],
    ['/a/b', 'req.url.qs', ''],
    ['/a/b/', 'req.url.basename', 'b'],
    ['/a/b/', 'req.url.dirname', '/a/b'],
    ['/a', 'req.url.dirname', '/'],
    ['/', 'req.url.basename', '/'],
    ['/', 'req.url.dirname', '/'],
    ['/?x=1?y=2', 'req.url.qs', 'x=1?y=2'],
  ])('%s: %s is "%s"', (url, variable, expected) => {
    expect(valueOf(`${variable} == "${expected}"`, { url })).toBe(true);
  });

  test('req.method and req.request, GET by default', () => {
    expect(valueOf('req.method == "POST"')).toBe(true);
    expect(valueOf('req.request == "POST"')).toBe(true);
    expect(valueOf('req.method == "GET"', { method: undefined })).toBe(true);
  });

  test('req.restarts is 0 by default', () => {
    expect(valueOf('req.restarts == 0', { restarts: undefined })).toBe(true);
  });

  test('client.ip, req.is_ssl and geo fields decide only when given', () => {
    expect(valueOf('client.ip == "192.0.2.7"')).toBe(true);
    expect(evaluateCondition('client.ip == "192.0.2.7"', { url: '/' }))
      .toEqual({ value: undefined, reason: 'client.ip is not given (set clientIp on the simulated request)' });
    expect(valueOf('req.is_ssl')).toBe(true);
    expect(valueOf('!req.is_ssl', { isSsl: false })).toBe(true);
    expect(evaluateCondition('req.is_ssl', { url: '/' }))
      .toEqual({ value: undefined, reason: 'req.is_ssl is not given (set isSsl on the simulated request)' });
    expect(valueOf('client.geo.country_code == "DE"')).toBe(true);
    expect(valueOf('geoip.continent_code == "EU" && client.geo.city == "Berlin"')).toBe(true);
    expect(valueOf('client.geo.area_code == 0')).toBe(true);
    expect(evaluateCondition('client.geo.country_code == "DE"', { url: '/' }))
      .toEqual({ value: undefined, reason: 'client.geo.country_code is not given (set geo.country_code on the simulated request)' });
    expect(evaluateCondition('geoip.postal_code == "10115"', REQUEST))
      .toEqual({ value: undefined, reason: 'geoip.postal_code is not given (set geo.postal_code on the simulated request)' });
  });

  test('backend.F_<name>.healthy reads the health, by VCL identifier', () => {
    expect(evaluateCondition('backend.F_web_1.healthy', REQUEST, { unhealthy: ['web-1'] })).toEqual({ value: false });
    expect(evaluateCondition('backend.F_web_2.healthy', REQUEST, { unhealthy: ['web-1'] })).toEqual({ value: true });
    expect(evaluateCondition('backend.F_api_v1.healthy', REQUEST, { unhealthy: ['api.v1'] })).toEqual({ value: false });
    expect(evaluateCondition('backend.F_web_1.healthy', REQUEST)).toEqual({ value: true });
  });

  test('variables the simulation does not model are undecided', () => {
    expect(evaluateCondition('req.digest == "x"', REQUEST)).toEqual({ value: undefined, reason: 'the variable req.digest is not simulated' });
    expect(evaluateCondition('req.backend == F_web', REQUEST)).toEqual({ value: undefined, reason: 'the variable req.backend is not simulated' });
    expect(evaluateCondition('req.restarts < 5s', REQUEST)).toEqual({ value: undefined, reason: 'relative times such as 5s are not simulated' });
  });
});

describe('evaluateCondition: functions', () => {
  test.each<[string, boolean]>([
    ['std.prefixof(req.url, "/api/")', true],
    ['std.prefixof(req.url, "/assets/")', false],
    ['std.suffixof(req.url.path, ".json")', true],
    ['std.suffixof(req.url, ".json")', false],
    ['std.strlen(req.url.path) == 18', true],
    ['std.strlen(req.http.X-Missing) == 0', true],
    ['std.strlen("é") == 2', true],
    ['std.tolower(req.http.X-Device) == "mobile"', true],
    ['std.toupper(req.http.X-Device) == "MOBILE"', true],
    ['std.tolower(req.http.X-Missing)', false],
    ['std.strstr(req.url, "users")', true],
    ['std.strstr(req.url, "orders")', false],
    ['std.strstr(req.url, "users") == "users.json?page=2"', true],
  ])('%s → %s', (statement, expected) => {
    expect(evaluateCondition(statement, REQUEST)).toEqual({ value: expected });
  });

  test('randombool(n, d) holds for a share n/d of requests: undecided, with that probability, never a definite result', () => {
    const chance = (share: string) => `matches ${share} of such requests (randombool() draws anew for each request)`;
    expect(evaluateCondition('randombool(1, 10)', REQUEST)).toEqual({ value: undefined, probability: 0.1, reason: chance('10%') });
    expect(evaluateCondition('!randombool(1, 10)', REQUEST)).toEqual({ value: undefined, probability: 0.9, reason: chance('90%') });
    expect(evaluateCondition('req.url ~ "^/api/" && randombool(1, 10)', REQUEST)).toEqual({ value: undefined, probability: 0.1, reason: chance('10%') });
    // Each call draws on its own.
    expect(evaluateCondition('randombool(1, 4) || randombool(1, 4)', REQUEST)).toMatchObject({ value: undefined, probability: 7 / 16 });
    // Decided without it, or by it: a share of 0 or 1 is no chance.
    expect(evaluateCondition('req.url ~ "^/assets/" && randombool(1, 10)', REQUEST)).toEqual({ value: false });
    expect(evaluateCondition('randombool(0, 10)', REQUEST)).toEqual({ value: false });
    expect(evaluateCondition('randombool(12, 10)', REQUEST)).toEqual({ value: true });
    expect(evaluateCondition('randombool(1, 0)', REQUEST)).toEqual({ value: undefined, reason: 'randombool(1, 0) has no probability: its denominator is 0' });
    expect(evaluateCondition('randombool(std.atoi(req.http.X-Share), 100)', REQUEST))
      .toEqual({ value: undefined, reason: 'the function std.atoi() is not simulated' });
    expect(evaluateCondition('randombool_seeded(1, 10, 42)', REQUEST)).toEqual({ value: undefined, reason: 'the function randombool_seeded() is not simulated' });
  });

  test('unknown functions and wrong arguments are undecided', () => {
    expect(evaluateCondition('std.atoi(req.http.X-Version) > 2', REQUEST))
      .toEqual({ value: undefined, reason: 'the function std.atoi() is not simulated' });
    expect(evaluateCondition('std.prefixof(req.url)', REQUEST))
      .toEqual({ value: undefined, reason: 'std.prefixof() takes 2 argument(s), got 1' });
    expect(evaluateCondition('std.prefixof(req.restarts, "1")', REQUEST))
      .toEqual({ value: undefined, reason: 'std.prefixof() takes STRING arguments, got NUMBER' });
    expect(evaluateCondition('std.prefixof(client.ip, "192.")', { url: '/' }))
      .toEqual({ value: undefined, reason: 'client.ip is not given (set clientIp on the simulated request)' });
  });
});

describe('evaluateCondition: undecided values in logic', () => {
  const UNKNOWN = 'std.atoi(req.url) == 1';
  const reason = 'the function std.atoi() is not simulated';

  test.each<[string, boolean | undefined]>([
    [`false && ${UNKNOWN}`, false],
    [`${UNKNOWN} && false`, false],
    [`true && ${UNKNOWN}`, undefined],
    [`true || ${UNKNOWN}`, true],
    [`${UNKNOWN} || true`, true],
    [`false || ${UNKNOWN}`, undefined],
    [`!(${UNKNOWN})`, undefined],
  ])('%s → %s', (statement, expected) => {
    expect(evaluateCondition(statement, REQUEST)).toEqual(expected === undefined ? { value: undefined, reason } : { value: expected });
  });

  test('a statement that does not parse is undecided, with the parser\'s message', () => {
    expect(evaluateCondition('req.url = "/"', REQUEST))
      .toEqual({ value: undefined, reason: 'the statement is not valid VCL: column 9: unexpected "="; use "==" to compare' });
  });
});
