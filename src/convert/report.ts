import { Difference } from './compare';
import { keptByReason } from './model';
import { TerraformSource } from './source';
import { VerifiedService } from './verify';

function formatValue(value: unknown): string {
  return value === undefined ? '(unset)' : JSON.stringify(value);
}

function describeDifference(difference: Difference): string {
  return `${difference.path}: source ${formatValue(difference.expected)}, written app ${formatValue(difference.actual)}`;
}

/** The convert report: per service what was made, what was suppressed and kept raw, and whether it matches the source. */
export function convertReport(source: TerraformSource, services: VerifiedService[]): string[] {
  const lines = [`${source.file}: ${services.length} service(s) converted`];
  for (const { model, plan, differences, errors } of services) {
    const counts = new Map<string, number>();
    for (const construct of plan.constructs) counts.set(construct.className, (counts.get(construct.className) ?? 0) + 1);
    const made = [...counts].map(([className, count]) => `${count} ${className}`).join(', ') || 'no constructs';
    const typed = plan.statements.filter((statement) => statement.kind === 'assign'
      || (statement.kind === 'call' && statement.method !== 'overrideLogicalId' && statement.method !== 'importFrom'));
    lines.push(`${model.resourceType}.${model.resourceName} → ${plan.className} ${JSON.stringify(plan.id)}: ${made}; `
      + `${typed.length} escape-hatch setting(s)`);
    if (model.importId !== undefined) lines.push(`  imports the live service ${model.importId} on the first deploy (an import block)`);
    for (const [reason, names] of keptByReason(model.kept)) {
      lines.push(`  left as on the service, not managed by the app (lifecycle.ignore_changes): ${names.join(', ')} — ${reason}`);
    }
    for (const statement of plan.statements) {
      if (statement.kind === 'override') lines.push(`  raw override: ${statement.path}${statement.comments.length > 0 ? ` (${statement.comments.join(' ')})` : ''}`);
    }
    const suppressions = [
      ...plan.suppressions.map((suppression) => ({ where: plan.id, suppression })),
      ...plan.constructs.flatMap((construct) => construct.suppressions.map((suppression) => ({ where: `${plan.id}/${construct.id}`, suppression }))),
    ];
    for (const { where, suppression } of suppressions) {
      lines.push(`  suppressed ${suppression.id} on ${where}${suppression.child ? `/${suppression.child}` : ''}: ${suppression.reason}`);
    }
    for (const error of errors) lines.push(`  error (cannot be suppressed): ${error}`);
    if (differences.length === 0 && errors.length === 0) lines.push('  equivalent to the source');
    for (const difference of differences) lines.push(`  differs: ${describeDifference(difference)}`);
  }
  if (source.unconverted.length > 0) {
    lines.push(`not converted (outside the services; declare them in the stack or keep them in Terraform): ${source.unconverted.join(', ')}`);
  }
  return lines;
}
