import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { isUnknown, RawFinding } from './rule';
import { Duration } from '../constructs/duration';

/** How a value is shown in an error message: strings quoted, constructs by path, everything else as written. */
export function formatValue(value: unknown): string {
  if (isUnknown(value)) return typeof value === 'string' && !Token.isUnresolved(value) ? JSON.stringify(value) : '<token>';
  if (value instanceof Duration) return value.toString();
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return 'node' in value ? `<${(value as IConstruct).node.path}>` : JSON.stringify(value, (_key, inner) => formatNested(inner));
  }
  return String(value);
}

/** Constructs inside a value are shown by path; JSON cannot follow their parent links. */
function formatNested(value: unknown): unknown {
  return value !== null && typeof value === 'object' && 'node' in value ? `<${(value as IConstruct).node.path}>` : value;
}

/**
 * A rule's finding in words: `<name>: got <value>; <allowed> [<rule>]`, or the rule's sentence and
 * id for a finding about a whole element or service. `nameOf` names attributes the way the reader
 * wrote them (props for constructs, snake_case for JSON); `name` overrides it for the finding's own
 * attribute.
 */
export function wordFinding(finding: RawFinding, nameOf: (attribute: string) => string, name?: string): string {
  const text = finding.message.replace(/\{\{(\w+)\}\}/g, (_match, attribute: string) => nameOf(attribute));
  if (finding.attribute === undefined) return `${text} [${finding.rule}]`;
  const subject = name ?? nameOf(finding.attribute);
  return propProblem(finding.location === undefined ? subject : `${subject} (${finding.location})`, finding.value, text, finding.rule);
}

/** One problem with one prop: `<prop>: got <value>; <allowed> [<rule>]`. cdktf adds the construct path. */
export function propProblem(prop: string, value: unknown, allowed: string, rule: string): string {
  return `${prop}: got ${formatValue(value)}; ${allowed} [${rule}]`;
}
