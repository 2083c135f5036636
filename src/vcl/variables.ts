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
 * headers in `vcl_deliver` and logging endpoints in `vcl_log`, and Fastly does not say which use a
 * condition will get, so both must compile.
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
}

/**
 * Checks a condition statement the way Fastly's VCL compiler would: its syntax, then every variable
 * (known, and readable in the subroutines the condition type runs in) and every function (known, and
 * returning a value). Returns the problems in column order; none means the statement is fine.
 *
 * @param statement the condition's VCL expression, without `if ( … )`
 * @param type one of the keys of `CONDITION_SUBROUTINES`
 * @throws Error when `type` is not a condition type, as that is a programming error, not a statement problem
 */
export function checkConditionStatement(statement: string, type: string): StatementProblem[] {
  if (!Object.hasOwn(CONDITION_SUBROUTINES, type)) {
    throw new Error(`unknown condition type "${type}" (allowed: ${Object.keys(CONDITION_SUBROUTINES).join(', ')})`);
  }
  let expression: VclExpression;
  try {
    expression = parseVclExpression(statement);
  } catch (error) {
    if (error instanceof VclSyntaxError) return [{ column: error.column, message: error.message }];
    throw error;
  }
  const problems: StatementProblem[] = [];
  const declaredNameColumns = new Set<number>();
  walkVclExpression(expression, (node) => {
    if (node.kind !== VclExpressionKind.CALL) return;
    const problem = functionProblem(node);
    if (problem !== undefined) problems.push(problem);
    declaredNamesPassedTo(node).forEach((column) => declaredNameColumns.add(column));
  });
  for (const reference of variablesOf(expression)) {
    if (declaredNameColumns.has(reference.column)) continue;
    const problem = variableProblem(reference, type);
    if (problem !== undefined) problems.push(problem);
  }
  return problems.sort((a, b) => a.column - b.column);
}

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

function variableProblem(reference: VclVariableReference, type: string): StatementProblem | undefined {
  const record = lookUpVariable(reference.name);
  if (record === undefined) {
    return problemAt(reference.column, `unknown variable "${reference.name}"${didYouMean(closestSpelling(reference.name, variableSpellings(reference.name)))}`);
  }
  const conditionSubroutines = CONDITION_SUBROUTINES[type];
  if (conditionSubroutines.every((subroutine) => record.readableIn.includes(subroutine))) return undefined;
  const typesThatCanRead = Object.keys(CONDITION_SUBROUTINES)
    .filter((candidate) => CONDITION_SUBROUTINES[candidate].every((subroutine) => record.readableIn.includes(subroutine)));
  const whoCanUseIt = typesThatCanRead.length > 0 ? ` (${listed(typesThatCanRead)} conditions)` : ', so no condition type can use it';
  return problemAt(reference.column, `"${reference.name}" cannot be read in a ${type} condition (${subroutineNames(conditionSubroutines)}); `
    + `it is readable in ${subroutineNames(record.readableIn)}${whoCanUseIt}`);
}

function functionProblem(call: VclCall): StatementProblem | undefined {
  const record = language().functions.get(call.name);
  if (record === undefined) {
    return problemAt(call.column, `unknown function "${call.name}"${didYouMean(closestSpelling(call.name, language().functions.keys()))}`);
  }
  if (record.returns === NO_VALUE) return problemAt(call.column, `"${call.name}" returns no value, so a condition cannot test it`);
  return undefined;
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

function problemAt(column: number, detail: string): StatementProblem {
  return { column, message: `column ${column}: ${detail}` };
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
