import * as fs from 'fs';

/** Where the command line tool reads and writes; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readFile(file: string): string;
}

/** The process's standard output and error, and its file system. */
export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: (file) => fs.readFileSync(file, 'utf8'),
};

/** What a command gets: where to read and write, and how to set the exit code. */
export interface CliContext {
  readonly io: CliIo;
  /** 0 clean, 1 problems found, 2 bad usage or input. */
  exit(code: number): void;
}

/** The exit code for input the command cannot work with. */
export const BAD_INPUT = 2;

/** A Terraform JSON file, parsed; undefined (after saying why on stderr) when it cannot be read. */
export function readTerraformJson(file: string, io: CliIo): { [key: string]: any } | undefined {
  try {
    return JSON.parse(io.readFile(file));
  } catch (error) {
    io.err(`${file}: cannot read Terraform JSON: ${(error as Error).message}`);
    return undefined;
  }
}
