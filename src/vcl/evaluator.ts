import { parseVclExpression, VclCall, VclExpression, VclExpressionKind, VclMatch, VclString, VclSyntaxError } from './expression';
import { vclBackendIdentifier } from '../fastly/names';

/**
 * A request as a simulation sees it: what Fastly would know about it in `vcl_recv`, where request
 * conditions run. Everything a condition may read and that is not given here is reported as
 * unknown, never guessed.
 */
export interface SimulatedRequest {
  /**
   * The HTTP method (`req.method`, `req.request`).
   * @default "GET"
   */
  readonly method?: string;
  /** The request target as the client sent it: path and query string, e.g. `/api/users?page=2` (`req.url`). */
  readonly url: string;
  /**
   * Request headers by name; names are matched case-insensitively, as in VCL. A header that is not
   * here is "not set".
   * @default - no headers
   */
  readonly headers?: { [name: string]: string };
  /**
   * The client address (`client.ip`).
   * @default - unknown: conditions that read it are undecided
   */
  readonly clientIp?: string;
  /**
   * Geolocation fields by their VCL name after `client.geo.` or `geoip.`, e.g. `country_code`,
   * `continent_code`, `region`, `city`, `latitude`.
   * @default - unknown: conditions that read a geo field are undecided
   */
  readonly geo?: { [field: string]: string | number };
  /**
   * Whether the client connected with TLS (`req.is_ssl`).
   * @default - unknown: conditions that read it are undecided
   */
  readonly isSsl?: boolean;
  /**
   * How many times the request was restarted (`req.restarts`).
   * @default 0
   */
  readonly restarts?: number;
}

/** Which backends a simulation treats as sick. */
export interface BackendHealth {
  /**
   * Names of the backends that are unhealthy; every other backend is healthy. Read by
   * `backend.F_<name>.healthy`, where the identifier is matched the way Fastly derives it from the name.
   * @default - every backend is healthy
   */
  readonly unhealthy?: string[];
}

/** The outcome of evaluating a condition statement against a simulated request. */
export interface ConditionEvaluation {
  /** Whether the condition holds; undefined when the simulation cannot tell, or when it holds only by chance (see `reason`). */
  readonly value?: boolean;
  /** Why the value is undefined. */
  readonly reason?: string;
  /**
   * The share of such requests the condition holds for, when it rests on `randombool()` (which
   * draws anew for each request): above 0 and below 1; `value` is then undefined.
   * @default - the condition does not depend on chance
   */
  readonly probability?: number;
}

/**
 * Evaluates a Fastly condition statement (a VCL boolean expression) against a simulated request.
 * Comparisons follow VCL: header names are case-insensitive; a missing header is "not set", so `==`
 * with it is false and `!=` true, a regex sees it as the empty string, and a bare header reference
 * is true only when the header is present. Regexes run on JavaScript's engine instead of Fastly's
 * PCRE; options and escapes that JavaScript would read differently make the result undecided.
 *
 * Nothing is guessed: a variable the request does not give, or a function, variable or construct the
 * simulation does not model, makes the result undefined with a reason, unless the rest of the
 * expression decides it anyway (`false && …`).
 *
 * @param statement a condition's `statement`, e.g. `req.url ~ "^/api/"`
 * @param request what the simulation knows about the request
 * @param health which backends are sick, for `backend.F_<name>.healthy`
 */
export function evaluateCondition(statement: string, request: SimulatedRequest, health: BackendHealth = {}): ConditionEvaluation {
  let expression: VclExpression;
  try {
    expression = parseVclExpression(statement);
  } catch (error) {
    if (error instanceof VclSyntaxError) return { value: undefined, reason: `the statement is not valid VCL: ${error.message}` };
    throw error;
  }
  const truth = new Evaluator(statement, request, health).truthOf(expression);
  switch (truth.kind) {
    case 'UNKNOWN':
      return { value: undefined, reason: truth.reason };
    case 'CHANCE':
      return { value: undefined, probability: truth.probability, reason: `matches ${formatShare(truth.probability)} of such requests (randombool() draws anew for each request)` };
    default:
      return { value: truth.value };
  }
}

/** A share as a percentage with at most one decimal: 0.1 → "10%", 7/16 → "43.8%". */
function formatShare(share: number): string {
  return `${(share * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

// ---------------------------------------------------------------------------------------------
// Values

/** A STRING; `value` undefined is VCL's "not set", which differs from the empty string. */
interface StringValue {
  readonly kind: 'STRING';
  readonly value?: string;
}

/** INTEGER and FLOAT alike: conditions only compare them. */
interface NumberValue {
  readonly kind: 'NUMBER';
  readonly value: number;
}

interface BoolValue {
  readonly kind: 'BOOL';
  readonly value: boolean;
}

/** What the simulation cannot know or does not model, and why. */
interface UnknownValue {
  readonly kind: 'UNKNOWN';
  readonly reason: string;
}

/** A BOOL that is true for a share of requests (above 0, below 1): it rests on `randombool()`. */
interface ChanceValue {
  readonly kind: 'CHANCE';
  readonly probability: number;
}

type Value = StringValue | NumberValue | BoolValue | UnknownValue | ChanceValue;
type Truth = BoolValue | UnknownValue | ChanceValue;

const TRUE: BoolValue = { kind: 'BOOL', value: true };
const FALSE: BoolValue = { kind: 'BOOL', value: false };
const NOT_SET: StringValue = { kind: 'STRING' };

function bool(value: boolean): BoolValue {
  return value ? TRUE : FALSE;
}

function text(value: string | undefined): StringValue {
  return { kind: 'STRING', value };
}

function unknown(reason: string): UnknownValue {
  return { kind: 'UNKNOWN', reason };
}

/** A BOOL true with `probability`; 0 and 1 are decided. */
function chance(probability: number): BoolValue | ChanceValue {
  return probability <= 0 ? FALSE : probability >= 1 ? TRUE : { kind: 'CHANCE', probability };
}

/** The probability that a decided or chance BOOL is true. */
function probabilityOf(truth: BoolValue | ChanceValue): number {
  return truth.kind === 'CHANCE' ? truth.probability : truth.value ? 1 : 0;
}

const DEFAULT_METHOD = 'GET';
const HEADER_PREFIX = 'req.http.';
const GEO_PREFIXES = ['client.geo.', 'geoip.'];
/** `backend.<identifier>.healthy` */
const BACKEND_HEALTH = /^backend\.([A-Za-z0-9_]+)\.healthy$/;
/** Fastly's STRING literals carry arbitrary bytes as `%XX`; runs of them decode together, as UTF-8. */
const PERCENT_ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;
/** `%00` ends a Fastly string. */
const NUL = '\u0000';

/** The string functions the simulation models, and how many STRING arguments each takes. */
const STRING_FUNCTION_ARITY: { [name: string]: number } = {
  'std.prefixof': 2,
  'std.suffixof': 2,
  'std.strstr': 2,
  'std.strlen': 1,
  'std.tolower': 1,
  'std.toupper': 1,
};

/**
 * Walks one parsed statement. `&&` and `||` short-circuit as in VCL, so a `randombool()` behind a
 * decided operand is never read and does not make the result random. Each `randombool()` call
 * draws on its own, so chances combine as independent events.
 */
class Evaluator {
  private readonly source: string;
  private readonly request: SimulatedRequest;
  private readonly unhealthyIdentifiers: Set<string>;

  constructor(source: string, request: SimulatedRequest, health: BackendHealth) {
    this.source = source;
    this.request = request;
    this.unhealthyIdentifiers = new Set((health.unhealthy ?? []).map(vclBackendIdentifier));
  }

  /** A value in a place where VCL wants a BOOL: a STRING there tests whether it is set. */
  public truthOf(node: VclExpression): Truth {
    const value = this.valueOf(node);
    switch (value.kind) {
      case 'BOOL':
      case 'UNKNOWN':
      case 'CHANCE':
        return value;
      case 'STRING':
        return bool(value.value !== undefined);
      case 'NUMBER':
        return unknown(`a number (${value.value}) is not a condition; VCL needs a comparison here`);
    }
  }

  private valueOf(node: VclExpression): Value {
    switch (node.kind) {
      case VclExpressionKind.OR:
        return this.either(node.left, node.right);
      case VclExpressionKind.AND:
        return this.both(node.left, node.right);
      case VclExpressionKind.NOT: {
        const operand = this.truthOf(node.operand);
        return operand.kind === 'UNKNOWN' ? operand : chance(1 - probabilityOf(operand));
      }
      case VclExpressionKind.GROUP:
        return this.valueOf(node.expression);
      case VclExpressionKind.COMPARE:
        return compare(node.operator, this.valueOf(node.left), this.valueOf(node.right));
      case VclExpressionKind.MATCH:
        return this.match(node);
      case VclExpressionKind.CALL:
        return this.call(node);
      case VclExpressionKind.VARIABLE:
        return this.variable(node.name);
      case VclExpressionKind.STRING:
        return text(this.literal(node));
      case VclExpressionKind.NUMBER:
        return { kind: 'NUMBER', value: node.value };
      case VclExpressionKind.BOOL:
        return bool(node.value);
      case VclExpressionKind.DURATION:
        return unknown(`relative times such as ${node.text} are not simulated`);
      case VclExpressionKind.BACKEND:
        return unknown(`comparing with the backend ${node.name} is not simulated`);
      case VclExpressionKind.ACL:
        return unknown(`the ACL ${node.name} is not simulated`);
      // Condition statements cannot concatenate; only the programs of snippets can.
      case VclExpressionKind.CONCAT:
        return unknown('joining values into a string is not simulated');
    }
  }

  /** `||`: true as soon as one side is true, even when the other cannot be decided. */
  private either(left: VclExpression, right: VclExpression): Value {
    const first = this.truthOf(left);
    if (first.kind === 'BOOL' && first.value) return TRUE;
    const second = this.truthOf(right);
    if (second.kind === 'BOOL' && second.value) return TRUE;
    if (first.kind === 'UNKNOWN') return first;
    if (second.kind === 'UNKNOWN') return second;
    return chance(1 - (1 - probabilityOf(first)) * (1 - probabilityOf(second)));
  }

  /** `&&`: false as soon as one side is false, even when the other cannot be decided. */
  private both(left: VclExpression, right: VclExpression): Value {
    const first = this.truthOf(left);
    if (first.kind === 'BOOL' && !first.value) return FALSE;
    const second = this.truthOf(right);
    if (second.kind === 'BOOL' && !second.value) return FALSE;
    if (first.kind === 'UNKNOWN') return first;
    if (second.kind === 'UNKNOWN') return second;
    return chance(probabilityOf(first) * probabilityOf(second));
  }

  /**
   * `~` and `!~`. A not-set subject is matched as the empty string (what Fastly's regex functions
   * see; falco's simulator does the same).
   */
  private match(node: VclMatch): Value {
    if (node.pattern.kind === VclExpressionKind.ACL) return unknown(`matching against the ACL ${node.pattern.name} is not simulated`);
    const subject = this.valueOf(node.subject);
    if (subject.kind === 'UNKNOWN') return subject;
    if (subject.kind !== 'STRING') return unknown(`"~" needs a STRING on its left, got ${subject.kind}`);
    const regex = javaScriptRegExp(this.literal(node.pattern));
    if (typeof regex === 'string') return unknown(regex);
    return bool(regex.test(subject.value ?? '') !== node.negated);
  }

  private call(node: VclCall): Value {
    if (node.name === 'randombool') return this.randomBool(node);
    const arity = STRING_FUNCTION_ARITY[node.name];
    if (arity === undefined) return unknown(`the function ${node.name}() is not simulated`);
    if (node.arguments.length !== arity) return unknown(`${node.name}() takes ${arity} argument(s), got ${node.arguments.length}`);
    const values = node.arguments.map((argument) => this.valueOf(argument));
    const problem = values.find((value) => value.kind !== 'STRING');
    if (problem !== undefined) {
      return problem.kind === 'UNKNOWN' ? problem : unknown(`${node.name}() takes STRING arguments, got ${problem.kind}`);
    }
    const [first, second] = values.map((value) => (value as StringValue).value);
    return applyStringFunction(node.name, first, second);
  }

  /** `randombool(numerator, denominator)`: true for numerator/denominator of the requests, drawn anew for each. */
  private randomBool(node: VclCall): Value {
    if (node.arguments.length !== 2) return unknown(`randombool() takes 2 arguments, got ${node.arguments.length}`);
    const [numerator, denominator] = node.arguments.map((argument) => this.valueOf(argument));
    if (numerator.kind === 'UNKNOWN') return numerator;
    if (denominator.kind === 'UNKNOWN') return denominator;
    if (numerator.kind !== 'NUMBER' || denominator.kind !== 'NUMBER') return unknown('randombool() takes INTEGER arguments');
    if (denominator.value === 0) return unknown(`randombool(${numerator.value}, 0) has no probability: its denominator is 0`);
    return chance(numerator.value / denominator.value);
  }

  private variable(name: string): Value {
    if (name.startsWith(HEADER_PREFIX)) return this.header(name.slice(HEADER_PREFIX.length));
    const geoPrefix = GEO_PREFIXES.find((prefix) => name.startsWith(prefix));
    if (geoPrefix !== undefined) return this.geo(name, name.slice(geoPrefix.length));
    const backendHealth = BACKEND_HEALTH.exec(name);
    if (backendHealth !== null) return bool(!this.unhealthyIdentifiers.has(backendHealth[1]));
    const url = this.request.url;
    const path = url.split('?', 1)[0];
    switch (name) {
      case 'req.url':
        return text(url);
      case 'req.url.path':
        return text(path);
      case 'req.url.qs':
        return text(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
      case 'req.url.basename':
        return text(basename(path));
      case 'req.url.dirname':
        return text(dirname(path));
      case 'req.url.ext':
        return text(extension(basename(path)));
      case 'req.method':
      case 'req.request':
        return text(this.request.method ?? DEFAULT_METHOD);
      case 'req.restarts':
        return { kind: 'NUMBER', value: this.request.restarts ?? 0 };
      case 'req.is_ssl':
        return this.request.isSsl === undefined ? unknown('req.is_ssl is not given (set isSsl on the simulated request)') : bool(this.request.isSsl);
      case 'client.ip':
        return this.request.clientIp === undefined ? unknown('client.ip is not given (set clientIp on the simulated request)') : text(this.request.clientIp);
      default:
        return unknown(`the variable ${name} is not simulated`);
    }
  }

  /** Header names are case-insensitive in VCL; `Name:key` subfields are not modelled. */
  private header(name: string): Value {
    if (name.includes(':')) return unknown(`header subfields such as req.http.${name} are not simulated`);
    const wanted = name.toLowerCase();
    const match = Object.entries(this.request.headers ?? {}).find(([header]) => header.toLowerCase() === wanted);
    return match === undefined ? NOT_SET : text(match[1]);
  }

  private geo(variable: string, field: string): Value {
    const value = this.request.geo?.[field];
    if (value === undefined) return unknown(`${variable} is not given (set geo.${field} on the simulated request)`);
    return typeof value === 'number' ? { kind: 'NUMBER', value } : text(value);
  }

  /** The characters of a string literal: `"…"` decodes `%XX` escapes, a long string `{"…"}` is taken as written. */
  private literal(node: VclString): string {
    const isLongString = this.source[node.column - 1] === '{';
    if (isLongString) return node.value;
    const decoded = node.value.replace(PERCENT_ESCAPES, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
    const end = decoded.indexOf(NUL);
    return end < 0 ? decoded : decoded.slice(0, end);
  }
}

function compare(operator: string, left: Value, right: Value): Value {
  if (left.kind === 'UNKNOWN') return left;
  if (right.kind === 'UNKNOWN') return right;
  if (left.kind === 'CHANCE' || right.kind === 'CHANCE') return unknown(`comparing the result of randombool() with "${operator}" is not simulated`);
  if (left.kind !== right.kind) return unknown(`VCL cannot compare ${left.kind} with ${right.kind} using "${operator}"`);
  if (left.kind === 'NUMBER') return compareNumbers(operator, left.value, (right as NumberValue).value);
  if (operator !== '==' && operator !== '!=') return unknown(`VCL compares ${left.kind} values only with "==" and "!="`);
  const rightValue = (right as StringValue | BoolValue).value;
  // A not-set STRING equals nothing, not even another not-set one.
  const equal = left.value !== undefined && rightValue !== undefined && left.value === rightValue;
  return bool(equal === (operator === '=='));
}

function compareNumbers(operator: string, left: number, right: number): BoolValue {
  switch (operator) {
    case '==':
      return bool(left === right);
    case '!=':
      return bool(left !== right);
    case '<':
      return bool(left < right);
    case '>':
      return bool(left > right);
    case '<=':
      return bool(left <= right);
    default:
      return bool(left >= right);
  }
}

/** The string functions the simulation models. Not-set arguments read as the empty string. */
function applyStringFunction(name: string, first: string | undefined, second: string | undefined): Value {
  const subject = first ?? '';
  const other = second ?? '';
  switch (name) {
    case 'std.prefixof':
      return bool(subject.startsWith(other));
    case 'std.suffixof':
      return bool(subject.endsWith(other));
    case 'std.strstr': {
      // The rest of the haystack from the first occurrence; not set when there is none, so it is truthy when found.
      const index = subject.indexOf(other);
      return index < 0 ? NOT_SET : text(subject.slice(index));
    }
    case 'std.strlen':
      // Fastly counts bytes, not characters.
      return { kind: 'NUMBER', value: Buffer.byteLength(subject, 'utf8') };
    case 'std.tolower':
      return first === undefined ? NOT_SET : text(first.toLowerCase());
    default:
      return first === undefined ? NOT_SET : text(first.toUpperCase());
  }
}

// ---------------------------------------------------------------------------------------------
// URL parts, as Fastly derives them from the path (the part of req.url before "?").

/** The last path segment, ignoring trailing slashes: `/a/b.html` → `b.html`, `/a/b/` → `b`, `/` → `/`. */
function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** Everything before the last segment, without a trailing slash: `/a/b.html` → `/a`, `/a/b/` → `/a/b`, `/a` → `/`. */
function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  if (slash < 0) return '.';
  const directory = path.slice(0, slash).replace(/\/+$/, '');
  return directory === '' ? '/' : directory;
}

/** The file extension without the dot: `b.tar.gz` → `gz`, `README` → empty. */
function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1);
}

// ---------------------------------------------------------------------------------------------
// Regexes

/** PCRE options a pattern may open with, and the JavaScript flag for each. */
const LEADING_OPTIONS = /^\(\?([A-Za-z]+)\)/;
const JAVASCRIPT_FLAGS: { [pcreOption: string]: string } = { i: 'i', m: 'm', s: 's' };
/**
 * Escapes that mean the same in PCRE and JavaScript. Other letters differ (`\v` is a class in PCRE)
 * or are a plain letter to JavaScript without the `u` flag (`\A`, `\z`, `\h`), which would match
 * silently differently.
 */
const SHARED_ESCAPES = new Set([...'dDwWsSbBnrtf0123456789']);
const HEX_ESCAPE = /^x[0-9A-Fa-f]{2}/;

/** The pattern as a JavaScript RegExp, or why it cannot be simulated faithfully. */
function javaScriptRegExp(pattern: string): RegExp | string {
  let body = pattern;
  let flags = '';
  const options = LEADING_OPTIONS.exec(pattern);
  if (options !== null) {
    for (const option of options[1]) {
      const flag = JAVASCRIPT_FLAGS[option];
      if (flag === undefined) return `the regex option (?${option}) in "${pattern}" is not simulated`;
      flags += flag;
    }
    body = pattern.slice(options[0].length);
  }
  for (let index = 0; index < body.length; index++) {
    if (body[index] !== '\\') continue;
    const escaped = body.slice(index + 1);
    const isLetterOrDigit = /^[A-Za-z0-9]/.test(escaped);
    if (isLetterOrDigit && !SHARED_ESCAPES.has(escaped[0]) && !HEX_ESCAPE.test(escaped)) {
      return `the regex escape \\${escaped[0]} in "${pattern}" is not simulated (JavaScript reads it differently from PCRE)`;
    }
    index++;
  }
  try {
    return new RegExp(body, [...new Set(flags)].join(''));
  } catch {
    return `the regex "${pattern}" uses PCRE syntax that the simulation cannot run`;
  }
}
