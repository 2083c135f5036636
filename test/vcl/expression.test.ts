import { parseVclExpression, variablesOf, VclExpressionKind, VclSyntaxError } from '../../src/vcl/expression';

/** Statements of the kind found in real Fastly services' conditions. */
const VALID_STATEMENTS = [
  'req.url ~ "^/api/" && req.http.X-Debug',
  'std.prefixof(req.url, "/v1/")',
  '!backend.F_origin_1.healthy || req.restarts > 0',
  'client.geo.country_code == "US"',
  'randombool(1, 10)',
  'req.url.ext == "jpg"',
  'beresp.status >= 500',
  'resp.status == 404',
  'time.is_after(now, std.time("2026-01-01", now))',
  'req.http.host ~ {"^(www\\.)?example\\.com$"}',
  'req.http.Fastly-SSL',
  'req.url ~ "(?i)^/static/"',
  'req.url ~ "^/(?i)static/"',
  'req.request == "PURGE"',
  'req.http.User-Agent ~ "bot" && !req.http.Cookie',
  'client.ip ~ internal_acl',
  'client.ip !~ office_acl',
  'req.restarts == 0 && req.backend == F_primary',
  'req.backend != F_fallback',
  'std.strlen(req.url) > 100',
  'req.is_ssl == false',
  '(req.url.ext == "css" || req.url.ext == "js")',
  'fastly.ff.visits_this_service == 0',
  'time.elapsed > 10s',
  'time.elapsed >= 1.5m',
  'req.http.X-Forwarded-For',
  'req.http.Fastly-Client-IP ~ "^10\\."',
  'req.method != "GET" && req.method != "HEAD"',
  'req.url.path ~ "^/(images|css|js)/"',
  'req.http.Accept-Encoding ~ "gzip"',
  'beresp.http.Content-Type ~ "^text/"',
  'beresp.ttl <= 0s',
  'beresp.http.Cache-Control !~ "private"',
  'resp.http.X-Cache ~ "HIT"',
  'req.http.Cookie:beta == "1"',
  'table.contains(redirects, req.url.path)',
  'table.lookup(redirects, req.url.path, "") != ""',
  'digest.hash_sha256(req.http.X-Token) == "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"',
  'client.geo.continent_code == "EU" && !req.http.X-Override',
  'server.datacenter == "LHR"',
  'req.http.host == "www.example.com" && req.url.qs ~ "(^|&)preview=1(&|$)"',
  'querystring.get(req.url, "debug") == "true"',
  'randombool_seeded(10, 100, std.strtol(substr(digest.hash_md5(req.http.Fastly-Client-IP), 0, 8), 16))',
  'req.backend.is_shield',
  'fastly_info.is_h2 || fastly_info.is_h3',
  'tls.client.protocol ~ "^TLSv1\\.[01]$"',
  'client.as.number == 15169',
  'req.url.basename ~ "\\.(png|gif)$"',
  'header.get(req, "X-Feature") == "on"',
  'std.suffixof(req.http.host, ".example.com")',
  'bereq.url ~ "^/origin/"',
  'client.geo.latitude > 51.5 && client.geo.longitude < -0.1',
  'if(req.http.X-Variant, req.http.X-Variant, "control") == "beta"',
  'req.http.Host ~ {JSON"^api\\.(\\w+)"JSON}',
  'req.http.X-Country == client.geo.country_code',
  'req.url ~ "^/(?:a|b)++$"',
  'req.url ~ "(?P<section>[a-z]+)/(?>x|y)"',
  '  req.url ~ "^/api/"\n  && req.http.X-Debug  ',
  'req.http.X ~ "[(]"',
];

/** [statement, column, message] for statements Fastly would refuse. */
const INVALID_STATEMENTS: Array<[string, number, string]> = [
  ['', 1, 'the statement is empty; write a VCL boolean expression such as req.url ~ "^/api/"'],
  ['   ', 1, 'the statement is empty; write a VCL boolean expression such as req.url ~ "^/api/"'],
  ['req.url ~ "^/api/', 11, 'unterminated string'],
  ['req.url ~ "^/api/\n" || true', 11, 'unterminated string'],
  ['req.url ~ {"^/api/', 11, 'unterminated long string; it needs a closing "}'],
  ['req.url ~ {X"^/api/"}', 11, 'unterminated long string; it needs a closing "X}'],
  ['req.url == "a" &&', 18, 'expected an operand after "&&"'],
  ['req.url == "a" && || req.http.X', 19, 'expected an operand after "&&"'],
  ['req.url ==', 11, 'expected an operand after "=="'],
  ['!', 2, 'expected an operand after "!"'],
  ['&& req.url', 1, 'unexpected "&&"'],
  ['()', 2, 'expected an operand after "("'],
  ['std.prefixof(req.url, )', 23, 'expected an operand after ","'],
  ['(req.url ~ "a"', 15, 'missing ")" to close the "(" at column 1'],
  ['((req.url ~ "a") || req.http.X', 31, 'missing ")" to close the "(" at column 1'],
  ['std.prefixof(req.url, "/v1/"', 29, 'missing ")" to close the call to "std.prefixof" at column 1'],
  ['req.url ~ "a")', 14, 'unexpected ")"'],
  [')', 1, 'unexpected ")"'],
  ['req.url = "/"', 9, 'unexpected "="; use "==" to compare'],
  ['req.url ~ "a" & req.http.X', 15, 'unexpected "&"; use "&&" for "and"'],
  ['req.url ~ "a" | req.http.X', 15, 'unexpected "|"; use "||" for "or"'],
  ['"^/api/" ~ req.url', 12, 'expected a regex string literal or an ACL name after "~"'],
  ['req.url ~ req.http.X-Pattern', 11, 'expected a regex string literal or an ACL name after "~"'],
  ['req.url !~ std.tolower("A")', 12, 'expected a regex string literal or an ACL name after "!~"'],
  ['req.url ~', 10, 'expected a regex string literal or an ACL name after "~"'],
  ['req.url ~ "^/api/("', 11, 'regex does not compile: Unterminated group'],
  ['req.url ~ "[a-"', 11, 'regex does not compile: Unterminated character class'],
  ['req.url ~ "a**"', 11, 'regex does not compile: Nothing to repeat'],
  ['req.url ~ "a" req.http.X', 15, 'expected an operator before "req.http.X"; a condition cannot concatenate values'],
  ['req.url == "a" "b"', 16, 'expected an operator before "b"; a condition cannot concatenate values'],
  ['std.prefixof(req.url "/v1/")', 22, 'expected an operator before "/v1/"; a condition cannot concatenate values'],
  ['req.url == "a" + "b"', 16, 'unexpected "+"; a condition cannot concatenate strings'],
  ['req.restarts > 0 1', 18, 'expected an operator before "1"; a condition cannot concatenate values'],
  ['if (req.url ~ "^/api/")', 1, 'remove the "if ( … )" around the expression; Fastly adds it'],
  ['if (req.url ~ "^/api/") { set req.backend = F_api; }', 1, 'remove the "if ( … )" around the expression; Fastly adds it'],
  ['{ req.url ~ "^/api/" }', 1, 'unexpected "{"; a condition is a bare expression, without braces'],
  ['req.restarts > 0;', 17, 'unexpected ";"; a condition is a single expression, without ";"'],
  ['req.url ~ "a" # comment', 15, 'unexpected "#"'],
  ['req.restarts == 0 == true', 19, 'comparisons cannot be chained; join them with "&&" or "||"'],
  ['req.url ~ "a" ~ "b"', 15, 'comparisons cannot be chained; join them with "&&" or "||"'],
  ['time.elapsed > 10x', 16, 'invalid number "10x"'],
  ['client.geo.latitude > 1.', 23, 'invalid number "1."'],
  ['req.restarts > - 1', 16, 'unexpected "-"; only a number can be negated, as in -1'],
  ['req. == "a"', 1, '"req." is not a valid name'],
  ['req..url == "a"', 1, '"req..url" is not a valid name'],
  [`${'('.repeat(101)}req.is_ssl${')'.repeat(101)}`, 101, 'the expression is nested more than 100 levels deep'],
];

function syntaxErrorOf(statement: string): VclSyntaxError {
  try {
    parseVclExpression(statement);
  } catch (error) {
    if (error instanceof VclSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(statement)} not to parse`);
}

describe('parseVclExpression', () => {
  test('has a corpus of at least 40 valid statements', () => {
    expect(VALID_STATEMENTS.length).toBeGreaterThanOrEqual(40);
  });

  test.each(VALID_STATEMENTS)('parses %j', (statement) => {
    expect(() => parseVclExpression(statement)).not.toThrow();
  });

  test.each(INVALID_STATEMENTS)('rejects %j at column %d', (statement, column, detail) => {
    const error = syntaxErrorOf(statement);
    expect(error.column).toBe(column);
    expect(error.detail).toBe(detail);
    expect(error.message).toBe(`column ${column}: ${detail}`);
  });

  test('gives ! precedence over comparisons, comparisons over &&, and && over ||', () => {
    expect(parseVclExpression('!req.http.A == "1" || req.http.B && req.http.C')).toEqual({
      kind: VclExpressionKind.OR,
      column: 1,
      left: {
        kind: VclExpressionKind.COMPARE,
        column: 1,
        operator: '==',
        left: { kind: VclExpressionKind.NOT, column: 1, operand: { kind: VclExpressionKind.VARIABLE, column: 2, name: 'req.http.A' } },
        right: { kind: VclExpressionKind.STRING, column: 16, value: '1' },
      },
      right: {
        kind: VclExpressionKind.AND,
        column: 23,
        left: { kind: VclExpressionKind.VARIABLE, column: 23, name: 'req.http.B' },
        right: { kind: VclExpressionKind.VARIABLE, column: 37, name: 'req.http.C' },
      },
    });
  });

  test('associates && and || to the left', () => {
    const expression = parseVclExpression('req.http.A || req.http.B || req.http.C');
    expect(expression).toMatchObject({ kind: VclExpressionKind.OR, left: { kind: VclExpressionKind.OR }, right: { name: 'req.http.C' } });
  });

  test('keeps groups, with their columns', () => {
    expect(parseVclExpression('(req.url.ext == "css")')).toEqual({
      kind: VclExpressionKind.GROUP,
      column: 1,
      expression: {
        kind: VclExpressionKind.COMPARE,
        column: 2,
        operator: '==',
        left: { kind: VclExpressionKind.VARIABLE, column: 2, name: 'req.url.ext' },
        right: { kind: VclExpressionKind.STRING, column: 17, value: 'css' },
      },
    });
  });

  test('reads a regex match, a negated match and an ACL match', () => {
    expect(parseVclExpression('req.url !~ "^/a"')).toEqual({
      kind: VclExpressionKind.MATCH,
      column: 1,
      negated: true,
      subject: { kind: VclExpressionKind.VARIABLE, column: 1, name: 'req.url' },
      pattern: { kind: VclExpressionKind.STRING, column: 12, value: '^/a' },
    });
    expect(parseVclExpression('client.ip ~ office')).toMatchObject({
      kind: VclExpressionKind.MATCH,
      negated: false,
      pattern: { kind: VclExpressionKind.ACL, column: 13, name: 'office' },
    });
  });

  test('reads F_ identifiers compared with == or != as backends', () => {
    expect(parseVclExpression('req.backend == F_primary')).toMatchObject({
      right: { kind: VclExpressionKind.BACKEND, column: 16, name: 'F_primary' },
    });
    expect(parseVclExpression('req.backend != F_primary')).toMatchObject({ right: { kind: VclExpressionKind.BACKEND } });
  });

  test('reads function calls, nested, with and without arguments', () => {
    expect(parseVclExpression('time.is_after(now, std.time("2026-01-01", now))')).toEqual({
      kind: VclExpressionKind.CALL,
      column: 1,
      name: 'time.is_after',
      arguments: [
        { kind: VclExpressionKind.VARIABLE, column: 15, name: 'now' },
        {
          kind: VclExpressionKind.CALL,
          column: 20,
          name: 'std.time',
          arguments: [
            { kind: VclExpressionKind.STRING, column: 29, value: '2026-01-01' },
            { kind: VclExpressionKind.VARIABLE, column: 43, name: 'now' },
          ],
        },
      ],
    });
    expect(parseVclExpression('uuid.is_valid(uuid.version4())')).toMatchObject({
      arguments: [{ kind: VclExpressionKind.CALL, name: 'uuid.version4', arguments: [] }],
    });
  });

  test.each([
    ['10s', 10, 's'],
    ['1.5m', 1.5, 'm'],
    ['100ms', 100, 'ms'],
    ['2h', 2, 'h'],
    ['1d', 1, 'd'],
    ['1y', 1, 'y'],
  ])('reads the duration %s', (text, value, unit) => {
    expect(parseVclExpression(`time.elapsed > ${text}`)).toMatchObject({
      right: { kind: VclExpressionKind.DURATION, column: 16, value, unit, text },
    });
  });

  test.each([
    ['0', 0],
    ['-3', -3],
    ['1.50', 1.5],
    ['-0.1', -0.1],
  ])('reads the number %s', (text, value) => {
    expect(parseVclExpression(`client.geo.latitude > ${text}`)).toMatchObject({
      right: { kind: VclExpressionKind.NUMBER, column: 23, value, text },
    });
  });

  test('reads booleans', () => {
    expect(parseVclExpression('req.is_ssl == true')).toMatchObject({ right: { kind: VclExpressionKind.BOOL, value: true } });
    expect(parseVclExpression('false')).toEqual({ kind: VclExpressionKind.BOOL, column: 1, value: false });
  });

  test('keeps string contents as written, %-escapes included', () => {
    expect(parseVclExpression('req.http.X == "a%22b"')).toMatchObject({ right: { kind: VclExpressionKind.STRING, value: 'a%22b' } });
  });

  test('lets a long string hold quotes, newlines and, with a delimiter, "}', () => {
    expect(parseVclExpression('req.http.X == {"say "hi"\nthere"}')).toMatchObject({ right: { value: 'say "hi"\nthere' } });
    expect(parseVclExpression('req.http.X == {EOF"a"}b"EOF}')).toMatchObject({ right: { value: 'a"}b' } });
  });

  test('reads header names with dashes and subfields as one variable', () => {
    expect(parseVclExpression('req.http.X-Forwarded-For')).toEqual({ kind: VclExpressionKind.VARIABLE, column: 1, name: 'req.http.X-Forwarded-For' });
    expect(parseVclExpression('req.http.Cookie:session-id')).toMatchObject({ name: 'req.http.Cookie:session-id' });
  });

  test('counts columns across line breaks from the start of the statement', () => {
    expect(syntaxErrorOf('req.url ~ "a"\n&& req.url = "b"').column).toBe(26);
  });

  // Speed belongs in benchmarks, not in assertions, which a busy machine would make flaky.
  test('reads a large statement', () => {
    const large = Array.from({ length: 5000 }, (_, i) => `req.url ~ "^/section-${i}/(a|b)*$"`).join(' || ');
    expect(() => parseVclExpression(large)).not.toThrow();
  });
});

describe('variablesOf', () => {
  test('lists variables in source order, not function, ACL or backend names', () => {
    const expression = parseVclExpression(
      'std.prefixof(req.url, "/v1/") && client.ip ~ office && req.backend == F_api || !req.http.X-Debug && time.is_after(now, time.start)');
    expect(variablesOf(expression)).toEqual([
      { name: 'req.url', column: 14 },
      { name: 'client.ip', column: 34 },
      { name: 'req.backend', column: 56 },
      { name: 'req.http.X-Debug', column: 81 },
      { name: 'now', column: 115 },
      { name: 'time.start', column: 120 },
    ]);
  });

  test('lists a variable each time it is read', () => {
    expect(variablesOf(parseVclExpression('req.url.ext == "css" || req.url.ext == "js"')).map((reference) => reference.column)).toEqual([1, 25]);
  });
});
