import * as fs from 'fs';
import * as path from 'path';
import {
  parseVclExpression,
  variablesOf,
  VclCall,
  VclExpression,
  VclExpressionKind,
  VclSyntaxError,
  VclVariableReference,
  walkVclExpression,
} from './expression';
import { editDistance } from '../fastly/spelling';

/**
 * The subroutines each condition type runs in, by the names `data/vcl-variables.json` uses.
 * A statement may only read variables readable in all of them: RESPONSE conditions guard response
 * headers in `vcl_deliver` and logging endpoints in `vcl_log`, so one that both use must compile in
 * both (the service's rules narrow it to the subroutines of its actual uses).
 */
export const CONDITION_SUBROUTINES: { [type: string]: string[] } = {
  REQUEST: ['RECV'],
  CACHE: ['FETCH'],
  RESPONSE: ['DELIVER', 'LOG'],
  PREFETCH: ['MISS', 'PASS'],
};

/** Something in a condition statement that Fastly would reject when compiling the service's VCL. */
export interface StatementProblem {
  /** 1-based column in the statement where the problem starts. */
  readonly column: number;
  /** The problem, starting with `column <n>: `, ready to show as is. */
  readonly message: string;
  /** A syntax error; every other problem comes from the library's tables of VCL variables and functions. */
  readonly syntax: boolean;
}

/**
 * Where VCL runs, for checking the variables and functions it uses: a condition's subroutines, or
 * the subroutine of a snippet or of a subroutine in a custom VCL file.
 */
export interface VclScope {
  /** The subroutines the code runs in, by the names `data/vcl-variables.json` uses; every use must be allowed in all of them. Empty when not known. */
  readonly subroutines: string[];
  /**
   * The local variables (`var.…`) declared where the code runs. Undefined when that cannot be
   * known (a custom VCL file only known at deploy time), and every local is then taken as declared.
   */
  readonly locals?: ReadonlySet<string>;
}

/** A problem with a name the code uses: where it is, the name, and what is wrong. */
export interface UseProblem {
  /** 1-based column (offset + 1) in the source. */
  readonly column: number;
  /** The variable or function name. */
  readonly name: string;
  /** `variable` or `function`. */
  readonly kind: 'variable' | 'function';
  readonly detail: string;
}

/**
 * Checks a condition statement the way Fastly's VCL compiler would: its syntax, then every variable
 * (known, and readable in the subroutines the condition type runs in; a local declared there) and
 * every function (known, and returning a value). Returns the problems in column order; none means
 * the statement is fine.
 *
 * @param statement the condition's VCL expression, without `if ( … )`
 * @param type one of the keys of `CONDITION_SUBROUTINES`
 * @param where where the condition runs: the subroutines of its uses (by default all its type runs in,
 *   `CONDITION_SUBROUTINES`) and the locals declared there (by default none; see `VclScope.locals`)
 * @throws Error when `type` is not a condition type, as that is a programming error, not a statement problem
 */
export function checkConditionStatement(statement: string, type: string, where: Partial<VclScope> = { locals: new Set() }): StatementProblem[] {
  if (!Object.hasOwn(CONDITION_SUBROUTINES, type)) {
    throw new Error(`unknown condition type "${type}" (allowed: ${Object.keys(CONDITION_SUBROUTINES).join(', ')})`);
  }
  let expression: VclExpression;
  try {
    expression = parseVclExpression(statement);
  } catch (error) {
    if (error instanceof VclSyntaxError) return [{ column: error.column, message: error.message, syntax: true }];
    throw error;
  }
  const scope = { subroutines: where.subroutines ?? CONDITION_SUBROUTINES[type], locals: where.locals };
  return expressionProblems(expression, scope, conditionType(type, scope.subroutines))
    .map((problem) => ({ column: problem.column, message: `column ${problem.column}: ${problem.detail}`, syntax: false }));
}

/**
 * How code reads: as a condition of a type, whose messages name the condition types that could read
 * a variable; or as a program, where a bare name (`F_origin`, a table) is a declared object.
 */
interface Reader {
  /** Where the code runs, for messages: `a REQUEST condition (vcl_recv)` or `vcl_recv`. */
  readonly where: string;
  /** Whether bare names are declared objects rather than variables. */
  readonly declaredObjects: boolean;
  /** What a function without a value cannot be used for. */
  readonly noValue: string;
  /** Who could read what this reader cannot, for messages. */
  whoCanRead(record: VariableRecord): string;
}

function conditionType(type: string, subroutines: string[]): Reader {
  return {
    where: `a ${type} condition (${subroutineNames(subroutines)})`,
    whoCanRead: (record) => {
      const types = Object.keys(CONDITION_SUBROUTINES)
        .filter((candidate) => CONDITION_SUBROUTINES[candidate].every((subroutine) => record.readableIn.includes(subroutine)));
      // A RESPONSE condition that only response headers, or only logging endpoints, use runs in one subroutine.
      const narrowed = types.includes('RESPONSE') ? [] : RESPONSE_USES.filter(([subroutine]) => record.readableIn.includes(subroutine))
        .map(([, users]) => `RESPONSE conditions that only ${users} use`);
      const readers = [...types.length > 0 ? [`${listed(types)} conditions`] : [], ...narrowed];
      return readers.length > 0 ? ` (${readers.join('; ')})` : ', so no condition type can use it';
    },
    declaredObjects: false,
    noValue: 'so a condition cannot test it',
  };
}

const RESPONSE_USES: Array<[string, string]> = [['DELIVER', 'response headers'], ['LOG', 'logging endpoints']];

function program(scope: VclScope): Reader {
  return {
    where: scope.subroutines.length > 0 ? subroutineNames(scope.subroutines) : 'this subroutine',
    whoCanRead: () => '',
    declaredObjects: true,
    noValue: 'so it can only be called as a statement',
  };
}

/**
 * The problems with the names an expression of a program uses: variables known and readable where
 * the code runs, locals declared, functions known and returning a value.
 */
export function programExpressionProblems(expression: VclExpression, scope: VclScope): UseProblem[] {
  return expressionProblems(expression, scope, program(scope));
}

function expressionProblems(expression: VclExpression, scope: VclScope, reader: Reader): UseProblem[] {
  const problems: UseProblem[] = [];
  const declaredNameColumns = new Set<number>();
  walkVclExpression(expression, (node) => {
    if (node.kind !== VclExpressionKind.CALL) return;
    const problem = functionProblem(node, reader);
    if (problem !== undefined) problems.push(problem);
    declaredNamesPassedTo(node).forEach((column) => declaredNameColumns.add(column));
  });
  for (const reference of variablesOf(expression)) {
    if (declaredNameColumns.has(reference.column) || (reader.declaredObjects && !reference.name.includes('.'))) continue;
    const problem = readProblem(reference, scope, reader);
    if (problem !== undefined) problems.push(problem);
  }
  return problems.sort((a, b) => a.column - b.column);
}

/** What a statement does with a variable it names. */
export type VariableOperation = 'set' | 'add' | 'unset';

/**
 * The problem with `set`, `add` or `unset` of a variable where the code runs: the variable must exist,
 * allow the operation in every subroutine of the scope, and a local must be declared.
 */
export function operationProblem(target: VclVariableReference, operation: VariableOperation, scope: VclScope): UseProblem | undefined {
  const problem = (detail: string): UseProblem => ({ column: target.column, name: target.name, kind: 'variable', detail });
  if (isLocal(target.name)) {
    if (operation === 'add') return problem(`"add" only adds HTTP headers; use "set" for the local "${target.name}"`);
    return operation === 'set' ? undeclaredLocal(target, scope, 'set') : undefined;
  }
  const record = lookUpVariable(target.name);
  if (record === undefined) return unknownVariable(target);
  if (operation === 'add' && !/\.http\./.test(target.name)) return problem(`"add" only adds HTTP headers; use "set" for "${target.name}"`);
  const allowedIn = (operation === 'unset' ? record.unsettableIn : record.writableIn) ?? [];
  if (allowedIn.length === 0) return problem(`"${target.name}" cannot be ${operation === 'unset' ? 'unset' : 'set'} in any subroutine; it is read-only`);
  if (scope.subroutines.every((subroutine) => allowedIn.includes(subroutine))) return undefined;
  return problem(`"${target.name}" cannot be ${operation === 'unset' ? 'unset' : 'set'} in ${subroutineNames(scope.subroutines)}; `
    + `it can be in ${subroutineNames(allowedIn)}`);
}

/** The problem with a function called as a statement: it must exist. */
export function calledFunctionProblem(call: VclCall): UseProblem | undefined {
  const record = language().functions.get(call.name);
  return record === undefined ? unknownFunction(call) : undefined;
}

/** Whether a name is a local variable, which a subroutine declares with `declare local`. */
export function isLocal(name: string): boolean {
  return name.startsWith('var.');
}

/** The types a local can be declared with (Fastly's VCL reference, "declare local"). */
export const LOCAL_TYPES = ['BOOL', 'FLOAT', 'INTEGER', 'IP', 'RTIME', 'STRING', 'TIME', 'BACKEND'];

// ---------------------------------------------------------------------------------------------
// The data table

const LANGUAGE_FILE = path.join(__dirname, '..', '..', 'data', 'vcl-variables.json');
/** In a variable pattern, a segment standing for any one name (header, backend, director, rate counter). */
const WILDCARD_SEGMENT = '*';
/** The return type of statement-only functions. */
const NO_VALUE = 'VOID';

interface VariableRecord {
  readonly name: string;
  readonly type: string;
  readonly readableIn: string[];
  /** Where `set` (and, for headers, `add`) may change it. */
  readonly writableIn?: string[];
  /** Where `unset` may remove it. */
  readonly unsettableIn?: string[];
}

interface FunctionRecord {
  readonly name: string;
  readonly returns: string;
  /** Positions of arguments that name a declared object (table, ACL, backend, `req`…) instead of a value. */
  readonly declaredNameArguments?: number[];
}

interface LanguageFile {
  readonly variables: VariableRecord[];
  readonly functions: FunctionRecord[];
}

/** A variable family such as `req.http.*`, split at the dots. */
interface VariablePattern {
  readonly segments: string[];
  readonly record: VariableRecord;
}

interface Language {
  readonly variables: Map<string, VariableRecord>;
  readonly patterns: VariablePattern[];
  readonly functions: Map<string, FunctionRecord>;
}

let loadedLanguage: Language | undefined;

/** Read on first use so that importing the package does not cost a file read. */
function language(): Language {
  loadedLanguage ??= indexLanguage(JSON.parse(fs.readFileSync(LANGUAGE_FILE, 'utf8')) as LanguageFile);
  return loadedLanguage;
}

function indexLanguage(file: LanguageFile): Language {
  const isPattern = (record: VariableRecord) => record.name.split('.').includes(WILDCARD_SEGMENT);
  return {
    variables: new Map(file.variables.filter((record) => !isPattern(record)).map((record) => [record.name, record])),
    patterns: file.variables.filter(isPattern).map((record) => ({ segments: record.name.split('.'), record })),
    functions: new Map(file.functions.map((record) => [record.name, record])),
  };
}

/** Whether `name` is a VCL variable Fastly predefines (`now`, `req.url`, `req.http.X`, …). */
export function isVclVariable(name: string): boolean {
  return lookUpVariable(name) !== undefined;
}

/** Header names are case-insensitive and backends can have any name, so families match by pattern. */
function lookUpVariable(name: string): VariableRecord | undefined {
  const { variables, patterns } = language();
  const exact = variables.get(name);
  if (exact !== undefined) return exact;
  const segments = name.split('.');
  return patterns.find((pattern) => pattern.segments.length === segments.length
    && pattern.segments.every((segment, index) => segment === WILDCARD_SEGMENT || segment === segments[index]))?.record;
}

// ---------------------------------------------------------------------------------------------
// Checks

function readProblem(reference: VclVariableReference, scope: VclScope, reader: Reader): UseProblem | undefined {
  if (isLocal(reference.name)) return undeclaredLocal(reference, scope, 'read');
  const record = lookUpVariable(reference.name);
  if (record === undefined) return unknownVariable(reference);
  if (scope.subroutines.every((subroutine) => record.readableIn.includes(subroutine))) return undefined;
  const readableIn = record.readableIn.length > 0 ? `it is readable in ${subroutineNames(record.readableIn)}` : 'it can only be set';
  return {
    column: reference.column,
    name: reference.name,
    kind: 'variable',
    detail: `"${reference.name}" cannot be read in ${reader.where}; ${readableIn}${reader.whoCanRead(record)}`,
  };
}

/** Locals exist only in the subroutine that declares them; snippets of one type share their subroutine. */
function undeclaredLocal(reference: VclVariableReference, scope: VclScope, use: 'read' | 'set'): UseProblem | undefined {
  if (scope.locals === undefined || scope.locals.has(reference.name)) return undefined;
  const where = scope.subroutines.length > 0 ? subroutineNames(scope.subroutines) : 'this subroutine';
  return {
    column: reference.column,
    name: reference.name,
    kind: 'variable',
    detail: `the local "${reference.name}" is not declared in ${where}, so it cannot be ${use} there; `
      + `declare it with "declare local ${reference.name} STRING;" (or its type) in a snippet of that subroutine`,
  };
}

function unknownVariable(reference: VclVariableReference): UseProblem {
  return {
    column: reference.column,
    name: reference.name,
    kind: 'variable',
    detail: `unknown variable "${reference.name}"${didYouMean(closestSpelling(reference.name, variableSpellings(reference.name)))}`,
  };
}

function functionProblem(call: VclCall, reader: Reader): UseProblem | undefined {
  const record = language().functions.get(call.name);
  if (record === undefined) return unknownFunction(call);
  if (record.returns === NO_VALUE) return { column: call.column, name: call.name, kind: 'function', detail: `"${call.name}" returns no value, ${reader.noValue}` };
  return undefined;
}

function unknownFunction(call: VclCall): UseProblem {
  return {
    column: call.column,
    name: call.name,
    kind: 'function',
    detail: `unknown function "${call.name}"${didYouMean(closestSpelling(call.name, language().functions.keys()))}`,
  };
}

/**
 * Columns of the arguments that name a table, ACL, backend or header object. The parser cannot tell
 * `t` in `table.contains(t, req.url)` from a variable; the function's signature can. Dotted names
 * there (`req.headers`) are still variables and are checked as such.
 */
function declaredNamesPassedTo(call: VclCall): number[] {
  const positions = language().functions.get(call.name)?.declaredNameArguments ?? [];
  return positions
    .map((position) => call.arguments[position])
    .filter((argument) => argument?.kind === VclExpressionKind.VARIABLE && !argument.name.includes('.'))
    .map((argument) => argument.column);
}

function subroutineNames(subroutines: string[]): string {
  return listed(subroutines.map((subroutine) => `vcl_${subroutine.toLowerCase()}`));
}

function listed(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Suggestions

function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `; did you mean "${suggestion}"?`;
}

/**
 * Known names, plus each family filled in with the user's own segments, so that `req.htp.Host` is
 * compared with `req.http.Host` and the suggestion keeps the header the user meant.
 */
function variableSpellings(name: string): string[] {
  const { variables, patterns } = language();
  const segments = name.split('.');
  const filledPatterns = patterns
    .filter((pattern) => pattern.segments.length === segments.length)
    .map((pattern) => pattern.segments.map((segment, index) => (segment === WILDCARD_SEGMENT ? segments[index] : segment)).join('.'));
  return [...variables.keys(), ...filledPatterns];
}

/** Names that continue after these are the same word cut short: `client.geo.country` for `…_code`. */
const NAME_CONTINUATIONS = new Set(['_', '.']);

/** The first of the closest candidates, if it is close enough to be a typo rather than another name. */
function closestSpelling(wanted: string, candidates: Iterable<string>): string | undefined {
  const typoTolerance = Math.max(2, Math.floor(wanted.length / 4));
  const wantedLower = wanted.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    const isCutShort = candidateLower.startsWith(wantedLower) && NAME_CONTINUATIONS.has(candidateLower[wantedLower.length]);
    const distance = isCutShort ? 1 : editDistance(wantedLower, candidateLower);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= typoTolerance ? best : undefined;
}
