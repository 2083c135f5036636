import { isExpression, JsonValue } from './model';
import { ConstructPlan, duration, EnumValue, ExpressionValue, PlanValue } from './plan';
import { TlsVersion } from '../constructs/tls-version';

/** snake_case attribute → camelCase prop, the way the generated bindings and the constructs name them. */
export function camelCase(attribute: string): string {
  return attribute.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

const MILLIS = new Set(['connect_timeout', 'first_byte_timeout', 'between_bytes_timeout', 'max_lifetime', 'check_interval', 'timeout']);
const SECONDS = new Set(['keepalive_time', 'default_ttl']);

/** A duration in the largest unit that keeps it whole. */
function durationOf(amount: number, millisPerAmount: number): PlanValue {
  const millis = amount * millisPerAmount;
  if (millis !== 0 && millis % 60_000 === 0) return duration('minutes', millis / 60_000);
  if (millis !== 0 && millis % 1_000 === 0) return duration('seconds', millis / 1_000);
  return millisPerAmount === 1 ? duration('millis', amount) : duration('seconds', amount);
}

/** A Terraform expression the source set (a string containing `${…}`), typed as its attribute. */
export function expression(text: unknown, type: ExpressionValue['type']): ExpressionValue {
  return { kind: 'expression', text: String(text), type };
}

function tlsVersion(value: string): PlanValue {
  const entry = Object.entries(TlsVersion).find(([, version]) => version === value);
  return entry ? { kind: 'enum', enumName: 'TlsVersion', member: entry[0], value } satisfies EnumValue : value;
}

/** Resolves names an attribute refers to (healthchecks, conditions) to the constructs planned for them. */
export interface References {
  healthcheck(name: string): ConstructPlan | undefined;
  condition(name: string): ConstructPlan | undefined;
}

/**
 * The prop of a backend, healthcheck, condition, director or snippet construct that sets
 * `attribute`, and its value: durations for times, enums, constructs for the names of other blocks.
 */
export function constructProp(attribute: string, value: JsonValue, references: References,
  types?: { [attribute: string]: ExpressionValue['type'] }): [string, PlanValue] {
  const prop = camelCase(attribute);
  if (isExpression(value)) {
    if (MILLIS.has(attribute)) return [prop, duration('millis', expression(value, 'number'))];
    if (SECONDS.has(attribute)) return [prop, duration('seconds', expression(value, 'number'))];
    return [prop, expression(value, types?.[attribute] ?? 'string')];
  }
  if (MILLIS.has(attribute) && typeof value === 'number') return [prop, durationOf(value, 1)];
  if (SECONDS.has(attribute) && typeof value === 'number') return [prop, durationOf(value, 1_000)];
  if ((attribute === 'min_tls_version' || attribute === 'max_tls_version') && typeof value === 'string') return [prop, tlsVersion(value)];
  if (attribute === 'healthcheck' && typeof value === 'string') {
    const target = references.healthcheck(value);
    if (target) return [prop, { kind: 'ref', target }];
  }
  if (attribute === 'request_condition' && typeof value === 'string') {
    const target = references.condition(value);
    if (target) return [prop, { kind: 'ref', target }];
  }
  if (attribute === 'headers' && Array.isArray(value)) {
    return [prop, Object.fromEntries(value.map((line) => {
      const text = String(line);
      const colon = text.indexOf(':');
      return [text.slice(0, colon).trim(), text.slice(colon + 1).trim()];
    }))];
  }
  return [prop, value as PlanValue];
}
