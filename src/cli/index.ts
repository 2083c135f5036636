import * as fs from 'fs';
import * as path from 'path';
import { Command, CommanderError } from 'commander';
import { convertCommand } from './convert';
import { explainCommand } from './explain';
import { fastlyApiCommand } from './fastly-api';
import { CliContext, CliIo, processIo } from './io';
import { lintCommand } from './lint';

export { CliIo } from './io';

const NAME = 'cdktf-fastly-origins';
/** Misuse: an unknown command or option, a missing argument, an invalid value. */
const BAD_USAGE = 2;

/** The commands, one file each; a new command is one more entry. */
const COMMANDS: Array<(context: CliContext) => Command> = [lintCommand, explainCommand, convertCommand, fastlyApiCommand];

/**
 * Runs the command line tool; returns the process exit code: 0 clean (and for `--help` and
 * `--version`), 1 errors found, 2 bad usage or input.
 */
export async function runCli(args: string[], io: CliIo = processIo): Promise<number> {
  let code = 0;
  const context: CliContext = { io, exit: (exitCode) => { code = exitCode; } };
  const lines = (write: (line: string) => void) => (text: string) => text.replace(/\n$/, '').split('\n').forEach(write);
  const program = new Command(NAME)
    .description('Check Fastly services in Terraform JSON, explain where Fastly sends a request, convert existing services, and serve a local Fastly API')
    .version(packageVersion())
    // Options after a command are the command's: convert has a --version of its own.
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: lines(io.out), writeErr: lines(io.err) })
    .showHelpAfterError(`(run "${NAME} --help" for usage)`);
  for (const command of COMMANDS) {
    const subcommand = command(context);
    program.addCommand(subcommand.copyInheritedSettings(program).showHelpAfterError(`(run "${NAME} ${subcommand.name()} --help" for usage)`));
  }
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and version exit 0; every other complaint of the parser is misuse.
    return error.exitCode === 0 ? 0 : BAD_USAGE;
  }
  return code;
}

/** The version of this package, for `--version`. */
function packageVersion(): string {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')).version;
}
