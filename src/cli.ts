import * as fs from 'fs';
import { validateServiceConfig } from './validate-service-config';

/** Where the command line tool reads and writes; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readFile(file: string): string;
}

const USAGE = [
  'usage: cdktf-fastly-origins lint <cdk.tf.json>...',
  '',
  '  lint   check every fastly_service_vcl and fastly_service_compute resource of the given Terraform JSON files',
  '         against the provider schema and the library\'s rules; exits 1 when any error is found',
];

const SERVICE_TYPES = ['fastly_service_vcl', 'fastly_service_compute'];

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: (file) => fs.readFileSync(file, 'utf8'),
};

/** Runs the command line tool; returns the process exit code (0 clean, 1 errors found, 2 bad usage or input). */
export function runCli(args: string[], io: CliIo = processIo): number {
  const [command, ...files] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    USAGE.forEach((line) => io.out(line));
    return 0;
  }
  if (command !== 'lint' || files.length === 0) {
    USAGE.forEach((line) => io.err(line));
    return 2;
  }
  return lint(files, io);
}

function lint(files: string[], io: CliIo): number {
  let errors = 0;
  let warnings = 0;
  let services = 0;
  for (const file of files) {
    let document: any;
    try {
      document = JSON.parse(io.readFile(file));
    } catch (error) {
      io.err(`${file}: cannot read Terraform JSON: ${(error as Error).message}`);
      return 2;
    }
    for (const resourceType of SERVICE_TYPES) {
      for (const [name, body] of Object.entries<any>(document?.resource?.[resourceType] ?? {})) {
        services++;
        for (const finding of validateServiceConfig(body, { resourceType })) {
          if (finding.severity === 'error') errors++;
          else warnings++;
          io.out(`${file}: ${resourceType}.${name}: ${finding.severity}: ${finding.message}`);
        }
      }
    }
  }
  io.out(`${errors} error(s), ${warnings} warning(s) in ${services} service(s) of ${files.length} file(s)`);
  return errors > 0 ? 1 : 0;
}
