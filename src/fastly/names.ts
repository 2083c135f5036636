/**
 * Names key every block of a service: Fastly matches old and new blocks by name, and other blocks
 * refer to them by name. Fastly's generated VCL also prints them in comments and identifiers, so
 * line breaks and quotes would corrupt it.
 */
export function blockNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 255 || name.trim() !== name || /["\\\p{Cc}]/u.test(name)) {
    return 'allowed: 1 to 255 characters, no leading or trailing white space, no quotes, backslashes or control characters';
  }
  return undefined;
}

/**
 * The identifier Fastly gives a backend in VCL: `F_` + the name with every character that is not
 * a letter, digit or underscore replaced by `_`. Two names with the same identifier collide.
 */
export function vclBackendIdentifier(name: string): string {
  return `F_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** The identifier Fastly gives a director in VCL: its name with `-` and other punctuation replaced by `_`. */
export function vclDirectorIdentifier(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * The words Fastly's VCL reserves (Fastly's VCL reference; the keyword table of falco's lexer): a
 * declaration named like one cannot be referred to.
 */
const VCL_KEYWORDS = new Set(['acl', 'add', 'backend', 'break', 'call', 'case', 'declare', 'default', 'director', 'else', 'elseif', 'elsif',
  'error', 'esi', 'fallthrough', 'false', 'goto', 'if', 'import', 'include', 'log', 'penaltybox', 'pragma', 'ratecounter', 'remove', 'restart',
  'return', 'set', 'sub', 'switch', 'synthetic', 'table', 'true', 'unset']);

/** Whether `identifier` is a word VCL reserves. */
export function isVclKeyword(identifier: string): boolean {
  return VCL_KEYWORDS.has(identifier);
}

/**
 * Prefixes of the directors Fastly's generated VCL declares itself: a shield POP is
 * `ssl_shield_<code>`, automatic load balancing an `autodirector_…`.
 */
export const GENERATED_DIRECTOR_PREFIXES = ['ssl_shield_', 'autodirector_'];

/** Byte-wise order, so sorted output does not depend on the machine's locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
