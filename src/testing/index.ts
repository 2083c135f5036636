import { TerraformStack, Testing } from 'cdktf';
import { IConstruct } from 'constructs';
import { OriginPool } from '../constructs/origin-pool';
import { formatShares, RouteDecision, RoutedRequest, routeRequest, selectService } from '../simulator/route-request';
import { summarizeServices } from '../simulator/service-summary';

/** Where a test expects a request to go; give one or more. */
export interface ExpectedRoute {
  /** The `OriginPool` (by name) that serves every share of the request. */
  readonly pool?: string;
  /** The one backend (by name) that serves the request. */
  readonly backend?: string;
  /** The director (by name) that spreads the request. */
  readonly director?: string;
  /** The exact traffic split, by backend name (compared to 1e-9). */
  readonly shares?: { [backend: string]: number };
}

/** A request routed through one service of a stack, with the pools the chosen backends belong to. */
export interface StackRouteDecision extends RouteDecision {
  /** The name of the VCL service the request was routed through (the one its Host header picked, when the stack has several). */
  readonly serviceName: string;
  /** The pools (by name) of the backends that receive traffic. */
  readonly pools: string[];
}

const SUMMARY_MARKER = Symbol.for('cdktf-fastly-origins.ServiceSummary');

/** Test helpers for stacks that use this library; they need no terraform binary and no Fastly account. */
export class FastlyTesting {
  /**
   * The stack's Terraform JSON, stable for snapshots, after every check the library makes.
   * `Testing.synth(stack)` without its second argument `true` runs no check at all: a stack with
   * a URL as address or a misspelled shield would synthesise there, and fail only at `app.synth()`.
   * @throws the validation error `app.synth()` would throw, listing every problem
   */
  public static synth(stack: TerraformStack): string {
    return Testing.synth(stack, true);
  }

  /**
   * Simulates where Fastly would send `request` in a stack (see `routeRequest`). With several VCL
   * services, the request's Host header picks the one whose domains match it.
   */
  public static routeRequest(stack: TerraformStack, request: RoutedRequest): StackRouteDecision {
    const bodies = Object.values<any>(JSON.parse(FastlyTesting.synth(stack)).resource?.fastly_service_vcl ?? {});
    const body = selectService(bodies, request);
    const decision = routeRequest(body, request);
    const owners = poolsByBackend(stack, body.name);
    const served = decision.shares.length > 0 ? decision.shares.map((share) => share.backend) : decision.backend ? [decision.backend] : [];
    const pools = [...new Set(served.map((name) => owners.get(name)).filter((pool): pool is string => pool !== undefined))].sort();
    return { ...decision, serviceName: body.name, pools };
  }

  /** The stack's Fastly services as a stable, readable summary that `fastlySnapshotSerializer` prints. */
  public static services(stack: TerraformStack): object {
    return { [SUMMARY_MARKER]: summarizeServices(FastlyTesting.synth(stack)) };
  }

  private constructor() {}
}

// Shipped with the package, so that a user's tests type-check without a `declare global` of their own.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // The type parameters must be those of @types/jest's declaration, which this one merges into.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unused-vars
    interface Matchers<R, T = {}> {
      /** Whether Fastly would route `request` through the stack as `expected` says (`expect.extend(fastlyMatchers)` first). */
      toRouteRequest(request: RoutedRequest, expected: ExpectedRoute): R;
    }
  }
}

/**
 * Jest matchers: `expect.extend(fastlyMatchers)` in a setup file, then
 * `expect(stack).toRouteRequest({ url: '/api/v1' }, { pool: 'api' })`.
 */
export const fastlyMatchers = {
  toRouteRequest(received: TerraformStack, request: RoutedRequest, expected: ExpectedRoute) {
    const decision = FastlyTesting.routeRequest(received, request);
    const problems = routeMismatches(decision, expected);
    const described = `${request.method ?? 'GET'} ${request.url}${request.unhealthy?.length ? ` with ${request.unhealthy.join(', ')} unhealthy` : ''}`;
    return {
      pass: problems.length === 0,
      message: () => problems.length === 0
        ? `expected ${described} not to be routed as ${JSON.stringify(expected)}, but it was: ${decision.reason}`
        : `expected ${described} to be routed as ${JSON.stringify(expected)}, but ${problems.join('; ')}.\nFastly would: ${decision.reason}`,
    };
  },
};

/** A jest snapshot serializer for `FastlyTesting.services(stack)`: `expect.addSnapshotSerializer(fastlySnapshotSerializer)`. */
export const fastlySnapshotSerializer = {
  test: (value: unknown): boolean => typeof value === 'object' && value !== null && SUMMARY_MARKER in value,
  serialize: (value: unknown): string => (value as { [SUMMARY_MARKER]: string })[SUMMARY_MARKER],
};

function routeMismatches(decision: StackRouteDecision, expected: ExpectedRoute): string[] {
  const problems: string[] = [];
  if (expected.pool !== undefined && (decision.pools.length !== 1 || decision.pools[0] !== expected.pool)) {
    problems.push(`it goes to ${decision.pools.length > 0 ? `pool ${decision.pools.join(', ')}` : 'no pool'}`);
  }
  if (expected.backend !== undefined && decision.backend !== expected.backend) {
    const traffic = formatShares(decision.shares);
    problems.push(decision.backend !== undefined ? `the backend is ${decision.backend}`
      : `it goes to ${decision.destination}${traffic ? ` (${traffic})` : ''}, not to one backend`);
  }
  if (expected.director !== undefined && decision.director !== expected.director) {
    problems.push(`the director is ${decision.director ?? 'none'}`);
  }
  if (expected.shares !== undefined) {
    const actual = new Map(decision.shares.map((share) => [share.backend, share.share]));
    const names = new Set([...actual.keys(), ...Object.keys(expected.shares)]);
    if ([...names].some((name) => Math.abs((actual.get(name) ?? 0) - (expected.shares![name] ?? 0)) > 1e-9)) {
      problems.push(`the shares are ${JSON.stringify(Object.fromEntries(actual))}`);
    }
  }
  return problems;
}

/** The pool of each pool backend of the named service. */
function poolsByBackend(stack: TerraformStack, serviceName: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const construct of stack.node.findAll() as IConstruct[]) {
    if (construct instanceof OriginPool && construct.service.name === serviceName) {
      for (const backend of construct.backends) owners.set(backend.name, construct.name);
    }
  }
  return owners;
}
