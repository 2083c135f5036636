import { JsonValue } from './model';

/**
 * The app the converter writes, before it is written: which constructs, with which props, in
 * which order. The same plan is built into real constructs (to check it against the source and to
 * find the rules it must suppress) and printed as TypeScript, so what is checked is what is written.
 */

/** A prop value: JSON, or one of the typed values the constructs take. */
export type PlanValue =
  | string | number | boolean | null
  | PlanValue[]
  | { readonly [key: string]: PlanValue }
  | DurationValue | ConstructRef | EnumValue | ExpressionValue | LoadBalancingValue;

/** `Duration.<unit>(amount)`. */
export interface DurationValue {
  readonly kind: 'duration';
  readonly unit: 'millis' | 'seconds' | 'minutes';
  readonly amount: number | ExpressionValue;
}

/** Another construct of the plan, its `name` (where an L1 struct refers to it by name), or one backend of a pool. */
export interface ConstructRef {
  readonly kind: 'ref';
  readonly target: ConstructPlan;
  /** `name`: the block name; `backend`: the Backend of a ShieldedBackend. */
  readonly member?: 'name' | 'backend';
  /** The position of the backend in `target.backends`, for a pool. */
  readonly backend?: number;
}

/** `LoadBalancing.<mode>({ quorum, retries })`. */
export interface LoadBalancingValue {
  readonly kind: 'loadBalancing';
  readonly mode: 'auto' | 'random' | 'hash' | 'client' | 'failover';
  readonly options: { readonly [key: string]: PlanValue };
}

/** A member of one of the library's enums, e.g. `ConditionType.CACHE`. */
export interface EnumValue {
  readonly kind: 'enum';
  readonly enumName: 'ConditionType' | 'DirectorType' | 'TlsVersion';
  readonly member: string;
  readonly value: string;
}

/** A Terraform expression (`${var.x}`), kept as written; typed as the attribute it is set to. */
export interface ExpressionValue {
  readonly kind: 'expression';
  readonly text: string;
  readonly type: 'string' | 'number' | 'boolean' | 'list';
}

/** The library constructs the converter writes inside a service. */
export type ConstructClass = 'Backend' | 'Healthcheck' | 'Condition' | 'OriginPool' | 'ShieldedBackend' | 'Director' | 'VclSnippet';

/** A rule the written app suppresses on a construct, and why. */
export interface SuppressionPlan {
  readonly id: string;
  readonly reason: string;
  /** A construct inside the planned one it applies to, e.g. `origins[0]` of a pool, when not the construct itself. */
  readonly child?: string;
}

/** One construct inside a service. */
export interface ConstructPlan {
  readonly className: ConstructClass;
  readonly id: string;
  props: { [key: string]: PlanValue };
  /** The block elements (`type "name"`) it renders, to match them with the source. */
  readonly renders: ReadonlyArray<{ readonly type: string; readonly name: string }>;
  /** Comment lines written above it. */
  comments: string[];
  suppressions: SuppressionPlan[];
  /** How the code names it when something refers to it; set by the emitter. */
  variable?: string;
}

/** A statement on the service's L1 resource: the typed escape hatch, or raw JSON where the bindings lack a block. */
export type ResourceStatement =
  | { readonly kind: 'assign'; readonly property: string; readonly value: PlanValue; readonly comments: string[] }
  | { readonly kind: 'call'; readonly method: string; readonly value: PlanValue; readonly comments: string[] }
  | { readonly kind: 'override'; readonly path: string; readonly value: JsonValue; readonly comments: string[] };

/** One service and everything inside it. */
export interface ServicePlan {
  readonly className: 'VclService' | 'ComputeService';
  readonly id: string;
  /** The Terraform resource name the service keeps. */
  readonly resourceName: string;
  readonly resourceType: string;
  props: { [key: string]: PlanValue };
  constructs: ConstructPlan[];
  statements: ResourceStatement[];
  suppressions: SuppressionPlan[];
  comments: string[];
}

/** A Terraform variable or local the services refer to. */
export interface ValuePlan {
  readonly kind: 'variable' | 'local';
  readonly name: string;
  readonly config: JsonValue;
}

/** The whole app. */
export interface AppPlan {
  readonly stackId: string;
  readonly provider: { readonly [key: string]: PlanValue };
  readonly values: ValuePlan[];
  readonly services: ServicePlan[];
}

export function duration(unit: DurationValue['unit'], amount: number | ExpressionValue): DurationValue {
  return { kind: 'duration', unit, amount };
}

const TYPED_KINDS = ['duration', 'ref', 'enum', 'expression', 'loadBalancing'];

/** Whether a value is one of the typed values, not a JSON object (no Fastly attribute is called `kind`). */
export function isTyped(value: PlanValue): value is DurationValue | ConstructRef | EnumValue | ExpressionValue | LoadBalancingValue {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && TYPED_KINDS.includes((value as { kind?: unknown }).kind as string);
}
