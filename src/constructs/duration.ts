import { Op, Token } from 'cdktf';

/**
 * A span of time.
 *
 * Fastly mixes units: backend timeouts and healthcheck intervals are milliseconds, `keepalive_time`
 * and `default_ttl` are seconds. A `Duration` carries its unit, and each construct converts it to
 * what its attribute needs, rejecting values that do not convert exactly.
 */
export class Duration {
  /** A duration of `amount` milliseconds. */
  public static millis(amount: number): Duration {
    return new Duration(amount, 1);
  }

  /** A duration of `amount` seconds. */
  public static seconds(amount: number): Duration {
    return new Duration(amount, 1_000);
  }

  /** A duration of `amount` minutes. */
  public static minutes(amount: number): Duration {
    return new Duration(amount, 60_000);
  }

  private readonly unresolved: boolean;

  private constructor(private readonly amount: number, private readonly millisPerUnit: number) {
    this.unresolved = Token.isUnresolved(amount);
    if (!this.unresolved && (!Number.isFinite(amount) || amount < 0)) {
      throw new Error(`Duration amount must be a finite number >= 0, got ${amount}`);
    }
  }

  /** This duration in milliseconds (may be fractional for sub-millisecond amounts). */
  public toMilliseconds(): number {
    return this.convert(1);
  }

  /** This duration in seconds (fractional when it is not a whole number of seconds). */
  public toSeconds(): number {
    return this.convert(1_000);
  }

  /** Whether the amount is an unresolved token, so its value is only known at deploy time. */
  public isUnresolved(): boolean {
    return this.unresolved;
  }

  /** A readable form for messages, e.g. `Duration.seconds(5)`. */
  public toString(): string {
    const unit = this.millisPerUnit === 1 ? 'millis' : this.millisPerUnit === 1_000 ? 'seconds' : 'minutes';
    return `Duration.${unit}(${this.isUnresolved() ? '<token>' : this.amount})`;
  }

  private convert(millisPerTarget: number): number {
    if (this.isUnresolved()) {
      // A deploy-time value is scaled by Terraform itself.
      if (this.millisPerUnit === millisPerTarget) return this.amount;
      return Token.asNumber(this.millisPerUnit > millisPerTarget
        ? Op.mul(this.amount, this.millisPerUnit / millisPerTarget)
        : Op.div(this.amount, millisPerTarget / this.millisPerUnit));
    }
    return (this.amount * this.millisPerUnit) / millisPerTarget;
  }
}
