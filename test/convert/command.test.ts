import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { convertCommand } from '../../src/convert/command';

const USAGE = 'usage: cdktf-fastly-origins convert <file.tf | file.tf.json> [--out <dir>]\n'
  + '       cdktf-fastly-origins convert --service-id <id> [--version <n>] [--api-url <url>] [--keep-unread] [--out <dir>]';

describe('convertCommand: the arguments', () => {
  test.each([
    [[]],
    [['--service-id']],
    [['a.tf', '--service-id', 'SU1Z0isxPaozGVKXdv0eY']],
    [['a.tf', '--version', '3']],
    [['a.tf', '--api-url', 'http://127.0.0.1:8787']],
    [['a.tf', '--keep-unread']],
    [['--service-id', 'a', '--service-id', 'b']],
    [['--service-id', 'a', '--version']],
    [['--service-id', 'a', 'b.tf']],
  ])('usage error for %j: exit 2, the usage, nothing written', async (args) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convert-usage-'));
    const [out, err]: [string[], string[]] = [[], []];
    const code = await convertCommand([...args, '--out', dir], { out: (line) => out.push(line), err: (line) => err.push(line) });
    expect({ code, out, err }).toEqual({ code: 2, out: [], err: [USAGE] });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
