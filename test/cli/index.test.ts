import * as fs from 'fs';
import * as path from 'path';
import { run } from './run-cli';

describe('cdktf-fastly-origins', () => {
  test('--help lists the commands and exits 0', async () => {
    const help = await run(['--help']);
    expect(help).toMatchObject({ code: 0, err: [] });
    expect(help.out[0]).toBe('Usage: cdktf-fastly-origins [options] [command]');
    const commands = help.out.slice(help.out.indexOf('Commands:') + 1).filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim().split(/\s{2,}/)[0]);
    expect(commands).toEqual(['lint [options] <files...>', 'explain [options] <file>', 'convert [options] [file]', 'fastly-api [options]', 'help [command]']);
  });

  test('--version prints the package version and exits 0', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(await run(['--version'])).toEqual({ code: 0, out: [version], err: [] });
  });

  test('no command, or an unknown one, exits 2 with the reason', async () => {
    const none = await run([]);
    expect(none).toMatchObject({ code: 2, out: [] });
    expect(none.err[0]).toBe('Usage: cdktf-fastly-origins [options] [command]');
    expect(await run(['frob'])).toEqual({ code: 2, out: [], err: ['error: unknown command \'frob\'', '(run "cdktf-fastly-origins --help" for usage)'] });
  });
});
