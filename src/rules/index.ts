import { BACKEND_RULES } from './backend-rules';
import { CONDITION_RULES } from './condition-rules';
import { DIRECTOR_RULES } from './director-rules';
import { HEALTHCHECK_RULES } from './healthcheck-rules';
import { NAME_RULES } from './name-rules';
import { REFERENCE_RULES } from './reference-rules';
import { ROUTING_RULES } from './routing-rules';
import { RawFinding, ServiceView } from './rule';
import { SERVICE_RULES } from './service-rules';
import { SNIPPET_RULES } from './snippet-rules';

/** Every rule over a service body, in the order findings are reported. */
export const SERVICE_RULES_IN_ORDER = [
  ...SERVICE_RULES, ...NAME_RULES, ...BACKEND_RULES, ...HEALTHCHECK_RULES, ...CONDITION_RULES, ...DIRECTOR_RULES,
  ...SNIPPET_RULES, ...REFERENCE_RULES, ...ROUTING_RULES,
];

/** Runs every rule over one service. */
export function checkService(service: ServiceView): RawFinding[] {
  return SERVICE_RULES_IN_ORDER.flatMap((rule) => rule.check(service));
}

/** The id of every rule over a service body, sorted. */
export const RULE_IDS: string[] = [...new Set(SERVICE_RULES_IN_ORDER.map((rule) => rule.id))].sort();
