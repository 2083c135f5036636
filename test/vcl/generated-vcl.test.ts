import { Backend, Condition, ConditionType, Duration, Healthcheck, LoadBalancing, OriginPool, ShieldedBackend, VclSnippet } from '../../src';
import { renderServiceVcl, shieldDirectorIdentifier } from '../../src/vcl/generated-vcl';
import { newVclService, serviceBody } from '../util';

/** The lines of `vcl` from the first line that starts with `start` to the first `}` at the same indentation. */
function declaration(vcl: string, start: string): string[] {
  const lines = vcl.split('\n');
  const from = lines.findIndex((line) => line.startsWith(start));
  if (from < 0) throw new Error(`no line starts with ${start}`);
  const to = lines.findIndex((line, index) => index > from && line === '}');
  return lines.slice(from, to + 1);
}

function subroutine(vcl: string, name: string): string[] {
  return declaration(vcl, `sub vcl_${name} {`).map((line) => line.trim()).filter((line) => line !== '');
}

describe('renderServiceVcl', () => {
  test('declares backends as Fastly does, with their healthcheck as a probe', () => {
    const { stack, service } = newVclService();
    const check = new Healthcheck(service, 'check', { host: 'www.example.com', path: '/healthz', method: 'GET', checkInterval: Duration.seconds(10), timeout: Duration.seconds(2) });
    new Backend(service, 'web', { address: 'web.example.net', healthcheck: check, overrideHost: 'www.example.com', keepaliveTime: Duration.seconds(30) });
    expect(declaration(renderServiceVcl(serviceBody(stack)), 'backend F_web {')).toEqual([
      'backend F_web {',
      '  .host = "web.example.net";',
      '  .port = "443";',
      '  .dynamic = true;',
      '  .connect_timeout = 1000ms;',
      '  .first_byte_timeout = 15000ms;',
      '  .between_bytes_timeout = 10000ms;',
      '  .max_connections = 200;',
      '  .keepalive_time = 30s;',
      '  .host_header = "www.example.com";',
      '  .always_use_host_header = true;',
      '  .ssl = true;',
      '  .ssl_check_cert = always;',
      '  .ssl_cert_hostname = "web.example.net";',
      '  .ssl_sni_hostname = "web.example.net";',
      '  .probe = {',
      '    .request = "GET /healthz HTTP/1.1" "Host: www.example.com" "Connection: close";',
      '    .dummy = false;',
      '    .threshold = 3;',
      '    .window = 5;',
      '    .initial = 3;',
      '    .expected_response = 200;',
      '    .timeout = 2000ms;',
      '    .interval = 10000ms;',
      '  }',
      '}',
    ]);
  });

  test('selects the default backend, then routed backends in priority order, then the shield hop, after recv snippets', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.net', shield: 'iad-va-us' });
    new Backend(service, 'api', { address: 'api.example.net', requestCondition: new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"', priority: 20 }) });
    new Backend(service, 'old', { address: 'old.example.net', requestCondition: new Condition(service, 'IsOld', { statement: 'req.url ~ "^/old/"', priority: 5 }) });
    new VclSnippet(service, 'tag', { type: 'recv', content: 'set req.http.X-Tag = "1";' });
    const vcl = renderServiceVcl(serviceBody(stack));
    expect(subroutine(vcl, 'recv')).toEqual([
      'sub vcl_recv {',
      '#FASTLY recv',
      '# Snippet tag : 100',
      'set req.http.X-Tag = "1";',
      '# default conditions',
      'set req.backend = F_web;',
      '# end default conditions',
      '# Request Condition: IsOld Prio: 5',
      'if (req.url ~ "^/old/") {',
      'set req.backend = F_old;',
      '}',
      '# Request Condition: IsApi Prio: 20',
      'if (req.url ~ "^/api/") {',
      'set req.backend = F_api;',
      '}',
      'if (req.backend == F_web && req.restarts == 0) {',
      'set req.backend = fastly.try_select_shield(ssl_shield_iad_va_us, F_web);',
      '}',
      'if (req.method != "HEAD" && req.method != "GET" && req.method != "FASTLYPURGE") {',
      'return(pass);',
      '}',
      'return(lookup);',
      '}',
    ]);
    expect(declaration(vcl, 'director ssl_shield_iad_va_us shield {')).toEqual([
      'director ssl_shield_iad_va_us shield {', '  .shield = "iad-va-us";', '  .is_ssl = true;', '}',
    ]);
  });

  test('declares a pool\'s director and places its switch snippets in miss and pass', () => {
    const { stack, service } = newVclService();
    new OriginPool(service, 'api', {
      origins: [{ address: 'api-1.example.net' }, { address: 'api-2.example.net', weight: 50 }],
      loadBalancing: LoadBalancing.random({ quorum: 50, retries: 2 }),
    });
    const vcl = renderServiceVcl(serviceBody(stack));
    expect(declaration(vcl, 'director api random {')).toEqual([
      'director api random {',
      '  .quorum = 50%;',
      '  .retries = 2;',
      '  { .backend = F_api_1; .weight = 100; }',
      '  { .backend = F_api_2; .weight = 50; }',
      '}',
    ]);
    for (const sub of ['miss', 'pass']) {
      expect(subroutine(vcl, sub)).toEqual(expect.arrayContaining([`# Snippet api-route-${sub} : 100`, 'set req.backend = api;']));
    }
  });

  test('balances an automatic load-balancing group through an autodirector', () => {
    const { stack, service } = newVclService();
    new OriginPool(service, 'web', { origins: [{ address: 'web-1.example.net' }, { address: 'web-2.example.net', weight: 20 }] });
    const vcl = renderServiceVcl(serviceBody(stack));
    expect(declaration(vcl, 'director autodirector_ random {')).toEqual([
      'director autodirector_ random {',
      '  .quorum = 0%;',
      '  .retries = 5;',
      '  { .backend = F_web_1; .weight = 100; }',
      '  { .backend = F_web_2; .weight = 20; }',
      '}',
    ]);
    expect(subroutine(vcl, 'recv')).toContain('set req.backend = autodirector_;');
  });

  test('puts conditions no backend routes by where their type runs', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.net' });
    new Condition(service, 'IsOk', { statement: 'beresp.status == 200', type: ConditionType.CACHE });
    const vcl = renderServiceVcl(serviceBody(stack));
    expect(subroutine(vcl, 'fetch')).toEqual(['sub vcl_fetch {', '#FASTLY fetch', '# Condition: IsOk', 'if (beresp.status == 200) {',
      'set req.http.X-Condition = "IsOk";', '}', 'return(deliver);', '}']);
  });

  test('expands the macros of a custom main VCL instead of the boilerplate', () => {
    const vcl = renderServiceVcl({
      backend: [{ name: 'origin', address: 'origin.example.com', port: 80 }],
      vcl: [{ name: 'main', main: true, content: 'sub vcl_recv {\n#FASTLY recv\n  return(lookup);\n}' }],
      snippet: [{ name: 'hello', type: 'recv', content: 'set req.http.X-Hello = "1";' }],
    });
    expect(vcl.split('\n').slice(-10)).toEqual([
      'sub vcl_recv {',
      '#FASTLY recv',
      '# Snippet hello : 100',
      'set req.http.X-Hello = "1";',
      '',
      '# default conditions',
      'set req.backend = F_origin;',
      '# end default conditions',
      '  return(lookup);',
      '}',
    ]);
  });

  test.each([
    ['iad-va-us', true, 'ssl_shield_iad_va_us'],
    ['london_city-uk', false, 'shield_london_city_uk'],
  ])('names the shield director of %s (TLS %s) %s', (shield, tls, identifier) => {
    expect(shieldDirectorIdentifier(shield, tls)).toBe(identifier);
  });

  test('shields of a ShieldedBackend are declared once', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.net', shield: 'iad-va-us' });
    new ShieldedBackend(service, 'assets', { address: 'assets.example.net', shield: 'iad-va-us', requestCondition: new Condition(service, 'IsAssets', { statement: 'req.url ~ "^/assets/"' }) });
    const vcl = renderServiceVcl(serviceBody(stack));
    expect(vcl.split('\n').filter((line) => line.startsWith('director ssl_shield_iad_va_us'))).toHaveLength(1);
  });
});
