import * as fs from 'fs';
import * as path from 'path';

type Element = { [attribute: string]: any };

let defaults: { [resourceType: string]: { [block: string]: Element } } | undefined;

/** The elements of a nested block in a service body (Terraform JSON): a list, or one object for a single block. */
export function blocksOf(body: { [key: string]: any }, type: string): Element[] {
  const value = body[type];
  return Array.isArray(value) ? value : value && typeof value === 'object' ? [value] : [];
}

/**
 * The elements of a nested block with what Terraform plans for the attributes they leave out
 * (data/provider-defaults.json), so that hand-written configurations are read as Fastly gets them.
 */
export function blocksWithDefaults(resourceType: string, body: { [key: string]: any }, type: string): Element[] {
  defaults ??= JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'provider-defaults.json'), 'utf8'));
  const blockDefaults = defaults![resourceType]?.[type] ?? {};
  // Terraform JSON writes an omitted attribute as null.
  return blocksOf(body, type).map((element) => ({
    ...blockDefaults,
    ...Object.fromEntries(Object.entries(element).filter(([, value]) => value !== null && value !== undefined)),
  }));
}
