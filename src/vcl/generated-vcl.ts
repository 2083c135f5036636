import { compareNames, vclBackendIdentifier, vclDirectorIdentifier } from '../fastly/names';
import { blocksWithDefaults } from '../fastly/provider-defaults';
import { blocksOf } from '../fastly/terraform-json';

type Block = { readonly [attribute: string]: any };

/** The subroutines of Fastly's boilerplate, each with the macro where Fastly expands its generated code and snippets. */
const SUBROUTINES = ['recv', 'hash', 'hit', 'miss', 'pass', 'fetch', 'error', 'deliver', 'log'] as const;
type Subroutine = typeof SUBROUTINES[number];

/**
 * Fastly's boilerplate for a custom main VCL (the "Custom VCL" guide): each subroutine carries the
 * `#FASTLY <name>` macro where Fastly's generated code and the service's snippets go, followed by
 * the documented default return.
 */
const BOILERPLATE: { [sub in Subroutine]: { before?: string[]; after: string[] } } = {
  recv: { after: ['if (req.method != "HEAD" && req.method != "GET" && req.method != "FASTLYPURGE") {', '  return(pass);', '}', 'return(lookup);'] },
  hash: { before: ['set req.hash += req.url;', 'set req.hash += req.http.host;'], after: ['return(hash);'] },
  hit: { after: ['return(deliver);'] },
  miss: { after: ['return(fetch);'] },
  pass: { after: ['return(pass);'] },
  fetch: { after: ['return(deliver);'] },
  error: { after: ['return(deliver);'] },
  deliver: { after: ['return(deliver);'] },
  log: { after: [] },
};

/** Where Fastly evaluates each condition type (see CONDITION_SUBROUTINES in ./variables). */
const CONDITION_PLACES: { [type: string]: Subroutine[] } = {
  REQUEST: ['recv'],
  CACHE: ['fetch'],
  RESPONSE: ['deliver', 'log'],
  PREFETCH: ['miss', 'pass'],
};

const DIRECTOR_TYPES: { [type: number]: string } = { 1: 'random', 3: 'hash', 4: 'client' };

/** A VCL string literal; long strings (`{"…"}`) need no escaping. */
function vclString(value: string): string {
  return /["\n]/.test(value) ? `{"${value}"}` : `"${value}"`;
}

function indent(lines: string[], by = '  '): string[] {
  return lines.map((line) => (line === '' ? line : by + line));
}

/** The shield director Fastly declares for a shield POP: `ssl_shield_iad_va_us` for TLS origins, `shield_…` otherwise. */
export function shieldDirectorIdentifier(shield: string, tls: boolean): string {
  return `${tls ? 'ssl_' : ''}shield_${shield.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

function probe(check: Block): string[] {
  const request = [`${check.method} ${check.path} HTTP/${check.http_version}`, `Host: ${check.host}`, 'Connection: close',
    ...(Array.isArray(check.headers) ? check.headers : [])];
  return [
    '.probe = {',
    ...indent([
      `.request = ${request.map((line: string) => vclString(line)).join(' ')};`,
      '.dummy = false;',
      ...(check.threshold !== undefined ? [`.threshold = ${check.threshold};`] : []),
      ...(check.window !== undefined ? [`.window = ${check.window};`] : []),
      ...(check.initial !== undefined ? [`.initial = ${check.initial};`] : []),
      ...(check.expected_response !== undefined ? [`.expected_response = ${check.expected_response};`] : []),
      ...(check.timeout !== undefined ? [`.timeout = ${check.timeout}ms;`] : []),
      ...(check.check_interval !== undefined ? [`.interval = ${check.check_interval}ms;`] : []),
    ]),
    '}',
  ];
}

function backendDeclaration(backend: Block, checks: Map<string, Block>): string[] {
  const tls = backend.use_ssl === true;
  const properties = [
    `.host = ${vclString(String(backend.address))};`,
    `.port = "${backend.port}";`,
    '.dynamic = true;',
    `.connect_timeout = ${backend.connect_timeout}ms;`,
    `.first_byte_timeout = ${backend.first_byte_timeout}ms;`,
    `.between_bytes_timeout = ${backend.between_bytes_timeout}ms;`,
    `.max_connections = ${backend.max_conn};`,
    ...(backend.keepalive_time !== undefined ? [`.keepalive_time = ${backend.keepalive_time}s;`] : []),
    ...(backend.share_key ? [`.share_key = ${vclString(backend.share_key)};`] : []),
    ...(backend.override_host ? [`.host_header = ${vclString(backend.override_host)};`, '.always_use_host_header = true;'] : []),
    ...(backend.prefer_ipv6 === true ? ['.prefer_ipv6 = true;'] : []),
    ...(tls ? [
      '.ssl = true;',
      `.ssl_check_cert = ${backend.ssl_check_cert === false ? 'never' : 'always'};`,
      ...(backend.ssl_cert_hostname ? [`.ssl_cert_hostname = ${vclString(backend.ssl_cert_hostname)};`] : []),
      ...(backend.ssl_sni_hostname ? [`.ssl_sni_hostname = ${vclString(backend.ssl_sni_hostname)};`] : []),
      ...(backend.min_tls_version ? [`.min_tls_version = ${vclString(backend.min_tls_version)};`] : []),
      ...(backend.max_tls_version ? [`.max_tls_version = ${vclString(backend.max_tls_version)};`] : []),
    ] : []),
    ...(backend.healthcheck && checks.has(backend.healthcheck) ? probe(checks.get(backend.healthcheck)!) : []),
  ];
  return [`backend ${vclBackendIdentifier(backend.name)} {`, ...indent(properties), '}'];
}

function directorDeclaration(identifier: string, type: string, quorum: number, retries: number | undefined, members: Block[]): string[] {
  return [
    `director ${identifier} ${type} {`,
    ...indent([
      `.quorum = ${quorum}%;`,
      ...(type === 'random' && retries !== undefined ? [`.retries = ${retries};`] : []),
      ...members.map((backend) => `{ .backend = ${vclBackendIdentifier(backend.name)}; .weight = ${backend.weight}; }`),
    ]),
    '}',
  ];
}

/**
 * The VCL Fastly compiles for a `fastly_service_vcl` body (Terraform JSON), as far as the service's
 * own configuration shapes it: its backends (with their healthcheck probes), directors, shield
 * directors and automatic load-balancing director declared as Fastly declares them; Fastly's
 * custom-VCL boilerplate, or the service's own main `vcl`, with each `#FASTLY <subroutine>` macro
 * followed by the generated backend selection (request conditions in priority order, the shield
 * hop) and the service's snippets of that type in priority order; and every condition statement in
 * an `if` in the subroutines its type runs in.
 *
 * It is what a VCL linter such as falco needs to check that the service compiles; it leaves out
 * what only Fastly's platform adds (logging, headers, gzip and cache settings are not rendered).
 */
export function renderServiceVcl(body: { readonly [key: string]: any }): string {
  const blocks = (type: string) => blocksWithDefaults('fastly_service_vcl', body, type);
  const backends = blocks('backend');
  const checks = new Map(blocks('healthcheck').map((check) => [check.name as string, check]));
  const conditions = new Map(blocks('condition').map((condition) => [condition.name as string, condition]));
  const byName = new Map(backends.map((backend) => [backend.name as string, backend]));

  const declarations: string[] = [];
  for (const backend of backends) declarations.push(...backendDeclaration(backend, checks), '');
  for (const director of blocks('director')) {
    const members = (Array.isArray(director.backends) ? director.backends as string[] : [])
      .map((name) => byName.get(name)).filter((backend): backend is Block => backend !== undefined);
    const type = DIRECTOR_TYPES[director.type] ?? 'random';
    declarations.push(...directorDeclaration(vclDirectorIdentifier(director.name), type, director.quorum, director.retries, members), '');
  }
  const unconditioned = backends.filter((backend) => !backend.request_condition);
  const group = unconditioned.filter((backend) => backend.auto_loadbalance === true);
  if (group.length > 0) declarations.push(...directorDeclaration('autodirector_', 'random', 0, 5, group), '');
  // One shield director per shield POP and TLS setting; the identifier says both.
  const shields = new Map<string, { shield: string; tls: boolean }>();
  for (const backend of backends.filter((b) => b.shield)) {
    const tls = backend.use_ssl === true;
    shields.set(shieldDirectorIdentifier(backend.shield, tls), { shield: backend.shield, tls });
  }
  for (const [identifier, { shield, tls }] of [...shields].sort(([a], [b]) => compareNames(a, b))) {
    declarations.push(`director ${identifier} shield {`, ...indent([`.shield = ${vclString(shield)};`, `.is_ssl = ${tls};`]), '}', '');
  }

  const generated = new Map<Subroutine, string[]>(SUBROUTINES.map((sub) => [sub, []]));
  const byPriority = (a: Block, b: Block) => (Number(a.priority ?? 100) - Number(b.priority ?? 100)) || compareNames(String(a.name), String(b.name));
  const snippets = blocksOf(body, 'snippet').filter((snippet) => snippet.type !== 'none' && snippet.type !== 'init').sort(byPriority);
  for (const snippet of snippets) {
    generated.get(snippet.type as Subroutine)?.push(`# Snippet ${snippet.name} : ${snippet.priority ?? 100}`, ...String(snippet.content ?? '').split('\n'), '');
  }
  const recv = generated.get('recv')!;
  const defaultBackend = group.length > 0 ? 'autodirector_' : unconditioned[0] && vclBackendIdentifier(unconditioned[0].name);
  if (defaultBackend) recv.push('# default conditions', `set req.backend = ${defaultBackend};`, '# end default conditions');
  const routed = backends.filter((backend) => backend.request_condition && conditions.has(backend.request_condition))
    .sort((a, b) => Number(conditions.get(a.request_condition)!.priority) - Number(conditions.get(b.request_condition)!.priority)
      || compareNames(a.name, b.name));
  for (const backend of routed) {
    const condition = conditions.get(backend.request_condition)!;
    recv.push(`# Request Condition: ${condition.name} Prio: ${condition.priority}`, `if (${condition.statement}) {`,
      `  set req.backend = ${vclBackendIdentifier(backend.name)};`, '}');
  }
  for (const backend of backends.filter((b) => b.shield)) {
    const identifier = vclBackendIdentifier(backend.name);
    recv.push(`if (req.backend == ${identifier} && req.restarts == 0) {`,
      `  set req.backend = fastly.try_select_shield(${shieldDirectorIdentifier(backend.shield, backend.use_ssl === true)}, ${identifier});`, '}');
  }
  // Conditions that no backend routes by still have to compile where their type runs.
  const routing = new Set(routed.map((backend) => backend.request_condition));
  for (const condition of [...conditions.values()].filter((c) => !routing.has(c.name)).sort((a, b) => compareNames(a.name, b.name))) {
    for (const sub of CONDITION_PLACES[condition.type] ?? []) {
      generated.get(sub)!.push(`# Condition: ${condition.name}`, `if (${condition.statement}) {`, `  set req.http.X-Condition = ${vclString(condition.name)};`, '}');
    }
  }

  const init = blocksOf(body, 'snippet').filter((snippet) => snippet.type === 'init')
    .sort((a, b) => compareNames(String(a.name), String(b.name)))
    .flatMap((snippet) => [`# Snippet ${snippet.name}`, String(snippet.content ?? ''), '']);
  const customMain = blocksOf(body, 'vcl').find((vcl) => vcl.main === true);
  const main = customMain ? expandMacros(String(customMain.content ?? ''), generated) : boilerplate(generated);
  return [...declarations, ...init, main].join('\n');
}

function boilerplate(generated: Map<Subroutine, string[]>): string {
  return SUBROUTINES.map((sub) => [
    `sub vcl_${sub} {`,
    ...indent(BOILERPLATE[sub].before ?? []),
    `#FASTLY ${sub}`,
    ...indent(generated.get(sub)!),
    ...indent(BOILERPLATE[sub].after),
    '}',
    '',
  ].join('\n')).join('\n');
}

/** A service's own main VCL with the generated code after each `#FASTLY <subroutine>` macro line. */
function expandMacros(content: string, generated: Map<Subroutine, string[]>): string {
  return content.split('\n').flatMap((line) => {
    const macro = /^\s*#FASTLY\s+(\w+)/i.exec(line);
    const sub = macro?.[1].toLowerCase() as Subroutine | undefined;
    return sub && generated.has(sub) ? [line, ...generated.get(sub)!] : [line];
  }).join('\n');
}
