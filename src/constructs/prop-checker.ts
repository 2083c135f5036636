import { IConstruct } from 'constructs';
import { Duration } from './duration';
import { RuleProblem, unsuppressed } from './rule-suppressions';
import { integerIn, isUnknown } from '../rules/rule';
import { propProblem } from '../rules/wording';

/** Whether a value is present and known at synth (not an unresolved token). */
export function isResolved<T>(value: T | undefined): value is T {
  return value !== undefined && !isUnknown(value);
}

// The rules each construct already reported on itself, so that the same rule found again in
// the rendered service body is not reported twice.
const reportedRules = new WeakMap<IConstruct, Set<string>>();

// What each construct's props were given as, where that differs from the attribute the rules see
// (a Duration and its milliseconds), so that messages show what the user wrote.
const givenValues = new WeakMap<IConstruct, Map<string, unknown>>();

/** What `prop` of `construct` was given as, when it was converted for its attribute. */
export function givenValue(construct: IConstruct, prop: string): unknown {
  return givenValues.get(construct)?.get(prop);
}

/** Whether `construct`'s own prop checks reported `rule`. */
export function reportedOn(construct: IConstruct, rule: string): boolean {
  return reportedRules.get(construct)?.has(rule) ?? false;
}

/**
 * Collects the problems with one construct's props and reports them when the app is
 * synthesised, together with every other problem of the app (`node.addValidation`).
 *
 * These are the checks that need the construct's own props (durations before conversion, props
 * that do not become an attribute); everything that can be seen in the rendered service body is
 * checked there, by the rules in `rules/`, for constructs and JSON files alike.
 * Values that are unresolved tokens are never checked: they are only known at deploy time.
 */
export class PropChecker {
  private readonly problems: RuleProblem[] = [];

  constructor(private readonly scope: IConstruct) {}

  /**
   * Records a problem with `prop`. `strict`: Fastly accepts the value and the library refuses it
   * (severity `strict` in the rules), so a suppression of the rule may lift it.
   */
  public fail(prop: string, value: unknown, allowed: string, rule: string, strict = false): void {
    // Registered on the first problem: most constructs have none, and a large app has thousands.
    if (this.problems.length === 0) this.scope.node.addValidation({ validate: () => unsuppressed(this.scope, this.problems) });
    this.problems.push({ rule, message: propProblem(prop, value, allowed, rule), strict });
    const rules = reportedRules.get(this.scope) ?? new Set<string>();
    reportedRules.set(this.scope, rules.add(rule));
  }

  /** Records a problem when `test` is false for a resolved value. */
  public check<T>(prop: string, value: T | undefined, test: (value: T) => boolean, allowed: string, rule: string, strict = false): void {
    if (value === undefined || isUnknown(value)) return;
    if (!test(value)) this.fail(prop, value, allowed, rule, strict);
  }

  /** Checks that `value` is an integer from `min` to `max` (inclusive; no upper bound when omitted). */
  public integer(prop: string, value: number | undefined, min: number, max: number | undefined, rule: string): void {
    if (value === undefined || isUnknown(value)) return;
    const problem = integerIn(min, max)(value);
    if (problem) this.fail(prop, value, problem, rule);
  }

  /**
   * Converts a duration to whole milliseconds. Returns the value to emit (a token passes through),
   * or undefined when the duration is absent or not a whole number of milliseconds.
   */
  public millis(prop: string, value: Duration | undefined, rule: string): number | undefined {
    return this.wholeUnits(prop, value, value?.toMilliseconds(), 'milliseconds', rule);
  }

  /** Like `millis`, for attributes measured in whole seconds. */
  public seconds(prop: string, value: Duration | undefined, rule: string): number | undefined {
    return this.wholeUnits(prop, value, value?.toSeconds(), 'seconds', rule);
  }

  private wholeUnits(prop: string, value: Duration | undefined, amount: number | undefined, unit: string, rule: string): number | undefined {
    if (value === undefined || amount === undefined) return undefined;
    const given = givenValues.get(this.scope) ?? new Map<string, unknown>();
    givenValues.set(this.scope, given.set(prop, value));
    if (value.isUnresolved()) return amount;
    if (!Number.isInteger(amount)) {
      this.fail(prop, value, `allowed: a whole number of ${unit}; Fastly stores this attribute in ${unit}`, rule);
      return undefined;
    }
    return amount;
  }
}
