import { compareNames, vclBackendIdentifier, vclDirectorIdentifier } from '../fastly/names';
import { blocksWithDefaults } from '../fastly/provider-defaults';
import { setsBackend } from '../rules/snippet-rules';
import { evaluateCondition, SimulatedRequest } from '../vcl/evaluator';

/** A request to route, and which backends are sick at the time. */
export interface RoutedRequest extends SimulatedRequest {
  /**
   * Names of the backends that are unhealthy. Fastly never marks a backend without a healthcheck
   * sick, so such names are ignored (and the decision says so).
   * @default - every backend is healthy
   */
  readonly unhealthy?: string[];
}

/** The part of the traffic one backend gets. */
export interface TrafficShare {
  /** The backend name. */
  readonly backend: string;
  /** The fraction of the requests, from 0 to 1. */
  readonly share: number;
}

/** Where Fastly sends a request, and why. */
export interface RouteDecision {
  /** The backend the request finally goes to, when that is determined (one backend, or one healthy member of a balanced group). */
  readonly backend?: string;
  /** The director the request is handed to, when a pool switch snippet hands it to one. */
  readonly director?: string;
  /**
   * Where the request goes, in words: `backend "web-1"`, `director "api"`, `the automatic
   * load-balancing group`, `no backend` or `an undecided route`; when the route rests on chance,
   * each destination with its share (`backend "canary" (10%) or backend "web" (90%)`).
   */
  readonly destination: string;
  /**
   * How requests like this one are spread over healthy backends. Empty when no healthy backend
   * serves them (a sick backend, a director below quorum) or when the route cannot be decided.
   * When the route rests on chance, the shares of every route together; they add up to less than 1
   * when some of the routes find no healthy backend.
   */
  readonly shares: TrafficShare[];
  /** The routing conditions (those used as a backend's request_condition) that matched, in Fastly's evaluation order. */
  readonly matchedConditions: string[];
  /** The matching condition that decided the backend: the last one Fastly runs, i.e. the largest priority. */
  readonly winningCondition?: string;
  /** The routing conditions the simulation could not evaluate, in evaluation order. */
  readonly undecidedConditions: string[];
  /**
   * The routing conditions that hold for only a share of such requests (`randombool()`), so that
   * the route varies from request to request, in evaluation order.
   */
  readonly randomConditions: string[];
  /** The decision in words: which condition won, the default route, the pool switch, the split, and any caveat. */
  readonly reason: string;
}

/**
 * Simulates how Fastly picks the backend for a request, offline, from a `fastly_service_vcl`
 * resource body in Terraform JSON (a synthesised `cdk.tf.json` or hand-written; omitted attributes
 * take the provider's defaults):
 *
 * 1. every condition used as a backend's `request_condition` runs in ascending priority and the
 *    last match sets the backend;
 * 2. without a match, the default route takes it: the one unconditioned backend, or the automatic
 *    load-balancing group split by weight over its healthy members;
 * 3. the `<pool>-route-miss` / `-route-pass` snippets that `OriginPool` emits then hand it to the
 *    pool's director (weighted over healthy members, down below quorum) or fail it over to the
 *    first healthy standby. Other VCL that sets `req.backend` is not run; the reason says it may
 *    change the result.
 *
 * Nothing the simulation cannot know is decided for Fastly: a condition that cannot be evaluated
 * (an unmodelled function or variable, or a value the request does not give) leaves the route
 * undecided when it could override the result, and so do Fastly's arbitrary choices (matching
 * conditions of equal priority, a condition routing to several backends). A condition that holds
 * by chance (`randombool(n, d)`) splits the traffic: each route gets its share.
 *
 * @param serviceConfig the resource body: `resource.fastly_service_vcl.<id>` of a parsed `cdk.tf.json`
 * @param request the request, and which backends are sick
 */
export function routeRequest(serviceConfig: { [key: string]: unknown }, request: RoutedRequest): RouteDecision {
  const service = readService(serviceConfig);
  const notes: string[] = [];
  const sick = sickBackends(service, request.unhealthy ?? [], notes);
  const outcomes = evaluateRoutingConditions(service, request, sick);
  const matched = outcomes.filter((outcome) => outcome.value === true);
  const winner = matched[matched.length - 1];
  const winnerIndex = winner === undefined ? -1 : outcomes.indexOf(winner);
  // Conditions that hold for a share of requests split the route, unless a certain match runs after them.
  const chances = outcomes.filter((outcome, index) => outcome.probability !== undefined && index > winnerIndex);

  const routes = routeBranches(service, outcomes, winner, chances);
  const arbitrary = [...new Set(routes.flatMap((branch) => branch.route.arbitrary ?? []))];
  const branches = routes.map((branch) => followBranch(service, branch, request, sick, notes));
  const explanation = branches.length === 1 ? branches[0].text
    : `the route varies from request to request: ${branches.map((branch, index) =>
      `${formatPercent(branch.probability)}${index === 0 ? ' of such requests' : ''}: ${branch.text}`).join('; ')}`;

  notes.push(...conditionCaveats(outcomes, winnerIndex), ...service.customVclNotes);

  const undecided = (outcome: ConditionOutcome) => outcome.value === undefined && outcome.probability === undefined;
  const decisiveUndecided = outcomes.filter((outcome, index) => undecided(outcome) && index > winnerIndex);
  const common = {
    matchedConditions: matched.map((outcome) => outcome.condition),
    winningCondition: chances.length === 0 ? winner?.condition : undefined,
    undecidedConditions: outcomes.filter(undecided).map((outcome) => outcome.condition),
    randomConditions: chances.map((outcome) => outcome.condition),
  };
  const reason = (text: string) => [text, ...new Set(notes)].join('; ');
  if (decisiveUndecided.length > 0 || arbitrary.length > 0) {
    const unknowable = decisiveUndecided.map((outcome) => `condition "${outcome.condition}" (priority ${priorityLabel(outcome.priority)}, routing to `
      + `${outcome.backends.map((backend) => `backend "${backend}"`).join(' and ')}) could not be evaluated: ${outcome.reason}`);
    const otherwise = decisiveUndecided.length === 0 ? 'in name order' : decisiveUndecided.length === 1 ? 'if it does not match' : 'if none of them matches';
    return {
      ...common,
      backend: undefined,
      director: undefined,
      winningCondition: arbitrary.length > 0 ? undefined : common.winningCondition,
      shares: [],
      destination: 'an undecided route',
      reason: reason(`the route cannot be decided: ${[...unknowable, ...arbitrary].join('; ')}; ${otherwise}: ${explanation}`),
    };
  }
  const same = <T>(values: T[]): T | undefined => values.every((value) => value === values[0]) ? values[0] : undefined;
  return {
    ...common,
    backend: same(branches.map((branch) => branch.resolution.backend)),
    director: same(branches.map((branch) => branch.resolution.director)),
    shares: combinedShares(branches),
    destination: branches.length === 1 ? branches[0].destination
      : branches.map((branch) => `${branch.destination} (${formatPercent(branch.probability)})`).join(' or '),
    reason: reason(explanation),
  };
}

/** One way a request can go, and the share of such requests that go that way. */
interface Branch {
  readonly probability: number;
  readonly route: Route;
}

/**
 * The routes a request takes: the last certain match (or the default route), unless a condition
 * that holds only by chance runs after it. Each chance condition wins when it matches and no later
 * one does; the draws are independent.
 */
function routeBranches(service: ServiceModel, outcomes: ConditionOutcome[], winner: ConditionOutcome | undefined,
  chances: ConditionOutcome[]): Branch[] {
  const certain = winner === undefined ? defaultRoute(service, outcomes.length > 0) : conditionRoute(winner, matchedUpTo(outcomes, winner));
  const branches: Branch[] = chances.map((outcome, index) => ({
    probability: outcome.probability! * chances.slice(index + 1).reduce((rest, later) => rest * (1 - later.probability!), 1),
    route: conditionRoute(outcome, matchedUpTo(outcomes, outcome)),
  })).reverse();
  const none = chances.reduce((rest, outcome) => rest * (1 - outcome.probability!), 1);
  return [...branches, { probability: none, route: certain }];
}

/** The certain matches that run before `last`, and `last`. */
function matchedUpTo(outcomes: ConditionOutcome[], last: ConditionOutcome): ConditionOutcome[] {
  return [...outcomes.slice(0, outcomes.indexOf(last)).filter((outcome) => outcome.value === true), last];
}

interface FollowedBranch {
  readonly probability: number;
  readonly resolution: Resolution;
  /** Where the request ends up, in words. */
  readonly destination: string;
  readonly text: string;
}

/** A branch through the pool switches to the backends that serve it. */
function followBranch(service: ServiceModel, branch: Branch, request: RoutedRequest, sick: Set<string>, notes: string[]): FollowedBranch {
  const { route } = branch;
  const miss = followSwitches(service, route.destination, 'miss', sick);
  const upgrade = Object.keys(request.headers ?? {}).some((name) => name.toLowerCase() === 'upgrade');
  if (upgrade && describeDestination(miss.destination) !== describeDestination(route.destination)) {
    notes.push('a WebSocket request that the service passes with return(upgrade) in vcl_recv never reaches vcl_miss or vcl_pass, so the pool '
      + `switch does not apply to it: it stays on ${describeDestination(route.destination)}`);
  }
  const pass = followSwitches(service, route.destination, 'pass', sick);
  if (describeDestination(pass.destination) !== describeDestination(miss.destination)) {
    notes.push(`requests that bypass the cache (vcl_pass) go to ${describeDestination(pass.destination)} instead, because the pass snippets `
      + 'differ from the miss snippets');
  }
  const resolution = resolve(service, miss.destination, sick, notes);
  return {
    probability: branch.probability,
    resolution,
    destination: describeDestination(miss.destination),
    text: [route.text, ...miss.steps].join('; ') + resolution.text,
  };
}

/** Each backend's share of all such requests, over every branch. */
function combinedShares(branches: FollowedBranch[]): TrafficShare[] {
  const shares = new Map<string, number>();
  for (const branch of branches) {
    for (const share of branch.resolution.shares) shares.set(share.backend, (shares.get(share.backend) ?? 0) + share.share * branch.probability);
  }
  return [...shares].map(([backend, share]) => ({ backend, share }));
}

// ---------------------------------------------------------------------------------------------
// The service body

interface BackendModel {
  readonly name: string;
  readonly requestCondition: string;
  readonly autoLoadbalance: boolean;
  readonly weight: number;
  /** Fastly never marks a backend without a healthcheck sick. */
  readonly hasHealthcheck: boolean;
  /** The shield POP code, or empty. */
  readonly shield: string;
}

interface ConditionModel {
  readonly statement: string;
  readonly priority: number;
}

interface DirectorModel {
  readonly name: string;
  readonly members: BackendModel[];
  /** Member names that are not backends of the service. */
  readonly missingMembers: string[];
  /** 1 random, 3 hash, 4 client. */
  readonly type: number;
  /** Percent of the members' weight that must be healthy. */
  readonly quorum: number;
}

/** A recognised `OriginPool` switch: requests on `selector` go to a director (or backend). */
interface HandOverSwitch {
  readonly kind: 'hand-over';
  readonly snippet: string;
  readonly selector: string;
  readonly target: Destination;
}

/** A recognised `OriginPool` failover switch: requests on a sick `selector` go to the first healthy standby. */
interface FailoverSwitch {
  readonly kind: 'failover';
  readonly snippet: string;
  readonly selector: string;
  readonly standbys: string[];
}

type PoolSwitch = HandOverSwitch | FailoverSwitch;

interface SnippetModel {
  readonly name: string;
  readonly type: string;
  readonly poolSwitch?: PoolSwitch;
}

interface ServiceModel {
  readonly backends: BackendModel[];
  readonly backendsByName: Map<string, BackendModel>;
  readonly conditions: Map<string, ConditionModel>;
  /** In the order Fastly runs them within a subroutine: ascending priority, then name. */
  readonly snippets: SnippetModel[];
  /** VCL that may set req.backend in ways the simulation does not run. */
  readonly customVclNotes: string[];
  /** What Fastly does with a request that no healthy backend can serve. */
  readonly whenNothingServes: string;
}

function blocksOf(body: { [key: string]: any }, type: string): Array<{ [key: string]: any }> {
  return blocksWithDefaults('fastly_service_vcl', body, type);
}

/** The snippet types `OriginPool` puts its switches in: every request that goes to an origin passes one of them. */
const SWITCH_SUBROUTINES = new Set(['miss', 'pass']);

function readService(body: { [key: string]: any }): ServiceModel {
  const backends: BackendModel[] = blocksOf(body, 'backend').map((backend) => ({
    name: String(backend.name),
    requestCondition: String(backend.request_condition),
    autoLoadbalance: backend.auto_loadbalance === true || backend.auto_loadbalance === 'true',
    weight: Number(backend.weight),
    hasHealthcheck: String(backend.healthcheck) !== '',
    shield: String(backend.shield ?? ''),
  }));
  const backendsByName = new Map(backends.map((backend) => [backend.name, backend]));
  const backendsByIdentifier = new Map(backends.map((backend) => [vclBackendIdentifier(backend.name), backend]));
  const conditions = new Map(blocksOf(body, 'condition').map((condition) =>
    [String(condition.name), { statement: String(condition.statement), priority: Number(condition.priority) }]));
  const directorsByIdentifier = new Map(blocksOf(body, 'director').map((director) => {
    const names: string[] = Array.isArray(director.backends) ? director.backends.map(String) : [];
    const model: DirectorModel = {
      name: String(director.name),
      members: names.flatMap((name) => backendsByName.get(name) ?? []),
      missingMembers: names.filter((name) => !backendsByName.has(name)),
      type: Number(director.type),
      quorum: Number(director.quorum),
    };
    return [vclDirectorIdentifier(model.name), model];
  }));

  const customVclNotes: string[] = [];
  const snippets = blocksOf(body, 'snippet')
    .map((snippet) => ({
      name: String(snippet.name), type: String(snippet.type), priority: Number(snippet.priority), content: String(snippet.content),
    }))
    .sort((a, b) => a.priority - b.priority || compareNames(a.name, b.name))
    .map((snippet): SnippetModel => {
      // Only miss and pass run after Fastly's backend selection; a switch elsewhere is overwritten or too late, so it is custom VCL.
      const poolSwitch = SWITCH_SUBROUTINES.has(snippet.type)
        ? parsePoolSwitch(snippet.name, snippet.content, backendsByIdentifier, directorsByIdentifier)
        : undefined;
      if (poolSwitch === undefined && setsBackend(snippet.content)) {
        customVclNotes.push(`snippet "${snippet.name}" (${snippet.type}) sets req.backend in custom VCL that the simulation does not run, so it may `
          + 'change the result');
      }
      return { name: snippet.name, type: snippet.type, poolSwitch };
    });
  for (const vcl of blocksOf(body, 'vcl')) {
    if (setsBackend(String(vcl.content))) {
      customVclNotes.push(`custom VCL "${vcl.name}" sets req.backend, which the simulation does not run, so it may change the result`);
    }
  }
  for (const dynamic of blocksOf(body, 'dynamicsnippet')) {
    customVclNotes.push(`dynamic snippet "${dynamic.name}" (${dynamic.type}) is managed outside the configuration; if it sets req.backend, `
      + 'it may change the result');
  }
  return { backends, backendsByName, conditions, snippets, customVclNotes, whenNothingServes: staleOr503(body) };
}

/** Stale content is served only within a stale-if-error window; the service's stale_if_error opens one for every object. */
function staleOr503(body: { [key: string]: any }): string {
  if (body.stale_if_error !== true && body.stale_if_error !== 'true') {
    return 'Fastly serves a stale copy only within a stale-if-error window, which the service does not open (stale_if_error is off; an '
      + 'origin\'s Cache-Control: stale-if-error can), else responds 503';
  }
  const ttl = body.stale_if_error_ttl ?? DEFAULT_STALE_IF_ERROR_TTL;
  return `Fastly serves a stale copy if it expired less than ${ttl} s ago (stale_if_error), else responds 503`;
}

/** Backends named unhealthy that Fastly could mark sick; the others are explained in `notes`. */
function sickBackends(service: ServiceModel, unhealthy: string[], notes: string[]): Set<string> {
  const sick = new Set<string>();
  for (const name of unhealthy) {
    const backend = service.backendsByName.get(name);
    if (backend === undefined) {
      notes.push(`"${name}" is not a backend of the service, so marking it unhealthy changes nothing`);
    } else if (!backend.hasHealthcheck) {
      notes.push(`backend "${name}" has no healthcheck, so Fastly never marks it unhealthy and it is treated as healthy`);
    } else {
      sick.add(name);
    }
  }
  return sick;
}

// ---------------------------------------------------------------------------------------------
// Step 1: routing conditions

interface ConditionOutcome {
  readonly condition: string;
  readonly priority: number;
  /** The backends it routes to, in name order. */
  readonly backends: string[];
  readonly value?: boolean;
  readonly reason?: string;
  /** The share of requests it matches, when that rests on chance. */
  readonly probability?: number;
}

/** The priority of a request_condition that names no condition. */
const UNKNOWN_PRIORITY = Number.POSITIVE_INFINITY;

/** Every condition that is a backend's request_condition, evaluated in the order Fastly's generated `vcl_recv` runs them. */
function evaluateRoutingConditions(service: ServiceModel, request: RoutedRequest, sick: Set<string>): ConditionOutcome[] {
  const routed = new Map<string, string[]>();
  for (const backend of service.backends) {
    if (backend.requestCondition !== '') routed.set(backend.requestCondition, [...routed.get(backend.requestCondition) ?? [], backend.name]);
  }
  return [...routed].map(([name, backends]): ConditionOutcome => {
    const condition = service.conditions.get(name);
    const targets = [...backends].sort(compareNames);
    if (condition === undefined) {
      // Its place in the order is unknown, so it is taken to run last, where it could override any match.
      return { condition: name, priority: UNKNOWN_PRIORITY, backends: targets, value: undefined, reason: 'no condition of that name is defined' };
    }
    const evaluation = evaluateCondition(condition.statement, request, { unhealthy: [...sick] });
    return { condition: name, priority: condition.priority, backends: targets, ...evaluation };
  }).sort((a, b) => a.priority - b.priority || compareNames(a.condition, b.condition));
}

/** Where the request stands after Fastly's generated backend selection, and how it got there. */
interface Route {
  readonly destination: Destination;
  readonly text: string;
  /** Why Fastly's choice here is arbitrary, so that the simulation cannot know it. */
  readonly arbitrary?: string[];
}

function conditionRoute(winner: ConditionOutcome, matched: ConditionOutcome[]): Route {
  const byChance = winner.probability === undefined ? '' : ` (it ${winner.reason})`;
  const target = winner.backends[winner.backends.length - 1];
  const overridden = matched.slice(0, -1);
  const overriding = overridden.length === 0 ? '' : `, overriding ${overridden.map(described).join(', ')}`;
  const tied = overridden.filter((outcome) => outcome.priority === winner.priority);
  const arbitrary: string[] = [];
  if (tied.length > 0) {
    arbitrary.push(`${[...tied, winner].map((outcome) => `"${outcome.condition}"`).join(' and ')} ${tied.length === 1 ? 'both' : 'all'} matched at `
      + `priority ${winner.priority}, and Fastly runs equal priorities in an arbitrary order, so any of them may win`);
  }
  if (winner.backends.length > 1) {
    arbitrary.push(`condition "${winner.condition}" routes to ${winner.backends.map((backend) => `"${backend}"`).join(', ')}, and Fastly picks `
      + 'one of them arbitrarily');
  }
  return {
    destination: { kind: 'backend', backend: target },
    text: `${described(winner)} matched${byChance} and is the highest-priority match${overriding}, so the request goes to backend "${target}"`,
    arbitrary,
  };
}

/** Undecided and chance conditions that a later certain match overrides. */
function conditionCaveats(outcomes: ConditionOutcome[], winnerIndex: number): string[] {
  return outcomes.flatMap((outcome, index) => {
    if (outcome.value !== undefined || index >= winnerIndex) return [];
    return outcome.probability === undefined
      ? [`${described(outcome)} could not be evaluated (${outcome.reason}), but a higher-priority match overrides it`]
      : [`${described(outcome)} ${outcome.reason}, but a higher-priority match overrides it`];
  });
}

function described(outcome: ConditionOutcome): string {
  return `condition "${outcome.condition}" (priority ${priorityLabel(outcome.priority)})`;
}

function priorityLabel(priority: number): string {
  return priority === UNKNOWN_PRIORITY ? 'unknown' : String(priority);
}

// ---------------------------------------------------------------------------------------------
// Step 2: the default route

/**
 * The backend without a request condition, or the automatic load-balancing group (unconditioned
 * `auto_loadbalance` backends). Several candidates mean Fastly picks one arbitrarily.
 */
function defaultRoute(service: ServiceModel, hasRoutingConditions: boolean): Route {
  const lead = hasRoutingConditions ? 'no routing condition matched' : 'the service has no routing conditions';
  const unconditioned = service.backends.filter((backend) => backend.requestCondition === '');
  const group = unconditioned.filter((backend) => backend.autoLoadbalance);
  const single = unconditioned.filter((backend) => !backend.autoLoadbalance);
  const candidates = [...single.map((backend) => `backend "${backend.name}"`), ...group.length > 0 ? ['the automatic load-balancing group'] : []];
  if (candidates.length === 0) {
    return { destination: { kind: 'none' }, text: `${lead}, and there is no default route (every backend has a request condition), so the request has no backend` };
  }
  if (candidates.length > 1) {
    return {
      destination: { kind: 'none' },
      text: `${lead}, and the default route is ambiguous: Fastly picks one of ${candidates.join(', ')} arbitrarily`,
    };
  }
  const destination: Destination = single.length === 1 ? { kind: 'backend', backend: single[0].name } : { kind: 'group', members: group };
  return { destination, text: `${lead}, so the request takes the default route: ${candidates[0]}` };
}

// ---------------------------------------------------------------------------------------------
// Step 3: the pool switch snippets

type Destination =
  | { readonly kind: 'backend'; readonly backend: string }
  | {
    readonly kind: 'director';
    readonly director: DirectorModel;
    /** The backend whose requests the switch hands over: the shield hop is its shield's. */
    readonly selector: BackendModel;
    /** The VCL expression the switch sets `client.identity` to, if it does. */
    readonly identity?: string;
  }
  | { readonly kind: 'group'; readonly members: BackendModel[] }
  | { readonly kind: 'none' };

/** Snippet content with comments dropped and white space removed where VCL does not need it, so layout does not matter. */
function compact(content: string): string {
  return content.split('\n').map((line) => line.replace(/(#|\/\/).*$/, '')).join(' ')
    .replace(/\s*([(){};=!&|])\s*/g, '$1').replace(/\s+/g, ' ').trim();
}

/** `if (req.backend == F_x) { [set client.identity = <expression>;] set req.backend = <director>; }` */
const HAND_OVER = /^if\(req\.backend==(F_\w+)\)\{(?:set client\.identity=([^;{}]+);)?set req\.backend=(\w+);\}$/;
/** `if (req.backend == F_x && !backend.F_x.healthy) { <standby chain> }` */
const FAILOVER = /^if\(req\.backend==(F_\w+)&&!backend\.(F_\w+)\.healthy\)\{(.+)\}$/;
/** One link of the chain: `if (backend.F_y.healthy) { set req.backend = F_y; }`, then `else if …` for the next. */
const STANDBY = /^(else )?if\(backend\.(F_\w+)\.healthy\)\{set req\.backend=(F_\w+);\}/;

/**
 * Recognises exactly the switch snippets `OriginPool` emits (see the README's "Origin pools"),
 * whose identifiers name backends and directors of the service. Anything else is custom VCL.
 */
function parsePoolSwitch(snippet: string, content: string, backends: Map<string, BackendModel>,
  directors: Map<string, DirectorModel>): PoolSwitch | undefined {
  const compacted = compact(content);
  const handOver = HAND_OVER.exec(compacted);
  if (handOver !== null) {
    const [, selectorId, identity, targetId] = handOver;
    const selector = backends.get(selectorId);
    const director = directors.get(targetId);
    const backend = backends.get(targetId);
    const target: Destination | undefined = director !== undefined && selector !== undefined ? { kind: 'director', director, identity, selector }
      : backend !== undefined ? { kind: 'backend', backend: backend.name } : undefined;
    return selector === undefined || target === undefined ? undefined : { kind: 'hand-over', snippet, selector: selector.name, target };
  }
  const failover = FAILOVER.exec(compacted);
  if (failover === null || failover[1] !== failover[2] || !backends.has(failover[1])) return undefined;
  const standbys: string[] = [];
  let chain = failover[3];
  while (chain !== '') {
    const link = STANDBY.exec(chain);
    const isFirst = standbys.length === 0;
    if (link === null || link[1] !== (isFirst ? undefined : 'else ') || link[2] !== link[3] || !backends.has(link[2])) return undefined;
    standbys.push(backends.get(link[2])!.name);
    chain = chain.slice(link[0].length);
  }
  return { kind: 'failover', snippet, selector: backends.get(failover[1])!.name, standbys };
}

interface SwitchPath {
  readonly destination: Destination;
  /** What each switch did, in order. */
  readonly steps: string[];
}

/** Runs the recognised switch snippets of one subroutine (`miss` or `pass`) in Fastly's snippet order. */
function followSwitches(service: ServiceModel, start: Destination, type: string, sick: Set<string>): SwitchPath {
  let destination = start;
  const steps: string[] = [];
  for (const { poolSwitch, type: snippetType } of service.snippets) {
    if (snippetType !== type || poolSwitch === undefined || destination.kind !== 'backend' || destination.backend !== poolSwitch.selector) continue;
    if (poolSwitch.kind === 'hand-over') {
      destination = poolSwitch.target;
      steps.push(`snippet "${poolSwitch.snippet}" hands it to ${describeDestination(destination)}`);
      continue;
    }
    const { selector, snippet, standbys } = poolSwitch;
    if (!sick.has(selector)) {
      steps.push(`backend "${selector}" is healthy, so failover snippet "${snippet}" keeps it there`);
      continue;
    }
    const standby = standbys.find((name) => !sick.has(name));
    if (standby !== undefined) {
      destination = { kind: 'backend', backend: standby };
      steps.push(`backend "${selector}" is unhealthy, so failover snippet "${snippet}" moves it to backend "${standby}", the first healthy standby`);
    } else {
      steps.push(`backend "${selector}" and every standby of failover snippet "${snippet}" (${standbys.join(', ')}) are unhealthy, `
        + `so the request stays on backend "${selector}"`);
    }
  }
  return { destination, steps };
}

function describeDestination(destination: Destination): string {
  switch (destination.kind) {
    case 'backend':
      return `backend "${destination.backend}"`;
    case 'director':
      return `director "${destination.director.name}"`;
    case 'group':
      return 'the automatic load-balancing group';
    case 'none':
      return 'no backend';
  }
}

// ---------------------------------------------------------------------------------------------
// Where the traffic ends up

interface Resolution {
  readonly backend?: string;
  readonly director?: string;
  readonly shares: TrafficShare[];
  /** Appended to the explanation, right after the destination it describes. */
  readonly text: string;
}

/** The provider's default for `stale_if_error_ttl`, in seconds. */
const DEFAULT_STALE_IF_ERROR_TTL = 43200;
const DIRECTOR_POLICIES: { [type: number]: string } = { 1: 'random', 3: 'hash', 4: 'client' };
/** The header that keeps the address that first reached Fastly across the hops between POPs. */
const ORIGINAL_CLIENT_HEADER = 'Fastly-Client-IP';

function resolve(service: ServiceModel, destination: Destination, sick: Set<string>, notes: string[]): Resolution {
  switch (destination.kind) {
    case 'backend':
      return sick.has(destination.backend)
        ? { backend: destination.backend, shares: [], text: `, which is unhealthy: ${service.whenNothingServes}` }
        : { backend: destination.backend, shares: [{ backend: destination.backend, share: 1 }], text: '' };
    case 'group': {
      const split = weightedSplit(destination.members, sick);
      if (split.shares.length === 0) {
        return {
          shares: [],
          text: ` (${destination.members.map((member) => member.name).join(', ')}), but all of them are unhealthy: ${service.whenNothingServes}`,
        };
      }
      return { backend: onlyBackend(split.shares), shares: split.shares, text: `: ${formatShares(split.shares)}` };
    }
    case 'director':
      return resolveDirector(service, destination, sick, notes);
    case 'none':
      return { shares: [], text: '' };
  }
}

/** A director is up while the healthy members hold at least `quorum` percent of the weight; then it picks among them by weight. */
function resolveDirector(service: ServiceModel, destination: Destination & { kind: 'director' }, sick: Set<string>, notes: string[]): Resolution {
  const director = destination.director;
  if (director.missingMembers.length > 0) {
    notes.push(`director "${director.name}" lists ${director.missingMembers.map((name) => `"${name}"`).join(', ')}, which `
      + `${director.missingMembers.length === 1 ? 'is not a backend' : 'are not backends'} of the service`);
  }
  const policy = DIRECTOR_POLICIES[director.type] ?? `type ${director.type}`;
  const header = ` (${policy}, quorum ${director.quorum}%)`;
  const split = weightedSplit(director.members, sick);
  if (split.shares.length === 0) {
    return {
      director: director.name,
      shares: [],
      text: `${header}, but none of its members is healthy, so the director is down: ${service.whenNothingServes}`,
    };
  }
  // Whole numbers on both sides, so a share exactly at the quorum counts as reaching it.
  if (split.healthyWeight * 100 < director.quorum * split.totalWeight) {
    const sickMembers = director.members.filter((member) => sick.has(member.name)).map((member) => member.name);
    return {
      director: director.name,
      shares: [],
      text: `${header}, but only ${formatPercent(split.healthyWeight / split.totalWeight)} of its weight is healthy (${sickMembers.join(', ')} `
        + `${sickMembers.length === 1 ? 'is' : 'are'} unhealthy), below the quorum, so the director is down: ${service.whenNothingServes}`,
    };
  }
  return {
    backend: onlyBackend(split.shares),
    director: director.name,
    shares: split.shares,
    text: `${header}: ${formatShares(split.shares)}${stickiness(destination)}`,
  };
}

/** Which requests a hash or client director keeps together; for a client director, what its key really is. */
function stickiness(destination: Destination & { kind: 'director' }): string {
  if (destination.director.type === 3) return '; requests for the same object (cache key) always go to the same origin';
  if (destination.director.type !== 4) return '';
  const identity = destination.identity;
  if (identity !== undefined && identity.toLowerCase() === `req.http.${ORIGINAL_CLIENT_HEADER.toLowerCase()}`) {
    return `; requests from the same client always go to the same origin: the switch sets client.identity from ${ORIGINAL_CLIENT_HEADER}, the `
      + 'address that first reached Fastly, which a shield hop does not change';
  }
  if (identity !== undefined) return `; requests with the same client.identity (set to ${identity} by the switch) always go to the same origin`;
  const shield = destination.selector.shield;
  if (shield === '') return '; requests from the same client (client.identity, which defaults to client.ip) always go to the same origin';
  return `; the director keys on client.identity, which defaults to client.ip: at the shield (${shield}) that is the address of the edge POP `
    + 'that forwarded the request, so requests stick to an edge cache node, not to a user. Set client.identity = '
    + `req.http.${ORIGINAL_CLIENT_HEADER} before choosing the director`;
}

interface WeightedSplit {
  readonly shares: TrafficShare[];
  readonly healthyWeight: number;
  readonly totalWeight: number;
}

/** Each healthy member's weight over the healthy members' total, as Fastly's random selection among healthy backends does. */
function weightedSplit(members: BackendModel[], sick: Set<string>): WeightedSplit {
  const healthy = members.filter((member) => !sick.has(member.name));
  const healthyWeight = healthy.reduce((sum, member) => sum + member.weight, 0);
  const totalWeight = members.reduce((sum, member) => sum + member.weight, 0);
  const shares = healthyWeight > 0 ? healthy.map((member) => ({ backend: member.name, share: member.weight / healthyWeight })) : [];
  return { shares, healthyWeight, totalWeight };
}

function onlyBackend(shares: TrafficShare[]): string | undefined {
  return shares.length === 1 ? shares[0].backend : undefined;
}

/** A traffic split in words: `api-1 66.7%, api-2 33.3%`. */
export function formatShares(shares: TrafficShare[]): string {
  return shares.map((share) => `${share.backend} ${formatPercent(share.share)}`).join(', ');
}

/** One decimal, without a trailing ".0": 0.6667 → "66.7%", 0.5 → "50%". */
function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/**
 * The service body a request reaches: the only one, the one named `serviceName`, or the one whose
 * domains match the request's Host header. `serviceOption` is how the caller's user can name a
 * service (e.g. a command line option), when they can.
 */
export function selectService(bodies: Array<{ [key: string]: any }>, request: RoutedRequest, serviceName?: string,
  serviceOption?: string): { [key: string]: any } {
  if (serviceName !== undefined) {
    const named = bodies.find((body) => body.name === serviceName);
    if (!named) throw new Error(`there is no VCL service named ${JSON.stringify(serviceName)}; there are ${bodies.map((body) => JSON.stringify(body.name)).join(', ') || 'none'}`);
    return named;
  }
  if (bodies.length === 1) return bodies[0];
  const host = Object.entries(request.headers ?? {}).find(([name]) => name.toLowerCase() === 'host')?.[1]?.toLowerCase();
  const matches = bodies.filter((body) => host !== undefined && [body.domain ?? []].flat().some((domain: any) => domainMatches(domain.name, host)));
  if (matches.length !== 1) {
    const names = bodies.map((body) => JSON.stringify(body.name)).join(', ');
    throw new Error(bodies.length === 0 ? 'there is no fastly_service_vcl to route through'
      : `there are ${bodies.length} VCL services (${names}); give the request a Host header that matches the domains of exactly one`
        + (serviceOption === undefined ? '' : `, or pick one with ${serviceOption}`));
  }
  return matches[0];
}

function domainMatches(domain: string, host: string): boolean {
  const pattern = domain.toLowerCase();
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) && host.length > pattern.length - 1 : pattern === host;
}
