import { BACKEND_RULES } from './backend-rules';
import { CONDITION_RULES } from './condition-rules';
import { DIRECTOR_RULES } from './director-rules';
import { HEALTHCHECK_RULES } from './healthcheck-rules';
import { LOGGING_RULES } from './logging-rules';
import { NAME_RULES } from './name-rules';
import { RATE_LIMITER_RULES } from './rate-limiter-rules';
import { REFERENCE_RULES } from './reference-rules';
import { ROUTING_RULES } from './routing-rules';
import { CheckedFinding, ServiceRule, ServiceView } from './rule';
import { SERVICE_RULES } from './service-rules';
import { SNIPPET_RULES } from './snippet-rules';
import { valueRules } from './value-rules';
import { VCL_RULES } from './vcl-rules';

let rulesInOrder: ServiceRule[] | undefined;

/** Every rule over a service body, in the order findings are reported; built on first use, as some rules are data. */
export function serviceRules(): ServiceRule[] {
  rulesInOrder ??= [
    ...SERVICE_RULES, ...NAME_RULES, ...BACKEND_RULES, ...HEALTHCHECK_RULES, ...CONDITION_RULES, ...DIRECTOR_RULES,
    ...SNIPPET_RULES, ...REFERENCE_RULES, ...ROUTING_RULES, ...VCL_RULES, ...valueRules(), ...LOGGING_RULES, ...RATE_LIMITER_RULES,
  ];
  return rulesInOrder;
}

/** Runs every rule over one service, with each finding's severity decided for the service's reading. */
export function checkService(service: ServiceView): CheckedFinding[] {
  return serviceRules().flatMap((rule) => rule.check(service)).map((finding) => finding.severity !== 'strict'
    ? { ...finding, severity: finding.severity, strict: false }
    : { ...finding, severity: service.strict ? 'error' : 'warning', strict: true });
}

/** The id of every rule over a service body, sorted. */
export function ruleIds(): string[] {
  return [...new Set(serviceRules().map((rule) => rule.id))].sort();
}
