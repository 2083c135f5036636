import * as fs from 'fs';
import * as path from 'path';
import { blocksOf } from './terraform-json';

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

/**
 * An element of a nested block with what Terraform plans for the attributes it leaves out, so
 * that hand-written configurations are read as Fastly gets them.
 */
export function withProviderDefaults(resourceType: string, type: string, element: Element): Element {
  const ignored = NOT_ASSUMED_BY_RULES[type] ?? [];
  const blockDefaults = Object.fromEntries(Object.entries(providerDefaults(resourceType, type)).filter(([key]) => !ignored.includes(key)));
  // Terraform JSON writes an omitted attribute as null.
  return { ...blockDefaults, ...Object.fromEntries(Object.entries(element).filter(([, value]) => value !== null && value !== undefined)) };
}

/** The elements of a nested block of a service body, each `withProviderDefaults`. */
export function blocksWithDefaults(resourceType: string, body: { [key: string]: any }, type: string): Element[] {
  return blocksOf(body, type).map((element) => withProviderDefaults(resourceType, type, element));
}
