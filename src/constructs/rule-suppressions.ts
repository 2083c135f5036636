import { Annotations } from 'cdktf';
import { IConstruct } from 'constructs';
import { editDistance } from '../fastly/spelling';
import { RULE_CATALOG } from '../rules/catalog';

/** One rule a construct is allowed to break, and why. */
export interface RuleSuppression {
  /** The rule id, as printed at the end of its error (e.g. `routing/default-route`). */
  readonly id: string;
  /** Why the configuration is meant this way; shown at synth with every finding it suppresses. */
  readonly reason: string;
}

interface StoredSuppression {
  readonly suppression: RuleSuppression;
  readonly applyToChildren: boolean;
}

const SUPPRESSIONS = new WeakMap<IConstruct, StoredSuppression[]>();
// A finding is reported once per synth; the annotation listing its suppression once per construct.
const ANNOUNCED = new WeakMap<IConstruct, Set<string>>();

/** A problem a construct reports at synth, with the rule that found it and what a suppression may do about it (rules/catalog.ts). */
export interface RuleProblem {
  readonly rule: string;
  readonly message: string;
  /** Fastly accepts it; the library refuses it (severity `strict`). */
  readonly strict?: boolean;
  /** Only the library's tables of VCL variables and functions found it. */
  readonly fromTables?: boolean;
}

/**
 * Suppresses library rules on a construct, the way cdk-nag's `NagSuppressions` does: per
 * construct, per rule id, with a reason. A suppressed error no longer stops synth; it is listed
 * at synth as an info annotation on the construct, with the reason.
 *
 * Only findings about configurations Fastly accepts can be suppressed (several default routes,
 * plain HTTP on port 443, …), and findings only the library's VCL tables make; errors Fastly or the
 * provider would reject cannot, even of a rule that has suppressible findings.
 */
export class RuleSuppressions {
  /**
   * Suppresses `suppressions` on `construct`.
   *
   * @param construct the construct the rule reports on (the error's path), e.g. a backend or the service
   * @param suppressions the rule ids and the reason for each
   * @param applyToChildren also suppress the rules on constructs inside `construct`, e.g. the backends of a pool
   * @throws when a rule id is unknown or not suppressible, or a reason is empty
   */
  public static addSuppressions(construct: IConstruct, suppressions: RuleSuppression[], applyToChildren: boolean = false): void {
    for (const suppression of suppressions) {
      const info = RULE_CATALOG.get(suppression.id);
      if (!info) {
        const close = [...RULE_CATALOG.keys()].find((id) => editDistance(id, suppression.id) <= 2);
        throw new Error(`[${construct.node.path}] suppression id: got ${JSON.stringify(suppression.id)}; allowed: a rule id of this `
          + `library (the README's "What is checked" lists them)${close ? `; did you mean ${JSON.stringify(close)}?` : ''}`);
      }
      if (info.suppressible === 'none') {
        throw new Error(`[${construct.node.path}] suppression id: got ${JSON.stringify(suppression.id)}; allowed: a suppressible rule; `
          + `${suppression.id} cannot be suppressed because ${info.why}. Fix the configuration instead`);
      }
      if (typeof suppression.reason !== 'string' || suppression.reason.trim() === '') {
        throw new Error(`[${construct.node.path}] suppression reason: got ${JSON.stringify(suppression.reason)}; allowed: a non-empty `
          + `reason why ${suppression.id} does not apply here, so that the choice stays visible`);
      }
    }
    const stored = SUPPRESSIONS.get(construct) ?? [];
    SUPPRESSIONS.set(construct, [...stored, ...suppressions.map((suppression) => ({ suppression, applyToChildren }))]);
  }

  /** The suppressions added to `construct` itself, in the order they were added. */
  public static suppressionsOf(construct: IConstruct): RuleSuppression[] {
    return (SUPPRESSIONS.get(construct) ?? []).map((stored) => stored.suppression);
  }

  private constructor() {}
}

/** Whether the catalogue lets this finding of its rule be suppressed. */
function suppressible(problem: RuleProblem): boolean {
  const allowed = RULE_CATALOG.get(problem.rule)?.suppressible;
  return (allowed === 'strict' && problem.strict === true) || (allowed === 'tables' && problem.fromTables === true);
}

/** The suppression of `rule` that applies to `construct`: its own, or one of an enclosing construct that applies to children. */
function suppressionOf(construct: IConstruct, rule: string): RuleSuppression | undefined {
  const own = SUPPRESSIONS.get(construct)?.find((stored) => stored.suppression.id === rule);
  if (own) return own.suppression;
  for (let scope = construct.node.scope; scope; scope = scope.node.scope) {
    const inherited = SUPPRESSIONS.get(scope)?.find((stored) => stored.applyToChildren && stored.suppression.id === rule);
    if (inherited) return inherited.suppression;
  }
  return undefined;
}

/**
 * The messages of `problems` that are not suppressed on `construct`. Each suppressed one is listed
 * as an info annotation instead, with the suppression's reason.
 */
export function unsuppressed(construct: IConstruct, problems: RuleProblem[]): string[] {
  return problems.flatMap((problem) => {
    const suppression = suppressible(problem) ? suppressionOf(construct, problem.rule) : undefined;
    if (!suppression) return [problem.message];
    const announced = ANNOUNCED.get(construct) ?? new Set<string>();
    if (!announced.has(problem.message)) {
      ANNOUNCED.set(construct, announced.add(problem.message));
      Annotations.of(construct).addInfo(`suppressed ${problem.rule}: ${suppression.reason} (finding: ${problem.message})`);
    }
    return [];
  });
}
