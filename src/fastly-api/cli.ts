import { parseArgs } from 'util';
import { startFastlyApi } from './api';

/** Where the command prints; the command line tool passes its own. */
export interface FastlyApiCommandIo {
  out(line: string): void;
  err(line: string): void;
}

export const FASTLY_API_USAGE = [
  'usage: cdktf-fastly-origins fastly-api [--port <n>] [--data <dir>]',
  '',
  '  fastly-api  serve a local Fastly API on 127.0.0.1 for the Terraform provider (FASTLY_API_URL=http://127.0.0.1:<n>);',
  '              --port 0 (the default) picks a free port; --data keeps the state in <dir> across restarts',
];

/**
 * `cdktf-fastly-origins fastly-api`: starts the server and prints `listening on <url>` once it
 * accepts connections. Returns 2 on bad usage; a server that cannot start sets exit code 1.
 */
export function runFastlyApiCommand(args: string[], io: FastlyApiCommandIo): number {
  let values: { port?: string; data?: string };
  try {
    ({ values } = parseArgs({ args, options: { port: { type: 'string' }, data: { type: 'string' } }, strict: true }));
  } catch (error) {
    io.err(`fastly-api: ${(error as Error).message}`);
    FASTLY_API_USAGE.forEach((line) => io.err(line));
    return 2;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`fastly-api: --port ${JSON.stringify(values.port)}: expected a port number from 0 to 65535`);
    return 2;
  }
  startFastlyApi({ port, dataDir: values.data }).then((api) => {
    io.out(`listening on ${api.url}`);
    const stop = () => void api.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }, (error: Error) => {
    io.err(`fastly-api: cannot start: ${error.message}`);
    process.exitCode = 1;
  });
  return 0;
}
