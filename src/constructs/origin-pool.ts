import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Backend, BackendOptions, BackendProps } from './backend';
import { Condition, ConditionType } from './condition';
import { DIRECTOR_TYPE_NUMBERS, renderDirector } from './director';
import { Healthcheck, HealthcheckOptions } from './healthcheck';
import { DIRECTOR_TYPES, LoadBalancing, LoadBalancingMode } from './load-balancing';
import { isResolved, PropChecker } from './prop-checker';
import { setRouteOwner } from './route-owner';
import { internalsOf, serviceOf, ServiceBase, ServiceKind } from './service';
import { AddressKind, classifyAddress } from '../fastly/address';
import { vclBackendIdentifier, vclDirectorIdentifier } from '../fastly/names';

/** One origin of a pool: an address, an optional name, and any backend attribute. */
export interface OriginSpec extends BackendOptions {
  /** Where the origin is: a hostname, an IPv4 or an IPv6 address. */
  readonly address: string;
  /**
   * The backend name of this origin.
   * @default - the pool name and the origin's position, e.g. "api-1"
   */
  readonly name?: string;
}

/** Props of an `OriginPool`. */
export interface OriginPoolProps {
  /** The origins, in order of preference (the order matters for failover). At least one. */
  readonly origins: OriginSpec[];
  /**
   * Backend attributes for every origin; an origin's own attributes win.
   * @default - the Backend defaults
   */
  readonly originDefaults?: BackendOptions;
  /**
   * One healthcheck shared by every origin. Its host defaults to the first origin's override
   * host, else the first hostname address.
   * @default - no healthcheck (origins are always considered healthy)
   */
  readonly healthcheck?: HealthcheckOptions;
  /**
   * How requests are spread over the origins.
   * @default LoadBalancing.auto()
   */
  readonly loadBalancing?: LoadBalancing;
  /**
   * Send requests matching this REQUEST condition to the pool. Without it, the pool is the
   * service's default route: it takes every request no other route matches.
   * @default - the pool is the default route
   */
  readonly routeWhen?: Condition;
  /**
   * The shield POP for every origin of the pool (see `Pop`).
   * @default - no shielding
   */
  readonly shield?: string;
  /**
   * The pool name: the prefix of its backend names and the name of its director.
   * @default - the construct id
   */
  readonly name?: string;
}

const POOL_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,99}$/;
const NEVER_ID = 'PoolMemberOnly';
const ORIGINAL_CLIENT_HEADER = 'Fastly-Client-IP';

/**
 * A group of origins that serve the same content, balanced by one of the `LoadBalancing` modes,
 * with one shared healthcheck and shield, reached by default or by a routing condition.
 *
 * Each mode is emitted as the smallest Fastly configuration that really behaves that way, also
 * behind `routeWhen` (see the README's "Origin pools" section):
 * - `auto()` as the default route: every origin is an `auto_loadbalance` backend.
 * - otherwise: the first origin carries the route (the `routeWhen` condition, or none for the
 *   default route); the others get a never-true condition so Fastly's generated code never picks
 *   them directly; and `miss`/`pass` snippets hand requests that reached the first origin to a
 *   director (`random`, `hash`, `client`, routed `auto`) or to the first healthy origin
 *   (`failover`). Snippets run after Fastly's backend selection and shield hop, so the switch
 *   happens where the origin is fetched from: at the shield when shielded, else at the edge.
 */
export class OriginPool extends Construct {
  /** The pool name. */
  public readonly name: string;
  /** The backends of the pool, one per origin, in the listed order. */
  public readonly backends: Backend[];
  /** The shared healthcheck, when the pool has one. */
  public readonly healthcheck?: Healthcheck;
  /** How the pool balances. */
  public readonly loadBalancing: LoadBalancing;
  /** The routing condition, when the pool is not the default route. */
  public readonly routeWhen?: Condition;
  /** The service this pool belongs to. */
  public readonly service: ServiceBase;

  constructor(scope: Construct, id: string, props: OriginPoolProps) {
    super(scope, id);
    this.service = serviceOf(this, 'an OriginPool');
    this.name = props.name ?? id;
    this.loadBalancing = props.loadBalancing ?? LoadBalancing.auto();
    this.routeWhen = props.routeWhen;

    const origins = props.origins ?? [];
    const mode = this.loadBalancing.mode;
    const checker = new PropChecker(this);
    if (this.service.kind === ServiceKind.COMPUTE) {
      checker.fail('scope', this.service.node.path, 'allowed: a VclService; Compute services have no conditions or directors '
        + '(balance origins in your Compute program, with Backend constructs)', 'pool/compute');
      // Its backends would only repeat the same mistake, once per origin.
      this.backends = [];
      return;
    }
    checker.check('name', this.name, (name) => POOL_NAME.test(name),
      'allowed: 1 to 100 letters, digits, "_" or "-", starting with a letter (it names the pool\'s backends and director)', 'pool/name');
    checker.check('origins', origins, (list) => list.length > 0, 'allowed: at least one origin, e.g. [{ address: "origin.example.com" }]', 'pool/origins');
    const shield = this.poolShield(checker, props, origins);
    const routeUsable = this.checkRouteWhen(checker);
    const quorum = this.directorQuorum(checker);
    const healthcheckHost = props.healthcheck && (props.healthcheck.host ?? derivedHealthcheckHost(props, origins));
    if (props.healthcheck && healthcheckHost === undefined && origins.length > 0) {
      checker.fail('healthcheck.host', undefined, 'allowed: the Host header to probe with; it is required here because no origin has '
        + 'an overrideHost or a hostname address to take it from', 'pool/healthcheck-host');
    }
    const everyOriginChecked = props.healthcheck !== undefined
      || origins.every((origin) => (origin.healthcheck ?? props.originDefaults?.healthcheck) !== undefined);
    if (mode === LoadBalancingMode.FAILOVER && origins.length > 1 && !everyOriginChecked) {
      checker.fail('healthcheck', undefined, 'allowed: a healthcheck for every origin with LoadBalancing.failover(); without one an '
        + 'origin is never marked sick, so the standbys would never take over', 'pool/failover-healthcheck');
    }

    if (props.healthcheck && healthcheckHost !== undefined) {
      this.healthcheck = new Healthcheck(this, 'Healthcheck', { name: `${this.name}-health`, ...props.healthcheck, host: healthcheckHost });
    }
    const usesSwitch = mode !== LoadBalancingMode.AUTO || this.routeWhen !== undefined;
    const owner = { kind: 'pool', name: this.name, path: this.node.path };
    this.backends = origins.map((origin, index) => {
      const routing = !usesSwitch
        ? { autoLoadbalance: true }
        : { requestCondition: index === 0 && routeUsable ? this.routeWhen : neverCondition(this.service) };
      const backend = new Backend(this, `origins[${index}]`, definedValues(
        { healthcheck: this.healthcheck },
        props.originDefaults ?? {},
        origin,
        { shield, name: origin.name ?? `${this.name}-${index + 1}` },
        routing,
      ) as unknown as BackendProps);
      setRouteOwner(backend, owner);
      return backend;
    });

    const hostFromAddress = props.healthcheck?.host === undefined && origins.some((origin) => origin.address === healthcheckHost);
    if (hostFromAddress && Token.isUnresolved(healthcheckHost)) {
      internalsOf(this.service).requireHostnameAtDeploy(healthcheckHost!, this, ['healthcheck.host']);
    }

    if (usesSwitch && this.backends.length > 1) {
      this.addSwitch(quorum);
    }
  }

  /**
   * A routing condition must be a REQUEST condition of the same service. A bad one is reported on
   * the pool's own prop; the first origin then routes nowhere, so that its backend does not report
   * the same mistake again or become a second default route.
   */
  private checkRouteWhen(checker: PropChecker): boolean {
    const routeWhen = this.routeWhen;
    if (!routeWhen) return true;
    let usable = true;
    if (routeWhen.service !== this.service) {
      checker.fail('routeWhen', routeWhen, `allowed: a Condition of the same service (${this.service.node.path}); Fastly only resolves `
        + 'names inside one service', 'reference/condition');
      usable = false;
    }
    if (routeWhen.type !== ConditionType.REQUEST) {
      checker.fail('routeWhen', routeWhen, `allowed: a condition of type REQUEST; ${JSON.stringify(routeWhen.name)} is a ${routeWhen.type} `
        + 'condition, but Fastly chooses backends in vcl_recv, where only REQUEST conditions run', 'reference/condition');
      usable = false;
    }
    return usable;
  }

  /**
   * The one shield of the pool: Fastly's automatic load balancing, and a director behind its first
   * origin's shield hop, need the same shield on every origin. Mixed shields are reported, and the
   * first one is used so that the rest of the service is checked as the user meant it.
   */
  private poolShield(checker: PropChecker, props: OriginPoolProps, origins: OriginSpec[]): string | undefined {
    const shields = origins.map((origin) => props.shield ?? origin.shield ?? props.originDefaults?.shield);
    if (new Set(shields.map((shield) => shield ?? '')).size > 1) {
      checker.fail('origins', shields.map((shield) => shield ?? ''), 'allowed: one shield for every origin of a pool (set the pool\'s '
        + 'shield prop); with mixed shields Fastly errors for automatic load balancing and a director would send a request to a '
        + 'shield its origin does not use', 'pool/shield');
    }
    return shields[0];
  }

  /** Checks quorum and retries; returns the quorum the director gets, if any. */
  private directorQuorum(checker: PropChecker): number | undefined {
    const { mode, quorum, retries } = this.loadBalancing;
    checker.integer('loadBalancing.quorum', quorum, 0, 100, 'director/quorum');
    checker.integer('loadBalancing.retries', retries, 0, undefined, 'director/retries');
    if (mode === LoadBalancingMode.FAILOVER) return undefined;
    // A routed auto() pool balances like Fastly's autodirector: up while any origin is healthy.
    return quorum ?? (mode === LoadBalancingMode.AUTO ? 0 : 75);
  }

  /** The director (or failover order) and the snippets that hand requests from the first origin to it. */
  private addSwitch(quorum: number | undefined): void {
    const mode = this.loadBalancing.mode;
    const selector = this.backends[0];
    const selectorId = vclBackendIdentifier(selector.name);
    let body: string[];
    if (mode === LoadBalancingMode.FAILOVER) {
      const standbys = this.backends.slice(1).map((backend) => vclBackendIdentifier(backend.name));
      body = [
        `if (req.backend == ${selectorId} && !backend.${selectorId}.healthy) {`,
        ...standbys.map((standby, index) =>
          `  ${index === 0 ? 'if' : '} else if'} (backend.${standby}.healthy) {\n    set req.backend = ${standby};`),
        '  }',
        '}',
      ];
    } else {
      const directorName = this.name;
      internalsOf(this.service).addBlock({
        type: 'director',
        construct: this,
        name: directorName,
        render: () => renderDirector({
          name: directorName,
          backends: this.backends,
          type: DIRECTOR_TYPE_NUMBERS[DIRECTOR_TYPES[mode]],
          quorum,
          retries: this.loadBalancing.retries ?? 5,
          shield: '',
          comment: `OriginPool ${this.node.path} (${mode})`,
        }),
        propNames: { quorum: 'loadBalancing.quorum', retries: 'loadBalancing.retries', backends: 'origins' },
      });
      this.warnOnFragileQuorum(quorum ?? 0);
      body = [
        `if (req.backend == ${selectorId}) {`,
        // A client director keys on client.identity, which defaults to client.ip: at a shield that is the edge POP's
        // address. Fastly-Client-IP keeps the address that first reached Fastly across hops.
        ...(mode === LoadBalancingMode.CLIENT ? [`  set client.identity = req.http.${ORIGINAL_CLIENT_HEADER};`] : []),
        `  set req.backend = ${vclDirectorIdentifier(directorName)};`,
        '}',
      ];
    }
    const what = mode === LoadBalancingMode.FAILOVER ? 'the first healthy origin in listed order' : `its ${mode} director`;
    const content = [`# OriginPool "${this.name}": requests routed to its first origin go to ${what}.`, ...body].join('\n');
    for (const type of ['miss', 'pass']) {
      const name = `${this.name}-route-${type}`;
      internalsOf(this.service).addBlock({ type: 'snippet', construct: this, name, render: () => ({ name, type, priority: 100, content }) });
    }
  }

  /** With Fastly's default quorum, one sick origin can take a small pool down; say so unless the quorum was chosen. */
  private warnOnFragileQuorum(quorum: number): void {
    if (this.loadBalancing.quorum !== undefined || quorum === 0) return;
    const weights = this.backends.map((backend) => backend.weight);
    if (!weights.every((weight) => isResolved(weight))) return;
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const heaviest = this.backends[weights.indexOf(Math.max(...weights))];
    const left = Math.floor(((total - heaviest.weight) / total) * 100);
    if (left < quorum) {
      Annotations.of(this).addWarning(`with the default quorum of ${quorum}%, losing origin ${JSON.stringify(heaviest.name)} leaves `
        + `${left}% of the weight healthy and the whole pool fails; set loadBalancing quorum explicitly (e.g. ${left}) to keep serving `
        + '[pool/fragile-quorum]');
    }
  }
}

/** Merges objects left to right, skipping undefined values (a spread would let `{ shield: undefined }` erase a default). */
function definedValues(...sources: object[]): { [key: string]: unknown } {
  const merged: { [key: string]: unknown } = {};
  for (const source of sources) {
    for (const [key, value] of Object.entries(source)) {
      if (value !== undefined) merged[key] = value;
    }
  }
  return merged;
}

/** The first origin's override host, else the first hostname address. */
function derivedHealthcheckHost(props: OriginPoolProps, origins: OriginSpec[]): string | undefined {
  const overrideHost = origins.map((origin) => origin.overrideHost ?? props.originDefaults?.overrideHost).find((host) => host !== undefined);
  return overrideHost ?? origins.map((origin) => origin.address)
    .find((address) => Token.isUnresolved(address) || classifyAddress(address) === AddressKind.HOSTNAME);
}

/**
 * The condition that keeps a pool's other origins out of Fastly's generated backend selection:
 * they must exist as backends for the director or failover switch, but must never be chosen
 * directly or count as the default route. One per service.
 */
function neverCondition(service: ServiceBase): Condition {
  const existing = service.node.tryFindChild(NEVER_ID);
  return existing instanceof Condition
    ? existing
    : new Condition(service, NEVER_ID, { name: 'pool-member-only', statement: 'false', priority: 0 });
}
