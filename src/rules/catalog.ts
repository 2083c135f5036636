/**
 * Which findings of each rule a construct may suppress (`RuleSuppressions`), by the severity model
 * (README, "Severity"):
 *
 * - `strict`: the findings a rule gives severity `strict` — what Fastly and the provider accept but
 *   the library refuses because it leaves traffic to chance or to a mismatch (several default
 *   routes, plain HTTP on 443, …). An existing service may do it on purpose; a suppression with a
 *   reason keeps that choice visible. The same rule's errors (what Fastly rejects) stay errors.
 * - `tables`: the findings only the library's tables of VCL variables and functions make (a
 *   variable or function newer than the library knows, or readable where the tables say it is not);
 *   syntax errors stay errors. Fastly still compiles the VCL at activation.
 * - `none`: Fastly or the provider rejects it, it certainly breaks traffic, it is about how the
 *   library's own constructs are used, or it is only ever a warning.
 */
export type Suppressibility = 'none' | 'strict' | 'tables';

/** What a rule id stands for beyond its findings. */
export interface RuleInfo {
  /** Which of the rule's findings `RuleSuppressions` may suppress. */
  readonly suppressible: Suppressibility;
  /** Why: who accepts or rejects what the rule reports. */
  readonly why: string;
}

const FASTLY_REJECTS: RuleInfo = { suppressible: 'none', why: 'Fastly or the provider rejects it, or it certainly breaks traffic' };
const LIBRARY_USE: RuleInfo = { suppressible: 'none', why: 'it is about how the library\'s constructs are used, not about a Fastly setting' };
const WARNING: RuleInfo = { suppressible: 'none', why: 'it is a warning, which never stops synth' };
const ACCEPTED: RuleInfo = { suppressible: 'strict', why: 'Fastly accepts it; the library refuses it because it is rarely meant' };
const LAGGING_TABLES: RuleInfo = {
  suppressible: 'tables',
  why: 'the library\'s tables of VCL variables and functions can lag Fastly\'s; Fastly compiles the VCL at activation',
};

function rules(ids: string[], info: RuleInfo): Array<[string, RuleInfo]> {
  return ids.map((id) => [id, info]);
}

/** Every rule id the rules and the constructs' prop checks report, with its metadata. */
export const RULE_CATALOG: ReadonlyMap<string, RuleInfo> = new Map<string, RuleInfo>([
  ...rules([
    'backend/address', 'backend/port', 'backend/cert-hostname', 'backend/tls-hostname', 'backend/pem', 'backend/client-certificate',
    'backend/ciphers', 'backend/tls-version', 'backend/override-host', 'backend/timeout', 'backend/connection-limit', 'backend/weight',
    'backend/shield', 'backend/share-key', 'backend/vcl-only', 'backend/compute-prefer-ipv6', 'backend/auto-loadbalance-with-condition',
    'condition/type', 'condition/priority', 'condition/compute',
    'director/type', 'director/quorum', 'director/retries', 'director/backends', 'director/shield', 'director/compute',
    'healthcheck/host', 'healthcheck/path', 'healthcheck/method', 'healthcheck/expected-response', 'healthcheck/interval',
    'healthcheck/threshold', 'healthcheck/initial', 'healthcheck/http-version', 'healthcheck/headers',
    'header/action', 'header/type',
    'image-optimizer/jpeg-type', 'image-optimizer/quality', 'image-optimizer/resize-filter',
    'logging/compression', 'logging/compression-codec', 'logging/format-version', 'logging/https', 'logging/message-type',
    'logging/placement', 'logging/s3-encryption', 'logging/sftp-auth', 'logging/trimmed',
    'name/format', 'name/unique', 'name/vcl-identifier', 'name/reserved-identifier',
    'product-enablement/bot-management', 'product-enablement/ddos-protection', 'product-enablement/ngwaf',
    'rate-limiter/action', 'rate-limiter/client-key', 'rate-limiter/http-methods', 'rate-limiter/logger-type', 'rate-limiter/response',
    'rate-limiter/window-size',
    'reference/healthcheck', 'reference/condition', 'reference/director-backend', 'reference/name',
    'routing/auto-loadbalance-shield', 'routing/director-shield',
    'service/name', 'service/domain', 'service/default-ttl', 'service/compute-package', 'service/destroy-mode',
    'snippet/type', 'snippet/compute', 'vcl/main', 'vcl/syntax', 'provider/base-url', 'provider/no-auth',
  ], FASTLY_REJECTS),
  ...rules([
    'pool/origins', 'pool/name', 'pool/shield', 'pool/healthcheck-host', 'pool/failover-healthcheck', 'pool/compute',
    'shielded-backend/shield', 'shielded-backend/healthcheck', 'service/escape-hatch',
  ], LIBRARY_USE),
  ['backend/deploy-time-address', { suppressible: 'none', why: 'Terraform checks it at plan, in a precondition on the service' }],
  ['healthcheck/starts-sick', { suppressible: 'none', why: 'the healthcheck\'s startUnhealthy prop is how to ask for it' }],
  ...rules([
    'backend/tls-port', 'backend/tls-only-setting', 'backend/ca-without-check', 'backend/keepalive', 'healthcheck/timeout',
    'healthcheck/window', 'routing/default-route', 'routing/priority-tie', 'routing/condition-target', 'service/no-domains',
  ], ACCEPTED),
  ...rules(['condition/statement', 'vcl/variable', 'vcl/function'], LAGGING_TABLES),
  ...rules(['backend/insecure', 'backend/bucket-dots', 'healthcheck/unused', 'service/domain-case', 'snippet/recv-backend',
    'pool/fragile-quorum', 'provider/literal-api-key', 'request-setting/action', 'request-setting/xff', 'cache-setting/action'], WARNING),
]);
