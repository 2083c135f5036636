import { Construct } from 'constructs';
import { Backend } from './backend';
import { Duration } from './duration';
import * as serviceVcl from './generated/service-vcl';
import { compareNames, vclBackendIdentifier } from './names';
import { ServiceBase, ServiceBaseProps, serviceAttributes, ServiceKind } from './service';
import { PropChecker } from './validation';

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
      ...identifierCollisions(backends),
      ...defaultRouteProblems(backends),
      ...routingPriorityTies(backends),
    ];
  }
}

/** Fastly names a backend `F_<name>` in VCL with punctuation turned into `_`: `api-v1` and `api.v1` collide. */
function identifierCollisions(backends: Backend[]): string[] {
  const byIdentifier = new Map<string, Backend>();
  const problems: string[] = [];
  for (const backend of backends) {
    const identifier = vclBackendIdentifier(backend.name);
    const first = byIdentifier.get(identifier);
    if (first && first.name !== backend.name) {
      problems.push(`backend names ${JSON.stringify(first.name)} (${first.node.path}) and ${JSON.stringify(backend.name)} `
        + `(${backend.node.path}) both become ${identifier} in VCL; allowed: names that differ in letters, digits or "_". Rename one of them.`);
    } else if (!first) {
      byIdentifier.set(identifier, backend);
    }
  }
  return problems;
}

/**
 * Requests that match no routing condition go to the service's default route: the one backend
 * without a condition, or the automatic load-balancing group. With several, Fastly picks one
 * arbitrarily; with none, unmatched requests fail.
 */
function defaultRouteProblems(backends: Backend[]): string[] {
  if (backends.length === 0) return [];
  const unconditioned = backends.filter((backend) => backend.requestCondition === undefined);
  const single = unconditioned.filter((backend) => !backend.autoLoadbalance);
  const group = unconditioned.filter((backend) => backend.autoLoadbalance);
  const routes = [...single.map((backend) => `backend ${JSON.stringify(backend.name)} (${backend.node.path})`),
    ...(group.length > 0 ? [`the automatic load-balancing group (${group.map((backend) => JSON.stringify(backend.name)).join(', ')})`] : [])];
  const problems: string[] = [];
  if (routes.length === 0) {
    problems.push('default route: got none (every backend has a requestCondition); allowed: exactly one backend without '
      + 'requestCondition (or one automatic load-balancing group) to serve requests that match no condition');
  } else if (routes.length > 1) {
    problems.push(`default route: got ${routes.length} (${routes.join('; ')}); allowed: exactly one, because Fastly picks one of `
      + 'several unconditioned backends arbitrarily. Give the others a requestCondition, or set autoLoadbalance on all of them to balance by weight.');
  }
  const shields = [...new Set(group.map((backend) => backend.shield ?? ''))];
  if (shields.length > 1) {
    problems.push(`automatic load-balancing group: got shields ${shields.map((shield) => JSON.stringify(shield)).join(', ')} `
      + `across ${group.map((backend) => JSON.stringify(backend.name)).join(', ')}; allowed: one shield for the whole group (Fastly errors on mixed shields)`);
  }
  return problems;
}

/**
 * Of several matching routing conditions, the one with the largest priority decides the backend;
 * two different conditions with the same priority make the choice arbitrary when both match.
 */
function routingPriorityTies(backends: Backend[]): string[] {
  const byPriority = new Map<number, Set<string>>();
  for (const backend of backends) {
    const condition = backend.requestCondition;
    if (!condition || typeof condition.priority !== 'number') continue;
    const names = byPriority.get(condition.priority) ?? new Set<string>();
    names.add(condition.name);
    byPriority.set(condition.priority, names);
  }
  return [...byPriority.entries()].filter(([, names]) => names.size > 1).map(([priority, names]) =>
    `routing conditions ${[...names].sort(compareNames).map((name) => JSON.stringify(name)).join(', ')} all have priority ${priority}; `
    + 'allowed: a distinct priority per routing condition. When several match, the larger number wins, and a tie is decided arbitrarily.');
}
