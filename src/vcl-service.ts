import { Construct } from 'constructs';
import { Backend } from './backend';
import { Condition } from './condition';
import { Duration } from './duration';
import * as serviceVcl from './generated/service-vcl';
import { compareNames, vclBackendIdentifier, vclDirectorIdentifier } from './names';
import { ServiceBase, ServiceBaseProps, serviceAttributes, ServiceKind } from './service';
import { isResolved, PropChecker } from './validation';

/** Props of a `VclService`. */
export interface VclServiceProps extends ServiceBaseProps {
  /**
   * How long Fastly caches a response that says nothing about caching; whole seconds.
   * @default Duration.seconds(3600) (the provider's default)
   */
  readonly defaultTtl?: Duration;
}

/**
 * A Fastly VCL service: one `fastly_service_vcl` resource. Backends, healthchecks and
 * conditions created inside it are rendered into its nested blocks, sorted by name.
 */
export class VclService extends ServiceBase {
  /** The generated L1 resource: the escape hatch for anything these constructs do not model. */
  public readonly resource: serviceVcl.ServiceVcl;

  constructor(scope: Construct, id: string, props: VclServiceProps) {
    super(scope, id, ServiceKind.VCL, props);
    const base = serviceAttributes(this, props, true);
    const checker = new PropChecker(this);
    const defaultTtl = checker.seconds('defaultTtl', props.defaultTtl ?? Duration.seconds(3600), 0);
    checker.throwIfAny();

    this.resource = new serviceVcl.ServiceVcl(this, 'Resource', {
      ...base,
      defaultTtl,
      backend: this._lazyBlocks('backend', serviceVcl.serviceVclBackendToTerraform),
      healthcheck: this._lazyBlocks('healthcheck', serviceVcl.serviceVclHealthcheckToTerraform),
      condition: this._lazyBlocks('condition', serviceVcl.serviceVclConditionToTerraform),
      director: this._lazyBlocks('director', serviceVcl.serviceVclDirectorToTerraform),
      snippet: this._lazyBlocks('snippet', serviceVcl.serviceVclSnippetToTerraform),
    });
  }

  /** The Terraform id of the service (known after apply). */
  public get serviceId(): string {
    return this.resource.id;
  }

  /** @internal */
  protected _validateBlocks(): string[] {
    const backends = this._blocksOf('backend').map((block) => block.construct).filter((c): c is Backend => c instanceof Backend);
    return [
      ...super._validateBlocks(),
      ...identifierCollisions('backend', backends.map((backend) => [backend.name, backend.node.path]), vclBackendIdentifier),
      ...identifierCollisions('director', this._blocksOf('director').map((block) => [block.name, block.construct.node.path]), vclDirectorIdentifier),
      ...defaultRouteProblems(backends),
      ...routingConditionProblems(backends),
    ];
  }
}

/**
 * Fastly turns punctuation in backend and director names into `_` for their VCL identifiers
 * (`api-v1` and `api.v1` both become `F_api_v1`), and two equal identifiers fail VCL compilation.
 */
function identifierCollisions(type: string, named: Array<[string, string]>, identifierOf: (name: string) => string): string[] {
  const byIdentifier = new Map<string, [string, string]>();
  const problems: string[] = [];
  for (const [name, path] of named) {
    const identifier = identifierOf(name);
    const first = byIdentifier.get(identifier);
    if (!first) {
      byIdentifier.set(identifier, [name, path]);
    } else if (first[0] !== name) {
      problems.push(`${type} names ${JSON.stringify(first[0])} (${first[1]}) and ${JSON.stringify(name)} (${path}) both become `
        + `${identifier} in VCL; allowed: names that differ in letters, digits or "_". Rename one of them.`);
    }
  }
  return problems;
}

/**
 * Requests that match no routing condition go to the service's default route: the one backend
 * (or pool) without a condition, or the automatic load-balancing group. With several, Fastly
 * picks one arbitrarily; with none, unmatched requests fail.
 */
function defaultRouteProblems(backends: Backend[]): string[] {
  if (backends.length === 0) return [];
  const unconditioned = backends.filter((backend) => backend.requestCondition === undefined);
  const single = unconditioned.filter((backend) => !backend.autoLoadbalance);
  const group = unconditioned.filter((backend) => backend.autoLoadbalance);
  const groupMembers = [...new Set(group.map((backend) => backend._routeLabel))].join(', ');
  const routes = [...single.map((backend) => backend._routeLabel),
    ...(group.length > 0 ? [`the automatic load-balancing group (${groupMembers})`] : [])];
  const problems: string[] = [];
  if (routes.length === 0) {
    problems.push('default route: got none (every backend has a requestCondition); allowed: exactly one backend or pool without '
      + 'a condition (or one automatic load-balancing group) to serve requests that match no condition');
  } else if (routes.length > 1) {
    problems.push(`default route: got ${routes.length} (${routes.join('; ')}); allowed: exactly one, because Fastly picks one of `
      + 'several unconditioned backends arbitrarily. Give the others a requestCondition (routeWhen for a pool), or put them in one pool to balance them.');
  }
  const shields = [...new Set(group.map((backend) => backend.shield ?? ''))];
  if (shields.length > 1) {
    problems.push(`automatic load-balancing group: got shields ${shields.map((shield) => JSON.stringify(shield)).join(', ')} `
      + `across ${groupMembers}; allowed: one shield for the whole group (Fastly errors on mixed shields)`);
  }
  return problems;
}

/**
 * Fastly runs every routing condition in ascending priority and the last match sets the backend,
 * so of several matching conditions the largest priority wins. Two conditions with the same
 * priority, or one condition routing to two targets, leave the choice to chance when they match.
 */
function routingConditionProblems(backends: Backend[]): string[] {
  const targets = new Map<Condition, Set<string>>();
  for (const backend of backends) {
    const condition = backend.requestCondition;
    // A never-true condition routes nowhere; it only keeps pool members out of backend selection.
    if (!condition || condition.statement === 'false') continue;
    targets.set(condition, (targets.get(condition) ?? new Set<string>()).add(backend._routeLabel));
  }
  const problems: string[] = [];
  const byPriority = new Map<number, Condition[]>();
  for (const [condition, labels] of targets) {
    if (labels.size > 1) {
      problems.push(`routing condition ${JSON.stringify(condition.name)} (${condition.node.path}) routes to ${[...labels].join(' and ')}; `
        + 'allowed: one target per routing condition, because Fastly picks one of them arbitrarily when it matches. Use one condition per target.');
    }
    if (isResolved(condition.priority)) byPriority.set(condition.priority, [...byPriority.get(condition.priority) ?? [], condition]);
  }
  for (const [priority, conditions] of byPriority) {
    if (conditions.length < 2) continue;
    const described = conditions.sort((a, b) => compareNames(a.name, b.name))
      .map((condition) => `${JSON.stringify(condition.name)} → ${[...targets.get(condition)!].join(', ')}`);
    problems.push(`routing conditions ${described.join(' and ')} all have priority ${priority}; allowed: a distinct priority per `
      + 'routing condition. When several match a request the largest priority wins, and on a tie Fastly picks one arbitrarily: '
      + 'give the route that should win a larger number.');
  }
  return problems;
}
