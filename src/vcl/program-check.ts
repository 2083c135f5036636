/**
 * Checks VCL programs the way Fastly's compiler would when a service version is activated: the
 * statements of a snippet in the subroutine its type names, and the declarations of a custom VCL
 * file or an `init` snippet. Syntax first; then every variable a statement reads, sets, adds or
 * unsets (known, allowed in the subroutine, a local declared where Fastly makes it visible) and
 * every function (known; returning a value where one is used).
 */

import { VclExpression, VclSyntaxError } from './expression';
import {
  parseVclDeclarations,
  parseVclStatements,
  positionIn,
  VclDeclaration,
  VclDeclarationKind,
  VclStatement,
  VclStatementKind,
  walkVclStatements,
} from './statements';
import { calledFunctionProblem, isLocal, LOCAL_TYPES, operationProblem, programExpressionProblems, UseProblem, VclScope } from './variables';

/** The subroutine (as `data/vcl-variables.json` names it) each snippet type is pasted into. */
export const SNIPPET_SUBROUTINES: { readonly [type: string]: string } = {
  recv: 'RECV', hash: 'HASH', hit: 'HIT', miss: 'MISS', pass: 'PASS', fetch: 'FETCH', error: 'ERROR', deliver: 'DELIVER', log: 'LOG',
};

/** Snippet types that hold declarations rather than statements: `init` is pasted at the top level of the VCL. */
const DECLARATION_SNIPPETS = new Set(['init']);

/**
 * Locals Fastly's generated code declares before the snippets of a subroutine run: generated
 * `vcl_recv` declares `var.fastly_req_do_shield` (whether the request goes to its shield) just before
 * the recv snippets, as Fastly's generated VCL published in public repositories shows (e.g.
 * thechangelog/changelog.com), and snippets set it to keep requests from the shield.
 */
const GENERATED_LOCALS: { readonly [subroutine: string]: readonly string[] } = { RECV: ['var.fastly_req_do_shield'] };

/** What is wrong in a piece of VCL, and where. */
export interface VclProblem {
  /** `syntax`, `variable` or `function`. */
  readonly kind: 'syntax' | 'variable' | 'function';
  /** 1-based line in the VCL source. */
  readonly line: number;
  /** 1-based column in that line. */
  readonly column: number;
  /** What the problem is about: the variable or function name, or the text where parsing stopped. */
  readonly subject: string;
  readonly detail: string;
}

/**
 * The locals declared around a piece of VCL in a subroutine: by other snippets of the same type,
 * and by the service's custom VCL. Undefined when they cannot be known (custom VCL only known at
 * deploy time); every local is then taken as declared.
 */
export type LocalsAround = (subroutine: string) => ReadonlySet<string> | undefined;

/**
 * Checks a snippet: the statements of a subroutine's snippet in that subroutine, the declarations of
 * an `init` snippet, and a `none` snippet (included by hand, anywhere) without a subroutine's scope.
 */
export function checkVclSnippet(source: string, type: string, localsAround: LocalsAround): VclProblem[] {
  if (DECLARATION_SNIPPETS.has(type)) return checkVclFile(source, localsAround);
  const subroutine = SNIPPET_SUBROUTINES[type];
  let statements: VclStatement[];
  try {
    statements = parseVclStatements(source);
  } catch (error) {
    // A `none` snippet is included by hand, at the top level or inside a subroutine.
    if (subroutine === undefined && error instanceof VclSyntaxError && declarationsParse(source)) return [];
    return [syntaxProblem(source, error)];
  }
  const scope: VclScope = subroutine === undefined
    ? { subroutines: [] }
    : { subroutines: [subroutine], locals: withLocals(localsAround(subroutine), declaredIn(statements), GENERATED_LOCALS[subroutine]) };
  return statementProblems(source, statements, scope);
}

/** A custom VCL file, or an `init` snippet: each subroutine in its own scope (`vcl_recv` in RECV, custom ones anywhere). */
export function checkVclFile(source: string, localsAround: LocalsAround): VclProblem[] {
  let declarations: VclDeclaration[];
  try {
    declarations = parseVclDeclarations(source);
  } catch (error) {
    return [syntaxProblem(source, error)];
  }
  return declarations.filter((declaration) => declaration.kind === VclDeclarationKind.SUBROUTINE).flatMap((declaration) => {
    const body = declaration.body ?? [];
    const subroutine = builtInSubroutine(declaration.name);
    const scope: VclScope = subroutine === undefined
      ? { subroutines: [], locals: declaredIn(body) }
      : { subroutines: [subroutine], locals: withLocals(localsAround(subroutine), declaredIn(body), GENERATED_LOCALS[subroutine]) };
    return statementProblems(source, body, scope);
  });
}

/** The key of `localsDeclared` for a `none` snippet, which custom VCL may include in any subroutine. */
export const ANY_SUBROUTINE = '*';

/**
 * The locals a snippet declares, or a custom VCL file declares in each of Fastly's subroutines, by
 * subroutine (`ANY_SUBROUTINE` for a `none` snippet). VCL that does not parse declares nothing (its
 * syntax error is reported by itself).
 */
export function localsDeclared(source: string, snippetType?: string): Map<string, Set<string>> {
  const declared = new Map<string, Set<string>>();
  try {
    if (snippetType !== undefined && !DECLARATION_SNIPPETS.has(snippetType)) {
      declared.set(SNIPPET_SUBROUTINES[snippetType] ?? ANY_SUBROUTINE, declaredIn(parseVclStatements(source)));
      return declared;
    }
    for (const declaration of parseVclDeclarations(source)) {
      const subroutine = declaration.kind === VclDeclarationKind.SUBROUTINE ? builtInSubroutine(declaration.name) : undefined;
      if (subroutine !== undefined) declared.set(subroutine, declaredIn(declaration.body ?? []));
    }
  } catch (error) {
    if (!(error instanceof VclSyntaxError)) throw error;
  }
  return declared;
}

function builtInSubroutine(name: string): string | undefined {
  const type = /^vcl_([a-z]+)$/.exec(name)?.[1];
  return type === undefined ? undefined : SNIPPET_SUBROUTINES[type];
}

function declarationsParse(source: string): boolean {
  try {
    parseVclDeclarations(source);
    return true;
  } catch (error) {
    if (error instanceof VclSyntaxError) return false;
    throw error;
  }
}

function declaredIn(statements: VclStatement[]): Set<string> {
  const locals = new Set<string>();
  walkVclStatements(statements, (statement) => {
    if (statement.kind === VclStatementKind.DECLARE) locals.add(statement.variable.name);
  });
  return locals;
}

function withLocals(around: ReadonlySet<string> | undefined, ...more: Array<Iterable<string> | undefined>): ReadonlySet<string> | undefined {
  return around === undefined ? undefined : new Set([...around, ...more.flatMap((locals) => [...locals ?? []])]);
}

function statementProblems(source: string, statements: VclStatement[], scope: VclScope): VclProblem[] {
  const problems: UseProblem[] = [];
  const expression = (value: VclExpression | undefined) => {
    if (value !== undefined) problems.push(...programExpressionProblems(value, scope));
  };
  walkVclStatements(statements, (statement) => {
    switch (statement.kind) {
      case VclStatementKind.DECLARE:
        problems.push(...declarationProblems(statement.variable, statement.type));
        break;
      case VclStatementKind.SET:
      case VclStatementKind.ADD: {
        const problem = operationProblem(statement.target, statement.kind === VclStatementKind.SET ? 'set' : 'add', scope);
        if (problem) problems.push(problem);
        expression(statement.value);
        break;
      }
      case VclStatementKind.UNSET: {
        const problem = operationProblem(statement.target, 'unset', scope);
        if (problem) problems.push(problem);
        break;
      }
      case VclStatementKind.IF:
        statement.branches.forEach((branch) => expression(branch.condition));
        break;
      case VclStatementKind.RETURN:
        expression(statement.value);
        break;
      case VclStatementKind.ERROR:
        expression(statement.status);
        expression(statement.response);
        break;
      case VclStatementKind.SYNTHETIC:
      case VclStatementKind.LOG:
        expression(statement.value);
        break;
      case VclStatementKind.FUNCTION: {
        const problem = calledFunctionProblem(statement.call);
        if (problem) problems.push(problem);
        statement.call.arguments.forEach(expression);
        break;
      }
      default:
        break;
    }
  });
  return problems.sort((a, b) => a.column - b.column).map((problem) => {
    const position = positionIn(source, problem.column);
    return { kind: problem.kind, line: position.line, column: position.column, subject: problem.name, detail: problem.detail };
  });
}

function declarationProblems(variable: { name: string; column: number }, type: string): UseProblem[] {
  const problems: UseProblem[] = [];
  if (!isLocal(variable.name)) {
    problems.push({ column: variable.column, name: variable.name, kind: 'variable', detail: `a local's name starts with "var.", as in var.${variable.name}` });
  }
  if (!LOCAL_TYPES.includes(type)) {
    problems.push({ column: variable.column, name: variable.name, kind: 'variable', detail: `unknown type "${type}"; a local is one of ${LOCAL_TYPES.join(', ')}` });
  }
  return problems;
}

function syntaxProblem(source: string, error: unknown): VclProblem {
  if (!(error instanceof VclSyntaxError)) throw error;
  const position = positionIn(source, error.column);
  // Where parsing stopped, or for a missing ";" the text after the gap.
  const subject = /^\s*(\S{0,40})/.exec(source.slice(error.column - 1))?.[1] ?? '';
  return { kind: 'syntax', line: position.line, column: position.column, subject, detail: error.detail };
}
