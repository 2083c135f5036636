import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli';

const HELP = '(run "cdktf-fastly-origins convert --help" for usage)';
const ONE_SOURCE = 'error: give either a Terraform file or --service-id <id>';
const LIVE_ONLY = 'error: --version, --api-url and --keep-unread read a live service; use them with --service-id';

async function convert(args: string[]): Promise<{ code: number; out: string[]; err: string[]; written: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convert-usage-'));
  const [out, err]: [string[], string[]] = [[], []];
  const code = await runCli(['convert', '--out', dir, ...args], { out: (line) => out.push(line), err: (line) => err.push(line), readFile: () => '' });
  return { code, out, err, written: fs.readdirSync(dir) };
}

describe('convert: the arguments', () => {
  test.each([
    [[], [ONE_SOURCE, HELP]],
    [['a.tf', '--service-id', 'SU1Z0isxPaozGVKXdv0eY'], [ONE_SOURCE, HELP]],
    [['a.tf', '--version', '3'], [LIVE_ONLY, HELP]],
    [['a.tf', '--api-url', 'http://127.0.0.1:8787'], [LIVE_ONLY, HELP]],
    [['a.tf', '--keep-unread'], [LIVE_ONLY, HELP]],
    [['--service-id'], ['error: option \'--service-id <id>\' argument missing', HELP]],
    [['--service-id', 'a', '--version', 'latest'], ['error: option \'--version <n>\' argument \'latest\' is invalid. expected a version number (1, 2, …).', HELP]],
    [['a.tf', 'b.tf'], ['error: too many arguments for \'convert\'. Expected 1 argument but got 2.', HELP]],
    [['a.tf', '--force'], ['error: unknown option \'--force\'', HELP]],
  ])('usage error for %j: exit 2, the reason, nothing written', async (args, err) => {
    expect(await convert(args)).toEqual({ code: 2, out: [], err, written: [] });
  });

  test('a file that cannot be read: exit 2 and the reason', async () => {
    expect(await convert(['missing.tf.json'])).toEqual({
      code: 2, out: [], err: ['convert: ENOENT: no such file or directory, open \'missing.tf.json\''], written: [],
    });
  });

  test('writes main.ts and cdktf.json to --out and prints the report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convert-cli-'));
    const [out, err]: [string[], string[]] = [[], []];
    const code = await runCli(['convert', path.join(__dirname, 'fixtures', 'service.tf'), '--out', dir],
      { out: (line) => out.push(line), err: (line) => err.push(line), readFile: () => '' });
    expect({ code, err }).toEqual({ code: 0, err: [] });
    expect(out.slice(0, 2)).toEqual([`wrote ${path.join(dir, 'main.ts')}`, `wrote ${path.join(dir, 'cdktf.json')}`]);
    expect(out).toContain('  equivalent to the source');
    expect(fs.readFileSync(path.join(dir, 'main.ts'), 'utf8')).toContain('new VclService(stack, \'site\', {');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'cdktf.json'), 'utf8')).app).toBe('npx ts-node main.ts');
  });
});
