import { Backend, ComputeService, Condition, LoadBalancing, OriginPool, VclSnippet, VclSnippetType } from '../../src';
import { newVclService, serviceBody, validationErrors, warningsOf } from '../util';

describe('VclSnippet', () => {
  test('renders next to the snippets of origin pools, sorted by name', () => {
    const { stack, service } = newVclService();
    new OriginPool(service, 'web', { origins: [{ address: 'web-1.example.net' }, { address: 'web-2.example.net' }], loadBalancing: LoadBalancing.hash({ quorum: 50 }) });
    new VclSnippet(service, 'debug', { type: 'deliver', content: 'set resp.http.X-Served-By = server.identity;' });
    new VclSnippet(service, 'Strip', { type: 'recv', content: 'unset req.http.Cookie;', priority: 10, name: 'a-strip-cookies' });
    expect(serviceBody(stack).snippet.map((s: any) => [s.name, s.type, s.priority])).toEqual([
      ['a-strip-cookies', 'recv', 10],
      ['debug', 'deliver', 100],
      ['web-route-miss', 'miss', 100],
      ['web-route-pass', 'pass', 100],
    ]);
  });

  test('rejects an unknown type, a name taken by a pool snippet, and Compute services', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.net' });
    new OriginPool(service, 'api', {
      origins: [{ address: 'a.example.net' }, { address: 'b.example.net' }],
      loadBalancing: LoadBalancing.failover(),
      healthcheck: {},
      routeWhen: new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"' }),
    });
    new VclSnippet(service, 'late', { type: 'receive' as VclSnippetType, content: 'set req.http.X = "1";' });
    new VclSnippet(service, 'clash', { type: 'miss', content: 'set req.http.X = "1";', name: 'api-route-miss' });
    const app = new ComputeService(stack, 'app', { name: 'app', domains: ['app.example.com'] });
    new VclSnippet(app, 'vcl', { type: 'recv', content: '' });
    expect(validationErrors(stack)).toEqual([
      '[edge/site] snippet "api-route-miss" (edge/site/api) and snippet "api-route-miss" (edge/site/clash) have the same name; allowed: one snippet or dynamicsnippet per name in a service (Fastly matches blocks by name). Give one of them another name. [name/unique]',
      '[edge/site/late] type: got "receive"; allowed: one of init, recv, hash, hit, miss, pass, fetch, error, deliver, log, none [snippet/type]',
      '[edge/app/vcl] scope: got "edge/app"; allowed: a VclService; Compute services run no VCL [snippet/compute]',
    ]);
  });

  test('its VCL is parsed and checked in the subroutine of its type, with line and column, and nothing is synthesised', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.net' });
    new VclSnippet(service, 'rewrite', { type: 'recv', content: 'if (req.url !~ "^/anything") {\n  set req.url = "/anything" req.url\n}\n' });
    new VclSnippet(service, 'ttl', { type: 'recv', content: 'set beresp.ttl = 1h;' });
    expect(validationErrors(stack)).toEqual([
      '[edge/site/rewrite] content (line 2, column 36): got "}"; allowed: VCL that compiles in a recv snippet (vcl_recv); missing ";" after the set statement at line 2, column 3, before "}" [vcl/syntax]',
      '[edge/site/ttl] content (line 1, column 5): got "beresp.ttl"; allowed: VCL that compiles in a recv snippet (vcl_recv); "beresp.ttl" cannot be set in vcl_recv; it can be in vcl_fetch [vcl/variable]',
    ]);
  });

  test('sees the locals other snippets of its subroutine declare', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.net' });
    new VclSnippet(service, 'declare', { type: 'miss', priority: 10, content: 'declare local var.bucket STRING;\nset var.bucket = "assets";' });
    new VclSnippet(service, 'use', { type: 'miss', priority: 20, content: 'set bereq.http.X-Bucket = var.bucket;' });
    expect(serviceBody(stack).snippet.map((snippet: any) => snippet.name)).toEqual(['declare', 'use']);
  });
});

describe('a recv snippet that sets req.backend', () => {
  const WARNING = 'type: got "recv"; allowed: miss or pass for a snippet that sets req.backend: Fastly\'s generated backend selection runs after '
    + 'recv snippets and overwrites req.backend whenever a routing condition matches or a default backend exists. Move the assignment to a '
    + 'miss or pass snippet, or return right after it [snippet/recv-backend]';

  test('is a warning at synth: Fastly\'s backend selection overwrites it', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.net' });
    const beta = new VclSnippet(service, 'beta', { type: 'recv', content: 'if (req.http.X-Beta) {\n  set req.backend = F_web;\n}' });
    serviceBody(stack);
    expect(warningsOf(beta)).toEqual([WARNING]);
  });

  test('comments, strings, a return right after it and other subroutines do not warn', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.net' });
    const snippets = [
      new VclSnippet(service, 'commented', { type: 'recv', content: '# set req.backend = F_web;\n// set req.backend = F_web;\n/* set req.backend = F_web; */' }),
      new VclSnippet(service, 'quoted', { type: 'recv', content: 'set req.http.X-Note = "set req.backend = F_web";\nset req.http.Y = {"set req.backend = F_web"};' }),
      new VclSnippet(service, 'websockets', { type: 'recv', content: 'if (req.http.Upgrade) {\n  set req.backend = F_web;\n  return (upgrade);\n}' }),
      new VclSnippet(service, 'late', { type: 'miss', content: 'set req.backend = F_web;' }),
      new VclSnippet(service, 'backend-name', { type: 'recv', content: 'set req.http.X-Backend = req.backend;' }),
    ];
    serviceBody(stack);
    expect(snippets.flatMap(warningsOf)).toEqual([]);
  });
});

describe('the L1 escape hatch', () => {
  test('replacing a block list the service renders is an error, naming the construct to use instead', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.net' });
    service.resource.putSnippet([{ name: 'custom', type: 'recv', content: 'set req.http.X = "1";' }]);
    service.resource.putBackend([{ name: 'other', address: 'other.example.net' }]);
    expect(validationErrors(stack)).toEqual([
      '[edge/site] resource.backend: got a list set through the L1 escape hatch; allowed: backends added as constructs inside the service (Backend, OriginPool, ShieldedBackend), because the service renders the whole backend list and a replaced list drops what its constructs made [service/escape-hatch]',
      '[edge/site] resource.snippet: got a list set through the L1 escape hatch; allowed: snippets added as constructs inside the service (VclSnippet), because the service renders the whole snippet list and a replaced list drops what its constructs made [service/escape-hatch]',
    ]);
  });

  test('attributes the service does not own stay open', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.net' });
    service.resource.putGzip([{ name: 'gzip', extensions: ['css', 'js'] }]);
    expect(serviceBody(stack).gzip).toEqual([{ name: 'gzip', extensions: ['css', 'js'] }]);
  });
});
