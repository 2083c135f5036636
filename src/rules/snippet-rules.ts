import { attributeRule, isKnown, ServiceRule } from './rule';

/** The `allowed: …` text for a `recv` snippet whose `set req.backend` Fastly's own selection overwrites. */
export const RECV_BACKEND_PROBLEM = 'allowed: miss or pass for a snippet that sets req.backend: Fastly\'s generated backend selection runs after '
  + 'recv snippets and overwrites req.backend whenever a routing condition matches or a default backend exists. Move the assignment to a '
  + 'miss or pass snippet, or return right after it';

/** Comments (`#`, `//`, `/* … *\/`) and string literals (`"…"`, `{"…"}`) of VCL. */
const COMMENTS_AND_STRINGS = /#[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/|\{"[\s\S]*?"\}|"[^"\n]*"?/g;
const SETS_BACKEND = /\bset\s+req\.backend\s*=/g;
/** Braces, and the statements that leave vcl_recv before Fastly's generated code runs. */
const BLOCK_OR_EXIT = /[{}]|\b(?:return|error|restart)\b/g;

/**
 * Whether VCL that runs in `vcl_recv` sets `req.backend` and can then fall through to Fastly's
 * generated backend selection, which follows the recv snippets: an assignment that its own block
 * does not follow with `return`, `error` or `restart`. Comments and strings are not code.
 *
 * A lexical scan, enough for this one question; the VCL statement parser can answer it exactly.
 */
export function setsBackendBeforeSelection(vcl: string): boolean {
  const code = codeOf(vcl);
  for (const assignment of code.matchAll(SETS_BACKEND)) {
    BLOCK_OR_EXIT.lastIndex = assignment.index + assignment[0].length;
    let depth = 0;
    let leaves = false;
    for (let token = BLOCK_OR_EXIT.exec(code); token !== null && depth >= 0 && !leaves; token = BLOCK_OR_EXIT.exec(code)) {
      if (token[0] === '{') depth++;
      else if (token[0] === '}') depth--;
      else leaves = depth === 0;
    }
    if (!leaves) return true;
  }
  return false;
}

/** Whether VCL code (not a comment or string) sets `req.backend` anywhere. */
export function setsBackend(vcl: string): boolean {
  return new RegExp(SETS_BACKEND.source).test(codeOf(vcl));
}

/** VCL with its comments and strings blanked out, so that offsets stay the same. */
function codeOf(vcl: string): string {
  return vcl.replace(COMMENTS_AND_STRINGS, (text) => ' '.repeat(text.length));
}

/** Rules for what custom VCL snippets do to Fastly's routing. */
export const SNIPPET_RULES: ServiceRule[] = ['snippet', 'dynamicsnippet'].map((block) =>
  attributeRule('snippet/recv-backend', block, 'type', (type, snippet) =>
    type === 'recv' && isKnown(snippet.content) && typeof snippet.content === 'string' && setsBackendBeforeSelection(snippet.content)
      ? RECV_BACKEND_PROBLEM : undefined, 'warning'));
