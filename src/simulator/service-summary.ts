/**
 * A stable, readable text form of Fastly service resources, for snapshot tests and reviews: the
 * routing table in the order Fastly decides it, then backends, healthchecks and snippets, one
 * line each. Only what decides where traffic goes and how origins are reached is shown; the
 * full JSON stays in `Testing.synth`.
 */

const SERVICE_TYPES = ['fastly_service_vcl', 'fastly_service_compute'];

/**
 * Every Fastly service of a synthesised stack, summarised.
 * @param synthesized the stack's Terraform JSON, as text or parsed
 */
export function summarizeServices(synthesized: string | { [key: string]: unknown }): string {
  const document = typeof synthesized === 'string' ? JSON.parse(synthesized) : synthesized;
  const sections: string[] = [];
  for (const type of SERVICE_TYPES) {
    const resources = document?.resource?.[type] ?? {};
    for (const id of Object.keys(resources).sort()) sections.push(summarizeService(type, resources[id]));
  }
  return sections.join('\n\n');
}

/**
 * One service resource body, summarised.
 * @param type `fastly_service_vcl` or `fastly_service_compute`
 * @param body the resource body in Terraform JSON
 */
export function summarizeService(type: string, body: { [key: string]: unknown }): string {
  const domains = list(body.domain).map((domain) => domain.name).sort();
  const lines = [`${type} ${JSON.stringify(body.name)} (${domains.join(', ') || 'no domains'})`];
  if (type === 'fastly_service_vcl') lines.push(...routingTable(body));
  lines.push(...section('backends', list(body.backend).map(backendLine)));
  lines.push(...section('healthchecks', list(body.healthcheck).map(healthcheckLine)));
  lines.push(...section('directors', list(body.director).map(directorLine)));
  lines.push(...section('snippets', list(body.snippet).map((snippet) =>
    `${snippet.name} (${snippet.type}, priority ${snippet.priority ?? 100}): ${oneLine(snippet.content)}`)));
  return lines.join('\n');
}

function routingTable(body: { [key: string]: any }): string[] {
  const backends = list(body.backend);
  const conditions = new Map(list(body.condition).map((condition) => [condition.name, condition]));
  const routed = new Map<string, string[]>();
  const defaults: string[] = [];
  const group: string[] = [];
  for (const backend of backends) {
    const conditionName = backend.request_condition ?? '';
    if (conditionName === '') {
      (backend.auto_loadbalance === true ? group : defaults).push(backend.name);
    } else if (conditions.get(conditionName)?.statement !== 'false') {
      routed.set(conditionName, [...routed.get(conditionName) ?? [], backend.name]);
    }
  }
  const rows = [...routed].map(([name, targets]) => ({ name, targets, condition: conditions.get(name) ?? {} }))
    .sort((a, b) => (b.condition.priority ?? 10) - (a.condition.priority ?? 10) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, targets, condition }) => `${condition.priority ?? 10} ${name}: ${condition.statement} → ${targets.join(', ')}`);
  const weights = new Map(backends.map((backend) => [backend.name, backend.weight ?? 100]));
  const defaultRoutes = [
    ...defaults,
    ...(group.length > 0 ? [`automatic load balancing (${group.map((name) => `${name} ×${weights.get(name)}`).join(', ')})`] : []),
  ];
  return section('routing (largest matching priority wins)', [...rows, `default → ${defaultRoutes.join('; ') || 'none'}`]);
}

function backendLine(backend: { [key: string]: any }): string {
  const scheme = backend.use_ssl === true ? 'https' : 'http';
  const parts = [`${backend.name}: ${scheme}://${backend.address}:${backend.port ?? 80}`];
  if (backend.use_ssl === true) {
    parts.push(backend.ssl_check_cert === false ? 'cert unchecked' : `cert ${backend.ssl_cert_hostname || '?'}`);
    if (backend.ssl_sni_hostname) parts.push(`sni ${backend.ssl_sni_hostname}`);
  }
  if (backend.override_host) parts.push(`host ${backend.override_host}`);
  if (backend.shield) parts.push(`shield ${backend.shield}`);
  if (backend.healthcheck) parts.push(`check ${backend.healthcheck}`);
  if (backend.auto_loadbalance === true || (backend.weight ?? 100) !== 100) parts.push(`weight ${backend.weight ?? 100}`);
  parts.push(`timeouts ${backend.connect_timeout ?? 1000}/${backend.first_byte_timeout ?? 15000}/${backend.between_bytes_timeout ?? 10000} ms`);
  return parts.join(', ');
}

function healthcheckLine(check: { [key: string]: any }): string {
  return `${check.name}: ${check.method ?? 'HEAD'} ${check.path} host ${check.host} expect ${check.expected_response ?? 200}, `
    + `every ${check.check_interval ?? 5000} ms, timeout ${check.timeout ?? 5000} ms, healthy at ${check.threshold ?? 3}/${check.window ?? 5}`
    + `, initial ${check.initial ?? 3}${list(check.headers).length > 0 ? `, headers ${list(check.headers).join('; ')}` : ''}`;
}

const DIRECTOR_KINDS: { [type: number]: string } = { 1: 'random', 3: 'hash', 4: 'client' };

function directorLine(director: { [key: string]: any }): string {
  return `${director.name}: ${DIRECTOR_KINDS[director.type ?? 1] ?? `type ${director.type}`} over ${list(director.backends).join(', ')}, `
    + `quorum ${director.quorum ?? 75}%, retries ${director.retries ?? 5}`;
}

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`  ${title}:`, ...lines.map((line) => `    ${line}`)];
}

function list(value: unknown): any[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function oneLine(text: unknown): string {
  return String(text ?? '').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#')).join(' ');
}
