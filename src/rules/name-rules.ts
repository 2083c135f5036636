import { attributeRule, isKnown, RawFinding, ServiceRule, ServiceView } from './rule';
import { blockNameProblem, vclBackendIdentifier, vclDirectorIdentifier } from '../fastly/names';

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

/** Rules for the names that key and connect a service's blocks. */
export const NAME_RULES: ServiceRule[] = [
  ...[...NAMED_BLOCKS, 'snippet', 'dynamicsnippet'].map((block) => attributeRule('name/format', block, 'name', blockNameProblem)),
  { id: 'name/unique', check: uniqueNames },
  {
    id: 'name/vcl-identifier',
    check: (service) => service.vcl
      ? [...identifierCollisions(service, 'backend', vclBackendIdentifier), ...identifierCollisions(service, 'director', vclDirectorIdentifier)]
      : [],
  },
];
