import { IConstruct } from 'constructs';
import { compareServices, Difference } from './compare';
import { instantiate, synthesize, validationProblems } from './instantiate';
import { JsonValue, ServiceModel, serviceFromTerraformJson, ServiceType } from './model';
import { AppPlan, ConstructPlan, LoadBalancingValue, PlanValue, ServicePlan, SuppressionPlan } from './plan';
import { camelCase, constructProp, References } from './props';
import { factorOriginDefaults, planService, typesOf } from './recognize';
import { DirectorType, DIRECTOR_TYPE_NUMBERS } from '../constructs/director';
import { RULE_CATALOG } from '../rules/catalog';

/** A converted service: its plan, and how the app built from it differs from the source, if at all. */
export interface VerifiedService {
  readonly model: ServiceModel;
  plan: ServicePlan;
  /** Where the synthesised service differs from the source (empty: equivalent). */
  differences: Difference[];
  /** Errors of the written app that no suppression may silence (Fastly would reject the source too). */
  errors: string[];
}

/**
 * Attributes that other attributes' library defaults depend on, in the order they are fixed: a
 * prop is only written when the attribute still differs once those it depends on are right (TLS
 * off already makes the port 80 and the certificate hostnames empty).
 */
const TIERS: Array<{ [block: string]: string[] }> = [
  { backend: ['use_ssl', 'override_host'], healthcheck: ['threshold'] },
  { backend: ['ssl_cert_hostname'] },
];
const SERVICE_PROPS = ['name', 'comment', 'version_comment', 'activate', 'force_destroy', 'stage', 'default_ttl'];
const ROUNDS = 6;

/** Why the converter suppresses a rule, worded for the reader of the written app. */
const REASONS: { [rule: string]: string } = {
  'routing/default-route': 'converted as is: the source has no single default route',
  'routing/priority-tie': 'converted as is: the source gives several routing conditions the same priority',
  'routing/condition-target': 'converted as is: the source routes one condition to several backends',
  'routing/director-shield': 'converted as is: the source\'s director has members with different shields',
  'backend/tls-port': 'converted as is: the source uses this port and TLS setting together',
  'backend/tls-only-setting': 'converted as is: the source sets TLS settings on a plain-HTTP backend, where Fastly ignores them',
  'backend/auto-loadbalance-with-condition': 'converted as is: the source sets auto_loadbalance on a backend with a request condition',
  'backend/ca-without-check': 'converted as is: the source sets a CA certificate without certificate checks',
  'backend/keepalive': 'converted as is: the source sets keepalive_time to 0, which the provider does not send to Fastly',
  'healthcheck/timeout': 'converted as is: the source\'s probe timeout is not shorter than its interval',
  'condition/statement': 'converted as is: Fastly compiled this statement for the source service',
  'service/no-domains': 'converted as is: the source service has no domain block (its domains are linked outside this resource)',
};

function parsePath(path: string): { type: string; name: string; attribute?: string } | undefined {
  const match = /^([a-z_]+) ("(?:[^"\\]|\\.)*")(?:\.([a-z0-9_]+))?$/.exec(path);
  return match ? { type: match[1], name: JSON.parse(match[2]), attribute: match[3] } : undefined;
}

function referencesOf(plan: ServicePlan): References {
  const find = (className: string, name: string) => plan.constructs.find((construct) => construct.className === className
    && construct.renders.some((block) => block.name === name));
  return { healthcheck: (name) => find('Healthcheck', name), condition: (name) => find('Condition', name) };
}

/** Sets the prop that makes `construct` render `attribute` of element `name` as `value`; false when no prop can. */
function fixConstruct(plan: ServicePlan, construct: ConstructPlan, type: string, name: string, attribute: string, value: JsonValue): boolean {
  const references = referencesOf(plan);
  const types = typesOf(plan.resourceType as ServiceType, [type]);
  if (value === undefined || ['name', 'address'].includes(attribute)) return false;
  switch (construct.className) {
    case 'ShieldedBackend':
      if (type === 'healthcheck') {
        const [prop, propValue] = constructProp(attribute, value, references, types);
        construct.props.healthcheckOptions = { ...construct.props.healthcheckOptions as object, [prop]: propValue };
        return true;
      }
      construct.props[constructProp(attribute, value, references, types)[0]] = constructProp(attribute, value, references, types)[1];
      return true;
    case 'Backend':
    case 'Healthcheck':
    case 'Condition':
    case 'VclSnippet': {
      if (construct.className === 'Condition' && attribute === 'type') {
        construct.props.type = { kind: 'enum', enumName: 'ConditionType', member: String(value), value: String(value) };
        return true;
      }
      const [prop, propValue] = constructProp(attribute, value, references, types);
      construct.props[prop] = propValue;
      return true;
    }
    case 'Director': {
      if (attribute === 'backends') return false;
      if (attribute === 'type') {
        const policy = Object.entries(DIRECTOR_TYPE_NUMBERS).find(([, number]) => number === value)?.[0];
        const member = Object.entries(DirectorType).find(([, director]) => director === policy)?.[0];
        if (!policy || !member) return false;
        construct.props.type = { kind: 'enum', enumName: 'DirectorType', member, value: policy };
        return true;
      }
      construct.props[camelCase(attribute)] = constructProp(attribute, value, references, types)[1];
      return true;
    }
    case 'OriginPool': {
      if (type === 'healthcheck') {
        if (attribute === 'initial' && typeof value === 'number') return false;
        const [prop, propValue] = constructProp(attribute, value, references, types);
        construct.props.healthcheck = { ...construct.props.healthcheck as object, [prop]: propValue };
        return true;
      }
      if (type === 'director' && (attribute === 'quorum' || attribute === 'retries')) {
        const loadBalancing = construct.props.loadBalancing as LoadBalancingValue;
        construct.props.loadBalancing = { ...loadBalancing, options: { ...loadBalancing.options, [attribute]: value as PlanValue } };
        return true;
      }
      if (type !== 'backend' || ['request_condition', 'auto_loadbalance', 'shield'].includes(attribute)) return false;
      const index = construct.renders.filter((block) => block.type === 'backend').findIndex((block) => block.name === name);
      const origins = construct.props.origins as Array<{ [key: string]: PlanValue }>;
      const [prop, propValue] = constructProp(attribute, value, references, types);
      origins[index] = { ...origins[index], [prop]: propValue };
      return true;
    }
  }
}

/** Applies the fixes for `differences`; returns the differences no prop can fix. */
function fix(plan: ServicePlan, differences: Difference[], tier?: { [block: string]: string[] }): { unfixable: Difference[]; fixed: number } {
  const firstOnly = tier !== undefined;
  const unfixable: Difference[] = [];
  let fixed = 0;
  for (const difference of differences) {
    const where = parsePath(difference.path);
    if (where?.attribute !== undefined) {
      if (tier && !tier[where.type]?.includes(where.attribute)) continue;
      const construct = plan.constructs.find((candidate) => candidate.renders
        .some((block) => block.type === where.type && block.name === where.name));
      if (construct && fixConstruct(plan, construct, where.type, where.name, where.attribute, difference.expected as JsonValue)) {
        fixed++;
        continue;
      }
    } else if (!firstOnly && SERVICE_PROPS.includes(difference.path) && difference.expected !== undefined) {
      const types = typesOf(plan.resourceType as ServiceType, []);
      const [prop, value] = constructProp(difference.path, difference.expected as JsonValue, referencesOf(plan), types);
      plan.props[prop] = value;
      fixed++;
      continue;
    }
    if (!firstOnly) unfixable.push(difference);
  }
  return { unfixable, fixed };
}

/** Whether a difference is in a block a planned pool renders: the pool is then not what the source has. */
function isPoolDifference(plan: ServicePlan, difference: Difference): boolean {
  const where = parsePath(difference.path);
  return where !== undefined && plan.constructs.some((construct) => construct.className === 'OriginPool'
    && construct.renders.some((block) => block.type === where.type && block.name === where.name));
}

/** The planned construct a problem is reported on, and the child of it the problem is about. */
function ownerOf(plan: ServicePlan, built: Map<ConstructPlan, IConstruct>, service: IConstruct, construct: IConstruct):
{ owner: ServicePlan | ConstructPlan; child?: string } | undefined {
  for (const candidate of plan.constructs) {
    const made = built.get(candidate);
    if (!made) continue;
    if (made === construct) return { owner: candidate };
    if (construct.node.path.startsWith(`${made.node.path}/`)) return { owner: candidate, child: construct.node.path.slice(made.node.path.length + 1) };
  }
  if (construct === service) return { owner: plan };
  return undefined;
}

function ruleOf(message: string): string | undefined {
  return /\[([a-z-]+\/[a-z-]+)\]$/.exec(message)?.[1];
}

function sourceBody(json: any, plan: ServicePlan): any {
  return json.resource?.[plan.resourceType]?.[plan.resourceName] ?? {};
}

/**
 * Builds each service's plan into constructs, synthesises it, and corrects the plan until the
 * synthesised service is the source's: props are added where the library's defaults differ from
 * what the source (or the provider's defaults) says. A pool that cannot be made to match is
 * planned as plain backends instead. Then the rules the source breaks on purpose are suppressed
 * where they may be; what remains is reported.
 */
export function verify(app: AppPlan, models: ServiceModel[]): VerifiedService[] {
  const results: VerifiedService[] = models.map((model, index) => ({ model, plan: app.services[index], differences: [], errors: [] }));
  for (let round = 0; round < ROUNDS; round++) {
    const json = synthesize(instantiate(app));
    let changed = false;
    for (const result of results) {
      const actual = serviceFromTerraformJson(result.model.resourceType as ServiceType, result.plan.resourceName, sourceBody(json, result.plan), 'synth');
      const differences = compareServices(result.model, actual);
      let attempt: { unfixable: Difference[]; fixed: number } | undefined;
      for (const tier of TIERS) {
        attempt = fix(result.plan, differences, tier);
        if (attempt.fixed > 0) break;
      }
      const { unfixable, fixed } = attempt && attempt.fixed > 0 ? attempt : fix(result.plan, differences);
      if (unfixable.some((difference) => isPoolDifference(result.plan, difference))) {
        result.plan = planService(result.model, { pools: false });
        app.services[results.indexOf(result)] = result.plan;
        changed = true;
        continue;
      }
      result.differences = unfixable;
      changed ||= fixed > 0;
    }
    if (!changed) break;
  }
  for (const result of results) result.plan.constructs.filter((construct) => construct.className === 'OriginPool').forEach(factorOriginDefaults);
  suppress(app, results);
  return results;
}

/**
 * Suppresses the suppressible rules the app breaks; what the suppressions do not lift (an error
 * Fastly rejects, even of a rule with suppressible findings) are the services' errors.
 */
function suppress(app: AppPlan, results: VerifiedService[]): void {
  const serviceOf = (built: ReturnType<typeof instantiate>, construct: IConstruct) => results.find((candidate) => {
    const service = built.services.get(candidate.plan);
    return service !== undefined && (construct === service || construct.node.path.startsWith(`${service.node.path}/`));
  });
  const built = instantiate(app);
  const constructs = built.constructs as Map<ConstructPlan, IConstruct>;
  for (const { construct, message } of validationProblems(built)) {
    const result = serviceOf(built, construct);
    const rule = ruleOf(message);
    const owner = result && ownerOf(result.plan, constructs, built.services.get(result.plan)!, construct);
    if (!result || !rule || !owner || (RULE_CATALOG.get(rule)?.suppressible ?? 'none') === 'none') continue;
    const suppression: SuppressionPlan = { id: rule, reason: REASONS[rule] ?? 'converted as is: the source service does this', child: owner.child };
    const known = owner.owner.suppressions.some((existing) => existing.id === rule && existing.child === owner.child);
    if (!known) owner.owner.suppressions.push(suppression);
  }
  const suppressed = instantiate(app);
  for (const { construct, message } of validationProblems(suppressed)) {
    (serviceOf(suppressed, construct) ?? results[0]).errors.push(`[${construct.node.path}] ${message}`);
  }
}
