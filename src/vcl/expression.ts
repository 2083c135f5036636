/**
 * A parser for the VCL expressions that Fastly conditions hold: Fastly pastes each statement into
 * `if ( … )` in the VCL it generates, so a bad statement only fails when the service version is
 * activated. Parsing it here lets constructs reject it at synth time, pointing at the column.
 */

import { Token, tokenize } from './lexer';

/** What a node of a parsed VCL expression is. */
export enum VclExpressionKind {
  /** `left || right` */
  OR = 'or',
  /** `left && right` */
  AND = 'and',
  /** `!operand` */
  NOT = 'not',
  /** `left == right`, `!=`, `<`, `>`, `<=`, `>=` */
  COMPARE = 'compare',
  /** `subject ~ pattern` or `subject !~ pattern`, against a regex or an ACL. */
  MATCH = 'match',
  /** `name(arguments…)` */
  CALL = 'call',
  /** A predefined variable such as `req.url` or `req.http.Host`, or a declared name passed to a function. */
  VARIABLE = 'variable',
  /** An ACL name on the right of `~` or `!~`. */
  ACL = 'acl',
  /** A backend identifier such as `F_origin` on the right of `==` or `!=`. */
  BACKEND = 'backend',
  /** `"…"` or `{"…"}` */
  STRING = 'string',
  /** `100`, `-3`, `1.5` */
  NUMBER = 'number',
  /** A relative time (RTIME) such as `10s` or `1.5m`. */
  DURATION = 'duration',
  /** `true` or `false` */
  BOOL = 'bool',
  /** `( expression )` */
  GROUP = 'group',
  /** Values joined into one string: `"/v2" req.url` or `"a" + "b"` (in VCL programs, not in conditions). */
  CONCAT = 'concat',
}

/** Every node records the 1-based column where it starts, so problems can point at it. */
export interface VclNode {
  /** 1-based column of the node's first character. */
  readonly column: number;
}

/** `left || right` */
export interface VclOr extends VclNode {
  readonly kind: VclExpressionKind.OR;
  readonly left: VclExpression;
  readonly right: VclExpression;
}

/** `left && right` */
export interface VclAnd extends VclNode {
  readonly kind: VclExpressionKind.AND;
  readonly left: VclExpression;
  readonly right: VclExpression;
}

/** `!operand` */
export interface VclNot extends VclNode {
  readonly kind: VclExpressionKind.NOT;
  readonly operand: VclExpression;
}

/** A comparison with `==`, `!=`, `<`, `>`, `<=` or `>=`. */
export interface VclCompare extends VclNode {
  readonly kind: VclExpressionKind.COMPARE;
  /** The operator as written, e.g. `>=`. */
  readonly operator: string;
  readonly left: VclExpression;
  readonly right: VclExpression;
}

/** A regex or ACL match with `~` (or `!~`, when `negated`). */
export interface VclMatch extends VclNode {
  readonly kind: VclExpressionKind.MATCH;
  readonly negated: boolean;
  readonly subject: VclExpression;
  /** A regex literal, already checked to compile, or an ACL name. */
  readonly pattern: VclString | VclAclName;
}

/** A function call. */
export interface VclCall extends VclNode {
  readonly kind: VclExpressionKind.CALL;
  /** The function name, e.g. `std.prefixof`. */
  readonly name: string;
  readonly arguments: VclExpression[];
}

/** A name that is not a function: a predefined variable, or a declared name passed to a function. */
export interface VclVariable extends VclNode {
  readonly kind: VclExpressionKind.VARIABLE;
  /** As written, e.g. `req.http.X-Forwarded-For` or `req.http.Cookie:session`. */
  readonly name: string;
}

/** An ACL named on the right of `~` or `!~`. */
export interface VclAclName extends VclNode {
  readonly kind: VclExpressionKind.ACL;
  readonly name: string;
}

/** A backend or director identifier compared with `==` or `!=`. */
export interface VclBackendName extends VclNode {
  readonly kind: VclExpressionKind.BACKEND;
  readonly name: string;
}

/** A string literal. */
export interface VclString extends VclNode {
  readonly kind: VclExpressionKind.STRING;
  /** The characters between the quotes; `%xx` escapes are kept as written. */
  readonly value: string;
}

/** An INTEGER or FLOAT literal. */
export interface VclNumber extends VclNode {
  readonly kind: VclExpressionKind.NUMBER;
  readonly value: number;
  /** As written, e.g. `-1.50`. */
  readonly text: string;
}

/** An RTIME literal. */
export interface VclDuration extends VclNode {
  readonly kind: VclExpressionKind.DURATION;
  /** The amount in `unit`s, e.g. 1.5 for `1.5m`. */
  readonly value: number;
  /** `ms`, `s`, `m`, `h`, `d`, `w` or `y`. */
  readonly unit: string;
  /** As written, e.g. `1.5m`. */
  readonly text: string;
}

/** `true` or `false`. */
export interface VclBool extends VclNode {
  readonly kind: VclExpressionKind.BOOL;
  readonly value: boolean;
}

/** A parenthesised expression, kept so that columns and the written form survive. */
export interface VclGroup extends VclNode {
  readonly kind: VclExpressionKind.GROUP;
  readonly expression: VclExpression;
}

/** Values joined into one string. */
export interface VclConcat extends VclNode {
  readonly kind: VclExpressionKind.CONCAT;
  readonly parts: VclExpression[];
}

/** A parsed VCL expression. */
export type VclExpression =
  | VclOr | VclAnd | VclNot | VclCompare | VclMatch | VclCall | VclVariable
  | VclAclName | VclBackendName | VclString | VclNumber | VclDuration | VclBool | VclGroup | VclConcat;

/** Where an expression reads a variable. */
export interface VclVariableReference {
  /** The variable as written. */
  readonly name: string;
  /** 1-based column where the name starts. */
  readonly column: number;
}

/** A statement that is not a valid VCL expression. */
export class VclSyntaxError extends Error {
  /** 1-based column of the offending character in the statement. */
  public readonly column: number;
  /** What is wrong, without the column prefix. */
  public readonly detail: string;

  constructor(column: number, detail: string) {
    super(`column ${column}: ${detail}`);
    this.name = 'VclSyntaxError';
    this.column = column;
    this.detail = detail;
  }
}

/**
 * Parses a condition statement: a VCL boolean expression without the surrounding `if ( … )`.
 *
 * @throws VclSyntaxError at the first problem, including a regex literal that does not compile
 */
export function parseVclExpression(source: string): VclExpression {
  return new ExpressionParser(tokenize(source)).parseStatement();
}

/** Calls `visit` for `expression` and every node inside it, in source order. */
export function walkVclExpression(expression: VclExpression, visit: (node: VclExpression) => void): void {
  visit(expression);
  for (const child of childrenOf(expression)) walkVclExpression(child, visit);
}

/**
 * Every variable the expression names, in source order. ACL and backend names and function names are
 * not variables; a declared name passed to a function (a table in `table.lookup(t, …)`) looks like one,
 * and only the function's signature tells them apart.
 */
export function variablesOf(expression: VclExpression): VclVariableReference[] {
  const references: VclVariableReference[] = [];
  walkVclExpression(expression, (node) => {
    if (node.kind === VclExpressionKind.VARIABLE) references.push({ name: node.name, column: node.column });
  });
  return references;
}

function childrenOf(node: VclExpression): VclExpression[] {
  switch (node.kind) {
    case VclExpressionKind.OR:
    case VclExpressionKind.AND:
    case VclExpressionKind.COMPARE:
      return [node.left, node.right];
    case VclExpressionKind.MATCH:
      return [node.subject, node.pattern];
    case VclExpressionKind.NOT:
      return [node.operand];
    case VclExpressionKind.GROUP:
      return [node.expression];
    case VclExpressionKind.CALL:
      return node.arguments;
    case VclExpressionKind.CONCAT:
      return node.parts;
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// Regex literals

/**
 * PCRE group openers that JavaScript spells differently or lacks. Only whether a pattern compiles
 * matters here, so each is rewritten to a JavaScript construct that compiles the same way.
 */
const PCRE_GROUP_REWRITES: Array<[RegExp, string]> = [
  [/\(\?[imsxnJU-]+\)/y, ''], // option setting anywhere, e.g. (?i)
  [/\(\?[imsxnJU-]+:/y, '(?:'], // group with options, e.g. (?i:jpe?g)
  [/\(\?>/y, '(?:'], // atomic group
  [/\(\?P</y, '(?<'], // Python-style named group
];

const QUANTIFIER_ENDS = new Set(['*', '+', '?', '}']);

/** Fastly compiles regexes with PCRE; JavaScript's engine stands in to catch patterns that cannot compile. */
function regexProblem(pattern: string): string | undefined {
  try {
    RegExp(toJavaScriptPattern(pattern));
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    // V8 says "Invalid regular expression: /<pattern>/: <reason>"; the pattern is already in view.
    return message.slice(message.lastIndexOf(': ') + 2);
  }
}

function toJavaScriptPattern(pattern: string): string {
  let rewritten = '';
  let inCharacterClass = false;
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '\\') {
      rewritten += pattern.slice(index, index + 2);
      index++;
      continue;
    }
    if (inCharacterClass) {
      inCharacterClass = character !== ']';
    } else if (character === '[') {
      inCharacterClass = true;
    } else if (character === '(') {
      const rewrite = pcreGroupRewrite(pattern, index);
      if (rewrite !== undefined) {
        rewritten += rewrite.replacement;
        index += rewrite.length - 1;
        continue;
      }
    } else if (QUANTIFIER_ENDS.has(character) && pattern[index + 1] === '+') {
      // A possessive quantifier such as a++; JavaScript only knows the greedy form.
      rewritten += character;
      index++;
      continue;
    }
    rewritten += character;
  }
  return rewritten;
}

function pcreGroupRewrite(pattern: string, index: number): { replacement: string; length: number } | undefined {
  for (const [opener, replacement] of PCRE_GROUP_REWRITES) {
    opener.lastIndex = index;
    const match = opener.exec(pattern);
    if (match !== null) return { replacement, length: match[0].length };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Parser

const COMPARISON_OPERATORS = new Set(['==', '!=', '<', '>', '<=', '>=']);
const MATCH_OPERATORS = new Set(['~', '!~']);
/** Operators whose right side may name a backend, as in `req.backend == F_origin`. */
const BACKEND_COMPARISONS = new Set(['==', '!=']);
/** Fastly names each backend's VCL identifier `F_` + its name. */
const BACKEND_IDENTIFIER_PREFIX = 'F_';
/** Deep enough for any real statement; deeper input would only exhaust the stack. */
const MAX_NESTING = 100;
const TERNARY_IF_ARGUMENTS = 3;
const MAX_QUOTED_TOKEN_LENGTH = 40;

/** Words that start a statement: a value never continues with one, so a missing `;` is reported before it. */
const STATEMENT_KEYWORDS = new Set(['set', 'unset', 'remove', 'add', 'declare', 'if', 'else', 'elseif', 'elsif', 'return', 'call', 'error',
  'restart', 'synthetic', 'synthetic.base64', 'esi', 'log', 'goto', 'include', 'sub']);

/**
 * Recursive descent over: or := and ("||" and)* ; and := comparison ("&&" comparison)* ;
 * comparison := operand (operator operand)? ; operand := unary, or in a program unary ("+"? unary)*
 * (concatenation); unary := "!" unary | primary. So `!` binds tighter than a comparison, which
 * binds tighter than `&&`, which binds tighter than `||`.
 *
 * The statement parser extends it and reads the expressions of a program from the same tokens.
 */
export class ExpressionParser {
  protected readonly tokens: Token[];
  protected position = 0;
  private depth = 0;
  private readonly concatenation: boolean;

  /** @param concatenation whether values may be joined into strings, as in a program (not in a condition) */
  constructor(tokens: Token[], concatenation = false) {
    this.tokens = tokens;
    this.concatenation = concatenation;
  }

  public parseStatement(): VclExpression {
    if (this.peek().kind === 'end') {
      throw new VclSyntaxError(1, 'the statement is empty; write a VCL boolean expression such as req.url ~ "^/api/"');
    }
    const expression = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') throw this.unexpectedAfterOperand(next);
    return expression;
  }

  /** How a message points at another place in the source; a program says which line. */
  protected where(column: number): string {
    return `column ${column}`;
  }

  /** An expression, up to the first token that cannot continue it. */
  public parseExpression(): VclExpression {
    return this.parseOr();
  }

  private parseOr(): VclExpression {
    let left = this.parseAnd();
    while (this.peekIsOperator('||')) {
      this.advance();
      left = { kind: VclExpressionKind.OR, column: left.column, left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): VclExpression {
    let left = this.parseComparison();
    while (this.peekIsOperator('&&')) {
      this.advance();
      left = { kind: VclExpressionKind.AND, column: left.column, left, right: this.parseComparison() };
    }
    return left;
  }

  private parseComparison(): VclExpression {
    const left = this.parseOperand();
    const operator = this.peek();
    if (!isComparison(operator)) return left;
    this.advance();
    const comparison: VclExpression = MATCH_OPERATORS.has(operator.text)
      ? { kind: VclExpressionKind.MATCH, column: left.column, negated: operator.text === '!~', subject: left, pattern: this.parseMatchPattern(operator) }
      : { kind: VclExpressionKind.COMPARE, column: left.column, operator: operator.text, left, right: this.parseComparedOperand(operator) };
    const following = this.peek();
    if (isComparison(following)) {
      throw new VclSyntaxError(following.column, 'comparisons cannot be chained; join them with "&&" or "||"');
    }
    return comparison;
  }

  /** Fastly compiles regexes with the VCL, so a pattern must be a literal; an ACL name matches IPs. */
  private parseMatchPattern(operator: Token): VclString | VclAclName {
    const token = this.peek();
    if (token.kind === 'string') {
      this.advance();
      const contents = token.contents ?? '';
      const problem = regexProblem(contents);
      if (problem !== undefined) throw new VclSyntaxError(token.column, `regex does not compile: ${problem}`);
      return { kind: VclExpressionKind.STRING, column: token.column, value: contents };
    }
    if (this.isBareName(token)) {
      this.advance();
      return { kind: VclExpressionKind.ACL, column: token.column, name: token.text };
    }
    throw new VclSyntaxError(token.column, `expected a regex string literal or an ACL name after "${operator.text}"`);
  }

  private parseComparedOperand(operator: Token): VclExpression {
    const token = this.peek();
    if (BACKEND_COMPARISONS.has(operator.text) && this.isBareName(token) && token.text.startsWith(BACKEND_IDENTIFIER_PREFIX)) {
      this.advance();
      return { kind: VclExpressionKind.BACKEND, column: token.column, name: token.text };
    }
    return this.parseOperand();
  }

  /** In a program, adjacent values (with or without `+` between them) make one string. */
  protected parseOperand(): VclExpression {
    const first = this.parseUnary();
    if (!this.concatenation) return first;
    const parts = [first];
    for (;;) {
      const next = this.peek();
      if (next.kind === 'operator' && next.text === '+') {
        this.advance();
        parts.push(this.parseUnary());
      } else if (next.kind === 'string' || next.kind === 'number' || (next.kind === 'name' && !STATEMENT_KEYWORDS.has(next.text))) {
        parts.push(this.parseUnary());
      } else {
        break;
      }
    }
    return parts.length === 1 ? first : { kind: VclExpressionKind.CONCAT, column: first.column, parts };
  }

  protected parseUnary(): VclExpression {
    const token = this.peek();
    if (token.kind === 'operator' && token.text === '!') {
      this.advance();
      return this.nested(token, () => ({ kind: VclExpressionKind.NOT, column: token.column, operand: this.parseUnary() }));
    }
    return this.parsePrimary();
  }

  private parsePrimary(): VclExpression {
    const token = this.peek();
    switch (token.kind) {
      case 'open':
        return this.parseGroup(token);
      case 'name':
        return this.parseName(token);
      case 'string':
        this.advance();
        return { kind: VclExpressionKind.STRING, column: token.column, value: token.contents ?? '' };
      case 'number':
        this.advance();
        return numberNode(token);
      default:
        throw this.missingOperand(token);
    }
  }

  private parseGroup(open: Token): VclGroup {
    this.advance();
    const expression = this.nested(open, () => this.parseOr());
    this.expectClose(`the "(" at ${this.where(open.column)}`);
    return { kind: VclExpressionKind.GROUP, column: open.column, expression };
  }

  private parseName(token: Token): VclExpression {
    this.advance();
    if (this.peek().kind === 'open') return this.parseCall(token);
    if (token.text === 'true' || token.text === 'false') {
      return { kind: VclExpressionKind.BOOL, column: token.column, value: token.text === 'true' };
    }
    return { kind: VclExpressionKind.VARIABLE, column: token.column, name: token.text };
  }

  private parseCall(name: Token): VclCall {
    const open = this.advance();
    const callArguments: VclExpression[] = [];
    if (this.peek().kind === 'close') {
      this.advance();
    } else {
      for (;;) {
        callArguments.push(this.nested(open, () => this.parseOr()));
        if (this.peek().kind !== 'comma') break;
        this.advance();
      }
      this.expectClose(`the call to "${name.text}" at ${this.where(name.column)}`);
    }
    // if(a, b, c) is VCL's ternary; anything else after a leading `if` is a pasted if-statement.
    if (name.text === 'if' && callArguments.length !== TERNARY_IF_ARGUMENTS) {
      throw new VclSyntaxError(name.column, 'remove the "if ( … )" around the expression; Fastly adds it');
    }
    return { kind: VclExpressionKind.CALL, column: name.column, name: name.text, arguments: callArguments };
  }

  private expectClose(whatIsOpen: string): void {
    const next = this.peek();
    if (next.kind === 'close') {
      this.advance();
      return;
    }
    if (next.kind === 'end') throw new VclSyntaxError(next.column, `missing ")" to close ${whatIsOpen}`);
    throw this.unexpectedAfterOperand(next);
  }

  private nested<T>(at: Token, parse: () => T): T {
    if (++this.depth > MAX_NESTING) {
      throw new VclSyntaxError(at.column, `the expression is nested more than ${MAX_NESTING} levels deep`);
    }
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  /** VCL joins adjacent values into one string; a condition has no use for that, so say so. */
  protected unexpectedAfterOperand(token: Token): VclSyntaxError {
    if (token.kind === 'name' || token.kind === 'string' || token.kind === 'number') {
      return new VclSyntaxError(token.column, `expected an operator before ${describe(token)}; a condition cannot concatenate values`);
    }
    return new VclSyntaxError(token.column, `unexpected ${describe(token)}`);
  }

  private missingOperand(token: Token): VclSyntaxError {
    const previous = this.tokens[this.position - 1];
    return previous === undefined
      ? new VclSyntaxError(token.column, `unexpected ${describe(token)}`)
      : new VclSyntaxError(token.column, `expected an operand after "${previous.text}"`);
  }

  /** A name without dots that is not followed by `(`: an ACL, a backend or another declared object. */
  private isBareName(token: Token): boolean {
    return token.kind === 'name' && !token.text.includes('.') && this.peekAt(1).kind !== 'open';
  }

  protected peekIsOperator(text: string): boolean {
    const token = this.peek();
    return token.kind === 'operator' && token.text === text;
  }

  protected peek(): Token {
    return this.peekAt(0);
  }

  /** The lexer stops at an invalid token, so reaching one is where the statement goes wrong. */
  protected peekAt(offset: number): Token {
    const token = this.tokens[Math.min(this.position + offset, this.tokens.length - 1)];
    if (token.kind === 'invalid') throw new VclSyntaxError(token.column, token.problem ?? `unexpected "${token.text}"`);
    return token;
  }

  protected advance(): Token {
    return this.tokens[this.position++];
  }
}

function isComparison(token: Token): boolean {
  return token.kind === 'operator' && (COMPARISON_OPERATORS.has(token.text) || MATCH_OPERATORS.has(token.text));
}

function numberNode(token: Token): VclNumber | VclDuration {
  if (token.unit === undefined) {
    return { kind: VclExpressionKind.NUMBER, column: token.column, value: Number(token.text), text: token.text };
  }
  const amount = Number(token.text.slice(0, -token.unit.length));
  return { kind: VclExpressionKind.DURATION, column: token.column, value: amount, unit: token.unit, text: token.text };
}

/** Strings show with their own quotes; everything else is quoted. Long text is shortened. */
function describe(token: Token): string {
  const text = token.text.length > MAX_QUOTED_TOKEN_LENGTH ? `${token.text.slice(0, MAX_QUOTED_TOKEN_LENGTH - 1)}…` : token.text;
  return token.kind === 'string' ? text : `"${text}"`;
}
