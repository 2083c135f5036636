import { Command, InvalidArgumentError } from 'commander';
import { CliContext } from './io';
import { startFastlyApi } from '../fastly-api/api';

function portNumber(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  return port;
}

/**
 * `fastly-api [--port N] [--data DIR]`: serves a local Fastly API on 127.0.0.1 and prints
 * `listening on <url>` once it accepts connections. The server keeps the process alive until
 * SIGINT or SIGTERM; a server that cannot start exits 1.
 */
export function fastlyApiCommand({ io, exit }: CliContext): Command {
  return new Command('fastly-api')
    .description('serve a local Fastly API on 127.0.0.1 for the Terraform provider (FASTLY_API_URL=http://127.0.0.1:<port>), '
      + 'as a test double for deploys')
    .option('--port <n>', 'the port; 0 picks a free one', portNumber, 0)
    .option('--data <dir>', 'keep the state in <dir> across restarts')
    .action(async (options: { port: number; data?: string }) => {
      let api;
      try {
        api = await startFastlyApi({ port: options.port, dataDir: options.data });
      } catch (error) {
        io.err(`fastly-api: cannot start: ${(error as Error).message}`);
        return exit(1);
      }
      io.out(`listening on ${api.url}`);
      const stop = () => void api.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return exit(0);
    });
}
