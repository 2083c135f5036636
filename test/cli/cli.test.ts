import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { ExampleStack } from '../../examples/app';
import { runCli } from '../../src/cli';
import { CONVERT_USAGE } from '../../src/convert/command';

/** Runs the tool on in-memory files; returns the exit code and what it printed. */
function run(args: string[], files: { [name: string]: string } = {}): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readFile: (file) => {
      if (!(file in files)) throw new Error(`ENOENT: no such file, open '${file}'`);
      return files[file];
    },
  });
  return { code: code as number, out, err };
}

const exampleJson = Testing.synth(new ExampleStack(Testing.app(), 'edge'), true);

describe('cdktf-fastly-origins lint', () => {
  test('a clean synthesised stack passes', () => {
    expect(run(['lint', 'cdk.tf.json'], { 'cdk.tf.json': exampleJson })).toEqual({
      code: 0,
      out: ['0 error(s), 0 warning(s) in 2 service(s) of 1 file(s)'],
      err: [],
    });
  });

  test('a hand-edited file with mistakes fails, one line per finding', () => {
    const document = JSON.parse(exampleJson);
    const [id, site] = Object.entries<any>(document.resource.fastly_service_vcl)[0];
    site.backend.find((backend: any) => backend.name === 'legacy').port = 0;
    site.healthcheck[0].initial = 1;
    expect(run(['lint', 'edited.json'], { 'edited.json': JSON.stringify(document) })).toEqual({
      code: 1,
      out: [
        `edited.json: fastly_service_vcl.${id}: error: backend "legacy" port: got 0; allowed: an integer from 1 to 65535 [backend/port]`,
        `edited.json: fastly_service_vcl.${id}: warning: healthcheck "api-health" initial: got 1; allowed: at least threshold (3); below it every backend using this check starts sick after each activation [healthcheck/starts-sick]`,
        '1 error(s), 1 warning(s) in 2 service(s) of 1 file(s)',
      ],
      err: [],
    });
  });

  test('what Fastly accepts but leaves to chance is a warning, and an error with --strict', () => {
    const document = JSON.parse(exampleJson);
    const [id, site] = Object.entries<any>(document.resource.fastly_service_vcl)[0];
    site.backend.find((backend: any) => backend.name === 'legacy').port = 80;
    site.condition.find((condition: any) => condition.name === 'IsApi').priority = 30;
    const files = { 'edited.json': JSON.stringify(document) };
    const lines = (severity: string) => [
      `edited.json: fastly_service_vcl.${id}: ${severity}: backend "legacy" port: got 80; allowed: a TLS port with use_ssl: true (usually 443); port 80 with TLS fails the handshake. Set use_ssl: false for plain HTTP [backend/tls-port]`,
      `edited.json: fastly_service_vcl.${id}: ${severity}: routing conditions "IsApi" → backend[0] "api-1" and "IsAssets" → backend[2] "assets" all have priority 30; allowed: a distinct priority per routing condition. When several match a request the largest priority wins, and on a tie Fastly picks one arbitrarily: give the route that should win a larger number. [routing/priority-tie]`,
    ];
    expect(run(['lint', 'edited.json'], files)).toEqual({ code: 0, out: [...lines('warning'), '0 error(s), 2 warning(s) in 2 service(s) of 1 file(s)'], err: [] });
    expect(run(['lint', '--strict', 'edited.json'], files)).toEqual({ code: 1, out: [...lines('error'), '2 error(s), 0 warning(s) in 2 service(s) of 1 file(s)'], err: [] });
  });

  test('warnings alone do not fail', () => {
    const document = JSON.parse(exampleJson);
    Object.values<any>(document.resource.fastly_service_vcl)[0].healthcheck[0].initial = 1;
    expect(run(['lint', 'a.json'], { 'a.json': JSON.stringify(document) }).code).toBe(0);
  });

  test('usage and unreadable input exit 2', () => {
    expect(run([])).toMatchObject({ code: 2, out: [] });
    expect(run(['lint'])).toMatchObject({ code: 2 });
    expect(run(['--help'])).toMatchObject({ code: 0, err: [] });
    expect(run(['lint', 'missing.json'])).toEqual({
      code: 2, out: [], err: ['missing.json: cannot read Terraform JSON: ENOENT: no such file, open \'missing.json\''],
    });
    expect(run(['lint', 'bad.json'], { 'bad.json': '{ "resource": ' }).code).toBe(2);
  });
});

describe('cdktf-fastly-origins explain', () => {
  const files = { 'cdk.tf.json': exampleJson };

  test('a routed request to a director pool', () => {
    expect(run(['explain', 'cdk.tf.json', '--url', '/api/v1/users', '--header', 'X-Debug: 1'], files)).toEqual({
      code: 0,
      out: [
        'service "www-example": GET /api/v1/users',
        '  goes to: director api (api-1 66.7%, api-2 33.3%)',
        '  matched conditions: IsApi (winner: IsApi)',
        '  why: condition "IsApi" (priority 20) matched and is the highest-priority match, so the request goes to backend "api-1"; '
          + 'snippet "api-route-miss" hands it to director "api" (random, quorum 50%): api-1 66.7%, api-2 33.3%',
      ],
      err: [],
    });
  });

  test('the default pool with an origin marked unhealthy', () => {
    expect(run(['explain', 'cdk.tf.json', '--url', '/', '--unhealthy', 'web-1', '--method', 'POST'], files).out).toEqual([
      'service "www-example": POST /',
      '  goes to: backend web-2 (web-2 100%)',
      '  matched conditions: none',
      '  why: no routing condition matched, so the request takes the default route: the automatic load-balancing group: web-2 100%',
    ]);
  });

  test('bad options exit 2', () => {
    expect(run(['explain', 'cdk.tf.json'], files).code).toBe(2);
    expect(run(['explain', 'cdk.tf.json', '--url'], files).err[0]).toBe('explain: --url needs a value');
    expect(run(['explain', 'cdk.tf.json', '--url', '/', '--colour', 'red'], files).err[0]).toBe('explain: unknown option --colour');
    expect(run(['explain', 'cdk.tf.json', '--url', '/', '--header', 'nocolon'], files).err).toEqual(['explain: --header "nocolon": expected name:value']);
    expect(run(['explain', 'cdk.tf.json', '--url', '/', '--service', 'blog'], files).err).toEqual(['explain: there is no VCL service named "blog"; there are "www-example"']);
  });
});

describe('cdktf-fastly-origins convert', () => {
  async function convert(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['convert', ...args], { out: (line) => out.push(line), err: (line) => err.push(line), readFile: () => '' });
    return { code, out, err };
  }

  test('writes main.ts and cdktf.json to --out and prints the report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convert-cli-'));
    const result = await convert([path.join(__dirname, '..', 'convert', 'fixtures', 'service.tf'), '--out', dir]);
    expect(result.code).toBe(0);
    expect(result.out.slice(0, 2)).toEqual([`wrote ${path.join(dir, 'main.ts')}`, `wrote ${path.join(dir, 'cdktf.json')}`]);
    expect(result.out).toContain('  equivalent to the source');
    expect(fs.readFileSync(path.join(dir, 'main.ts'), 'utf8')).toContain('new VclService(stack, \'site\', {');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8')).app).toBe('npx ts-node main.ts');
  });

  test.each([
    [[], CONVERT_USAGE],
    [['a.tf', '--out'], CONVERT_USAGE],
    [['a.tf', '--force'], CONVERT_USAGE],
    [['missing.tf.json'], 'convert: ENOENT: no such file or directory, open \'missing.tf.json\''],
  ])('exits 2 for %j', async (args, message) => {
    expect(await convert(args)).toEqual({ code: 2, out: [], err: [message] });
  });
});
