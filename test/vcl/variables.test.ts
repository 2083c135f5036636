import * as fs from 'fs';
import * as path from 'path';
import { checkConditionStatement, CONDITION_SUBROUTINES } from '../../src/vcl/variables';

interface DataFile {
  readonly source: string;
  readonly subroutines: string[];
  readonly types: { [name: string]: string };
  readonly variables: Array<{ name: string; type: string; readableIn: string[]; writableIn?: string[]; unsettableIn?: string[]; note?: string }>;
  readonly functions: Array<{ name: string; returns: string; declaredNameArguments?: number[]; note?: string }>;
}

const data = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'vcl-variables.json'), 'utf8')) as DataFile;

/** [condition type, statement] pairs from real-world services that Fastly accepts. */
const VALID_STATEMENTS: Array<[string, string]> = [
  ['REQUEST', 'req.url ~ "^/api/" && req.http.X-Debug'],
  ['REQUEST', 'std.prefixof(req.url, "/v1/")'],
  ['REQUEST', '!backend.F_origin_1.healthy || req.restarts > 0'],
  ['REQUEST', 'client.geo.country_code == "US"'],
  ['REQUEST', 'randombool(1, 10)'],
  ['REQUEST', 'req.url.ext == "jpg"'],
  ['REQUEST', 'time.is_after(now, std.time("2026-01-01", now))'],
  ['REQUEST', 'req.http.host ~ {"^(www\\.)?example\\.com$"}'],
  ['REQUEST', 'req.http.Fastly-SSL'],
  ['REQUEST', 'req.url ~ "(?i)^/static/"'],
  ['REQUEST', 'req.request == "PURGE"'],
  ['REQUEST', 'req.http.User-Agent ~ "bot" && !req.http.Cookie'],
  ['REQUEST', 'client.ip ~ internal_acl'],
  ['REQUEST', 'req.restarts == 0 && req.backend == F_primary'],
  ['REQUEST', 'std.strlen(req.url) > 100'],
  ['REQUEST', 'req.is_ssl == false'],
  ['REQUEST', '(req.url.ext == "css" || req.url.ext == "js")'],
  ['REQUEST', 'fastly.ff.visits_this_service == 0'],
  ['REQUEST', 'time.elapsed > 10s'],
  ['REQUEST', 'req.is_purge'],
  ['REQUEST', 'tls.client.protocol == "TLSv1.3"'],
  ['REQUEST', 'req.backend.is_shield'],
  ['REQUEST', 'req.http.x-forwarded-for ~ "^10\\."'],
  ['REQUEST', 'req.http.Cookie:beta == "1"'],
  ['REQUEST', 'geoip.country_code == "DE"'],
  ['REQUEST', 'client.as.number == 15169 || client.geo.conn_type == "mobile"'],
  ['REQUEST', 'table.contains(blocked_paths, req.url.path)'],
  ['REQUEST', 'table.lookup(redirects, req.url.path, "") != ""'],
  ['REQUEST', 'header.get(req, "X-Feature") == "on"'],
  ['REQUEST', 'std.count(req.headers) > 50'],
  ['REQUEST', 'digest.hash_sha256(req.http.X-Token) == "abc"'],
  ['REQUEST', 'querystring.get(req.url, "debug") == "true"'],
  ['REQUEST', 'director.origin_pool.healthy && math.is_finite(client.geo.latitude)'],
  ['REQUEST', 'ratecounter.rc_by_ip.rate.10s > 100'],
  ['REQUEST', 'fastly.try_select_shield(ssl_shield_iad_va_us, F_origin) == F_origin'],
  ['REQUEST', 'if(req.http.X-Variant, req.http.X-Variant, "control") == "beta"'],
  ['CACHE', 'beresp.status >= 500'],
  ['CACHE', 'beresp.http.Cache-Control !~ "private" && beresp.ttl > 0s'],
  ['CACHE', 'bereq.url ~ "^/origin/" && req.backend.is_origin'],
  ['CACHE', 'beresp.backend.name == "F_origin" && req.url ~ "^/api/"'],
  ['CACHE', 'beresp.http.Content-Type ~ "^text/" || beresp.http.Set-Cookie'],
  ['RESPONSE', 'resp.status == 404'],
  ['RESPONSE', 'resp.http.X-Cache ~ "HIT" && obj.hits > 0'],
  ['RESPONSE', 'req.backend.name == "F_origin"'],
  ['RESPONSE', 'tls.client.ja3_md5 == "e7d705a3286e19ea42f587b344ee6865"'],
  ['RESPONSE', 'resp.is_locally_generated || time.end > now'],
  ['PREFETCH', 'bereq.url ~ "^/origin/"'],
  ['PREFETCH', 'req.backend.is_origin && bereq.http.Host == "origin.example.com"'],
  ['PREFETCH', 'fastly.ff.visits_this_service == 0 && bereq.method == "GET"'],
];

/** [condition type, statement, messages]: statements Fastly would reject for what they read. */
const SCOPE_PROBLEMS: Array<[string, string, string[]]> = [
  ['REQUEST', 'beresp.status >= 500', [
    'column 1: "beresp.status" cannot be read in a REQUEST condition (vcl_recv); it is readable in vcl_fetch (CACHE conditions)',
  ]],
  ['REQUEST', 'resp.status == 404', [
    'column 1: "resp.status" cannot be read in a REQUEST condition (vcl_recv); it is readable in vcl_deliver and vcl_log (RESPONSE conditions)',
  ]],
  ['REQUEST', 'req.url ~ "^/a" && bereq.http.Host == "a"', [
    'column 20: "bereq.http.Host" cannot be read in a REQUEST condition (vcl_recv); '
      + 'it is readable in vcl_miss, vcl_pass and vcl_fetch (CACHE and PREFETCH conditions)',
  ]],
  ['REQUEST', 'req.backend.name == "F_a"', [
    'column 1: "req.backend.name" cannot be read in a REQUEST condition (vcl_recv); it is readable in vcl_error, vcl_deliver and vcl_log (RESPONSE conditions)',
  ]],
  ['REQUEST', 'req.backend.is_origin', [
    'column 1: "req.backend.is_origin" cannot be read in a REQUEST condition (vcl_recv); '
      + 'it is readable in vcl_miss, vcl_pass and vcl_fetch (CACHE and PREFETCH conditions)',
  ]],
  ['REQUEST', 'obj.status == 200', [
    'column 1: "obj.status" cannot be read in a REQUEST condition (vcl_recv); it is readable in vcl_hit and vcl_error, so no condition type can use it',
  ]],
  ['CACHE', 'resp.http.X-Cache ~ "MISS"', [
    'column 1: "resp.http.X-Cache" cannot be read in a CACHE condition (vcl_fetch); it is readable in vcl_deliver and vcl_log (RESPONSE conditions)',
  ]],
  ['CACHE', 'tls.client.protocol == "TLSv1.2"', [
    'column 1: "tls.client.protocol" cannot be read in a CACHE condition (vcl_fetch); '
      + 'it is readable in vcl_recv, vcl_hash, vcl_deliver and vcl_log (REQUEST and RESPONSE conditions)',
  ]],
  ['CACHE', 'obj.hits > 0', [
    'column 1: "obj.hits" cannot be read in a CACHE condition (vcl_fetch); it is readable in vcl_hit, vcl_deliver and vcl_log (RESPONSE conditions)',
  ]],
  ['RESPONSE', 'beresp.status >= 500', [
    'column 1: "beresp.status" cannot be read in a RESPONSE condition (vcl_deliver and vcl_log); it is readable in vcl_fetch (CACHE conditions)',
  ]],
  ['RESPONSE', 'resp.completed', [
    'column 1: "resp.completed" cannot be read in a RESPONSE condition (vcl_deliver and vcl_log); it is readable in vcl_log (RESPONSE conditions that only logging endpoints use)',
  ]],
  ['RESPONSE', 'fastly_info.is_cluster_edge', [
    'column 1: "fastly_info.is_cluster_edge" cannot be read in a RESPONSE condition (vcl_deliver and vcl_log); '
      + 'it is readable in vcl_deliver (RESPONSE conditions that only response headers use)',
  ]],
  ['PREFETCH', 'beresp.http.Vary', [
    'column 1: "beresp.http.Vary" cannot be read in a PREFETCH condition (vcl_miss and vcl_pass); it is readable in vcl_fetch (CACHE conditions)',
  ]],
  ['PREFETCH', 'tls.client.servername == "a"', [
    'column 1: "tls.client.servername" cannot be read in a PREFETCH condition (vcl_miss and vcl_pass); '
      + 'it is readable in vcl_recv, vcl_hash, vcl_deliver and vcl_log (REQUEST and RESPONSE conditions)',
  ]],
  ['PREFETCH', 'fastly.ff.visits_this_pop_this_service > 0', [
    'column 1: "fastly.ff.visits_this_pop_this_service" cannot be read in a PREFETCH condition (vcl_miss and vcl_pass); '
      + 'it is readable in vcl_miss, so no condition type can use it',
  ]],
];

/** [statement, messages] for names Fastly does not know, checked in a REQUEST condition. */
const UNKNOWN_NAMES: Array<[string, string[]]> = [
  ['req.ulr ~ "^/api/"', ['column 1: unknown variable "req.ulr"; did you mean "req.url"?']],
  ['req.htp.Host == "example.com"', ['column 1: unknown variable "req.htp.Host"; did you mean "req.http.Host"?']],
  ['req.URL ~ "^/api/"', ['column 1: unknown variable "req.URL"; did you mean "req.url"?']],
  ['client.geo.country == "US"', ['column 1: unknown variable "client.geo.country"; did you mean "client.geo.country_code"?']],
  ['client.geo.as.number == 1', ['column 1: unknown variable "client.geo.as.number"; did you mean "client.as.number"?']],
  ['backend.F_origin.helthy', ['column 1: unknown variable "backend.F_origin.helthy"; did you mean "backend.F_origin.healthy"?']],
  ['fastly.ff.visits_this_servce == 0', ['column 1: unknown variable "fastly.ff.visits_this_servce"; did you mean "fastly.ff.visits_this_service"?']],
  ['req.backend == origin', ['column 16: unknown variable "origin"']],
  ['std.prefix(req.url, "/v1/")', ['column 1: unknown function "std.prefix"; did you mean "std.prefixof"?']],
  ['randbool(1, 10)', ['column 1: unknown function "randbool"; did you mean "randombool"?']],
  ['frobnicate(req.url)', ['column 1: unknown function "frobnicate"']],
  ['header.set(req, "X-A", "1")', ['column 1: "header.set" returns no value, so a condition cannot test it']],
  ['table.contains(blocked, req.ulr)', ['column 25: unknown variable "req.ulr"; did you mean "req.url"?']],
];

describe('CONDITION_SUBROUTINES', () => {
  test('maps each condition type to the subroutines Fastly evaluates it in', () => {
    expect(CONDITION_SUBROUTINES).toEqual({
      REQUEST: ['RECV'],
      CACHE: ['FETCH'],
      RESPONSE: ['DELIVER', 'LOG'],
      PREFETCH: ['MISS', 'PASS'],
    });
  });

  test('names only subroutines the data table knows', () => {
    for (const subroutines of Object.values(CONDITION_SUBROUTINES)) {
      expect(data.subroutines).toEqual(expect.arrayContaining(subroutines));
    }
  });
});

describe('checkConditionStatement', () => {
  test('has a corpus of at least 40 valid statements', () => {
    expect(VALID_STATEMENTS.length).toBeGreaterThanOrEqual(40);
  });

  test.each(VALID_STATEMENTS)('accepts in a %s condition: %s', (type, statement) => {
    expect(checkConditionStatement(statement, type)).toEqual([]);
  });

  test.each(SCOPE_PROBLEMS)('in a %s condition, rejects %j', (type, statement, messages) => {
    expect(checkConditionStatement(statement, type).map((problem) => problem.message)).toEqual(messages);
  });

  test.each(UNKNOWN_NAMES)('rejects %j', (statement, messages) => {
    expect(checkConditionStatement(statement, 'REQUEST').map((problem) => problem.message)).toEqual(messages);
  });

  test('reports a syntax error as one problem at its column', () => {
    expect(checkConditionStatement('req.url ~ "^/api/" && ', 'REQUEST')).toEqual([
      { column: 22, message: 'column 22: expected an operand after "&&"', syntax: true },
    ]);
  });

  test('reports every problem, in column order', () => {
    expect(checkConditionStatement('std.prefix(req.ulr, "/") && beresp.status == 200', 'REQUEST')).toEqual([
      { column: 1, message: 'column 1: unknown function "std.prefix"; did you mean "std.prefixof"?', syntax: false },
      { column: 12, message: 'column 12: unknown variable "req.ulr"; did you mean "req.url"?', syntax: false },
      {
        column: 29,
        message: 'column 29: "beresp.status" cannot be read in a REQUEST condition (vcl_recv); it is readable in vcl_fetch (CACHE conditions)',
        syntax: false,
      },
    ]);
  });

  test('matches any header name, in any case, and any backend name', () => {
    for (const statement of ['req.http.X-Anything', 'req.http.fastly-client-ip', 'req.http.HOST', 'backend.F_Origin_2.healthy', 'backend.F_a.connections_open > 10']) {
      expect(checkConditionStatement(statement, 'REQUEST')).toEqual([]);
    }
  });

  test('reads locals declared where the condition runs, and narrows to the subroutines of its uses', () => {
    const statement = 'var.ship && resp.completed';
    expect(checkConditionStatement(statement, 'RESPONSE').map((problem) => problem.message)).toEqual([
      'column 1: the local "var.ship" is not declared in vcl_deliver and vcl_log, so it cannot be read there; declare it with "declare local var.ship STRING;" (or its type) in a snippet of that subroutine',
      'column 13: "resp.completed" cannot be read in a RESPONSE condition (vcl_deliver and vcl_log); it is readable in vcl_log (RESPONSE conditions that only logging endpoints use)',
    ]);
    expect(checkConditionStatement(statement, 'RESPONSE', { subroutines: ['LOG'], locals: new Set(['var.ship']) })).toEqual([]);
    // Locals that cannot be known are taken as declared.
    expect(checkConditionStatement('var.anything', 'REQUEST', { locals: undefined })).toEqual([]);
  });

  test('does not take a family for a longer name', () => {
    expect(checkConditionStatement('req.http.A.B', 'REQUEST').map((problem) => problem.message)).toEqual(['column 1: unknown variable "req.http.A.B"']);
  });

  test('refuses an unknown condition type', () => {
    expect(() => checkConditionStatement('req.url ~ "a"', 'DELIVER')).toThrow(
      'unknown condition type "DELIVER" (allowed: REQUEST, CACHE, RESPONSE, PREFETCH)');
    expect(() => checkConditionStatement('req.url ~ "a"', 'constructor')).toThrow('unknown condition type "constructor"');
  });
});

describe('data/vcl-variables.json', () => {
  const variableTypes = ['STRING', 'INTEGER', 'BOOL', 'TIME', 'RTIME', 'IP', 'FLOAT', 'BACKEND', 'ID'];

  test('says where its facts come from', () => {
    expect(data.source).toMatch(/predefined\.yml/);
    expect(data.source).toMatch(/fastly\.com\/documentation\/reference\/vcl\/variables/);
  });

  test('lists the VCL subroutines in request-flow order and describes every type', () => {
    expect(data.subroutines).toEqual(['RECV', 'HASH', 'HIT', 'MISS', 'PASS', 'FETCH', 'ERROR', 'DELIVER', 'LOG']);
    expect(Object.keys(data.types)).toEqual(expect.arrayContaining(variableTypes));
  });

  test('gives every variable a unique name, a type and known subroutines in request-flow order', () => {
    expect(new Set(data.variables.map((variable) => variable.name)).size).toBe(data.variables.length);
    for (const variable of data.variables) {
      expect(variable.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*(\.([A-Za-z0-9_]+|\*))*$/);
      expect(variableTypes).toContain(variable.type);
      // A variable can be read somewhere, or (beresp.saintmode) only set.
      expect(variable.readableIn.length + (variable.writableIn ?? []).length).toBeGreaterThan(0);
      for (const scope of [variable.readableIn, variable.writableIn ?? [], variable.unsettableIn ?? []]) {
        expect(scope).toEqual(data.subroutines.filter((subroutine) => scope.includes(subroutine)));
      }
      // What can be set or unset somewhere can be read there, unless it can only be set.
      if (variable.readableIn.length > 0) {
        for (const subroutine of [...variable.writableIn ?? [], ...variable.unsettableIn ?? []]) expect(variable.readableIn).toContain(subroutine);
      }
    }
  });

  test.each([
    ['req.url', ['RECV', 'HASH', 'HIT', 'MISS', 'PASS', 'FETCH', 'ERROR', 'DELIVER', 'LOG']],
    ['req.backend', ['RECV', 'HASH', 'HIT', 'MISS', 'PASS', 'FETCH', 'ERROR', 'DELIVER', 'LOG']],
    ['beresp.ttl', ['FETCH']],
    ['bereq.url', ['MISS', 'PASS', 'FETCH']],
    ['resp.http.*', ['DELIVER', 'LOG']],
    ['obj.status', ['HIT', 'ERROR']],
    ['req.enable_segmented_caching', ['RECV']],
    ['req.hash', ['HASH', 'ERROR']],
  ])('lets %s be set in %j', (name, writableIn) => {
    expect(data.variables.find((variable) => variable.name === name)?.writableIn).toEqual(writableIn);
  });

  test('keeps read-only variables from being set', () => {
    for (const name of ['client.ip', 'req.url.path', 'beresp.backend.name', 'req.restarts', 'resp.is_locally_generated']) {
      expect(data.variables.find((variable) => variable.name === name)?.writableIn).toBeUndefined();
    }
    expect(data.variables.filter((variable) => variable.unsettableIn !== undefined).map((variable) => variable.name).sort())
      .toEqual(['bereq.http.*', 'beresp.http.*', 'fastly.error', 'obj.http.*', 'req.http.*', 'resp.http.*']);
  });

  test('gives every function a unique name, a known return type and valid declared-name positions', () => {
    expect(new Set(data.functions.map((entry) => entry.name)).size).toBe(data.functions.length);
    for (const entry of data.functions) {
      expect(entry.name).toMatch(/^[a-z_][a-z0-9_]*(\.[a-z0-9_]+)*$/);
      expect(Object.keys(data.types)).toContain(entry.returns);
      for (const position of entry.declaredNameArguments ?? []) expect(Number.isInteger(position) && position >= 0).toBe(true);
    }
  });

  test.each([
    ['beresp.status', ['FETCH']],
    ['beresp.http.*', ['FETCH']],
    ['beresp.backend.name', ['FETCH']],
    ['resp.status', ['DELIVER', 'LOG']],
    ['resp.http.*', ['DELIVER', 'LOG']],
    ['bereq.url', ['MISS', 'PASS', 'FETCH']],
    ['bereq.http.*', ['MISS', 'PASS', 'FETCH']],
    ['req.backend.name', ['ERROR', 'DELIVER', 'LOG']],
    ['req.backend.is_origin', ['MISS', 'PASS', 'FETCH']],
    ['tls.client.protocol', ['RECV', 'HASH', 'DELIVER', 'LOG']],
    ['req.is_purge', ['RECV', 'HASH', 'DELIVER', 'LOG']],
    ['obj.status', ['HIT', 'ERROR']],
    ['req.http.*', ['RECV', 'HASH', 'HIT', 'MISS', 'PASS', 'FETCH', 'ERROR', 'DELIVER', 'LOG']],
    ['backend.*.healthy', ['RECV', 'HASH', 'HIT', 'MISS', 'PASS', 'FETCH', 'ERROR', 'DELIVER', 'LOG']],
  ])('scopes %s to %j', (name, readableIn) => {
    expect(data.variables.find((variable) => variable.name === name)?.readableIn).toEqual(readableIn);
  });

  test('keeps every beresp.* variable to vcl_fetch and every tls.client.* variable out of the cache subroutines', () => {
    for (const variable of data.variables.filter((entry) => entry.name.startsWith('beresp.'))) {
      expect([variable.readableIn, variable.writableIn ?? []]).toContainEqual(['FETCH']);
    }
    for (const variable of data.variables.filter((entry) => entry.name.startsWith('tls.client.'))) {
      expect(variable.readableIn).toEqual(['RECV', 'HASH', 'DELIVER', 'LOG']);
    }
  });
});
