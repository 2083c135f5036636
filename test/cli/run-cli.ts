import { runCli } from '../../src/cli';

/** What one run of the command line tool did. */
export interface CliRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

/** Runs the tool on in-memory files; returns the exit code and the lines it printed. */
export async function run(args: string[], files: { [name: string]: string } = {}): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readFile: (file) => {
      if (!(file in files)) throw new Error(`ENOENT: no such file, open '${file}'`);
      return files[file];
    },
  });
  return { code, out, err };
}
