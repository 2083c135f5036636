import * as fs from 'fs';
import * as path from 'path';
import { blocksOf } from './terraform-json';

type Element = { [attribute: string]: any };

let defaults: { [resourceType: string]: { [block: string]: Element } } | undefined;

/**
 * An element of a nested block with what Terraform plans for the attributes it leaves out
 * (data/provider-defaults.json), so that hand-written configurations are read as Fastly gets them.
 */
export function withProviderDefaults(resourceType: string, type: string, element: Element): Element {
  defaults ??= JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'data', 'provider-defaults.json'), 'utf8'));
  const blockDefaults = defaults![resourceType]?.[type] ?? {};
  // Terraform JSON writes an omitted attribute as null.
  return { ...blockDefaults, ...Object.fromEntries(Object.entries(element).filter(([, value]) => value !== null && value !== undefined)) };
}

/** The elements of a nested block of a service body, each `withProviderDefaults`. */
export function blocksWithDefaults(resourceType: string, body: { [key: string]: any }, type: string): Element[] {
  return blocksOf(body, type).map((element) => withProviderDefaults(resourceType, type, element));
}
