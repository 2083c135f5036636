import { Construct } from 'constructs';
import { PropChecker } from './prop-checker';
import { internalsOf, serviceOf, ServiceBase, ServiceKind } from './service';

/** Where Fastly evaluates a condition, and so which VCL variables its statement may read. */
export enum ConditionType {
  /** Evaluated in `vcl_recv`: backend selection, request settings, request headers. */
  REQUEST = 'REQUEST',
  /** Evaluated in `vcl_fetch`: cache settings, cache headers, gzip. */
  CACHE = 'CACHE',
  /** Evaluated in `vcl_deliver` and `vcl_log`: response headers and logging. */
  RESPONSE = 'RESPONSE',
  /** Evaluated before the backend fetch (`vcl_miss` / `vcl_pass`). */
  PREFETCH = 'PREFETCH',
}

/** Props of a `Condition`. */
export interface ConditionProps {
  /** The VCL boolean expression, e.g. `req.url ~ "^/api/"`, without `if` or braces. */
  readonly statement: string;
  /**
   * Where the condition is evaluated.
   * @default ConditionType.REQUEST
   */
  readonly type?: ConditionType;
  /**
   * Evaluation order. When several routing conditions match a request, the one with the
   * **largest** number decides the backend (Fastly runs them in ascending order; the last wins).
   * @default 10
   */
  readonly priority?: number;
  /**
   * The condition name; other blocks refer to it by this name.
   * @default - the construct id
   */
  readonly name?: string;
}

/** A Fastly condition (VCL services only): a named VCL expression that other blocks are applied under. */
export class Condition extends Construct {
  /** The condition name in the service. */
  public readonly name: string;
  /** Where the condition is evaluated. */
  public readonly type: ConditionType;
  /** Evaluation order; the largest matching priority decides the backend. */
  public readonly priority: number;
  /** The statement as emitted (trimmed: the provider trims it, so untrimmed text would drift). */
  public readonly statement: string;
  /** The service this condition belongs to. */
  public readonly service: ServiceBase;

  constructor(scope: Construct, id: string, props: ConditionProps) {
    super(scope, id);
    this.service = serviceOf(this, 'a Condition');
    this.name = props.name ?? id;
    this.type = props.type ?? ConditionType.REQUEST;
    this.priority = props.priority ?? 10;
    this.statement = typeof props.statement === 'string' ? props.statement.trim() : props.statement;

    if (this.service.kind === ServiceKind.COMPUTE) {
      new PropChecker(this).fail('scope', this.service.node.path,
        'allowed: a VclService; Compute services have no conditions (route in your Compute program instead)', 'condition/compute');
    }
    internalsOf(this.service).addBlock({
      type: 'condition',
      construct: this,
      name: this.name,
      render: () => ({ name: this.name, statement: this.statement, type: this.type, priority: this.priority }),
    });
  }
}
