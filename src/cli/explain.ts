import { Command, InvalidArgumentError } from 'commander';
import { BAD_INPUT, CliContext, readTerraformJson } from './io';
import { formatShares, RoutedRequest, routeRequest, selectService } from '../simulator/route-request';

interface ExplainOptions {
  readonly url: string;
  readonly method?: string;
  readonly header?: string[];
  readonly unhealthy?: string[];
  readonly clientIp?: string;
  readonly geo?: string[];
  readonly service?: string;
}

/** `explain <file> --url <path>`: where Fastly sends a request, and why. */
export function explainCommand({ io, exit }: CliContext): Command {
  return new Command('explain')
    .description('simulate where Fastly sends a request (which backend, director or traffic split, and why)')
    .argument('<file>', 'Terraform JSON, such as cdktf.out/stacks/<stack>/cdk.tf.json')
    .requiredOption('--url <path>', 'the request path and query string, e.g. /api/users?page=2', requestPath)
    .option('--method <method>', 'the HTTP method (default: GET)')
    .option('--header <name:value>', 'a request header; repeatable. Host picks the service when there are several', collect(pair(':', 'name:value', '"X-Debug: 1"')))
    .option('--unhealthy <backend>', 'a backend to treat as sick; repeatable', collect((value) => value))
    .option('--client-ip <ip>', 'the client address (client.ip)')
    .option('--geo <field=value>', 'a client.geo field; repeatable', collect(pair('=', 'field=value', 'country_code=US')))
    .option('--service <name>', 'the VCL service to route through, when the file has several')
    .action((file: string, options: ExplainOptions) => {
      const document = readTerraformJson(file, io);
      if (document === undefined) return exit(BAD_INPUT);
      const request: RoutedRequest = {
        url: options.url,
        method: options.method,
        headers: Object.fromEntries((options.header ?? []).map((header) => split(header, ':'))),
        clientIp: options.clientIp,
        geo: options.geo && Object.fromEntries(options.geo.map((field) => split(field, '='))),
        unhealthy: options.unhealthy,
      };
      let body: { [key: string]: unknown };
      try {
        body = selectService(Object.values<any>(document.resource?.fastly_service_vcl ?? {}), request, options.service, '--service <name>');
      } catch (error) {
        io.err(`explain: ${(error as Error).message}`);
        return exit(BAD_INPUT);
      }
      const decision = routeRequest(body, request);
      const traffic = formatShares(decision.shares);
      io.out(`service ${JSON.stringify(body.name)}: ${request.method ?? 'GET'} ${request.url}`);
      io.out(`  goes to: ${decision.destination}${traffic ? ` (${traffic})` : ''}`);
      io.out(`  matched conditions: ${decision.matchedConditions.join(', ') || 'none'}${decision.winningCondition ? ` (winner: ${decision.winningCondition})` : ''}`);
      if (decision.randomConditions.length > 0) io.out(`  conditions that hold by chance: ${decision.randomConditions.join(', ')}`);
      if (decision.undecidedConditions.length > 0) io.out(`  undecided conditions: ${decision.undecidedConditions.join(', ')}`);
      io.out(`  why: ${decision.reason}`);
      return exit(0);
    });
}

/** `--url` takes what `req.url` holds: a path and query string. A full URL or a relative path is a common slip. */
function requestPath(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url !== undefined && url.host !== '') {
    throw new InvalidArgumentError(`Give the path only, --url ${url.pathname}${url.search}, and the host as --header Host:${url.host}`);
  }
  if (!value.startsWith('/')) throw new InvalidArgumentError(`A path starts with "/": --url /${value}`);
  return value;
}

/** A parser for a repeatable option: each value is checked, then added to the list. */
function collect(parse: (value: string) => string): (value: string, previous: string[] | undefined) => string[] {
  return (value, previous) => [...previous ?? [], parse(value)];
}

/** Checks a `name<separator>value` pair. */
function pair(separator: string, form: string, example: string): (value: string) => string {
  return (value) => {
    if (value.indexOf(separator) <= 0) throw new InvalidArgumentError(`Expected ${form}, e.g. ${example}`);
    return value;
  };
}

/** `name<separator>value` as a trimmed [name, value]. */
function split(value: string, separator: string): [string, string] {
  const at = value.indexOf(separator);
  return [value.slice(0, at).trim(), value.slice(at + 1).trim()];
}
