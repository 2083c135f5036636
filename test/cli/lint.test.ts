import { Testing } from 'cdktf';
import { run } from './run-cli';
import { ExampleStack } from '../../examples/app';

const exampleJson = Testing.synth(new ExampleStack(Testing.app(), 'edge'), true);

describe('cdktf-fastly-origins lint', () => {
  test('a clean synthesised stack passes', async () => {
    expect(await run(['lint', 'cdk.tf.json'], { 'cdk.tf.json': exampleJson })).toEqual({
      code: 0,
      out: ['0 error(s), 0 warning(s) in 2 service(s) of 1 file(s)'],
      err: [],
    });
  });

  test('what Fastly accepts but leaves to chance is a warning, and an error with --strict; one line per finding', async () => {
    const document = JSON.parse(exampleJson);
    const [id, site] = Object.entries<any>(document.resource.fastly_service_vcl)[0];
    site.backend.find((backend: any) => backend.name === 'legacy').port = 80;
    site.condition.find((condition: any) => condition.name === 'IsApi').priority = 30;
    site.healthcheck[0].initial = 1;
    const files = { 'edited.json': JSON.stringify(document) };
    const lines = (severity: string) => [
      `edited.json: fastly_service_vcl.${id}: ${severity}: backend "legacy" port: got 80; allowed: a TLS port with use_ssl: true (usually 443); port 80 with TLS fails the handshake. Set use_ssl: false for plain HTTP [backend/tls-port]`,
      `edited.json: fastly_service_vcl.${id}: warning: healthcheck "api-health" initial: got 1; allowed: at least threshold (3); below it every backend using this check starts sick after each activation [healthcheck/starts-sick]`,
      `edited.json: fastly_service_vcl.${id}: ${severity}: routing conditions "IsApi" → backend[0] "api-1" and "IsAssets" → backend[2] "assets" all have priority 30; allowed: a distinct priority per routing condition. When several match a request the largest priority wins, and on a tie Fastly picks one arbitrarily: give the route that should win a larger number. [routing/priority-tie]`,
    ];
    expect(await run(['lint', 'edited.json'], files)).toEqual({ code: 0, out: [...lines('warning'), '0 error(s), 3 warning(s) in 2 service(s) of 1 file(s)'], err: [] });
    expect(await run(['lint', '--strict', 'edited.json'], files)).toEqual({ code: 1, out: [...lines('error'), '2 error(s), 1 warning(s) in 2 service(s) of 1 file(s)'], err: [] });
  });

  test('warnings alone do not fail', async () => {
    const document = JSON.parse(exampleJson);
    Object.values<any>(document.resource.fastly_service_vcl)[0].healthcheck[0].initial = 1;
    expect((await run(['lint', 'a.json'], { 'a.json': JSON.stringify(document) })).code).toBe(0);
  });

  test('a recv snippet that sets req.backend is a warning', async () => {
    const document = JSON.parse(exampleJson);
    const [id, site] = Object.entries<any>(document.resource.fastly_service_vcl)[0];
    site.snippet.push({ name: 'beta', type: 'recv', priority: 100, content: 'if (req.http.X-Beta) { set req.backend = F_api_2; }' });
    expect(await run(['lint', 'a.json'], { 'a.json': JSON.stringify(document) })).toEqual({
      code: 0,
      out: [
        `a.json: fastly_service_vcl.${id}: warning: snippet "beta" type: got "recv"; allowed: miss or pass for a snippet that sets req.backend: `
          + 'Fastly\'s generated backend selection runs after recv snippets and overwrites req.backend whenever a routing condition matches or a '
          + 'default backend exists. Move the assignment to a miss or pass snippet, or return right after it [snippet/recv-backend]',
        '0 error(s), 1 warning(s) in 2 service(s) of 1 file(s)',
      ],
      err: [],
    });
  });

  test('unreadable input exits 2', async () => {
    expect(await run(['lint', 'missing.json'])).toEqual({
      code: 2, out: [], err: ['missing.json: cannot read Terraform JSON: ENOENT: no such file, open \'missing.json\''],
    });
    expect((await run(['lint', 'bad.json'], { 'bad.json': '{ "resource": ' })).code).toBe(2);
  });

  test('a file without a Fastly service is an error, not a clean result', async () => {
    const hint = 'lint reads Terraform JSON with fastly_service_vcl or fastly_service_compute resources, such as cdktf.out/stacks/<stack>/cdk.tf.json';
    expect(await run(['lint', 'empty.json'], { 'empty.json': '{}' })).toEqual({
      code: 2, out: [], err: [`empty.json: no Fastly service in it; ${hint}`],
    });
    const manifest = JSON.stringify({ version: '0.21.0', stacks: { edge: { synthesizedStackPath: 'stacks/edge/cdk.tf.json' } } });
    expect(await run(['lint', 'cdk.tf.json', 'manifest.json'], { 'cdk.tf.json': exampleJson, 'manifest.json': manifest })).toEqual({
      code: 2, out: [], err: [`manifest.json: no Fastly service in it; ${hint}`],
    });
  });

  test('its own help, and misuse exits 2 with the reason', async () => {
    const help = await run(['lint', '--help']);
    expect(help).toMatchObject({ code: 0, err: [] });
    expect(help.out[0]).toBe('Usage: cdktf-fastly-origins lint [options] <files...>');
    expect(await run(['lint'])).toEqual({
      code: 2, out: [], err: ['error: missing required argument \'files\'', '(run "cdktf-fastly-origins lint --help" for usage)'],
    });
    expect(await run(['lint', '--fix', 'a.json'])).toEqual({
      code: 2, out: [], err: ['error: unknown option \'--fix\'', '(run "cdktf-fastly-origins lint --help" for usage)'],
    });
  });
});

