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

/** What to convert and where to write the app; the command line gives one source, a file or a live service. */
export interface ConvertOptions {
  /** A Terraform file (HCL or JSON). */
  readonly file?: string;
  /** A live service to read through Fastly's API, with `FASTLY_API_KEY`. */
  readonly serviceId?: string;
  /** The version of the live service. @default - the active version */
  readonly version?: number;
  /** Fastly's API. @default - FASTLY_API_URL, else Fastly's public API */
  readonly apiUrl?: string;
  /** Write the app although some collections of the live service could not be read, leaving them as they are. */
  readonly keepUnread?: boolean;
  /** Where main.ts and cdktf.json are written. */
  readonly out: string;
}

/** Reads a live service through Fastly's API and converts it; a string is why it cannot be. */
async function convertLive(serviceId: string, options: ConvertOptions): Promise<Conversion | string> {
  const apiKey = process.env.FASTLY_API_KEY ?? '';
  if (apiKey.trim() === '') return 'FASTLY_API_KEY is not set: export a Fastly API token that may read the service';
  const apiUrl = options.apiUrl ?? (process.env.FASTLY_API_URL || FASTLY_API_URL);
  const api = await readLiveService({ serviceId, version: options.version, apiUrl, apiKey });
  const unread = keptByReason(api.unread);
  if (unread.length > 0 && !options.keepUnread) {
    return `could not read ${unread.map(([answer, names]) => `${names.join(', ')} (the API answered ${answer})`).join('; ')} `
      + `of service ${String(api.service.id)} version ${String(api.version.number)}. An app without them would delete them on deploy; `
      + 'rerun with --keep-unread to write it anyway, leaving them as they are on the service (lifecycle.ignore_changes)';
  }
  return convertApiService(api);
}

/**
 * Converts a Terraform file, or a live service read through Fastly's API, into a cdktf app made of
 * the library's constructs: writes `main.ts` and `cdktf.json` to `options.out` and prints the
 * report. Returns the exit code: 0 when every service is equivalent to the source, 1 when one
 * differs or cannot synthesise, 2 for input or a service that cannot be read.
 */
export async function convert(options: ConvertOptions, io: ConvertIo): Promise<number> {
  let conversion: Conversion;
  try {
    if (options.serviceId !== undefined) {
      const live = await convertLive(options.serviceId, options);
      if (typeof live === 'string') {
        io.err(`convert: ${live}`);
        return 2;
      }
      conversion = live;
    } else {
      const source = await readTerraformFile(options.file!);
      if (source.services.length === 0) {
        io.err(`${options.file}: no fastly_service_vcl or fastly_service_compute resource to convert`);
        return 2;
      }
      conversion = await convertSource(source);
    }
  } catch (error) {
    io.err(`convert: ${(error as Error).message}`);
    return 2;
  }
  fs.mkdirSync(options.out, { recursive: true });
  for (const [name, content] of Object.entries(conversion.files)) {
    fs.writeFileSync(path.join(options.out, name), content);
    io.out(`wrote ${path.join(options.out, name)}`);
  }
  conversion.report.forEach((line) => io.out(line));
  return conversion.services.every((service) => service.differences.length === 0 && service.errors.length === 0) ? 0 : 1;
}
