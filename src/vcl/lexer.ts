/**
 * The tokens of VCL source: names, string and number literals, operators and punctuation, each
 * with the 1-based column (offset + 1) where it starts. A condition statement is one expression; a
 * program (a snippet, a custom VCL file) also has statements, declarations and comments.
 */

export type TokenKind = 'name' | 'string' | 'number' | 'operator' | 'open' | 'close' | 'comma' | 'end' | 'invalid'
  // In programs only:
  | 'lbrace' | 'rbrace' | 'semicolon' | 'colon' | 'assign' | 'property' | 'macro';

/** What is being read: one condition expression, or a whole program. */
export type SourceKind = 'condition' | 'program';

export interface Token {
  readonly kind: TokenKind;
  /** The source text; for strings including the quotes. */
  readonly text: string;
  /** 1-based. */
  readonly column: number;
  /** For strings: the characters between the quotes. */
  readonly contents?: string;
  /** For durations: the unit suffix. */
  readonly unit?: string;
  /** For invalid tokens: why the text cannot be read. */
  readonly problem?: string;
}

/** Longest first, so that `!=` is not read as `!` followed by `=`. */
const OPERATORS = ['==', '!=', '!~', '<=', '>=', '&&', '||', '~', '<', '>', '!'];
const PUNCTUATION: { [character: string]: TokenKind } = { '(': 'open', ')': 'close', ',': 'comma' };
/** `set` operators (Fastly's VCL reference, "Operators"), longest first; `rol=` and `ror=` are read as a name and `=`. */
const ASSIGNMENTS = ['<<=', '>>=', '||=', '&&=', '+=', '-=', '*=', '/=', '%=', '|=', '&=', '^=', '='];
/** Concatenation, an ACL entry's prefix length and a director's quorum percentage. */
const PROGRAM_OPERATORS = ['+', '/', '%'];
const PROGRAM_PUNCTUATION: { [character: string]: TokenKind } = { ...PUNCTUATION, '{': 'lbrace', '}': 'rbrace', ';': 'semicolon', ':': 'colon' };
/** A comment that marks where Fastly inserts its generated code and the snippets of a subroutine. */
const MACRO = /#FASTLY[ \t]+[a-z_]+/iy;

/** Characters people bring from other languages, and what VCL wants instead. */
const CHARACTER_HINTS: { [character: string]: string } = {
  '=': 'use "==" to compare',
  '&': 'use "&&" for "and"',
  '|': 'use "||" for "or"',
  '+': 'a condition cannot concatenate strings',
  '-': 'only a number can be negated, as in -1',
  ';': 'a condition is a single expression, without ";"',
  '{': 'a condition is a bare expression, without braces',
};

/** RTIME suffixes; `ms` before `m` so that `100ms` is not read as 100 minutes followed by `s`. */
const DURATION_UNITS = ['ms', 's', 'm', 'h', 'd', 'w', 'y'];

/** Fastly lets a long string pick a delimiter, `{JSON"…"JSON}`, so that it may contain `"}`. */
const LONG_STRING_DELIMITER = /[A-Za-z0-9_]*/y;

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

function isNameStart(character: string): boolean {
  return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') || character === '_';
}

/** Header names bring `-`; dots separate the parts of a variable name. */
function isNameCharacter(character: string | undefined): boolean {
  return character !== undefined && (isNameStart(character) || isDigit(character) || character === '-' || character === '.');
}

function isWhitespace(character: string): boolean {
  return character === ' ' || character === '\t' || character === '\n' || character === '\r';
}

/**
 * Reads tokens up to and including the first invalid one, so errors surface in source order. In a
 * program, comments are skipped, except `#FASTLY` macros, which become `macro` tokens.
 */
export function tokenize(source: string, kind: SourceKind = 'condition'): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  let endOfLastToken = 0;
  for (;;) {
    index = kind === 'program' ? skipSpaceAndComments(source, index, tokens) : skipSpace(source, index);
    if (index >= source.length) {
      tokens.push({ kind: 'end', text: '', column: endOfLastToken + 1 });
      return tokens;
    }
    const token = kind === 'program' ? readProgramToken(source, index) : readToken(source, index);
    tokens.push(token);
    if (token.kind === 'invalid') return tokens;
    index += token.text.length;
    endOfLastToken = index;
  }
}

function skipSpace(source: string, index: number): number {
  while (index < source.length && isWhitespace(source[index])) index++;
  return index;
}

/** Skips `#` and `//` comments to the end of the line and `/* … *\/` comments; a macro is a token. */
function skipSpaceAndComments(source: string, start: number, tokens: Token[]): number {
  let index = skipSpace(source, start);
  for (;;) {
    if (source[index] === '#' || source.startsWith('//', index)) {
      MACRO.lastIndex = index;
      const macro = source[index] === '#' ? MACRO.exec(source) : null;
      if (macro !== null) tokens.push({ kind: 'macro', text: macro[0], column: index + 1 });
      const lineEnd = source.indexOf('\n', index);
      index = lineEnd < 0 ? source.length : lineEnd;
    } else if (source.startsWith('/*', index)) {
      const end = source.indexOf('*/', index + 2);
      // An unclosed comment runs to the end, where the parser then misses whatever it expected.
      index = end < 0 ? source.length : end + 2;
    } else {
      return index;
    }
    index = skipSpace(source, index);
  }
}

function readToken(source: string, start: number): Token {
  const character = source[start];
  if (character === '"') return readQuotedString(source, start);
  if (character === '{') return readLongString(source, start);
  if (isNameStart(character)) return readName(source, start);
  if (isDigit(character) || (character === '-' && isDigit(source[start + 1]))) return readNumber(source, start);
  const punctuation = PUNCTUATION[character];
  if (punctuation !== undefined) return { kind: punctuation, text: character, column: start + 1 };
  const operator = OPERATORS.find((candidate) => source.startsWith(candidate, start));
  if (operator !== undefined) return { kind: 'operator', text: operator, column: start + 1 };
  return invalidCharacter(character, start);
}

function readProgramToken(source: string, start: number): Token {
  const character = source[start];
  if (character === '{' && isLongStringStart(source, start)) return readLongString(source, start);
  if (character === '.' && isNameStart(source[start + 1] ?? '')) {
    const name = readName(source, start + 1);
    return name.kind === 'name' ? { kind: 'property', text: `.${name.text}`, column: start + 1 } : name;
  }
  const punctuation = PROGRAM_PUNCTUATION[character];
  if (punctuation !== undefined) return { kind: punctuation, text: character, column: start + 1 };
  // `==` and `!=` before `=`; assignments before the operators they start with (`+=` before `+`).
  const comparison = ['==', '!='].find((candidate) => source.startsWith(candidate, start));
  const assignment = comparison === undefined ? ASSIGNMENTS.find((candidate) => source.startsWith(candidate, start)) : undefined;
  if (assignment !== undefined) return { kind: 'assign', text: assignment, column: start + 1 };
  const operator = PROGRAM_OPERATORS.find((candidate) => source.startsWith(candidate, start));
  if (operator !== undefined) return { kind: 'operator', text: operator, column: start + 1 };
  return readToken(source, start);
}

function isLongStringStart(source: string, start: number): boolean {
  LONG_STRING_DELIMITER.lastIndex = start + 1;
  const delimiter = LONG_STRING_DELIMITER.exec(source)?.[0] ?? '';
  return source[start + 1 + delimiter.length] === '"';
}

function invalidCharacter(character: string, start: number): Token {
  const hint = CHARACTER_HINTS[character];
  return invalid(start, character, `unexpected "${character}"${hint === undefined ? '' : `; ${hint}`}`);
}

function invalid(start: number, text: string, problem: string): Token {
  return { kind: 'invalid', text, column: start + 1, problem };
}

function readQuotedString(source: string, start: number): Token {
  for (let index = start + 1; index < source.length; index++) {
    const character = source[index];
    if (character === '"') {
      return { kind: 'string', text: source.slice(start, index + 1), column: start + 1, contents: source.slice(start + 1, index) };
    }
    if (character === '\n' || character === '\r') break;
  }
  return invalid(start, '"', 'unterminated string');
}

function readLongString(source: string, start: number): Token {
  LONG_STRING_DELIMITER.lastIndex = start + 1;
  const delimiter = LONG_STRING_DELIMITER.exec(source)?.[0] ?? '';
  const contentStart = start + 1 + delimiter.length + 1;
  if (source[contentStart - 1] !== '"') return invalidCharacter('{', start);
  const closing = `"${delimiter}}`;
  const contentEnd = source.indexOf(closing, contentStart);
  if (contentEnd < 0) return invalid(start, '{', `unterminated long string; it needs a closing ${closing}`);
  const end = contentEnd + closing.length;
  return { kind: 'string', text: source.slice(start, end), column: start + 1, contents: source.slice(contentStart, contentEnd) };
}

/** Variable, function, ACL and backend names, including header subfields such as `req.http.Cookie:id`. */
function readName(source: string, start: number): Token {
  let end = start + 1;
  for (;;) {
    if (isNameCharacter(source[end])) {
      end++;
    } else if (source[end] === ':' && isNameCharacter(source[end + 1]) && source[end + 1] !== '.') {
      end += 2;
    } else {
      break;
    }
  }
  const text = source.slice(start, end);
  if (text.split('.').includes('')) return invalid(start, text, `"${text}" is not a valid name`);
  return { kind: 'name', text, column: start + 1 };
}

function readNumber(source: string, start: number): Token {
  let end = start + 1;
  while (isDigit(source[end])) end++;
  if (source[end] === '.' && isDigit(source[end + 1])) {
    end += 2;
    while (isDigit(source[end])) end++;
  }
  const unit = DURATION_UNITS.find((candidate) => source.startsWith(candidate, end));
  if (unit !== undefined) end += unit.length;
  if (isNameCharacter(source[end])) {
    let runEnd = end;
    while (isNameCharacter(source[runEnd])) runEnd++;
    const text = source.slice(start, runEnd);
    return invalid(start, text, `invalid number "${text}"`);
  }
  return { kind: 'number', text: source.slice(start, end), column: start + 1, unit };
}
