import { Command, InvalidArgumentError } from 'commander';
import { BAD_INPUT, CliContext } from './io';
import { convert } from '../convert/command';

interface ConvertFlags {
  readonly out: string;
  readonly serviceId?: string;
  readonly version?: number;
  readonly apiUrl?: string;
  readonly keepUnread?: boolean;
}

function versionNumber(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('expected a version number (1, 2, …).');
  return Number(value);
}

/**
 * `convert <file> [--out DIR]`, or `convert --service-id ID [--version N] [--api-url URL]
 * [--keep-unread] [--out DIR]`: a cdktf app made of this library's constructs, for the Fastly
 * services of a Terraform file or a live service.
 */
export function convertCommand({ io, exit }: CliContext): Command {
  const command: Command = new Command('convert')
    .description('write a cdktf app (main.ts) that builds the Fastly services of a Terraform file (.tf or .tf.json), or a live '
      + 'service read through Fastly\'s API with FASTLY_API_KEY, from this library\'s constructs; exits 1 when a service could not be '
      + 'made equivalent, 2 for bad input or a service that cannot be read')
    .argument('[file]', 'a Terraform file: HCL (.tf) or Terraform JSON (.tf.json, cdk.tf.json)')
    .option('--out <dir>', 'where to write main.ts and cdktf.json', '.')
    .option('--service-id <id>', 'convert this live service instead of a file; the written app imports it')
    .option('--version <n>', 'the version of the live service (default: the active one)', versionNumber)
    .option('--api-url <url>', 'Fastly\'s API (default: FASTLY_API_URL, else Fastly\'s public API)')
    .option('--keep-unread', 'write the app although some collections of the live service could not be read, leaving them as they '
      + 'are on the service (lifecycle.ignore_changes)')
    .action(async (file: string | undefined, options: ConvertFlags) => {
      const liveOnly = ['version', 'apiUrl', 'keepUnread'].filter((name) => options[name as keyof ConvertFlags] !== undefined);
      if ((file === undefined) === (options.serviceId === undefined)) {
        command.error('error: give either a Terraform file or --service-id <id>', { exitCode: BAD_INPUT });
      }
      if (file !== undefined && liveOnly.length > 0) {
        command.error('error: --version, --api-url and --keep-unread read a live service; use them with --service-id', { exitCode: BAD_INPUT });
      }
      return exit(await convert({ ...options, file }, io));
    });
  return command;
}
