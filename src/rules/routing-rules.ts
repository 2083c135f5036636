import { compareNames } from '../names';
import { isKnown, isSet, RawFinding, ServiceRule, ServiceView } from './rule';

interface Route {
  readonly index: number;
  readonly label: string;
  readonly backend: { readonly [key: string]: any };
}

/** A condition that can never match, such as the one keeping pool members out of backend selection. */
function neverMatches(condition: { [key: string]: any } | undefined): boolean {
  return condition !== undefined && typeof condition.statement === 'string' && condition.statement.trim() === 'false';
}

function routes(service: ServiceView): Route[] {
  return service.blocks('backend').map((backend, index) => ({ index, backend, label: service.describe('backend', index) }));
}

/**
 * Requests that match no routing condition go to the default route: the one backend without a
 * condition, or the automatic load-balancing group. With several, Fastly picks one arbitrarily;
 * with none, unmatched requests fail.
 */
function defaultRoute(service: ServiceView): RawFinding[] {
  const all = routes(service);
  if (all.length === 0 || all.some((route) => !isKnown(route.backend.request_condition) || !isKnown(route.backend.auto_loadbalance))) return [];
  const unconditioned = all.filter((route) => !isSet(route.backend.request_condition));
  const single = unconditioned.filter((route) => route.backend.auto_loadbalance !== true);
  const group = unconditioned.filter((route) => route.backend.auto_loadbalance === true);
  const groupLabel = [...new Set(group.map((route) => route.label))].join(', ');
  const described = [...single.map((route) => route.label), ...(group.length > 0 ? [`the automatic load-balancing group (${groupLabel})`] : [])];
  const findings: RawFinding[] = [];
  if (described.length === 0) {
    findings.push({
      rule: 'routing/default-route',
      severity: 'error',
      message: 'default route: got none (every backend has a request '
      + 'condition); allowed: exactly one backend or pool without a condition (or one automatic load-balancing group) to serve requests '
      + 'that match no condition',
    });
  } else if (described.length > 1) {
    findings.push({
      rule: 'routing/default-route',
      severity: 'error',
      message: `default route: got ${described.length} `
      + `(${described.join('; ')}); allowed: exactly one, because Fastly picks one of several unconditioned backends arbitrarily. `
      + 'Give the others a request condition (routeWhen for a pool), or put them in one pool to balance them.',
    });
  }
  const shields = [...new Set(group.map((route) => String(route.backend.shield ?? '')))];
  if (shields.length > 1) {
    findings.push({
      rule: 'routing/auto-loadbalance-shield',
      severity: 'error',
      message: 'automatic load-balancing group: got shields '
      + `${shields.map((shield) => JSON.stringify(shield)).join(', ')} across ${groupLabel}; allowed: one shield for the whole group `
      + '(Fastly errors on mixed shields)',
    });
  }
  return findings;
}

/**
 * Fastly runs every routing condition in ascending priority and the last match sets the backend,
 * so of several matching conditions the largest priority wins. Two conditions with the same
 * priority, or one condition routing to two targets, leave the choice to chance when they match.
 */
function routingConditions(service: ServiceView): RawFinding[] {
  const conditions = service.blocks('condition');
  const targets = new Map<string, Set<string>>();
  for (const route of routes(service)) {
    const name = route.backend.request_condition;
    if (!isSet(name) || !isKnown(name) || neverMatches(conditions.find((condition) => condition.name === name))) continue;
    targets.set(name, (targets.get(name) ?? new Set<string>()).add(route.label));
  }
  const findings: RawFinding[] = [];
  const byPriority = new Map<number, string[]>();
  for (const [name, labels] of targets) {
    const index = conditions.findIndex((condition) => condition.name === name);
    if (labels.size > 1) {
      findings.push({
        rule: 'routing/condition-target',
        severity: 'error',
        message: `routing ${index >= 0 ? service.describe('condition', index)
          : `condition ${JSON.stringify(name)}`} routes to ${[...labels].join(' and ')}; allowed: one target per `
        + 'routing condition, because Fastly picks one of them arbitrarily when it matches. Use one condition per target.',
      });
    }
    const priority = index >= 0 ? conditions[index].priority ?? 10 : undefined;
    if (isKnown(priority)) byPriority.set(priority, [...byPriority.get(priority) ?? [], name]);
  }
  for (const [priority, names] of byPriority) {
    if (names.length < 2) continue;
    const described = names.sort(compareNames).map((name) => `${JSON.stringify(name)} → ${[...targets.get(name)!].join(', ')}`);
    findings.push({
      rule: 'routing/priority-tie',
      severity: 'error',
      message: `routing conditions ${described.join(' and ')} all have `
      + `priority ${priority}; allowed: a distinct priority per routing condition. When several match a request the largest priority `
      + 'wins, and on a tie Fastly picks one arbitrarily: give the route that should win a larger number.',
    });
  }
  return findings;
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
export const ROUTING_RULES: ServiceRule[] = [
  { id: 'routing/default-route', check: (service) => service.vcl ? defaultRoute(service) : [] },
  { id: 'routing/priority-tie', check: (service) => service.vcl ? routingConditions(service) : [] },
  { id: 'routing/director-shield', check: (service) => service.vcl ? directorShields(service) : [] },
];
