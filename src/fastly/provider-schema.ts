import * as fs from 'fs';
import * as path from 'path';
import { convertToType, dynamicBlocks, dynamicContent, isTemplate, SchemaType } from './terraform-json';

/** The `terraform providers schema -json` shape, as far as checking a configuration needs it. */
export interface SchemaBlock {
  readonly attributes?: { [name: string]: SchemaAttribute };
  readonly block_types?: { [name: string]: SchemaBlockType };
}

export interface SchemaAttribute {
  readonly type: SchemaType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
}

export interface SchemaBlockType {
  readonly nesting_mode: 'single' | 'list' | 'set' | 'map' | 'group';
  readonly block: SchemaBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

/** Terraform's own meta-arguments, which every resource accepts besides its schema. */
export const META_ARGUMENTS = new Set(['count', 'depends_on', 'for_each', 'lifecycle', 'provider', 'provisioner', 'connection']);
// Terraform JSON ignores a "//" property in any body: it is a comment.
const COMMENT = '//';
const DATA = path.join(__dirname, '..', '..', 'data');

let resourceSchemas: { [type: string]: { block: SchemaBlock } } | undefined;
let schemaGaps: { [type: string]: string[] } | undefined;

/** The resource schemas of the provider schema file the bindings were generated from. */
function loadResourceSchemas(): { [type: string]: { block: SchemaBlock } } {
  if (!resourceSchemas) {
    const schema = JSON.parse(fs.readFileSync(path.join(DATA, 'provider-schema.json'), 'utf8'));
    const providers = Object.values<any>(schema.provider_schemas);
    resourceSchemas = Object.assign({}, ...providers.map((provider) => provider.resource_schemas));
  }
  return resourceSchemas!;
}

/** The schema of a resource type's body, if the provider schema has the resource. */
export function resourceSchema(resourceType: string): SchemaBlock | undefined {
  return loadResourceSchemas()[resourceType]?.block;
}

/** Block types the provider has and the schema file does not describe (data/provider-schema-gaps.json). */
function undescribedBlocks(resourceType: string): string[] {
  schemaGaps ??= JSON.parse(fs.readFileSync(path.join(DATA, 'provider-schema-gaps.json'), 'utf8'));
  return schemaGaps![resourceType] ?? [];
}

/** Every block type the provider has for a resource type, described by the schema file or not. */
export function providerBlockTypes(resourceType: string): string[] {
  return [...Object.keys(resourceSchema(resourceType)?.block_types ?? {}), ...undescribedBlocks(resourceType)];
}

/**
 * Checks a resource body in Terraform JSON form against the provider schema, the way Terraform
 * reads it: every attribute and block exists, each value converts to its attribute's type (`"110"`
 * is a number), required attributes are present and computed-only attributes are not set. Template
 * expressions are left to Terraform wherever they stand, a block may be one object or a list, and a
 * `dynamic` block is checked through its content. Block types the provider has but the schema file
 * does not describe are passed over. Returns one message per problem, each starting with its JSON path.
 */
export function checkAgainstSchema(resourceType: string, body: unknown): string[] {
  const schema = loadResourceSchemas()[resourceType];
  if (!schema) return [`${resourceType}: not a resource of the provider schema`];
  return checkBlock(resourceType, schema.block, body, true, undescribedBlocks(resourceType));
}

/**
 * The element with each attribute the schema describes converted to its type as Terraform would,
 * so that rules see `"priority": "110"` as 110. Values that do not convert are left for the schema check.
 */
export function convertElement(resourceType: string, blockType: string, element: { [key: string]: any }): { [key: string]: any } {
  const attributes = loadResourceSchemas()[resourceType]?.block.block_types?.[blockType]?.block.attributes;
  if (!attributes) return element;
  return Object.fromEntries(Object.entries(element).map(([key, value]) => {
    const attribute = attributes[key];
    const converted = attribute && value !== null ? convertToType(attribute.type, value) : undefined;
    return [key, converted ? converted.value : value];
  }));
}

/** The service-level attributes of a body, converted to their types as `convertElement` does for blocks. */
export function convertAttributes(resourceType: string, body: { [key: string]: any }): { [key: string]: any } {
  const attributes = loadResourceSchemas()[resourceType]?.block.attributes ?? {};
  return Object.fromEntries(Object.entries(body).map(([key, value]) => {
    const converted = attributes[key] && value !== null ? convertToType(attributes[key].type, value) : undefined;
    return [key, converted ? converted.value : value];
  }));
}

function checkBlock(where: string, block: SchemaBlock, body: unknown, topLevel: boolean, undescribed: string[] = []): string[] {
  if (!isObject(body)) return [`${where}: expected an object, got ${JSON.stringify(body)}`];
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const at = `${where}.${key}`;
    if (key === COMMENT || key === 'dynamic' || (topLevel && META_ARGUMENTS.has(key))) continue;
    const attribute = attributes[key];
    const blockType = blockTypes[key];
    if (attribute) {
      // null is how Terraform JSON leaves an attribute unset.
      if (value === null) continue;
      if (attribute.computed && !attribute.optional && !attribute.required) problems.push(`${at}: computed by the provider, cannot be set`);
      else if (!convertToType(attribute.type, value)) problems.push(`${at}: expected ${JSON.stringify(attribute.type)}, got ${JSON.stringify(value)}`);
    } else if (blockType) {
      problems.push(...checkNestedBlocks(at, blockType, value));
    } else if (!undescribed.includes(key)) {
      problems.push(`${at}: not an attribute or block of the schema`);
    }
  }
  problems.push(...checkDynamicBlocks(where, blockTypes, body, undescribed));
  for (const [key, attribute] of Object.entries(attributes)) {
    if (attribute.required && (body[key] === undefined || body[key] === null)) problems.push(`${where}.${key}: required, but missing`);
  }
  return problems;
}

function checkNestedBlocks(where: string, blockType: SchemaBlockType, value: unknown): string[] {
  if (value === null || (typeof value === 'string' && isTemplate(value))) return [];
  // Terraform JSON accepts one object for one block of any nesting mode.
  const elements = Array.isArray(value) ? value : isObject(value) ? [value] : undefined;
  if (!elements) return [`${where}: expected a list of blocks, got ${JSON.stringify(value)}`];
  const problems: string[] = [];
  if (blockType.max_items !== undefined && elements.length > blockType.max_items) {
    problems.push(`${where}: at most ${blockType.max_items} block(s) allowed, got ${elements.length}`);
  }
  if (blockType.min_items !== undefined && elements.length < blockType.min_items) {
    problems.push(`${where}: at least ${blockType.min_items} block(s) required, got ${elements.length}`);
  }
  elements.forEach((element, index) => problems.push(...checkBlock(`${where}[${index}]`, blockType.block, element, false)));
  return problems;
}

/** A `dynamic` block makes blocks of a type the schema must have; its content is one such block. */
function checkDynamicBlocks(where: string, blockTypes: { [name: string]: SchemaBlockType }, body: { [key: string]: any },
  undescribed: string[]): string[] {
  return dynamicBlocks(body).flatMap((dynamic) => {
    const at = `${where}.${dynamic.path}`;
    const blockType = blockTypes[dynamic.type];
    if (!blockType) return undescribed.includes(dynamic.type) ? [] : [`${at}: "${dynamic.type}" is not a block type of the schema`];
    const content = dynamicContent(dynamic);
    return content ? checkBlock(`${at}.content`, blockType.block, content, false) : [`${at}: a dynamic block needs a content block`];
  });
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
