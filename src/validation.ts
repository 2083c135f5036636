import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { Duration } from './duration';

/** How a value is shown in an error message: strings quoted, everything else as written. */
export function formatValue(value: unknown): string {
  if (Token.isUnresolved(value)) return '<token>';
  if (value instanceof Duration) return value.toString();
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return 'node' in value ? `<${(value as IConstruct).node.path}>` : JSON.stringify(value, (_key, inner) => formatNested(inner));
  }
  return String(value);
}

/** Whether a value is present and known at synth (not an unresolved token). */
export function isResolved<T>(value: T | undefined): value is T {
  return value !== undefined && !Token.isUnresolved(value);
}

/** Constructs inside a value are shown by path; JSON cannot follow their parent links. */
function formatNested(value: unknown): unknown {
  return value !== null && typeof value === 'object' && 'node' in value ? `<${(value as IConstruct).node.path}>` : value;
}

/** One problem with one prop: `<prop>: got <value>; <allowed>`. The construct path is added by the caller. */
export function propProblem(prop: string, value: unknown, allowed: string): string {
  return `${prop}: got ${formatValue(value)}; ${allowed}`;
}

/**
 * Collects the prop problems of one construct so that all of them are reported together,
 * then throws one error whose lines each start with the construct path.
 *
 * Values that are unresolved tokens are never checked: they are only known at deploy time.
 */
export class PropChecker {
  private readonly problems: string[] = [];

  constructor(private readonly scope: IConstruct) {}

  /** Records a problem with `prop`. */
  public fail(prop: string, value: unknown, allowed: string): void {
    this.problems.push(propProblem(prop, value, allowed));
  }

  /** Records a problem when `test` is false for a resolved value. */
  public check<T>(prop: string, value: T | undefined, test: (value: T) => boolean, allowed: string): void {
    if (value === undefined || Token.isUnresolved(value)) return;
    if (!test(value)) this.fail(prop, value, allowed);
  }

  /** Checks that `value` is an integer from `min` to `max` (inclusive; no upper bound when omitted). */
  public integer(prop: string, value: number | undefined, min: number, max?: number): void {
    this.check(prop, value, (n) => Number.isInteger(n) && n >= min && (max === undefined || n <= max), integerRange(min, max));
  }

  /**
   * Converts a duration to whole milliseconds, checking its range. Returns the value to emit
   * (a token passes through unchanged), or undefined when the duration is absent or invalid.
   */
  public millis(prop: string, value: Duration | undefined, min: number, max?: number): number | undefined {
    return this.wholeUnits(prop, value, value?.toMilliseconds(), 'milliseconds', 'ms', min, max);
  }

  /** Like `millis`, for attributes measured in whole seconds. */
  public seconds(prop: string, value: Duration | undefined, min: number, max?: number): number | undefined {
    return this.wholeUnits(prop, value, value?.toSeconds(), 'seconds', 's', min, max);
  }

  /** Throws one error listing every recorded problem, each prefixed with the construct path. */
  public throwIfAny(): void {
    if (this.problems.length === 0) return;
    const path = this.scope.node.path;
    throw new Error(this.problems.map((problem) => `[${path}] ${problem}`).join('\n'));
  }

  private wholeUnits(prop: string, value: Duration | undefined, amount: number | undefined,
    unitName: string, unit: string, min: number, max?: number): number | undefined {
    if (value === undefined || amount === undefined) return undefined;
    if (value.isUnresolved()) return amount;
    const range = max === undefined ? `at least ${min} ${unit}` : `from ${min} ${unit} to ${max} ${unit}`;
    if (!Number.isInteger(amount)) {
      this.fail(prop, value, `allowed: a whole number of ${unitName} (${range}); Fastly stores this attribute in ${unitName}`);
      return undefined;
    }
    if (amount < min || (max !== undefined && amount > max)) {
      this.fail(prop, value, `allowed: ${range}`);
      return undefined;
    }
    return amount;
  }
}

function integerRange(min: number, max?: number): string {
  return max === undefined ? `allowed: an integer >= ${min}` : `allowed: an integer from ${min} to ${max}`;
}
