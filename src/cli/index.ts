import * as fs from 'fs';
import { CONVERT_USAGE, convertCommand } from '../convert/command';
import { FASTLY_API_USAGE, runFastlyApiCommand } from '../fastly-api/cli';
import { validateServiceConfig } from '../rules/validate-service-config';
import { formatShares, RoutedRequest, routeRequest, selectService } from '../simulator/route-request';

/** Where the command line tool reads and writes; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  readFile(file: string): string;
}

const USAGE = [
  'usage: cdktf-fastly-origins lint [--strict] <cdk.tf.json>...',
  '       cdktf-fastly-origins explain <cdk.tf.json> --url <path> [--method <m>] [--header <name:value>]... [--unhealthy <backend>]...',
  '                                    [--client-ip <ip>] [--geo <field=value>]... [--service <name>]',
  `       ${CONVERT_USAGE.slice('usage: '.length)}`,
  '',
  '  lint     check every fastly_service_vcl and fastly_service_compute resource of the given Terraform JSON files',
  '           against the provider schema and the library\'s rules; exits 1 when any error is found. --strict reads them',
  '           as strictly as the library reads what it builds (several default backends, tied priorities, port 443',
  '           without TLS are then errors, not warnings)',
  '  explain  simulate where Fastly sends a request (which backend, director or traffic split, and why)',
  ...FASTLY_API_USAGE,
  '  convert  write a cdktf app (main.ts) that builds the file\'s Fastly services from this library\'s constructs',
];

const SERVICE_TYPES = ['fastly_service_vcl', 'fastly_service_compute'];

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  readFile: (file) => fs.readFileSync(file, 'utf8'),
};

/** Runs the command line tool; returns the process exit code (0 clean, 1 errors found, 2 bad usage or input). */
export function runCli(args: string[], io: CliIo = processIo): number | Promise<number> {
  const [command, ...files] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    USAGE.forEach((line) => io.out(line));
    return 0;
  }
  const strict = command === 'lint' && files.includes('--strict');
  const lintFiles = files.filter((file) => file !== '--strict');
  if (command === 'lint' && lintFiles.length > 0) return lint(lintFiles, io, strict);
  if (command === 'explain') return explain(files, io);
  if (command === 'fastly-api') return runFastlyApiCommand(files, io);
  if (command === 'convert') return convertCommand(files, io);
  USAGE.forEach((line) => io.err(line));
  return 2;
}

function readTerraformJson(file: string, io: CliIo): any {
  try {
    return JSON.parse(io.readFile(file));
  } catch (error) {
    io.err(`${file}: cannot read Terraform JSON: ${(error as Error).message}`);
    return undefined;
  }
}

const EXPLAIN_OPTIONS = ['--url', '--method', '--header', '--unhealthy', '--client-ip', '--geo', '--service'];

function explain(args: string[], io: CliIo): number {
  const [file, ...rest] = args;
  const options = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i += 2) {
    const [option, value] = [rest[i], rest[i + 1]];
    if (!EXPLAIN_OPTIONS.includes(option) || value === undefined) {
      io.err(`explain: ${value === undefined ? `${option} needs a value` : `unknown option ${option}`}`);
      USAGE.forEach((line) => io.err(line));
      return 2;
    }
    options.set(option, [...options.get(option) ?? [], value]);
  }
  const url = options.get('--url')?.[0];
  if (file === undefined || url === undefined) {
    USAGE.forEach((line) => io.err(line));
    return 2;
  }
  const document = readTerraformJson(file, io);
  if (document === undefined) return 2;
  const headers: { [name: string]: string } = {};
  for (const header of options.get('--header') ?? []) {
    const colon = header.indexOf(':');
    if (colon <= 0) {
      io.err(`explain: --header ${JSON.stringify(header)}: expected name:value`);
      return 2;
    }
    headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
  }
  const geo = Object.fromEntries((options.get('--geo') ?? []).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  const request: RoutedRequest = {
    url,
    method: options.get('--method')?.[0],
    headers,
    clientIp: options.get('--client-ip')?.[0],
    geo: Object.keys(geo).length > 0 ? geo : undefined,
    unhealthy: options.get('--unhealthy'),
  };
  const services = Object.entries<any>(document?.resource?.fastly_service_vcl ?? {});
  let body: { [key: string]: any };
  try {
    body = selectService(services.map(([, service]) => service), request, options.get('--service')?.[0]);
  } catch (error) {
    io.err(`explain: ${(error as Error).message}`);
    return 2;
  }
  const decision = routeRequest(body, request);
  const destination = decision.director !== undefined ? `director ${decision.director}` : decision.backend !== undefined ? `backend ${decision.backend}` : 'no origin';
  const split = formatShares(decision.shares);
  io.out(`service ${JSON.stringify(body.name)}: ${request.method ?? 'GET'} ${url}`);
  io.out(`  goes to: ${destination}${split ? ` (${split})` : ''}`);
  io.out(`  matched conditions: ${decision.matchedConditions.join(', ') || 'none'}${decision.winningCondition ? ` (winner: ${decision.winningCondition})` : ''}`);
  if (decision.undecidedConditions.length > 0) io.out(`  undecided conditions: ${decision.undecidedConditions.join(', ')}`);
  io.out(`  why: ${decision.reason}`);
  return 0;
}

function lint(files: string[], io: CliIo, strict: boolean): number {
  let errors = 0;
  let warnings = 0;
  let services = 0;
  for (const file of files) {
    const document = readTerraformJson(file, io);
    if (document === undefined) return 2;
    for (const resourceType of SERVICE_TYPES) {
      for (const [name, body] of Object.entries<any>(document?.resource?.[resourceType] ?? {})) {
        services++;
        for (const finding of validateServiceConfig(body, { resourceType, strict })) {
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
