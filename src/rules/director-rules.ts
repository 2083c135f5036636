import { attributeRule, integerIn, ServiceRule } from './rule';
import { shieldCodeProblem } from '../fastly/pop';

/** The subroutines a snippet can go into; `VclSnippetType` is their union. */
export const SNIPPET_TYPES = ['init', 'recv', 'hash', 'hit', 'miss', 'pass', 'fetch', 'error', 'deliver', 'log', 'none'] as const;
const KNOWN_SNIPPET_TYPES: readonly string[] = SNIPPET_TYPES;

/** Rules for `director` and `snippet` blocks, the VCL-only machinery of origin pools. */
export const DIRECTOR_RULES: ServiceRule[] = [
  attributeRule('director/type', 'director', 'type', (type) => [1, 3, 4].includes(type) ? undefined
    : 'allowed: 1 (random), 3 (hash) or 4 (client); Fastly retired round-robin (2), and fallback exists only in custom VCL'),
  attributeRule('director/quorum', 'director', 'quorum', integerIn(0, 100)),
  attributeRule('director/retries', 'director', 'retries', integerIn(0)),
  attributeRule('director/backends', 'director', 'backends', (backends) => Array.isArray(backends) && backends.length > 0 ? undefined
    : 'allowed: at least one backend name'),
  attributeRule('director/shield', 'director', 'shield', (shield) => {
    const problem = shield === '' ? undefined : shieldCodeProblem(shield);
    return problem && `allowed: a current Fastly shield POP code; ${problem}`;
  }),
  attributeRule('snippet/type', 'snippet', 'type', (type) => KNOWN_SNIPPET_TYPES.includes(type) ? undefined : `allowed: one of ${SNIPPET_TYPES.join(', ')}`),
  attributeRule('snippet/type', 'dynamicsnippet', 'type', (type) => KNOWN_SNIPPET_TYPES.includes(type) ? undefined
    : `allowed: one of ${SNIPPET_TYPES.join(', ')}`),
];
