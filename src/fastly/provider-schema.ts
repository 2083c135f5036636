import * as fs from 'fs';
import * as path from 'path';

/** The `terraform providers schema -json` shape, as far as checking a configuration needs it. */
export interface SchemaBlock {
  readonly attributes?: { [name: string]: SchemaAttribute };
  readonly block_types?: { [name: string]: SchemaBlockType };
}

export interface SchemaAttribute {
  readonly type: unknown;
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
export const META_ARGUMENTS = new Set(['//', 'count', 'depends_on', 'for_each', 'lifecycle', 'provider', 'provisioner', 'connection']);

let resourceSchemas: { [type: string]: { block: SchemaBlock } } | undefined;

/** The resource schemas of the provider schema file the bindings were generated from. */
function loadResourceSchemas(): { [type: string]: { block: SchemaBlock } } {
  if (!resourceSchemas) {
    const file = path.join(__dirname, '..', '..', 'data', 'provider-schema.json');
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    const providers = Object.values<any>(schema.provider_schemas);
    resourceSchemas = Object.assign({}, ...providers.map((provider) => provider.resource_schemas));
  }
  return resourceSchemas!;
}

/** The schema of a resource type's body, if the provider schema has the resource. */
export function resourceSchema(resourceType: string): SchemaBlock | undefined {
  return loadResourceSchemas()[resourceType]?.block;
}

/**
 * Checks a resource body in Terraform JSON form against the provider schema: every attribute and
 * block exists, has the right type and nesting, required attributes are present and computed-only
 * attributes are not set. Returns one message per problem, each starting with its JSON path.
 */
export function checkAgainstSchema(resourceType: string, body: unknown): string[] {
  const schema = loadResourceSchemas()[resourceType];
  if (!schema) return [`${resourceType}: not a resource of the provider schema`];
  return checkBlock(resourceType, schema.block, body, true);
}

function checkBlock(where: string, block: SchemaBlock, body: unknown, topLevel: boolean): string[] {
  if (!isObject(body)) return [`${where}: expected an object, got ${JSON.stringify(body)}`];
  const attributes = block.attributes ?? {};
  const blockTypes = block.block_types ?? {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const at = `${where}.${key}`;
    if (topLevel && META_ARGUMENTS.has(key)) continue;
    const attribute = attributes[key];
    const blockType = blockTypes[key];
    if (attribute) {
      if (attribute.computed && !attribute.optional && !attribute.required) problems.push(`${at}: computed by the provider, cannot be set`);
      else if (!matchesType(attribute.type, value)) problems.push(`${at}: expected ${JSON.stringify(attribute.type)}, got ${JSON.stringify(value)}`);
    } else if (blockType) {
      problems.push(...checkNestedBlocks(at, blockType, value));
    } else {
      problems.push(`${at}: not an attribute or block of the schema`);
    }
  }
  for (const [key, attribute] of Object.entries(attributes)) {
    if (attribute.required && !(key in body)) problems.push(`${where}.${key}: required, but missing`);
  }
  return problems;
}

function checkNestedBlocks(where: string, blockType: SchemaBlockType, value: unknown): string[] {
  // Terraform JSON accepts a single object where at most one block is allowed.
  const elements = Array.isArray(value) ? value : blockType.max_items === 1 && isObject(value) ? [value] : undefined;
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

function matchesType(type: unknown, value: unknown): boolean {
  // A Terraform expression is checked by Terraform, not here.
  if (typeof value === 'string' && value.includes('${')) return true;
  if (type === 'string') return typeof value === 'string';
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  if (type === 'bool') return typeof value === 'boolean';
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) {
    return Array.isArray(value) && value.every((element) => matchesType(type[1], element));
  }
  if (Array.isArray(type) && type[0] === 'map') {
    return isObject(value) && Object.values(value).every((element) => matchesType(type[1], element));
  }
  if (Array.isArray(type) && type[0] === 'object') {
    return isObject(value) && Object.entries(type[1] as object).every(([key, fieldType]) => !(key in value) || matchesType(fieldType, value[key]));
  }
  return false;
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
