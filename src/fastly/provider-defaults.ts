import * as fs from 'fs';
import * as path from 'path';

type Element = { [attribute: string]: any };

let defaults: { [resourceType: string]: { [block: string]: Element } } | undefined;

/**
 * Defaults the rules do not assume for a hand-written body: the provider's healthcheck interval
 * and timeout (5000 and 5000) would make every check that leaves both out fail the
 * timeout < interval rule for values its author never wrote.
 */
const NOT_ASSUMED_BY_RULES: { [block: string]: string[] } = { healthcheck: ['check_interval', 'timeout'] };

/**
 * What Terraform plans for the attributes of a service resource (`block` absent) or of one of its
 * nested blocks that a configuration leaves out (data/provider-defaults.json).
 */
export function providerDefaults(resourceType: string, block?: string): Element {
  defaults ??= JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'provider-defaults.json'), 'utf8'));
  return defaults![resourceType]?.[block ?? 'attributes'] ?? {};
}

/** The elements of a nested block in a service body (Terraform JSON): a list, or one object for a single block. */
export function blocksOf(body: { [key: string]: any }, type: string): Element[] {
  const value = body[type];
  return Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [];
}

/**
 * The elements of a nested block with what Terraform plans for the attributes they leave out, so
 * that hand-written configurations are read as Fastly gets them.
 */
export function blocksWithDefaults(resourceType: string, body: { [key: string]: any }, type: string): Element[] {
  const ignored = NOT_ASSUMED_BY_RULES[type] ?? [];
  const blockDefaults = Object.fromEntries(Object.entries(providerDefaults(resourceType, type)).filter(([key]) => !ignored.includes(key)));
  // Terraform JSON writes an omitted attribute as null.
  return blocksOf(body, type).map((element) => ({
    ...blockDefaults,
    ...Object.fromEntries(Object.entries(element).filter(([, value]) => value !== null && value !== undefined)),
  }));
}
