/**
 * A parser for VCL programs: the statements of a snippet that Fastly pastes into a subroutine, and
 * the declarations of a custom VCL file or an `init` snippet (subroutines, backends, directors,
 * tables, ACLs, `#FASTLY` macros). Expressions are read by the expression parser it extends, with
 * values that may be joined into strings. Like the expression parser it stops at the first problem.
 *
 * Sources: Fastly's VCL reference (https://www.fastly.com/documentation/reference/vcl/statements/,
 * …/declarations/), and falco's parser (github.com/ysugimoto/falco, parser/statement_parser.go) for
 * the forms Fastly accepts beyond the reference (`elseif`, `elsif`, `remove`).
 */

import { ExpressionParser, VclCall, VclExpression, VclExpressionKind, VclSyntaxError } from './expression';
import { Token, tokenize } from './lexer';

/** What a statement inside a subroutine is. */
export enum VclStatementKind {
  /** `declare local var.name TYPE;` */
  DECLARE = 'declare',
  /** `set target = value;`, also with `+=` and the other assignment operators */
  SET = 'set',
  /** `unset target;` (or `remove target;`) */
  UNSET = 'unset',
  /** `add target = value;` — adds another header with that name */
  ADD = 'add',
  /** `if (…) { … } else if (…) { … } else { … }` */
  IF = 'if',
  /** `return;`, `return(action);` or, in a subroutine with a return type, `return value;` */
  RETURN = 'return',
  /** `call subroutine;` */
  CALL = 'call',
  /** `error [status [response]];` */
  ERROR = 'error',
  /** `restart;` */
  RESTART = 'restart',
  /** `synthetic value;` or `synthetic.base64 value;` */
  SYNTHETIC = 'synthetic',
  /** `esi;` */
  ESI = 'esi',
  /** `log value;` */
  LOG = 'log',
  /** `goto label;` */
  GOTO = 'goto',
  /** `label:` */
  LABEL = 'label',
  /** A function called for what it does, e.g. `h2.push("/style.css");` */
  FUNCTION = 'function',
  /** `include "file";` */
  INCLUDE = 'include',
  /** `#FASTLY recv`: where Fastly inserts its generated code and the snippets of the subroutine */
  MACRO = 'macro',
}

/** A variable as a statement names it, with the 1-based column (offset + 1) where it starts. */
export interface VclTarget {
  readonly name: string;
  readonly column: number;
}

interface StatementBase {
  /** 1-based column (offset + 1) of the statement's first character in the source. */
  readonly column: number;
}

/** `declare local var.name TYPE;` */
export interface VclDeclareStatement extends StatementBase {
  readonly kind: VclStatementKind.DECLARE;
  readonly variable: VclTarget;
  readonly type: string;
}

/** `set target op value;` */
export interface VclSetStatement extends StatementBase {
  readonly kind: VclStatementKind.SET;
  readonly target: VclTarget;
  readonly operator: string;
  readonly value: VclExpression;
}

/** `unset target;` */
export interface VclUnsetStatement extends StatementBase {
  readonly kind: VclStatementKind.UNSET;
  readonly target: VclTarget;
}

/** `add target = value;` */
export interface VclAddStatement extends StatementBase {
  readonly kind: VclStatementKind.ADD;
  readonly target: VclTarget;
  readonly value: VclExpression;
}

/** One `if` or `else if` and the statements it guards. */
export interface VclBranch {
  readonly condition: VclExpression;
  readonly body: VclStatement[];
}

/** `if (…) { … } else if (…) { … } else { … }` */
export interface VclIfStatement extends StatementBase {
  readonly kind: VclStatementKind.IF;
  readonly branches: VclBranch[];
  readonly otherwise?: VclStatement[];
}

/** `return;`, `return(action);` or `return value;` */
export interface VclReturnStatement extends StatementBase {
  readonly kind: VclStatementKind.RETURN;
  /** The action of `return(pass)` and the like. */
  readonly action?: string;
  /** What a subroutine with a return type returns. */
  readonly value?: VclExpression;
}

/** A statement that names something: `call sub;`, `goto label;`, `label:`, `include "file";`, `#FASTLY recv`. */
export interface VclNamingStatement extends StatementBase {
  readonly kind: VclStatementKind.CALL | VclStatementKind.GOTO | VclStatementKind.LABEL | VclStatementKind.INCLUDE | VclStatementKind.MACRO;
  readonly name: string;
}

/** `error [status [response]];` */
export interface VclErrorStatement extends StatementBase {
  readonly kind: VclStatementKind.ERROR;
  readonly status?: VclExpression;
  readonly response?: VclExpression;
}

/** `restart;` and `esi;` */
export interface VclBareStatement extends StatementBase {
  readonly kind: VclStatementKind.RESTART | VclStatementKind.ESI;
}

/** `synthetic value;`, `synthetic.base64 value;` and `log value;` */
export interface VclValueStatement extends StatementBase {
  readonly kind: VclStatementKind.SYNTHETIC | VclStatementKind.LOG;
  readonly value: VclExpression;
}

/** A function called as a statement. */
export interface VclFunctionStatement extends StatementBase {
  readonly kind: VclStatementKind.FUNCTION;
  readonly call: VclCall;
}

/** A parsed statement. */
export type VclStatement =
  | VclDeclareStatement | VclSetStatement | VclUnsetStatement | VclAddStatement | VclIfStatement | VclReturnStatement
  | VclNamingStatement | VclErrorStatement | VclBareStatement | VclValueStatement | VclFunctionStatement;

/** What a top-level declaration of a VCL file is. */
export enum VclDeclarationKind {
  SUBROUTINE = 'sub',
  BACKEND = 'backend',
  DIRECTOR = 'director',
  TABLE = 'table',
  ACL = 'acl',
  RATECOUNTER = 'ratecounter',
  PENALTYBOX = 'penaltybox',
  INCLUDE = 'include',
  IMPORT = 'import',
  PRAGMA = 'pragma',
  MACRO = 'macro',
}

/** A top-level declaration. Subroutines carry their statements; other objects only their name. */
export interface VclDeclaration {
  readonly kind: VclDeclarationKind;
  /** The declared name; for `include` the file, for a macro the subroutine, e.g. `init`. */
  readonly name: string;
  /** 1-based column (offset + 1) where the declaration starts. */
  readonly column: number;
  /** The statements of a subroutine. */
  readonly body?: VclStatement[];
}

/** Where a column (offset + 1) of a source is, in lines and columns counted from 1. */
export interface VclPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Parses the statements of a subroutine body, as a snippet of type `recv`, `fetch` and the like holds them.
 * @throws VclSyntaxError at the first problem; its column is the offset + 1 in `source` (see `positionIn`)
 */
export function parseVclStatements(source: string): VclStatement[] {
  const parser = new StatementParser(source);
  return parser.parseStatementsUntilEnd();
}

/**
 * Parses the declarations of a VCL file, as a custom VCL file or an `init` snippet holds them.
 * @throws VclSyntaxError at the first problem; its column is the offset + 1 in `source` (see `positionIn`)
 */
export function parseVclDeclarations(source: string): VclDeclaration[] {
  const parser = new StatementParser(source);
  return parser.parseDeclarationsUntilEnd();
}

/** The line and column of a 1-based column (offset + 1) of `source`. */
export function positionIn(source: string, column: number): VclPosition {
  const before = source.slice(0, column - 1);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: column - lineStart };
}

/** Calls `visit` for every statement, the ones inside `if` branches included, in source order. */
export function walkVclStatements(statements: VclStatement[], visit: (statement: VclStatement) => void): void {
  for (const statement of statements) {
    visit(statement);
    if (statement.kind === VclStatementKind.IF) {
      statement.branches.forEach((branch) => walkVclStatements(branch.body, visit));
      if (statement.otherwise) walkVclStatements(statement.otherwise, visit);
    }
  }
}

/**
 * Where statements set a variable with `set` or `add`, e.g. to find a `recv` snippet that sets
 * `req.backend` (which Fastly's own backend assignment then overwrites).
 */
export function variablesSetBy(statements: VclStatement[]): VclTarget[] {
  const targets: VclTarget[] = [];
  walkVclStatements(statements, (statement) => {
    if (statement.kind === VclStatementKind.SET || statement.kind === VclStatementKind.ADD) targets.push(statement.target);
  });
  return targets;
}

const ELSE_IF = new Set(['elseif', 'elsif']);
/** Statement keywords that may be followed by "(": `if(…)`, `return(pass)`. */
const STATEMENT_KEYWORDS = new Set(['if', 'return', 'error', 'synthetic', 'synthetic.base64', 'log']);
/** `set` operators that are names followed by `=`. */
const WORD_ASSIGNMENTS = new Set(['rol', 'ror']);
const NAMED_OBJECTS: { [keyword: string]: VclDeclarationKind } = {
  backend: VclDeclarationKind.BACKEND,
  director: VclDeclarationKind.DIRECTOR,
  table: VclDeclarationKind.TABLE,
  acl: VclDeclarationKind.ACL,
  ratecounter: VclDeclarationKind.RATECOUNTER,
  penaltybox: VclDeclarationKind.PENALTYBOX,
};
const STATEMENTS_EXPECTED = 'a statement (set, unset, add, declare, if, return, call, error, restart, synthetic, esi, log or a function call)';
const DECLARATIONS_EXPECTED = 'a declaration (sub, backend, director, table, acl, ratecounter, penaltybox, include, import or pragma)';

/** Reads statements and declarations; expressions are left to the expression parser it extends. */
class StatementParser extends ExpressionParser {
  private readonly source: string;

  constructor(source: string) {
    super(tokenize(source, 'program'), true);
    this.source = source;
  }

  protected where(column: number): string {
    const position = positionIn(this.source, column);
    return `line ${position.line}, column ${position.column}`;
  }

  public parseStatementsUntilEnd(): VclStatement[] {
    const statements: VclStatement[] = [];
    while (this.peek().kind !== 'end') {
      if (this.peek().kind === 'rbrace') throw new VclSyntaxError(this.peek().column, '"}" closes no "{"');
      statements.push(this.parseVclStatement());
    }
    return statements;
  }

  public parseDeclarationsUntilEnd(): VclDeclaration[] {
    const declarations: VclDeclaration[] = [];
    while (this.peek().kind !== 'end') declarations.push(this.parseDeclaration());
    return declarations;
  }

  private parseDeclaration(): VclDeclaration {
    const token = this.advance();
    if (token.kind === 'macro') return { kind: VclDeclarationKind.MACRO, name: macroSubroutine(token), column: token.column };
    if (token.kind !== 'name') throw this.expected(token, DECLARATIONS_EXPECTED);
    switch (token.text) {
      case 'sub': {
        const name = this.expectName('a subroutine name');
        // A subroutine may declare the type it returns: `sub lookup STRING { … }`.
        if (this.peek().kind === 'name') this.advance();
        return { kind: VclDeclarationKind.SUBROUTINE, name: name.text, column: token.column, body: this.parseBlock(`sub ${name.text}`) };
      }
      case 'include':
        return { kind: VclDeclarationKind.INCLUDE, name: this.parseInclude(), column: token.column };
      case 'import': {
        const name = this.expectName('a module name');
        this.expectSemicolon('import');
        return { kind: VclDeclarationKind.IMPORT, name: name.text, column: token.column };
      }
      case 'pragma':
        return { kind: VclDeclarationKind.PRAGMA, name: this.skipToSemicolon('pragma'), column: token.column };
      default: {
        const kind = NAMED_OBJECTS[token.text];
        if (kind === undefined) throw this.expected(token, DECLARATIONS_EXPECTED);
        const name = this.expectName(`a ${token.text} name`);
        // A director names its policy (`director pool random { … }`), a table its value type.
        if (kind !== VclDeclarationKind.BACKEND && this.peek().kind === 'name') this.advance();
        this.parseObjectBody(kind, `${token.text} ${name.text}`);
        return { kind, name: name.text, column: token.column };
      }
    }
  }

  /** `{ … }` of a backend, director, table, ACL, rate counter or penalty box. */
  private parseObjectBody(kind: VclDeclarationKind, what: string): void {
    const open = this.expectToken('lbrace', `"{" to open ${what}`);
    while (this.peek().kind !== 'rbrace') {
      const next = this.peek();
      if (next.kind === 'end') throw new VclSyntaxError(next.column, `missing "}" to close the "{" of ${what} at ${this.where(open.column)}`);
      if (kind === VclDeclarationKind.TABLE) this.parseTableEntry();
      else if (kind === VclDeclarationKind.ACL) this.parseAclEntry();
      else if (next.kind === 'lbrace') this.parseObjectBody(kind, `a member of ${what}`);
      else this.parseProperty(what);
    }
    this.advance();
    if (this.peek().kind === 'semicolon') this.advance();
  }

  /** `.name = value;` or `.name = { … }` */
  private parseProperty(what: string): void {
    const property = this.advance();
    if (property.kind !== 'property') throw this.expected(property, `a property such as .host in ${what}`);
    const assign = this.advance();
    if (assign.kind !== 'assign' || assign.text !== '=') throw this.expected(assign, `"=" after ${property.text}`);
    if (this.peek().kind === 'lbrace') {
      this.parseObjectBody(VclDeclarationKind.BACKEND, property.text);
      return;
    }
    this.parseExpression();
    // A director's quorum is a percentage: `.quorum = 50%;`.
    if (this.peekIsOperator('%')) this.advance();
    this.expectSemicolon(property.text);
  }

  /** `"key": value,` — the last comma may be left out. */
  private parseTableEntry(): void {
    const key = this.advance();
    if (key.kind !== 'string') throw this.expected(key, 'a table key (a string)');
    this.expectToken('colon', `":" after the table key ${key.text}`);
    this.parseExpression();
    if (this.peek().kind === 'comma') this.advance();
    else if (this.peek().kind !== 'rbrace') throw this.expected(this.peek(), '"," between table entries');
  }

  /** `"192.0.2.0"/24;` or `!"192.0.2.1";` */
  private parseAclEntry(): void {
    if (this.peekIsOperator('!')) this.advance();
    const address = this.advance();
    if (address.kind !== 'string') throw this.expected(address, 'an ACL entry such as "192.0.2.0"/24');
    if (this.peekIsOperator('/')) {
      this.advance();
      const bits = this.advance();
      if (bits.kind !== 'number') throw this.expected(bits, 'a prefix length after "/"');
    }
    this.expectSemicolon('the ACL entry');
  }

  private parseBlock(what: string): VclStatement[] {
    const open = this.expectToken('lbrace', `"{" to open ${what}`);
    const statements: VclStatement[] = [];
    while (this.peek().kind !== 'rbrace') {
      if (this.peek().kind === 'end') throw new VclSyntaxError(this.peek().column, `missing "}" to close the "{" of ${what} at ${this.where(open.column)}`);
      statements.push(this.parseVclStatement());
    }
    this.advance();
    return statements;
  }

  private parseVclStatement(): VclStatement {
    const token = this.peek();
    if (token.kind === 'macro') {
      this.advance();
      return { kind: VclStatementKind.MACRO, name: macroSubroutine(token), column: token.column };
    }
    if (token.kind !== 'name') throw this.expected(token, STATEMENTS_EXPECTED);
    const column = token.column;
    const following = this.peekAt(1);
    if (following.kind === 'open' && !STATEMENT_KEYWORDS.has(token.text)) return this.parseFunctionStatement();
    if (following.kind === 'colon') {
      this.advance();
      this.advance();
      return { kind: VclStatementKind.LABEL, name: token.text, column };
    }
    this.advance();
    switch (token.text) {
      case 'declare': return this.parseDeclare(column);
      case 'set': {
        const target = this.parseTarget('set');
        const operator = this.parseAssignment(target);
        const value = this.parseExpression();
        this.expectSemicolon(`the set statement at ${this.where(column)}`);
        return { kind: VclStatementKind.SET, column, target, operator, value };
      }
      case 'add': {
        const target = this.parseTarget('add');
        const assign = this.advance();
        if (assign.kind !== 'assign' || assign.text !== '=') throw this.expected(assign, `"=" after ${target.name}`);
        const value = this.parseExpression();
        this.expectSemicolon(`the add statement at ${this.where(column)}`);
        return { kind: VclStatementKind.ADD, column, target, value };
      }
      case 'unset':
      case 'remove': {
        const target = this.parseTarget(token.text);
        this.expectSemicolon(`${token.text} ${target.name}`);
        return { kind: VclStatementKind.UNSET, column, target };
      }
      case 'if': return this.parseIf(column);
      case 'return': return this.parseReturn(column);
      case 'call':
      case 'goto': {
        const name = this.expectName(token.text === 'call' ? 'a subroutine name' : 'a label');
        this.expectSemicolon(`${token.text} ${name.text}`);
        return { kind: token.text === 'call' ? VclStatementKind.CALL : VclStatementKind.GOTO, name: name.text, column };
      }
      case 'error': return this.parseError(column);
      case 'restart':
      case 'esi':
        this.expectSemicolon(token.text);
        return { kind: token.text === 'restart' ? VclStatementKind.RESTART : VclStatementKind.ESI, column };
      case 'synthetic':
      case 'synthetic.base64':
      case 'log': {
        const value = this.parseExpression();
        this.expectSemicolon(`the ${token.text} statement at ${this.where(column)}`);
        return { kind: token.text === 'log' ? VclStatementKind.LOG : VclStatementKind.SYNTHETIC, column, value };
      }
      case 'include':
        return { kind: VclStatementKind.INCLUDE, name: this.parseInclude(), column };
      default:
        throw this.expected(token, STATEMENTS_EXPECTED);
    }
  }

  private parseFunctionStatement(): VclFunctionStatement {
    const column = this.peek().column;
    const call = this.parseExpression();
    if (call.kind !== VclExpressionKind.CALL) throw new VclSyntaxError(column, 'expected a function call');
    this.expectSemicolon(`the call to ${call.name}`);
    return { kind: VclStatementKind.FUNCTION, column, call };
  }

  private parseDeclare(column: number): VclDeclareStatement {
    const local = this.advance();
    if (local.kind !== 'name' || local.text !== 'local') throw this.expected(local, '"local" after "declare"');
    const name = this.expectName('a variable name such as var.count');
    const type = this.expectName('a type such as STRING');
    this.expectSemicolon(`declare local ${name.text}`);
    return { kind: VclStatementKind.DECLARE, column, variable: { name: name.text, column: name.column }, type: type.text };
  }

  private parseTarget(keyword: string): VclTarget {
    const name = this.expectName(`a variable after "${keyword}"`);
    return { name: name.text, column: name.column };
  }

  private parseAssignment(target: VclTarget): string {
    const token = this.advance();
    if (token.kind === 'assign') return token.text;
    if (token.kind === 'name' && WORD_ASSIGNMENTS.has(token.text)) {
      const assign = this.advance();
      if (assign.kind === 'assign' && assign.text === '=') return `${token.text}=`;
    }
    throw this.expected(token, `"=" (or another assignment operator) after ${target.name}`);
  }

  private parseIf(column: number): VclIfStatement {
    const branches: VclBranch[] = [this.parseBranch('if')];
    let otherwise: VclStatement[] | undefined;
    for (;;) {
      const next = this.peek();
      if (next.kind !== 'name') break;
      if (ELSE_IF.has(next.text)) {
        this.advance();
        branches.push(this.parseBranch(next.text));
      } else if (next.text === 'else') {
        this.advance();
        if (this.peek().kind === 'name' && this.peek().text === 'if') {
          this.advance();
          branches.push(this.parseBranch('else if'));
        } else {
          otherwise = this.parseBlock('else');
          break;
        }
      } else {
        break;
      }
    }
    return { kind: VclStatementKind.IF, column, branches, otherwise };
  }

  private parseBranch(keyword: string): VclBranch {
    const open = this.expectToken('open', `"(" after "${keyword}"`);
    const condition = this.parseExpression();
    const close = this.peek();
    if (close.kind !== 'close') {
      if (close.kind === 'end' || close.kind === 'lbrace') throw new VclSyntaxError(close.column, `missing ")" to close the "(" at ${this.where(open.column)}`);
      throw this.unexpectedAfterOperand(close);
    }
    this.advance();
    return { condition, body: this.parseBlock(keyword) };
  }

  private parseReturn(column: number): VclReturnStatement {
    if (this.peek().kind === 'semicolon') {
      this.advance();
      return { kind: VclStatementKind.RETURN, column };
    }
    // `return(pass)`: an action in parentheses; anything else is a value.
    if (this.peek().kind === 'open' && this.peekAt(1).kind === 'name' && !this.peekAt(1).text.includes('.') && this.peekAt(2).kind === 'close') {
      this.advance();
      const action = this.advance();
      this.advance();
      this.expectSemicolon(`return(${action.text})`);
      return { kind: VclStatementKind.RETURN, column, action: action.text };
    }
    const value = this.parseExpression();
    this.expectSemicolon('the return statement');
    return { kind: VclStatementKind.RETURN, column, value };
  }

  private parseError(column: number): VclErrorStatement {
    if (this.peek().kind === 'semicolon') {
      this.advance();
      return { kind: VclStatementKind.ERROR, column };
    }
    // The status is one value; what follows it, adjacent strings included, is the response text.
    const status = this.parseUnary();
    const response = this.peek().kind === 'semicolon' ? undefined : this.parseExpression();
    this.expectSemicolon('the error statement');
    return { kind: VclStatementKind.ERROR, column, status, response };
  }

  private parseInclude(): string {
    const file = this.advance();
    if (file.kind !== 'string') throw this.expected(file, 'the name of the file to include, as a string');
    this.expectSemicolon(`include ${file.text}`);
    return file.contents ?? '';
  }

  private skipToSemicolon(what: string): string {
    const words: string[] = [];
    while (this.peek().kind !== 'semicolon') {
      if (this.peek().kind === 'end') throw new VclSyntaxError(this.peek().column, `missing ";" after ${what}`);
      words.push(this.advance().text);
    }
    this.advance();
    return words.join(' ');
  }

  private expectName(what: string): Token {
    const token = this.advance();
    if (token.kind !== 'name') throw this.expected(token, what);
    return token;
  }

  private expectToken(kind: Token['kind'], what: string): Token {
    const token = this.advance();
    if (token.kind !== kind) throw this.expected(token, what);
    return token;
  }

  /** A missing `;` is reported where the statement ends, before the token that follows it. */
  private expectSemicolon(what: string): void {
    const token = this.peek();
    if (token.kind === 'semicolon') {
      this.advance();
      return;
    }
    const previous = this.tokens[this.position - 1];
    const end = previous ? previous.column + previous.text.length : token.column;
    throw new VclSyntaxError(end, `missing ";" after ${what}, before ${describeToken(token)}`);
  }

  private expected(token: Token, what: string): VclSyntaxError {
    if (token.kind === 'invalid') return new VclSyntaxError(token.column, token.problem ?? `unexpected "${token.text}"`);
    return new VclSyntaxError(token.column, `expected ${what}, found ${describeToken(token)}`);
  }
}

function macroSubroutine(token: Token): string {
  return token.text.replace(/^#FASTLY\s+/i, '').toLowerCase();
}

function describeToken(token: Token): string {
  if (token.kind === 'end') return 'the end of the VCL';
  const text = token.text.length > 40 ? `${token.text.slice(0, 39)}…` : token.text;
  return token.kind === 'string' ? text : `"${text}"`;
}
