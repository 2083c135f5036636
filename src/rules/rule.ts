import { Token } from 'cdktf';
import { isTemplate } from '../fastly/terraform-json';

/**
 * How bad a finding is. An error is what Fastly's API or the provider rejects, or what certainly
 * breaks traffic: it stops synth and fails `lint`. A warning is accepted but probably not meant; it is
 * reported only.
 */
export type Severity = 'error' | 'warning';

/**
 * The severity a rule gives a finding. `strict` is for what Fastly accepts but what leaves traffic to
 * chance or to a mismatch (an arbitrary choice among unconditioned backends, plain HTTP on port 443):
 * the library never builds that, so it is an error in the strict reading (constructs, and
 * `validateServiceConfig(body, { strict: true })`), and a warning when reading configurations others wrote.
 */
export type RuleSeverity = Severity | 'strict';

/**
 * One problem a rule found in a service resource body (Terraform JSON, snake_case).
 *
 * A finding about one attribute of one block element carries `block`, `index` and `attribute`,
 * and its `message` says what is allowed after the value (`allowed: …`), so that the same finding
 * reads right for a construct (`port: got 0; allowed: …`) and for a JSON file
 * (`backend "api" port: got 0; allowed: …`). A finding about a whole element or the whole service
 * has a complete sentence as its message.
 */
export interface RawFinding {
  readonly rule: string;
  readonly severity: RuleSeverity;
  readonly block?: string;
  readonly index?: number;
  readonly attribute?: string;
  /** Where inside the attribute's value the problem is, e.g. `line 2, column 5` of a snippet's VCL. */
  readonly location?: string;
  readonly value?: unknown;
  readonly message: string;
  /**
   * Set on an error that only the library's own tables of VCL variables and functions found: the
   * tables can lag Fastly's, so `RuleSuppressions` may suppress it (see rules/catalog.ts).
   */
  readonly fromTables?: boolean;
}

/** A finding whose severity was decided for the reading it was made in. */
export interface CheckedFinding extends RawFinding {
  readonly severity: Severity;
  /** Whether the rule gave it severity `strict`: Fastly accepts it, the library refuses it (see `RuleSeverity`). */
  readonly strict: boolean;
}

/** What rules see of a service: its body, its kind, and how to name its elements in messages. */
export interface ServiceView {
  readonly resourceType: string;
  readonly vcl: boolean;
  /** The strict reading, where `strict` findings are errors (see `RuleSeverity`). */
  readonly strict: boolean;
  readonly body: { readonly [key: string]: unknown };
  /**
   * The elements of a nested block type, in body order. The content of a `dynamic` block counts as
   * one element, although Terraform makes it once per item of its `for_each`.
   */
  blocks(type: string): Array<{ readonly [key: string]: any }>;
  /**
   * Whether `blocks(type)` is every element of the type. It is not when a `dynamic` block makes
   * some: how many, and with which names, is only known at deploy time, so checks that count
   * elements or look names up skip the type.
   */
  complete(type: string): boolean;
  /** How a message names an element: a construct label for synthesised stacks, `backend "x"` for files. */
  describe(type: string, index: number): string;
}

/** A named check over a service body. Its id is stable: users and docs refer to it. */
export interface ServiceRule {
  readonly id: string;
  check(service: ServiceView): RawFinding[];
}

/**
 * Whether a value is only known at deploy time: a cdktf token, or a Terraform template expression
 * (`${…}`, `%{…}`) in JSON. Checked for every attribute of every block, so the common cases are
 * decided without cdktf's token decoding: string tokens render as `${TfToken[…]}`, number tokens are
 * doubles of magnitude ~1e289, and booleans cannot be tokens.
 */
export function isUnknown(value: unknown): boolean {
  switch (typeof value) {
    case 'string': return isTemplate(value);
    case 'number': return Math.abs(value) > 1e200 && Token.isUnresolved(value);
    case 'boolean': return false;
    case 'undefined': return false;
    default: return Token.isUnresolved(value);
  }
}

/** A value that is present and known at synth. */
export function isKnown(value: unknown): boolean {
  return value !== undefined && value !== null && !isUnknown(value);
}

/** The text of a string attribute that Terraform treats as unset when empty. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/**
 * A rule over one attribute of every element of a block type: `test` gets each known value and
 * returns undefined when it is fine, or the `allowed: …` text.
 */
export function attributeRule(id: string, block: string, attribute: string, test: (value: any, element: { [key: string]: any }) => string | undefined,
  severity: RuleSeverity = 'error'): ServiceRule {
  return {
    id,
    check: (service) => service.blocks(block).flatMap((element, index) => {
      const value = element[attribute];
      if (!isKnown(value)) return [];
      const message = test(value, element);
      return message === undefined ? [] : [{ rule: id, severity, block, index, attribute, value, message }];
    }),
  };
}

/** A rule over whole elements of a block type: `check` returns findings for one element. */
export function elementRule(id: string, block: string,
  check: (element: { [key: string]: any }, index: number, service: ServiceView) => Array<Omit<RawFinding, 'rule' | 'block' | 'index'>>): ServiceRule {
  return {
    id,
    check: (service) => service.blocks(block).flatMap((element, index) =>
      check(element, index, service).map((finding) => ({ ...finding, rule: id, block, index }))),
  };
}

/** `allowed: an integer from min to max` when `value` is not one. */
export function integerIn(min: number, max?: number): (value: unknown) => string | undefined {
  return (value) => typeof value === 'number' && Number.isInteger(value) && value >= min && (max === undefined || value <= max)
    ? undefined
    : max === undefined ? `allowed: an integer >= ${min}` : `allowed: an integer from ${min} to ${max}`;
}
