import { elementRule, isKnown, isSet, ServiceRule } from './rule';
import { loggingBlocks } from './value-rules';

/** Which condition type each condition-reference attribute needs (Fastly evaluates it in that subroutine). */
const CONDITION_REFERENCES: Array<[string, string, string]> = [
  ['backend', 'request_condition', 'REQUEST'],
  ['request_setting', 'request_condition', 'REQUEST'],
  ['header', 'request_condition', 'REQUEST'],
  ['header', 'cache_condition', 'CACHE'],
  ['header', 'response_condition', 'RESPONSE'],
  ['response_object', 'request_condition', 'REQUEST'],
  ['response_object', 'cache_condition', 'CACHE'],
  ['cache_setting', 'cache_condition', 'CACHE'],
  ['gzip', 'cache_condition', 'CACHE'],
];

const SUBROUTINES: { [type: string]: string } = { REQUEST: 'vcl_recv', CACHE: 'vcl_fetch', RESPONSE: 'vcl_deliver' };

/** Block types named by other blocks (the project's provider notes, §4): the referring attribute and the block it names. */
const NAME_REFERENCES: Array<[string, string, string]> = [
  ['rate_limiter', 'response_object_name', 'response_object'],
  ['rate_limiter', 'uri_dictionary_name', 'dictionary'],
];

/** Rules for references between blocks: Fastly resolves them by name, inside one service, at apply time. */
export const REFERENCE_RULES: ServiceRule[] = [
  elementRule('reference/healthcheck', 'backend', (backend, _index, service) => {
    const name = backend.healthcheck;
    if (!isSet(name) || !isKnown(name) || !service.complete('healthcheck') || service.blocks('healthcheck').some((check) => check.name === name)) return [];
    return [{
      severity: 'error',
      attribute: 'healthcheck',
      value: name,
      message: 'allowed: the name of a healthcheck of this service; '
      + `there is none named ${JSON.stringify(name)} (Fastly fails the apply with "No healthcheck named …")`,
    }];
  }),
  ...CONDITION_REFERENCES.map(([block, attribute, type]) => conditionReference(block, attribute, type)),
  {
    // Logging endpoints run in vcl_log, where Fastly's generated code checks their RESPONSE condition.
    id: 'reference/condition',
    check: (service) => loggingBlocks().flatMap((block) => conditionReference(block, 'response_condition', 'RESPONSE', 'vcl_log').check(service)),
  },
  ...NAME_REFERENCES.map(([block, attribute, target]) => elementRule('reference/name', block, (element, _index, service) => {
    const name = element[attribute];
    if (!isSet(name) || !isKnown(name) || !service.complete(target) || service.blocks(target).some((candidate) => candidate.name === name)) return [];
    return [{
      severity: 'error' as const,
      attribute,
      value: name,
      message: `allowed: the name of a ${target.replace('_', ' ')} of this service; there is none named ${JSON.stringify(name)}`,
    }];
  })),
  elementRule('reference/director-backend', 'director', (director, _index, service) => (Array.isArray(director.backends) ? director.backends : [])
    .filter((name: unknown) => isKnown(name) && service.complete('backend') && !service.blocks('backend').some((backend) => backend.name === name))
    .map((name: string) => ({
      severity: 'error' as const,
      attribute: 'backends',
      value: name,
      message: `allowed: names of backends of this service; there is no backend named ${JSON.stringify(name)}`,
    }))),
];

/** A block's condition must exist and have the type of the subroutine where Fastly evaluates it. */
function conditionReference(block: string, attribute: string, type: string, subroutine = SUBROUTINES[type]): ServiceRule {
  return elementRule('reference/condition', block, (element, _index, service) => {
    const name = element[attribute];
    // Compute has no conditions; the schema check reports the attribute itself.
    if (!service.vcl || !isSet(name) || !isKnown(name) || !service.complete('condition')) return [];
    const condition = service.blocks('condition').find((candidate) => candidate.name === name);
    if (!condition) {
      return [{ severity: 'error', attribute, value: name, message: `allowed: the name of a ${type} condition of this service; there is none named ${JSON.stringify(name)}` }];
    }
    return isKnown(condition.type) && condition.type !== type
      ? [{
        severity: 'error',
        attribute,
        value: name,
        message: `allowed: a condition of type ${type}; ${JSON.stringify(name)} is a ${condition.type} `
        + `condition, but Fastly applies this ${block.replace('_', ' ')} in ${subroutine}, where only ${type} conditions run`,
      }]
      : [];
  });
}
