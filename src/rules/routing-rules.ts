import { isKnown, isSet, RawFinding, ServiceRule, ServiceView } from './rule';
import { compareNames } from '../fastly/names';
import { canHoldTogether, holdForEveryRequest } from '../vcl/logic';

interface Route {
  readonly index: number;
  readonly label: string;
  readonly backend: { readonly [key: string]: any };
}

/** A condition that can never match, such as the one keeping pool members out of backend selection. */
function neverMatches(condition: { [key: string]: any } | undefined): boolean {
  return condition !== undefined && typeof condition.statement === 'string' && condition.statement.trim() === 'false';
}

// Labels are only needed for messages, so they are built on demand: a valid service has none.
function routes(service: ServiceView): Route[] {
  return service.blocks('backend').map((backend, index) => ({
    index,
    backend,
    get label() {
      return service.describe('backend', index);
    },
  }));
}

function labelsOf(group: Route[]): string[] {
  return [...new Set(group.map((route) => route.label))];
}

/** The backends without a request condition: single default candidates, and the automatic load-balancing group. */
function unconditioned(service: ServiceView): { single: Route[]; group: Route[] } | undefined {
  const all = routes(service);
  // A deploy-time condition or flag could make any backend the default; there is nothing to check before then.
  if (all.some((route) => !isKnown(route.backend.request_condition) || !isKnown(route.backend.auto_loadbalance))) return undefined;
  const candidates = all.filter((route) => !isSet(route.backend.request_condition));
  const group = candidates.filter((route) => route.backend.auto_loadbalance === true);
  return { single: candidates.filter((route) => route.backend.auto_loadbalance !== true), group };
}

/**
 * Requests that match no routing condition go to the default route: the one backend without a
 * condition, or the automatic load-balancing group. With several, Fastly picks one arbitrarily;
 * with none, requests that match no condition have no origin, unless the conditions between them
 * match every request (`req.http.X` and `!req.http.X`). Fastly accepts both, so they are `strict`.
 */
function defaultRoute(service: ServiceView): RawFinding[] {
  const candidates = unconditioned(service);
  if (!candidates || service.blocks('backend').length === 0) return [];
  const { single, group } = candidates;
  const count = single.length + (group.length > 0 ? 1 : 0);
  if (count === 0) {
    const statements = routingStatements(service, [...routingTargets(service).keys()]);
    if (statements !== undefined && holdForEveryRequest(statements)) return [];
    return [{
      rule: 'routing/default-route',
      severity: 'strict',
      message: 'default route: got none (every backend has a request '
      + 'condition); allowed: exactly one backend or pool without a condition (or one automatic load-balancing group) to serve requests '
      + 'that match no condition',
    }];
  }
  if (count === 1) return [];
  const groupRoute = group.length > 0 ? [`the automatic load-balancing group (${labelsOf(group).join(', ')})`] : [];
  const described = [...single.map((route) => route.label), ...groupRoute];
  return [{
    rule: 'routing/default-route',
    severity: 'strict',
    message: `default route: got ${count} `
    + `(${described.join('; ')}); allowed: exactly one, because Fastly picks one of several unconditioned backends arbitrarily. `
    + 'Give the others a request condition (routeWhen for a pool), or put them in one pool to balance them.',
  }];
}

/** Fastly errors when the backends of its automatic load balancing use different shields. */
function autoLoadbalanceShield(service: ServiceView): RawFinding[] {
  const candidates = unconditioned(service);
  const shields = [...new Set((candidates?.group ?? []).map((route) => String(route.backend.shield ?? '')))];
  return shields.length < 2 ? [] : [{
    rule: 'routing/auto-loadbalance-shield',
    severity: 'error',
    message: 'automatic load-balancing group: '
    + `got shields ${shields.map((shield) => JSON.stringify(shield)).join(', ')} across ${labelsOf(candidates!.group).join(', ')}; allowed: one shield for `
    + 'the whole group (Fastly errors on mixed shields)',
  }];
}

/** The statements of the named conditions, or undefined when one is only known at deploy time. */
function routingStatements(service: ServiceView, names: string[]): string[] | undefined {
  const conditions = service.blocks('condition');
  const statements = names.map((name) => conditions.find((condition) => condition.name === name)?.statement);
  return statements.every((statement) => typeof statement === 'string' && isKnown(statement)) ? statements : undefined;
}

/** Each routing condition (by name) and the routes it sends requests to; never-true conditions route nowhere. */
function routingTargets(service: ServiceView): Map<string, Route[]> {
  const conditions = new Map(service.blocks('condition').map((condition) => [condition.name, condition]));
  const targets = new Map<string, Route[]>();
  for (const route of routes(service)) {
    const name = route.backend.request_condition;
    if (!isSet(name) || !isKnown(name) || neverMatches(conditions.get(name))) continue;
    const routed = targets.get(name);
    if (routed) routed.push(route);
    else targets.set(name, [route]);
  }
  return targets;
}

/** One condition routing to two targets leaves the choice to chance whenever it matches. */
function conditionTargets(service: ServiceView): RawFinding[] {
  const conditions = service.blocks('condition');
  return [...routingTargets(service)].filter(([, routed]) => routed.length > 1).map(([name, routed]) => {
    const index = conditions.findIndex((condition) => condition.name === name);
    const condition = index >= 0 ? service.describe('condition', index) : `condition ${JSON.stringify(name)}`;
    return {
      rule: 'routing/condition-target',
      severity: 'strict' as const,
      message: `routing ${condition} routes to `
      + `${labelsOf(routed).join(' and ')}; allowed: one target per routing condition, because Fastly picks one of them arbitrarily when it `
      + 'matches. Use one condition per target.',
    };
  });
}

/**
 * Fastly runs every routing condition in ascending priority and the last match sets the backend,
 * so of several matching conditions the largest priority wins, and a tie is left to chance when
 * both can match one request. Conditions that exclude each other (`req.http.X`, `!req.http.X`) never tie.
 */
function priorityTies(service: ServiceView): RawFinding[] {
  const conditions = new Map(service.blocks('condition').map((condition) => [condition.name, condition]));
  const targets = routingTargets(service);
  const byPriority = new Map<number, string[]>();
  for (const name of targets.keys()) {
    const priority = conditions.get(name)?.priority;
    if (isKnown(priority)) byPriority.set(priority, [...byPriority.get(priority) ?? [], name]);
  }
  return [...byPriority].map(([priority, names]) => [priority, overlapping(service, names)] as const).filter(([, names]) => names.length > 1)
    .map(([priority, names]) => {
      const described = names.sort(compareNames).map((name) => `${JSON.stringify(name)} → ${labelsOf(targets.get(name)!).join(', ')}`);
      return {
        rule: 'routing/priority-tie',
        severity: 'strict' as const,
        message: `routing conditions ${described.join(' and ')} all have `
        + `priority ${priority}; allowed: a distinct priority per routing condition. When several match a request the largest priority `
        + 'wins, and on a tie Fastly picks one arbitrarily: give the route that should win a larger number.',
      };
    });
}

/** The conditions among `names` that can match a request together with another of them. */
function overlapping(service: ServiceView, names: string[]): string[] {
  return names.filter((name) => names.some((other) => {
    if (other === name) return false;
    const statements = routingStatements(service, [name, other]);
    return statements === undefined || canHoldTogether(statements);
  }));
}

/** The members of a director are reached through its shield hop, so they need the shield of the backend that routes to it. */
function directorShields(service: ServiceView): RawFinding[] {
  const backends = service.blocks('backend');
  return service.blocks('director').flatMap((director, index) => {
    const members = (Array.isArray(director.backends) ? director.backends : [])
      .map((name: unknown) => backends.find((backend) => backend.name === name))
      .filter((backend: unknown): backend is { [key: string]: any } => backend !== undefined && isKnown((backend as any).shield));
    const shields = [...new Set(members.map((backend: { [key: string]: any }) => String(backend.shield)))];
    return shields.length > 1
      ? [{
        rule: 'routing/director-shield',
        severity: 'error' as const,
        block: 'director',
        index,
        attribute: 'backends',
        value: director.backends,
        message: `allowed: backends that share one shield; got shields ${shields.map((s) => JSON.stringify(s)).join(', ')}, `
          + 'so a request would be sent to a shield its origin does not use',
      }]
      : [];
  });
}

/** Rules for how a VCL service chooses a backend for each request. */
export const ROUTING_RULES: ServiceRule[] = ([
  ['routing/default-route', defaultRoute],
  ['routing/auto-loadbalance-shield', autoLoadbalanceShield],
  ['routing/condition-target', conditionTargets],
  ['routing/priority-tie', priorityTies],
  ['routing/director-shield', directorShields],
] as const).map(([id, check]) => ({
  id,
  // Backends or conditions a `dynamic` block makes are only known at deploy time, and any of them could route.
  check: (service: ServiceView) => service.vcl && service.complete('backend') && service.complete('condition') ? check(service) : [],
}));
