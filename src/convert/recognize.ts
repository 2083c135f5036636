import {
  BlockElement, blockSchema, effectiveAttributes, elementsOf, isExpression, isSingleBlock, JsonObject, JsonValue, keptByReason, ServiceModel,
} from './model';
import { ConstructPlan, ExpressionValue, PlanValue, ResourceStatement, ServicePlan } from './plan';
import { camelCase, constructProp, expression, References } from './props';
import { compareNames, vclBackendIdentifier } from '../fastly/names';

/** Blocks the constructs render; every other block goes through the service's L1 resource. */
const CONSTRUCT_BLOCKS = new Set(['backend', 'healthcheck', 'condition', 'director', 'snippet', 'domain', 'package']);
/** Attributes whose names refer to a condition, in the blocks the L1 escape hatch sets. */
const CONDITION_NAMES = new Set(['request_condition', 'cache_condition', 'response_condition']);
const SERVICE_PROPS = new Set(['name', 'comment', 'version_comment', 'activate', 'force_destroy', 'stage', 'default_ttl']);
const POOL_SNIPPET = /^# OriginPool "([^"]+)": requests routed to its first origin go to (its (auto|random|hash|client) director|the first healthy origin in listed order)\./;

/** The TypeScript type an expression stands for, from the attribute's schema type. */
function expressionType(type: unknown): ExpressionValue['type'] {
  if (type === 'number') return 'number';
  if (type === 'bool') return 'boolean';
  return Array.isArray(type) ? 'list' : 'string';
}

/** The TypeScript types expressions stand for, by attribute of a block. */
export function typesOf(resourceType: ServiceModel['resourceType'], path: string[]): { [attribute: string]: ExpressionValue['type'] } {
  const attributes = blockSchema(resourceType, path)?.attributes ?? {};
  return Object.fromEntries(Object.entries(attributes).map(([name, attribute]) => [name, expressionType(attribute.type)]));
}

/** A construct id: the block name, unless it would collide with a sibling or contains the path separator. */
class Ids {
  private readonly used = new Set<string>();

  public take(name: string, kind: string): string {
    // A name computed by Terraform makes no construct id; the construct then gets the name as a prop.
    const base = name.includes('${') ? kind : name.replace(/\//g, '_') || kind;
    let id = base;
    for (let n = 2; this.used.has(id.toLowerCase()); n++) id = this.used.has(`${base}-${kind}`.toLowerCase()) ? `${base}-${kind}-${n}` : `${base}-${kind}`;
    this.used.add(id.toLowerCase());
    return id;
  }
}

function newPlan(className: ConstructPlan['className'], id: string, renders: ConstructPlan['renders'], comment?: string): ConstructPlan {
  return { className, id, props: {}, renders, comments: comment ? [comment] : [], suppressions: [] };
}

function named(elements: BlockElement[] = []): Map<string, BlockElement> {
  return new Map(elements.map((element) => [String(element.attributes.name), element]));
}

/** Each element with its name; elements that share a name are all kept, for the rules to report. */
function withNames(elements: BlockElement[] = []): Array<[string, BlockElement]> {
  return elements.map((element) => [String(element.attributes.name), element]);
}

/**
 * The props an element's construct cannot be made without (its address, statement, …). The rest
 * are set by `verify` only where the library's defaults differ from the source.
 */
function requiredProps(element: BlockElement, references: References, types: { [attribute: string]: ExpressionValue['type'] },
  attributes: string[]): { [key: string]: PlanValue } {
  return Object.fromEntries(Object.entries(element.attributes).filter(([attribute]) => attributes.includes(attribute))
    .map(([attribute, value]) => constructProp(attribute, value, references, types)));
}

/** A pool the library wrote: its snippets name it and say how it balances. */
interface WrittenPool {
  readonly name: string;
  readonly mode: 'auto' | 'random' | 'hash' | 'client' | 'failover';
  readonly origins: string[];
  readonly director?: BlockElement;
  readonly snippets: string[];
}

/**
 * Finds the pools this library writes behind a route or with a director: a `<pool>-route-miss`
 * and `<pool>-route-pass` snippet pair that hands requests from the first origin to the pool's
 * director or to its standbys, the other origins behind the never-true condition.
 */
function writtenPools(model: ServiceModel): WrittenPool[] {
  const snippets = named(model.blocks.snippet);
  const backends = model.blocks.backend ?? [];
  const directors = named(model.blocks.director);
  const byIdentifier = new Map(backends.map((backend) => [vclBackendIdentifier(String(backend.attributes.name)), String(backend.attributes.name)]));
  const pools: WrittenPool[] = [];
  for (const [name, snippet] of snippets) {
    const match = POOL_SNIPPET.exec(String(snippet.attributes.content ?? ''));
    if (!match || name !== `${match[1]}-route-miss` || snippets.get(`${match[1]}-route-pass`)?.attributes.content !== snippet.attributes.content) continue;
    const content = String(snippet.attributes.content);
    const selected = [...content.matchAll(/req\.backend == (F_\w+)/g)].map((found) => byIdentifier.get(found[1]));
    const selector = selected[0];
    if (selector === undefined) continue;
    let origins: string[];
    let director: BlockElement | undefined;
    if (match[3] === undefined) {
      origins = [selector, ...[...content.matchAll(/set req\.backend = (F_\w+);/g)].map((found) => byIdentifier.get(found[1]) ?? '')];
    } else {
      director = directors.get(match[1]);
      const members = Array.isArray(director?.attributes.backends) ? director!.attributes.backends.map(String) : [];
      // Members are listed sorted by name; the pool numbers them in its order, so `-10` comes after `-9`.
      const rest = members.filter((member) => member !== selector)
        .sort((a, b) => Number(/-(\d+)$/.exec(a)?.[1] ?? 0) - Number(/-(\d+)$/.exec(b)?.[1] ?? 0) || compareNames(a, b));
      origins = [selector, ...rest];
    }
    if (origins.some((origin) => !origin || !backends.some((backend) => backend.attributes.name === origin))) continue;
    const mode = match[3] === undefined ? 'failover' : match[3] as WrittenPool['mode'];
    pools.push({ name: match[1], mode, origins, director, snippets: [`${match[1]}-route-miss`, `${match[1]}-route-pass`] });
  }
  return pools;
}

/** The condition the library's pools keep their other origins behind. */
function isNeverCondition(condition: BlockElement | undefined): boolean {
  return condition !== undefined && String(condition.attributes.statement ?? '').trim() === 'false';
}

/** The shared value of an attribute over elements, if they all set the same one. */
function common(elements: BlockElement[], attribute: string): JsonValue | undefined {
  const values = elements.map((element) => JSON.stringify(element.attributes[attribute] ?? null));
  return new Set(values).size === 1 ? elements[0].attributes[attribute] : undefined;
}

/** Options of `planService`. */
export interface PlanOptions {
  /** Recognise origin pools (false: plan their blocks as plain backends, directors and snippets). */
  readonly pools?: boolean;
}

/**
 * Plans the constructs for one service: conditions and healthchecks first (others refer to them),
 * then pools, shielded backends, backends, directors and snippets, then the L1 escape hatch for
 * the blocks no construct models.
 */
export function planService(model: ServiceModel, options: PlanOptions = {}): ServicePlan {
  const vcl = model.resourceType === 'fastly_service_vcl';
  const findPools = vcl && options.pools !== false;
  const ids = new Ids();
  let constructs: ConstructPlan[] = [];
  const conditions = new Map<string, ConstructPlan>();
  const healthchecks = new Map<string, ConstructPlan>();
  const references: References = { healthcheck: (name) => healthchecks.get(name), condition: (name) => conditions.get(name) };
  const conditionElements = named(model.blocks.condition);
  const pools = findPools ? writtenPools(model) : [];
  const pooled = new Set(pools.flatMap((pool) => [...pool.origins, ...pool.snippets, pool.name]));
  const neverConditions = new Set(pools.flatMap((pool) => pool.origins.slice(1)
    .map((origin) => String(named(model.blocks.backend).get(origin)?.attributes.request_condition ?? ''))));
  const onlyNeverUses = (name: string) => neverConditions.has(name) && isNeverCondition(conditionElements.get(name))
    && (model.blocks.backend ?? []).every((backend) => backend.attributes.request_condition !== name
      || pools.some((pool) => pool.origins.slice(1).includes(String(backend.attributes.name))));

  for (const [name, condition] of withNames(model.blocks.condition)) {
    // The pools make their own never-true condition.
    if (onlyNeverUses(name)) continue;
    const plan = newPlan('Condition', ids.take(name, 'condition'), [{ type: 'condition', name }], condition.comment);
    plan.props = { ...plan.id !== name ? { name } : {}, ...requiredProps(condition, references, typesOf(model.resourceType, ['condition']), ['statement']) };
    conditions.set(name, plan);
    constructs.push(plan);
  }
  for (const [name, check] of withNames(model.blocks.healthcheck)) {
    const plan = newPlan('Healthcheck', ids.take(name, 'healthcheck'), [{ type: 'healthcheck', name }], check.comment);
    plan.props = { ...plan.id !== name ? { name } : {}, ...requiredProps(check, references, typesOf(model.resourceType, ['healthcheck']), ['host']) };
    const { initial, threshold } = effectiveAttributes(model.resourceType, 'healthcheck', check.attributes);
    if (typeof initial === 'number' && typeof threshold === 'number' && initial < threshold) plan.props.startUnhealthy = true;
    healthchecks.set(name, plan);
    constructs.push(plan);
  }

  const backends = named(model.blocks.backend);
  const backendPlans = new Map<string, ConstructPlan>();
  const backendTypes = typesOf(model.resourceType, ['backend']);
  const originOf = (element: BlockElement) => requiredProps(element, references, backendTypes, ['address']);

  const checkUsers = new Map<string, string[]>();
  for (const [name, backend] of named(model.blocks.backend)) {
    const check = backend.attributes.healthcheck;
    if (typeof check === 'string' && check !== '') checkUsers.set(check, [...checkUsers.get(check) ?? [], name]);
  }
  // A check named `<owner>-health` that only the owner's backends use is the one a pool or shielded backend makes from its options.
  const ownCheck = (owner: string, members: string[]) => {
    const name = `${owner}-health`;
    const users = checkUsers.get(name) ?? [];
    return healthchecks.has(name) && users.length === members.length && members.every((member) => users.includes(member)) ? name : undefined;
  };
  const ownChecks = new Set<string>();

  for (const pool of pools) {
    const members = pool.origins.map((origin) => backends.get(origin)!);
    const check = ownCheck(pool.name, pool.origins);
    const plan = newPlan('OriginPool', ids.take(pool.name, 'pool'), [
      ...pool.origins.map((name) => ({ type: 'backend', name })), ...pool.snippets.map((name) => ({ type: 'snippet', name })),
      ...pool.director ? [{ type: 'director', name: pool.name }] : [], ...check ? [{ type: 'healthcheck', name: check }] : [],
    ]);
    plan.props = poolProps(pool.name, plan.id, members, originOf);
    if (check) {
      plan.props.healthcheck = {};
      ownChecks.add(check);
    }
    const routeWhen = String(members[0].attributes.request_condition ?? '');
    if (routeWhen !== '' && conditions.has(routeWhen)) plan.props.routeWhen = { kind: 'ref', target: conditions.get(routeWhen)! };
    if (pool.mode !== 'auto') plan.props.loadBalancing = { kind: 'loadBalancing', mode: pool.mode, options: {} };
    pool.origins.forEach((origin) => backendPlans.set(origin, plan));
    constructs.push(plan);
  }

  // Unconditioned automatic load balancing: the group an OriginPool with LoadBalancing.auto() makes as the default route.
  const group = findPools ? [...backends.values()].filter((backend) => !pooled.has(String(backend.attributes.name))
    && backend.attributes.auto_loadbalance === true && (backend.attributes.request_condition ?? '') === '') : [];
  if (group.length > 1 && common(group, 'shield') !== undefined) {
    const names = group.map((backend) => String(backend.attributes.name));
    const prefix = /^(.*?)[-_]?\d+$/.exec(names[0])?.[1];
    const poolName = prefix && /^[A-Za-z][A-Za-z0-9_-]*$/.test(prefix) ? prefix : 'default';
    const check = ownCheck(poolName, names);
    const plan = newPlan('OriginPool', ids.take(poolName, 'pool'), [...names.map((name) => ({ type: 'backend', name })),
      ...check ? [{ type: 'healthcheck', name: check }] : []]);
    plan.props = poolProps(poolName, plan.id, group, originOf);
    if (check) {
      plan.props.healthcheck = {};
      ownChecks.add(check);
    }
    names.forEach((name) => backendPlans.set(name, plan));
    constructs.push(plan);
  }

  for (const [name, backend] of withNames(model.blocks.backend)) {
    if (backendPlans.get(name)?.className === 'OriginPool') continue;
    const shielded = (backend.attributes.shield ?? '') !== '' && (backend.attributes.override_host ?? '') !== '';
    const check = shielded ? ownCheck(name, [name]) : undefined;
    const plan = newPlan(shielded ? 'ShieldedBackend' : 'Backend', ids.take(name, 'backend'),
      [{ type: 'backend', name }, ...check ? [{ type: 'healthcheck', name: check }] : []], backend.comment);
    plan.props = {
      ...requiredProps(backend, references, backendTypes, ['address']),
      ...plan.id !== name ? { name } : {},
      ...requiredProps(backend, references, backendTypes, shielded ? ['shield'] : []),
      ...check ? { healthcheckOptions: {} } : {},
    };
    if (check) ownChecks.add(check);
    backendPlans.set(name, plan);
    constructs.push(plan);
  }

  constructs = constructs.filter((construct) => !(construct.className === 'Healthcheck' && ownChecks.has(construct.renders[0].name)));

  for (const [name, director] of withNames(model.blocks.director)) {
    if (pooled.has(name) && pools.some((pool) => pool.director === director)) continue;
    const plan = newPlan('Director', ids.take(name, 'director'), [{ type: 'director', name }], director.comment);
    const members = Array.isArray(director.attributes.backends) ? director.attributes.backends.map(String) : [];
    plan.props = {
      backends: members.map((member) => backendRef(backendPlans.get(member), member)),
      ...plan.id !== name ? { name } : {},
    };
    constructs.push(plan);
  }

  for (const [name, snippet] of withNames(model.blocks.snippet)) {
    if (pooled.has(name)) continue;
    const plan = newPlan('VclSnippet', ids.take(name, 'snippet'), [{ type: 'snippet', name }], snippet.comment);
    plan.props = { ...plan.id !== name ? { name } : {}, ...requiredProps(snippet, references, typesOf(model.resourceType, ['snippet']), ['content', 'type']) };
    constructs.push(plan);
  }

  // A service synthesised by cdktf keeps its construct id, which its pools' director comments contain.
  const id = /^[^/]+\/([^/]+)\/Resource$/.exec(model.constructPath ?? '')?.[1] ?? model.resourceName;
  return {
    className: vcl ? 'VclService' : 'ComputeService',
    id,
    resourceName: model.resourceName,
    resourceType: model.resourceType,
    props: serviceProps(model),
    constructs,
    statements: resourceStatements(model, conditions),
    suppressions: [],
    comments: model.comment ? [model.comment] : [],
  };
}

/** A backend of the plan; a member that is not a backend of the service stays a name, for the rules to report. */
function backendRef(target: ConstructPlan | undefined, name: string): PlanValue {
  if (!target) return name;
  if (target.className === 'ShieldedBackend') return { kind: 'ref', target, member: 'backend' };
  if (target.className !== 'OriginPool') return { kind: 'ref', target };
  return { kind: 'ref', target, backend: target.renders.filter((block) => block.type === 'backend').findIndex((block) => block.name === name) };
}

/** An OriginPool's props for its members: their addresses and names, and the pool's shield. */
function poolProps(poolName: string, id: string, members: BlockElement[], originOf: (element: BlockElement) => { [key: string]: PlanValue }):
{ [key: string]: PlanValue } {
  const shield = common(members, 'shield');
  return {
    ...id !== poolName ? { name: poolName } : {},
    origins: members.map((member, index) => ({
      ...originOf(member),
      ...member.attributes.name !== `${poolName}-${index + 1}` ? { name: member.attributes.name as PlanValue } : {},
    })),
    ...typeof shield === 'string' && shield !== '' ? { shield } : {},
  };
}

/** Moves the settings every origin of a pool shares to its `originDefaults`, as a person would write them. */
export function factorOriginDefaults(plan: ConstructPlan): void {
  const origins = plan.props.origins as Array<{ [key: string]: PlanValue }>;
  if (origins.length < 2) return;
  const shared = Object.keys(origins[0]).filter((key) => key !== 'address' && key !== 'name'
    && origins.every((origin) => key in origin && JSON.stringify(origin[key], refReplacer) === JSON.stringify(origins[0][key], refReplacer)));
  if (shared.length === 0) return;
  const originDefaults = Object.fromEntries(shared.map((key) => [key, origins[0][key]]));
  const { routeWhen, loadBalancing, ...rest } = plan.props;
  plan.props = {
    ...rest,
    origins: origins.map((origin) => Object.fromEntries(Object.entries(origin).filter(([key]) => !shared.includes(key)))),
    originDefaults,
    ...routeWhen !== undefined ? { routeWhen } : {},
    ...loadBalancing !== undefined ? { loadBalancing } : {},
  };
}

/** Construct references compare by target id, not by walking the planned constructs. */
function refReplacer(key: string, value: unknown): unknown {
  return key === 'target' && typeof value === 'object' && value !== null ? (value as ConstructPlan).id : value;
}

function serviceProps(model: ServiceModel): { [key: string]: PlanValue } {
  const domains = model.blocks.domain ?? [];
  const comments = domains.filter((domain) => domain.attributes.comment !== undefined);
  const props: { [key: string]: PlanValue } = {
    name: isExpression(model.attributes.name) ? expression(model.attributes.name, 'string') : model.attributes.name as PlanValue,
    domains: domains.map((domain) => isExpression(domain.attributes.name) ? expression(domain.attributes.name, 'string') : domain.attributes.name as PlanValue),
    ...comments.length > 0
      ? { domainComments: Object.fromEntries(comments.map((domain) => [String(domain.attributes.name), domain.attributes.comment as PlanValue])) }
      : {},
  };
  const pkg = model.blocks.package?.[0];
  if (pkg) props.package = Object.fromEntries(Object.entries(pkg.attributes).map(([key, value]) => [camelCase(key), value as PlanValue]));
  return props;
}

/** An L1 struct for an element the bindings type: camelCase keys, nested blocks, condition names from the planned conditions. */
function struct(model: ServiceModel, path: string[], element: BlockElement, conditions: Map<string, ConstructPlan>): { [key: string]: PlanValue } {
  const types = typesOf(model.resourceType, path);
  const result: { [key: string]: PlanValue } = {};
  for (const [attribute, value] of Object.entries(element.attributes)) {
    const condition = CONDITION_NAMES.has(attribute) && typeof value === 'string' ? conditions.get(value) : undefined;
    result[camelCase(attribute)] = condition ? { kind: 'ref', target: condition, member: 'name' }
      : isExpression(value) ? expression(value, types[attribute] ?? 'string') : value as PlanValue;
  }
  for (const [type, elements] of Object.entries(element.blocks)) {
    const nested = elements.map((inner) => struct(model, [...path, type], inner, conditions));
    result[camelCase(type)] = isSingleBlock(model.resourceType, [...path, type]) ? nested[0] : nested;
  }
  return result;
}

/** The typed escape hatch for the blocks and attributes no construct models, and raw JSON for what the bindings lack. */
function resourceStatements(model: ServiceModel, conditions: Map<string, ConstructPlan>): ResourceStatement[] {
  // A service synthesised by cdktf gets its old logical id back from its old construct path.
  const statements: ResourceStatement[] = model.constructPath !== undefined ? [] : [{
    kind: 'call',
    method: 'overrideLogicalId',
    value: model.resourceName,
    comments: [model.importId !== undefined
      ? `Names the Terraform address the import block adopts the service into: ${model.resourceType}.${model.resourceName}.`
      : `Keeps the Terraform address ${model.resourceType}.${model.resourceName}, so the existing service and its state carry over.`],
  }];
  if (model.importId !== undefined) {
    statements.push({
      kind: 'call',
      method: 'importFrom',
      value: model.importId,
      comments: [`Adopts the live service ${model.importId} on the first deploy (a Terraform import block) instead of creating a second one.`],
    });
  }
  const types = typesOf(model.resourceType, []);
  for (const [attribute, value] of Object.entries(model.attributes)) {
    if (SERVICE_PROPS.has(attribute)) continue;
    statements.push({ kind: 'assign', property: camelCase(attribute), value: isExpression(value) ? expression(value, types[attribute]) : value as PlanValue, comments: [] });
  }
  for (const [type, elements] of Object.entries(model.blocks)) {
    if (CONSTRUCT_BLOCKS.has(type) || elements.length === 0) continue;
    const structs = elements.map((element) => struct(model, [type], element, conditions));
    const method = `put${camelCase(type).replace(/^./, (letter) => letter.toUpperCase())}`;
    statements.push({ kind: 'call', method, value: isSingleBlock(model.resourceType, [type]) ? structs[0] : structs, comments: elements.flatMap((element) => element.comment ? [element.comment] : []) });
  }
  const untyped = Object.keys(model.raw).filter((key) => key !== 'dynamic');
  for (const [key, value] of Object.entries(model.raw)) {
    const comments = key === 'dynamic'
      ? ['Dynamic blocks are generated by Terraform from their for_each; constructs need each block at synth, so they are kept as written.']
      : key === untyped[0]
        ? [`The library's typed bindings do not have ${untyped.length === 1 ? `a ${key} block` : `these blocks (${untyped.join(', ')})`} yet, `
          + `so ${untyped.length === 1 ? 'it is' : 'they are'} set as raw Terraform JSON.`]
        : [];
    statements.push({ kind: 'override', path: key, value, comments });
  }
  for (const [key, value] of Object.entries(model.metaArguments)) {
    if (key === 'lifecycle') {
      const lifecycle = elementsOf(value)[0] ?? {};
      statements.push({ kind: 'assign', property: 'lifecycle', value: lifecycleOf(lifecycle), comments: keptComments(model.kept) });
    } else {
      statements.push({ kind: 'override', path: key, value, comments: [] });
    }
  }
  return statements;
}

/** Says what of the live service the app leaves as it is, and why. */
function keptComments(kept: ServiceModel['kept']): string[] {
  const reasons = keptByReason(kept);
  if (reasons.length === 0) return [];
  return [
    'Terraform leaves these as they are on the live service: the app does not manage them. To manage one from the app,',
    'declare it and remove its name here.',
    ...reasons.flatMap(([reason, names]) => wrap(`- ${names.join(', ')} — ${reason}.`, '  ')),
  ];
}

/** Breaks a comment line at spaces so that no line is longer than the written code's. */
function wrap(text: string, indent: string, width = 110): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}

/** The typed `lifecycle` of the resource; `ignore_changes` names attributes, which hcl2json writes as `${name}`. */
function lifecycleOf(lifecycle: JsonObject): { [key: string]: PlanValue } {
  return Object.fromEntries(Object.entries(lifecycle).map(([key, value]) => [camelCase(key), key === 'ignore_changes' && Array.isArray(value)
    ? value.map((name) => typeof name === 'string' ? name.replace(/^\$\{(.*)\}$/, '$1') : name) as PlanValue
    : value as PlanValue]));
}
