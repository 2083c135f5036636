import { VclExpressionKind, VclSyntaxError } from '../../src/vcl/expression';
import {
  parseVclDeclarations,
  parseVclStatements,
  positionIn,
  VclDeclarationKind,
  VclStatementKind,
  variablesSetBy,
} from '../../src/vcl/statements';

/** Where parsing stops and why, as `line:column detail`. */
function syntaxError(source: string, parse: (source: string) => unknown = parseVclStatements): string {
  try {
    parse(source);
  } catch (error) {
    if (!(error instanceof VclSyntaxError)) throw error;
    const position = positionIn(source, error.column);
    return `${position.line}:${position.column} ${error.detail}`;
  }
  throw new Error('expected a syntax error');
}

describe('parseVclStatements', () => {
  test('reads every statement a snippet can hold', () => {
    const statements = parseVclStatements([
      'declare local var.count INTEGER;',
      'set var.count += 1;',
      'set req.http.X-Path = "/v2" req.url.path;',
      'set req.http.Link = "<" + beresp.http.Location + {">; rel="next""};',
      'unset req.http.Cookie;',
      'remove req.http.X-Debug;',
      'add resp.http.Set-Cookie = "a=1";',
      'if (req.url ~ "^/a") { restart; } else if (req.http.X) { esi; } elseif (req.http.Y) { return(pass); } elsif (req.http.Z) { return; } else { error 404 "Not found"; }',
      'call custom_sub;',
      'error;',
      'error 600;',
      'synthetic {"<h1>Not Found</h1>"};',
      'synthetic.base64 "PGgxPg==";',
      'log "syslog " req.service_id " logs :: " req.url;',
      'h2.push("/style.css");',
      'goto done;',
      'done:',
      'include "snippet::shared";',
      '#FASTLY recv',
      'return (lookup);',
    ].join('\n'));
    expect(statements.map((statement) => statement.kind)).toEqual([
      VclStatementKind.DECLARE, VclStatementKind.SET, VclStatementKind.SET, VclStatementKind.SET, VclStatementKind.UNSET, VclStatementKind.UNSET,
      VclStatementKind.ADD, VclStatementKind.IF, VclStatementKind.CALL, VclStatementKind.ERROR, VclStatementKind.ERROR, VclStatementKind.SYNTHETIC,
      VclStatementKind.SYNTHETIC, VclStatementKind.LOG, VclStatementKind.FUNCTION, VclStatementKind.GOTO, VclStatementKind.LABEL,
      VclStatementKind.INCLUDE, VclStatementKind.MACRO, VclStatementKind.RETURN,
    ]);
    expect(statements[0]).toEqual({ kind: VclStatementKind.DECLARE, column: 1, variable: { name: 'var.count', column: 15 }, type: 'INTEGER' });
    expect(statements[1]).toMatchObject({ operator: '+=', target: { name: 'var.count' } });
    expect(statements[2]).toMatchObject({ value: { kind: VclExpressionKind.CONCAT, parts: [{ value: '/v2' }, { name: 'req.url.path' }] } });
    expect(statements[7]).toMatchObject({ branches: [{}, {}, {}, {}], otherwise: [{ kind: VclStatementKind.ERROR, status: { value: 404 }, response: { value: 'Not found' } }] });
    expect(statements[18]).toMatchObject({ name: 'recv' });
    expect(statements[19]).toMatchObject({ action: 'lookup' });
  });

  test('skips comments of every kind', () => {
    expect(parseVclStatements('# a comment\n// another\n/* and a\n block */ set req.http.X = "1"; # trailing')).toHaveLength(1);
  });

  test('reads rol= and ror=, the operators that are words', () => {
    expect(parseVclStatements('set var.bits rol= 3;')).toMatchObject([{ operator: 'rol=' }]);
  });

  test.each([
    ['if (req.url !~ "^/anything") {\n           set req.url = "/anything" req.url\n         }\n', '2:45 missing ";" after the set statement at line 2, column 12, before "}"'],
    ['set req.url = "/a"\nset req.http.X = "1";', '1:19 missing ";" after the set statement at line 1, column 1, before "set"'],
    ['if (req.url) {\n  set req.http.X = "1";\n', '2:24 missing "}" to close the "{" of if at line 1, column 14'],
    ['if req.url { }', '1:4 expected "(" after "if", found "req.url"'],
    ['if (req.url { }', '1:13 missing ")" to close the "(" at line 1, column 4'],
    ['set req.url "x";', '1:13 expected "=" (or another assignment operator) after req.url, found "x"'],
    ['declare var.x STRING;', '1:9 expected "local" after "declare", found "var.x"'],
    ['sett req.url = "/";', '1:1 expected a statement (set, unset, add, declare, if, return, call, error, restart, synthetic, esi, log or a function call), found "sett"'],
    ['}', '1:1 "}" closes no "{"'],
    ['set req.http.X = "unterminated;', '1:18 unterminated string'],
    ['if (req.url ~ "(") { }', '1:15 regex does not compile: Unterminated group'],
  ])('stops at the first problem: %j', (source, expected) => {
    expect(syntaxError(source)).toBe(expected);
  });
});

describe('parseVclDeclarations', () => {
  test('reads subroutines, objects, includes, imports, pragmas and macros', () => {
    const declarations = parseVclDeclarations([
      '#FASTLY init',
      'pragma optional_param geoip_opt_in true;',
      'import querystring;',
      'include "main_helpers";',
      'backend F_httpbin_org {',
      '  .host = "httpbin.org";',
      '  .port = "443";',
      '  .ssl_check_cert = always;',
      '  .probe = {',
      '    .request = "HEAD / HTTP/1.1"  "Host: httpbin.org" "Connection: close";',
      '    .timeout = 2s;',
      '  }',
      '}',
      'director pool random {',
      '  .quorum = 50%;',
      '  .retries = 3;',
      '  { .backend = F_httpbin_org; .weight = 1; }',
      '}',
      'table redirects STRING { "/old": "/new", "/a": "/b", }',
      'acl internal { "192.0.2.0"/24; !"192.0.2.1"; }',
      'ratecounter counter {}',
      'penaltybox box {}',
      'sub lookup STRING { return "x"; }',
      'sub vcl_recv {',
      '#FASTLY recv',
      '  return(lookup);',
      '}',
    ].join('\n'));
    expect(declarations.map((declaration) => [declaration.kind, declaration.name])).toEqual([
      [VclDeclarationKind.MACRO, 'init'], [VclDeclarationKind.PRAGMA, 'optional_param geoip_opt_in true'], [VclDeclarationKind.IMPORT, 'querystring'],
      [VclDeclarationKind.INCLUDE, 'main_helpers'], [VclDeclarationKind.BACKEND, 'F_httpbin_org'], [VclDeclarationKind.DIRECTOR, 'pool'],
      [VclDeclarationKind.TABLE, 'redirects'], [VclDeclarationKind.ACL, 'internal'], [VclDeclarationKind.RATECOUNTER, 'counter'],
      [VclDeclarationKind.PENALTYBOX, 'box'], [VclDeclarationKind.SUBROUTINE, 'lookup'], [VclDeclarationKind.SUBROUTINE, 'vcl_recv'],
    ]);
    expect(declarations[11].body).toMatchObject([{ kind: VclStatementKind.MACRO, name: 'recv' }, { kind: VclStatementKind.RETURN, action: 'lookup' }]);
  });

  test.each([
    ['set req.url = "/";', '1:1 expected a declaration (sub, backend, director, table, acl, ratecounter, penaltybox, include, import or pragma), found "set"'],
    ['backend b { host = "x"; }', '1:13 expected a property such as .host in backend b, found "host"'],
    // Adjacent strings are one value, so the missing comma shows at the next colon.
    ['table t { "a": "b" "c": "d" }', '1:23 expected "," between table entries, found ":"'],
    ['acl a { "192.0.2.0"/x; }', '1:21 expected a prefix length after "/", found "x"'],
    ['sub vcl_recv {\n  set req.url = "/";\n', '2:21 missing "}" to close the "{" of sub vcl_recv at line 1, column 14'],
  ])('stops at the first problem: %j', (source, expected) => {
    expect(syntaxError(source, parseVclDeclarations)).toBe(expected);
  });
});

describe('variablesSetBy', () => {
  test('finds every set and add, inside branches too, for checks such as a recv snippet setting req.backend', () => {
    const statements = parseVclStatements('if (req.url ~ "^/api/") {\n  set req.backend = F_api;\n} else {\n  add req.http.X = "1";\n}\nunset req.http.Y;');
    expect(variablesSetBy(statements)).toEqual([{ name: 'req.backend', column: 33 }, { name: 'req.http.X', column: 69 }]);
  });
});

describe('positionIn', () => {
  test('turns a column of the whole source into a line and a column', () => {
    expect(positionIn('a\nbc\nd', 1)).toEqual({ line: 1, column: 1 });
    expect(positionIn('a\nbc\nd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionIn('a\nbc\nd', 6)).toEqual({ line: 3, column: 1 });
  });
});
