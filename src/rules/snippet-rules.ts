import { attributeRule, isKnown, ServiceRule } from './rule';
import { VclSyntaxError } from '../vcl/expression';
import { parseVclDeclarations, parseVclStatements, variablesSetBy, VclStatement, VclStatementKind } from '../vcl/statements';

/** The `allowed: …` text for a `recv` snippet whose `set req.backend` Fastly's own selection overwrites. */
export const RECV_BACKEND_PROBLEM = 'allowed: miss or pass for a snippet that sets req.backend: Fastly\'s generated backend selection runs after '
  + 'recv snippets and overwrites req.backend whenever a routing condition matches or a default backend exists. Move the assignment to a '
  + 'miss or pass snippet, or return right after it';

/** The statements that leave vcl_recv before Fastly's generated backend selection runs. */
const LEAVES_RECV = new Set<VclStatementKind>([VclStatementKind.RETURN, VclStatementKind.ERROR, VclStatementKind.RESTART]);

function setsBackendDirectly(statement: VclStatement): boolean {
  return statement.kind === VclStatementKind.SET && statement.target.name === 'req.backend';
}

/** Whether some `set req.backend` of these statements, or of the blocks inside them, is not followed by a statement that leaves its block. */
function fallsThroughAfterSettingBackend(statements: VclStatement[]): boolean {
  return statements.some((statement, index) => statement.kind === VclStatementKind.IF
    ? [...statement.branches.map((branch) => branch.body), statement.otherwise ?? []].some(fallsThroughAfterSettingBackend)
    : setsBackendDirectly(statement) && !statements.slice(index + 1).some((later) => LEAVES_RECV.has(later.kind)));
}

/** What `parse` gives, or undefined when the VCL does not parse (vcl/syntax reports that). */
function parsed(parse: () => VclStatement[]): VclStatement[] | undefined {
  try {
    return parse();
  } catch (error) {
    if (error instanceof VclSyntaxError) return undefined;
    throw error;
  }
}

/** The statements of a snippet. */
function statementsOf(vcl: string): VclStatement[] | undefined {
  return parsed(() => parseVclStatements(vcl));
}

/**
 * Whether VCL that runs in `vcl_recv` sets `req.backend` and can then fall through to Fastly's
 * generated backend selection, which follows the recv snippets: an assignment that its own block
 * does not follow with `return`, `error` or `restart`.
 */
export function setsBackendBeforeSelection(vcl: string): boolean {
  const statements = statementsOf(vcl);
  return statements !== undefined && fallsThroughAfterSettingBackend(statements);
}

/** Whether VCL — a snippet's statements, or a VCL file's subroutines — sets `req.backend` anywhere. */
export function setsBackend(vcl: string): boolean {
  const statements = statementsOf(vcl) ?? parsed(() => parseVclDeclarations(vcl).flatMap((declaration) => declaration.body ?? []));
  return statements !== undefined && variablesSetBy(statements).some((target) => target.name === 'req.backend');
}

/** Rules for what custom VCL snippets do to Fastly's routing. */
export const SNIPPET_RULES: ServiceRule[] = ['snippet', 'dynamicsnippet'].map((block) =>
  attributeRule('snippet/recv-backend', block, 'type', (type, snippet) =>
    type === 'recv' && isKnown(snippet.content) && typeof snippet.content === 'string' && setsBackendBeforeSelection(snippet.content)
      ? RECV_BACKEND_PROBLEM : undefined, 'warning'));
