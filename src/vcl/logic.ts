import { parseVclExpression, VclExpression, VclExpressionKind } from './expression';

/**
 * Whether condition statements can hold for one request, or between them hold for every request,
 * decided from their form alone. Each comparison, regex match, function call or bare variable is an
 * atom that may be true or false; `a == b` and `a != b` are one atom and its negation, as are `~` and
 * `!~`, `<` and `>=`, `>` and `<=` (VCL reads a missing header as not set, so `==` with it is false and
 * `!=` true, and a regex sees an empty string: the pairs stay exact opposites). A variable compared for
 * equality with two different literals cannot equal both. Everything else is taken as independent, so
 * "cannot hold together" and "hold for every request" are only answered when the form proves them.
 */

/** More atoms than this are not enumerated; the answer is then the cautious one. */
const MAX_ATOMS = 14;

/** Functions whose every call is a new value, so two calls are different atoms. */
const RANDOM_FUNCTIONS = /^random/;

type Formula =
  | { readonly kind: 'atom'; readonly atom: number }
  | { readonly kind: 'constant'; readonly value: boolean }
  | { readonly kind: 'not'; readonly operand: Formula }
  | { readonly kind: 'and' | 'or'; readonly left: Formula; readonly right: Formula };

/** `subject == literal`, which rules out the same subject equal to another literal. */
interface Equality {
  readonly subject: string;
  readonly literal: string;
}

class Atoms {
  public readonly keys: string[] = [];
  public readonly equalities = new Map<number, Equality>();
  private fresh = 0;

  public atom(key: string, equality?: Equality): Formula {
    let index = this.keys.indexOf(key);
    if (index < 0) {
      index = this.keys.push(key) - 1;
      if (equality) this.equalities.set(index, equality);
    }
    return { kind: 'atom', atom: index };
  }

  public unique(): Formula {
    return this.atom(`#${this.fresh++}`);
  }
}

/**
 * Whether every statement can be true for one and the same request. False only when their form
 * proves they exclude each other, such as `req.http.X` and `!req.http.X`, or `req.url == "/a"` and
 * `req.url != "/a"`. A statement that does not parse could be anything.
 */
export function canHoldTogether(statements: string[]): boolean {
  const atoms = new Atoms();
  const formulas = statements.map((statement) => toFormula(statement, atoms));
  if (formulas.some((formula) => formula === undefined)) return true;
  return someAssignment(atoms, (values) => formulas.every((formula) => evaluate(formula!, values)));
}

/**
 * Whether at least one statement is true for every request. True only when their form proves it,
 * such as `req.http.X` with `!req.http.X`.
 */
export function holdForEveryRequest(statements: string[]): boolean {
  const atoms = new Atoms();
  const formulas = statements.map((statement) => toFormula(statement, atoms));
  if (formulas.length === 0 || formulas.some((formula) => formula === undefined)) return false;
  return !someAssignment(atoms, (values) => formulas.every((formula) => !evaluate(formula!, values)));
}

function toFormula(statement: string, atoms: Atoms): Formula | undefined {
  try {
    return formulaOf(parseVclExpression(statement), atoms);
  } catch {
    return undefined;
  }
}

const COMPLEMENTS: { [operator: string]: string } = { '!=': '==', '>=': '<', '<=': '>' };

function formulaOf(expression: VclExpression, atoms: Atoms): Formula {
  switch (expression.kind) {
    case VclExpressionKind.GROUP:
      return formulaOf(expression.expression, atoms);
    case VclExpressionKind.NOT:
      return { kind: 'not', operand: formulaOf(expression.operand, atoms) };
    case VclExpressionKind.AND:
    case VclExpressionKind.OR:
      return {
        kind: expression.kind === VclExpressionKind.AND ? 'and' : 'or',
        left: formulaOf(expression.left, atoms),
        right: formulaOf(expression.right, atoms),
      };
    case VclExpressionKind.BOOL:
      return { kind: 'constant', value: expression.value };
    case VclExpressionKind.MATCH: {
      const atom = atoms.atom(`${canonical(expression.subject)} ~ ${canonical(expression.pattern)}`);
      return expression.negated ? { kind: 'not', operand: atom } : atom;
    }
    case VclExpressionKind.COMPARE: {
      const complement = COMPLEMENTS[expression.operator];
      const operator = complement ?? expression.operator;
      const [left, right] = [canonical(expression.left), canonical(expression.right)];
      const operands = operator === '==' ? [left, right].sort() : [left, right];
      const [leftLiteral, rightLiteral] = [literalOf(expression.left), literalOf(expression.right)];
      const equality = operator !== '==' || (leftLiteral === undefined) === (rightLiteral === undefined) ? undefined
        : { subject: leftLiteral === undefined ? left : right, literal: (leftLiteral ?? rightLiteral)! };
      const atom = atoms.atom(`${operands[0]} ${operator} ${operands[1]}`, equality);
      return complement ? { kind: 'not', operand: atom } : atom;
    }
    default:
      return usesRandomness(expression) ? atoms.unique() : atoms.atom(`? ${canonical(expression)}`);
  }
}

function literalOf(expression: VclExpression): string | undefined {
  switch (expression.kind) {
    case VclExpressionKind.STRING: return `s:${expression.value}`;
    case VclExpressionKind.NUMBER: return `n:${expression.value}`;
    default: return undefined;
  }
}

function usesRandomness(expression: VclExpression): boolean {
  if (expression.kind === VclExpressionKind.CALL) {
    return RANDOM_FUNCTIONS.test(expression.name) || expression.arguments.some(usesRandomness);
  }
  return expression.kind === VclExpressionKind.GROUP && usesRandomness(expression.expression);
}

/** The expression written one way: without groups, header names in lower case (VCL ignores their case). */
function canonical(expression: VclExpression): string {
  switch (expression.kind) {
    case VclExpressionKind.GROUP: return canonical(expression.expression);
    case VclExpressionKind.NOT: return `!${canonical(expression.operand)}`;
    case VclExpressionKind.AND: return `(${canonical(expression.left)} && ${canonical(expression.right)})`;
    case VclExpressionKind.OR: return `(${canonical(expression.left)} || ${canonical(expression.right)})`;
    case VclExpressionKind.COMPARE: return `(${canonical(expression.left)} ${expression.operator} ${canonical(expression.right)})`;
    case VclExpressionKind.MATCH: return `(${canonical(expression.subject)} ${expression.negated ? '!~' : '~'} ${canonical(expression.pattern)})`;
    case VclExpressionKind.CALL: return `${expression.name}(${expression.arguments.map(canonical).join(', ')})`;
    case VclExpressionKind.VARIABLE: return variableKey(expression.name);
    case VclExpressionKind.STRING: return JSON.stringify(expression.value);
    case VclExpressionKind.NUMBER: return String(expression.value);
    case VclExpressionKind.DURATION: return expression.text;
    case VclExpressionKind.BOOL: return String(expression.value);
    case VclExpressionKind.CONCAT: return expression.parts.map(canonical).join(' ');
    default: return expression.name;
  }
}

function variableKey(name: string): string {
  const match = /^((?:req|bereq|beresp|resp|obj)\.http\.)([^:]+)(.*)$/.exec(name);
  return match ? `${match[1]}${match[2].toLowerCase()}${match[3]}` : name;
}

function someAssignment(atoms: Atoms, holds: (values: boolean[]) => boolean): boolean {
  const count = atoms.keys.length;
  // Too many to enumerate: answer that the statements may hold together and may leave requests out.
  if (count > MAX_ATOMS) return true;
  const equalities = [...atoms.equalities];
  for (let assignment = 0; assignment < 2 ** count; assignment++) {
    const values = atoms.keys.map((_key, index) => Math.floor(assignment / 2 ** index) % 2 === 1);
    if (!consistent(values, equalities)) continue;
    if (holds(values)) return true;
  }
  return false;
}

/** A subject cannot equal two different literals at once. */
function consistent(values: boolean[], equalities: Array<[number, Equality]>): boolean {
  const equalTo = new Map<string, string>();
  for (const [index, { subject, literal }] of equalities) {
    if (!values[index]) continue;
    const other = equalTo.get(subject);
    if (other !== undefined && other !== literal) return false;
    equalTo.set(subject, literal);
  }
  return true;
}

function evaluate(formula: Formula, values: boolean[]): boolean {
  switch (formula.kind) {
    case 'atom': return values[formula.atom];
    case 'constant': return formula.value;
    case 'not': return !evaluate(formula.operand, values);
    case 'and': return evaluate(formula.left, values) && evaluate(formula.right, values);
    case 'or': return evaluate(formula.left, values) || evaluate(formula.right, values);
  }
}
