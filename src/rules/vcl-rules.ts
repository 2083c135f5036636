import { isKnown, RawFinding, ServiceRule, ServiceView } from './rule';
import { localsAround, vclSources } from './service-vcl';
import { checkVclFile, checkVclSnippet, SNIPPET_SUBROUTINES, VclProblem } from '../vcl/program-check';

const RULES: { [kind in VclProblem['kind']]: string } = { syntax: 'vcl/syntax', variable: 'vcl/variable', function: 'vcl/function' };

/** Where a piece of VCL runs, for messages. */
function runsIn(type: string | undefined): string {
  if (type === undefined) return 'custom VCL';
  const subroutine = SNIPPET_SUBROUTINES[type];
  return subroutine === undefined ? `a ${type} snippet` : `a ${type} snippet (vcl_${type})`;
}

/**
 * Fastly compiles a VCL service's snippets and custom VCL when a version is activated (and the
 * provider validates every VCL version it changes), so VCL that does not compile fails the apply.
 */
function vclProblems(service: ServiceView): RawFinding[] {
  let findings = checked.get(service);
  if (findings === undefined) {
    findings = service.vcl ? findProblems(service) : [];
    checked.set(service, findings);
  }
  return findings;
}

// The three rules share one parse of each piece of VCL.
const checked = new WeakMap<ServiceView, RawFinding[]>();
// Snippet types other than these are reported by snippet/type; their VCL has no known place.
const SNIPPET_TYPES = new Set([...Object.keys(SNIPPET_SUBROUTINES), 'init', 'none']);

function findProblems(service: ServiceView): RawFinding[] {
  const around = localsAround(service);
  return vclSources(service).flatMap((source) => {
    if (source.content === undefined || (source.block !== 'vcl' && !SNIPPET_TYPES.has(source.type!))) return [];
    const problems = source.block === 'vcl' ? checkVclFile(source.content, around) : checkVclSnippet(source.content, source.type!, around);
    return problems.map((problem) => ({
      rule: RULES[problem.kind],
      severity: 'error' as const,
      block: source.block,
      index: source.index,
      attribute: 'content',
      location: `line ${problem.line}, column ${problem.column}`,
      value: problem.subject,
      message: `allowed: VCL that compiles in ${runsIn(source.type)}; ${problem.detail}`,
      fromTables: problem.kind !== 'syntax',
    }));
  });
}

/** Rules for the VCL of snippets and custom VCL files, and how the files fit together. */
export const VCL_RULES: ServiceRule[] = [
  ...Object.values(RULES).map((id) => ({ id, check: (service: ServiceView) => vclProblems(service).filter((finding) => finding.rule === id) })),
  // Checked when the provider applies the service (validateVCLs in the provider's block_fastly_service_vcl.go).
  {
    id: 'vcl/main',
    check: (service) => {
      const files = service.blocks('vcl');
      // main defaults to false.
      if (!service.vcl || files.length === 0 || !service.complete('vcl') || files.some((file) => file.main !== undefined && !isKnown(file.main))) return [];
      const mains = files.filter((file) => file.main === true).length;
      return mains === 1 ? [] : [{
        rule: 'vcl/main',
        severity: 'error',
        message: `custom VCL: got ${mains} files with main = true; allowed: exactly one main file when there are vcl blocks `
          + '(the provider fails the apply otherwise). Set main = true on the file that holds the subroutines.',
      }];
    },
  },
];
