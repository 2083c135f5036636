import { attributeRule, isKnown, RawFinding, ServiceRule, ServiceView } from './rule';
import { blockNameProblem, GENERATED_DIRECTOR_PREFIXES, isVclKeyword, vclBackendIdentifier, vclDirectorIdentifier } from '../fastly/names';
import { isVclVariable } from '../vcl/variables';

/** Block types whose elements Fastly keys by `name`. Snippets and dynamic snippets share one name space. */
const NAMED_BLOCKS = ['backend', 'healthcheck', 'condition', 'director', 'header', 'request_setting', 'response_object', 'cache_setting',
  'gzip', 'dictionary', 'acl', 'rate_limiter', 'vcl', 'resource_link'];
const NAME_SPACES: string[][] = [...NAMED_BLOCKS.map((block) => [block]), ['snippet', 'dynamicsnippet']];

function uniqueNames(service: ServiceView): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const blocks of NAME_SPACES) {
    const first = new Map<string, [string, number]>();
    for (const block of blocks) {
      service.blocks(block).forEach((element, index) => {
        if (!isKnown(element.name)) return;
        const seen = first.get(element.name);
        if (!seen) {
          first.set(element.name, [block, index]);
          return;
        }
        findings.push({
          rule: 'name/unique',
          severity: 'error',
          message: `${service.describe(seen[0], seen[1])} and `
          + `${service.describe(block, index)} have the same name; allowed: one ${blocks.join(' or ')} per name in a service `
          + '(Fastly matches blocks by name). Give one of them another name.',
        });
      });
    }
  }
  return findings;
}

/**
 * Fastly turns punctuation in backend and director names into `_` for their VCL identifiers
 * (`api-v1` and `api.v1` both become `F_api_v1`); equal identifiers fail VCL compilation.
 */
function identifierCollisions(service: ServiceView, block: string, identifierOf: (name: string) => string): RawFinding[] {
  const first = new Map<string, [string, number]>();
  const findings: RawFinding[] = [];
  service.blocks(block).forEach((element, index) => {
    if (!isKnown(element.name)) return;
    const identifier = identifierOf(element.name);
    const seen = first.get(identifier);
    if (!seen) {
      first.set(identifier, [element.name, index]);
    } else if (seen[0] !== element.name) {
      findings.push({
        rule: 'name/vcl-identifier',
        severity: 'error',
        message: `${service.describe(block, seen[1])} and `
        + `${service.describe(block, index)} both become ${identifier} in VCL; allowed: ${block} names that differ in letters, digits `
        + 'or "_". Rename one of them.',
      });
    }
  });
  return findings;
}

/**
 * Backends and directors share VCL's identifiers, and backends take `F_` + their name: a director
 * named `F_api_1` is the same identifier as backend `api-1`.
 */
function directorBackendCollisions(service: ServiceView): RawFinding[] {
  const backends = new Map<string, number>();
  service.blocks('backend').forEach((backend, index) => {
    if (isKnown(backend.name) && !backends.has(vclBackendIdentifier(backend.name))) backends.set(vclBackendIdentifier(backend.name), index);
  });
  return service.blocks('director').flatMap((director, index) => {
    if (!isKnown(director.name)) return [];
    const identifier = vclDirectorIdentifier(director.name);
    const backend = backends.get(identifier);
    if (backend === undefined) return [];
    const backendName = JSON.stringify(service.blocks('backend')[backend].name);
    return [{
      rule: 'name/vcl-identifier',
      severity: 'error' as const,
      message: `${service.describe('director', index)} and ${service.describe('backend', backend)} both become ${identifier} in VCL; allowed: a `
        + `director name that is not "F_" followed by a backend name (Fastly calls backend ${backendName} ${identifier} in VCL). Rename the director.`,
    }];
  });
}

/** A director named like a VCL keyword or variable, or like a director Fastly generates, collides with it in VCL. */
function reservedDirectorName(name: string): string | undefined {
  const identifier = vclDirectorIdentifier(name);
  if (GENERATED_DIRECTOR_PREFIXES.some((prefix) => identifier.startsWith(prefix))) {
    return `allowed: a name whose VCL identifier (${identifier}) does not start with ${GENERATED_DIRECTOR_PREFIXES.map((p) => `"${p}"`).join(' or ')}: `
      + 'Fastly\'s generated VCL declares its shield and automatic load-balancing directors with those names. Rename the director';
  }
  if (isVclKeyword(identifier) || isVclVariable(identifier)) {
    return `allowed: a name whose VCL identifier (${identifier}) is not a VCL keyword or variable: VCL that refers to the director does not `
      + 'compile. Rename the director';
  }
  return undefined;
}

/** Rules for the names that key and connect a service's blocks. */
export const NAME_RULES: ServiceRule[] = [
  ...[...NAMED_BLOCKS, 'snippet', 'dynamicsnippet'].map((block) => attributeRule('name/format', block, 'name', blockNameProblem)),
  { id: 'name/unique', check: uniqueNames },
  {
    id: 'name/vcl-identifier',
    check: (service) => service.vcl
      ? [...identifierCollisions(service, 'backend', vclBackendIdentifier), ...identifierCollisions(service, 'director', vclDirectorIdentifier),
        ...directorBackendCollisions(service)]
      : [],
  },
  attributeRule('name/reserved-identifier', 'director', 'name', reservedDirectorName),
];
