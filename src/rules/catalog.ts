/**
 * What each rule id stands for beyond its findings: whether a construct may suppress it.
 *
 * A rule is suppressible when Fastly and the provider accept what it reports, and the library
 * refuses it only because it is rarely meant (several default routes, plain HTTP on 443, …): an
 * existing service may do it on purpose, and a suppression with a reason keeps that choice
 * visible. A rule is not suppressible when Fastly or the provider rejects the configuration (at
 * plan, apply or VCL compilation), or when the rule is about using the library's own constructs:
 * suppressing it would only move the failure to deploy time.
 */
export interface RuleInfo {
  /** Whether `RuleSuppressions` may suppress the rule. */
  readonly suppressible: boolean;
  /** Why: who accepts or rejects what the rule reports. */
  readonly why: string;
}

const FASTLY_REJECTS = 'Fastly or the provider rejects it';
const LIBRARY_USE = 'it is about how the library\'s constructs are used, not about a Fastly setting';
const ACCEPTED = 'Fastly accepts it; the library refuses it because it is rarely meant';

function rules(ids: string[], info: RuleInfo): Array<[string, RuleInfo]> {
  return ids.map((id) => [id, info]);
}

/** Every rule id the rules and the constructs' prop checks report, with its metadata. */
export const RULE_CATALOG: ReadonlyMap<string, RuleInfo> = new Map<string, RuleInfo>([
  ...rules([
    'backend/address', 'backend/port', 'backend/cert-hostname', 'backend/tls-hostname', 'backend/pem', 'backend/client-certificate',
    'backend/ciphers', 'backend/tls-version', 'backend/override-host', 'backend/timeout', 'backend/connection-limit', 'backend/weight',
    'backend/shield', 'backend/share-key', 'backend/vcl-only', 'backend/compute-prefer-ipv6',
    'condition/type', 'condition/priority', 'condition/compute',
    'director/type', 'director/quorum', 'director/retries', 'director/backends', 'director/shield', 'director/compute',
    'healthcheck/host', 'healthcheck/path', 'healthcheck/method', 'healthcheck/expected-response', 'healthcheck/interval',
    'healthcheck/window', 'healthcheck/threshold', 'healthcheck/initial', 'healthcheck/http-version', 'healthcheck/headers',
    'name/format', 'name/unique', 'name/vcl-identifier',
    'reference/healthcheck', 'reference/condition', 'reference/director-backend',
    'routing/auto-loadbalance-shield',
    'service/name', 'service/domain', 'service/default-ttl', 'service/compute-package', 'service/destroy-mode',
    'snippet/type', 'snippet/compute', 'provider/base-url', 'provider/no-auth',
  ], { suppressible: false, why: FASTLY_REJECTS }),
  ...rules([
    'pool/origins', 'pool/name', 'pool/shield', 'pool/healthcheck-host', 'pool/failover-healthcheck', 'pool/compute',
    'shielded-backend/shield', 'shielded-backend/healthcheck', 'service/escape-hatch',
  ], { suppressible: false, why: LIBRARY_USE }),
  ['healthcheck/starts-sick', { suppressible: false, why: 'the healthcheck\'s startUnhealthy prop is how to ask for it' }],
  ...rules([
    'backend/tls-port', 'backend/tls-only-setting', 'backend/auto-loadbalance-with-condition', 'backend/ca-without-check',
    'backend/keepalive', 'healthcheck/timeout', 'routing/default-route', 'routing/priority-tie', 'routing/condition-target',
    'routing/director-shield', 'service/no-domains',
  ], { suppressible: true, why: ACCEPTED }),
  ['condition/statement', {
    suppressible: true,
    why: 'the library\'s VCL variable tables can lag Fastly\'s, and variables declared in custom VCL are unknown to it; Fastly compiles '
      + 'the statement at activation',
  }],
  ...rules(['backend/insecure', 'healthcheck/unused'], { suppressible: false, why: 'it is a warning, which never stops synth' }),
]);
