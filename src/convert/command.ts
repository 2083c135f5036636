import * as fs from 'fs';
import * as path from 'path';
import { convertSource } from './index';
import { readTerraformFile } from './source';

/** Where the convert command reports. */
export interface ConvertIo {
  out(line: string): void;
  err(line: string): void;
}

export const CONVERT_USAGE = 'usage: cdktf-fastly-origins convert <file.tf | file.tf.json> [--out <dir>]';

/**
 * `convert <file> [--out DIR]`: writes `main.ts` and `cdktf.json` of a cdktf app made of the
 * library's constructs to DIR (default: the current directory), and prints the report. Exits 0
 * when every service is equivalent to the source, 1 when one differs or cannot synthesise, 2 for
 * bad usage or input.
 */
export async function convertCommand(args: string[], io: ConvertIo): Promise<number> {
  const files = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--out');
  const outIndex = args.indexOf('--out');
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--out');
  if (files.length !== 1 || unknown.length > 0 || (outIndex >= 0 && args[outIndex + 1] === undefined)) {
    io.err(CONVERT_USAGE);
    return 2;
  }
  const outDir = outIndex >= 0 ? args[outIndex + 1] : '.';
  let conversion;
  try {
    const source = await readTerraformFile(files[0]);
    if (source.services.length === 0) {
      io.err(`${files[0]}: no fastly_service_vcl or fastly_service_compute resource to convert`);
      return 2;
    }
    conversion = await convertSource(source);
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
