import * as fs from 'fs';
import * as path from 'path';
import { Conversion, convertApiService, convertSource } from './index';
import { FASTLY_API_URL, readLiveService } from './live';
import { keptByReason } from './model';
import { readTerraformFile } from './source';

/** Where the convert command reports. */
export interface ConvertIo {
  out(line: string): void;
  err(line: string): void;
}

export const CONVERT_USAGE = 'usage: cdktf-fastly-origins convert <file.tf | file.tf.json> [--out <dir>]\n'
  + '       cdktf-fastly-origins convert --service-id <id> [--version <n>] [--api-url <url>] [--keep-unread] [--out <dir>]';

const VALUE_OPTIONS = ['--out', '--service-id', '--version', '--api-url'];
const FLAGS = ['--keep-unread'];

/** The command line split into files, options with their values and flags; undefined when it is malformed. */
function parseArgs(args: string[]): { files: string[]; options: Map<string, string>; flags: Set<string> } | undefined {
  const files: string[] = [];
  const options = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (VALUE_OPTIONS.includes(arg)) {
      if (args[i + 1] === undefined || args[i + 1].startsWith('--') || options.has(arg)) return undefined;
      options.set(arg, args[++i]);
    } else if (FLAGS.includes(arg)) {
      flags.add(arg);
    } else if (arg.startsWith('--')) {
      return undefined;
    } else {
      files.push(arg);
    }
  }
  const live = options.has('--service-id');
  // The options of the live path mean nothing for a file.
  const liveOnly = options.has('--version') || options.has('--api-url') || flags.has('--keep-unread');
  return files.length === (live ? 0 : 1) && (live || !liveOnly) ? { files, options, flags } : undefined;
}

/** Reads a live service through Fastly's API and converts it; a string is why it cannot be. */
async function convertLive(options: Map<string, string>, keepUnread: boolean): Promise<Conversion | string> {
  const versionText = options.get('--version');
  const version = versionText === undefined ? undefined : Number(versionText);
  if (version !== undefined && !(Number.isInteger(version) && version > 0)) return `--version ${JSON.stringify(versionText)}: expected a version number (1, 2, …)`;
  const apiKey = process.env.FASTLY_API_KEY ?? '';
  if (apiKey.trim() === '') return 'FASTLY_API_KEY is not set: export a Fastly API token that may read the service';
  const apiUrl = options.get('--api-url') ?? (process.env.FASTLY_API_URL || FASTLY_API_URL);
  const api = await readLiveService({ serviceId: options.get('--service-id')!, version, apiUrl, apiKey });
  const unread = keptByReason(api.unread);
  if (unread.length > 0 && !keepUnread) {
    return `could not read ${unread.map(([answer, names]) => `${names.join(', ')} (the API answered ${answer})`).join('; ')} `
      + `of service ${String(api.service.id)} version ${String(api.version.number)}. An app without them would delete them on deploy; `
      + 'rerun with --keep-unread to write it anyway, leaving them as they are on the service (lifecycle.ignore_changes)';
  }
  return convertApiService(api);
}

/**
 * `convert <file> [--out DIR]`, or `convert --service-id ID [--version N] [--api-url URL]
 * [--keep-unread] [--out DIR]` with `FASTLY_API_KEY`: writes `main.ts` and `cdktf.json` of a cdktf
 * app made of the library's constructs to DIR (default: the current directory), and prints the
 * report. Exits 0 when every service is equivalent to the source, 1 when one differs or cannot
 * synthesise, 2 for bad usage or input, or a service that cannot be read.
 */
export async function convertCommand(args: string[], io: ConvertIo): Promise<number> {
  const parsed = parseArgs(args);
  if (!parsed) {
    io.err(CONVERT_USAGE);
    return 2;
  }
  const { files, options, flags } = parsed;
  const outDir = options.get('--out') ?? '.';
  let conversion: Conversion;
  try {
    if (options.has('--service-id')) {
      const live = await convertLive(options, flags.has('--keep-unread'));
      if (typeof live === 'string') {
        io.err(`convert: ${live}`);
        return 2;
      }
      conversion = live;
    } else {
      const source = await readTerraformFile(files[0]);
      if (source.services.length === 0) {
        io.err(`${files[0]}: no fastly_service_vcl or fastly_service_compute resource to convert`);
        return 2;
      }
      conversion = await convertSource(source);
    }
  } catch (error) {
    io.err(`convert: ${(error as Error).message}`);
    return 2;
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const [name, content] of Object.entries(conversion.files)) {
    fs.writeFileSync(path.join(outDir, name), content);
    io.out(`wrote ${path.join(outDir, name)}`);
  }
  conversion.report.forEach((line) => io.out(line));
  return conversion.services.every((service) => service.differences.length === 0 && service.errors.length === 0) ? 0 : 1;
}
