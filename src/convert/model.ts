import { providerDefaults } from '../fastly/provider-defaults';
import { META_ARGUMENTS, resourceSchema, SchemaBlock } from '../fastly/provider-schema';

/** A JSON value, as Terraform JSON and Fastly's API carry them. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** The service resource types the converter reads. */
export type ServiceType = 'fastly_service_vcl' | 'fastly_service_compute';

export const SERVICE_TYPES: ServiceType[] = ['fastly_service_vcl', 'fastly_service_compute'];

/** One element of a nested block, as its source set it. */
export interface BlockElement {
  /** The attributes the source set, converted to the schema's types (Terraform expressions kept as written). */
  readonly attributes: JsonObject;
  /** Nested blocks of the schema, by type. */
  readonly blocks: { readonly [type: string]: BlockElement[] };
  /** The source's comment on the element (a Terraform JSON `"//"`). */
  readonly comment?: string;
}

/**
 * A Fastly service as the converter reads it, whatever it came from (a Terraform file or Fastly's
 * API): the attributes and blocks it sets, typed by the provider schema the library's bindings are
 * generated from, and what that schema does not have, kept as raw Terraform JSON.
 */
export interface ServiceModel {
  readonly resourceType: ServiceType;
  /** The Terraform resource name (`fastly_service_vcl.<name>`). */
  readonly resourceName: string;
  readonly attributes: JsonObject;
  readonly blocks: { readonly [type: string]: BlockElement[] };
  /** Keys of the body the bindings have no type for (blocks of a newer provider, `dynamic` blocks), as written. */
  readonly raw: JsonObject;
  /** Terraform meta-arguments (`lifecycle`, `depends_on`, …), as written. */
  readonly metaArguments: JsonObject;
  readonly comment?: string;
  /** The construct path of the service when the source was synthesised by cdktf (its `"//"` metadata), e.g. `edge/site/Resource`. */
  readonly constructPath?: string;
  /** The id of the live service it was read from, which the written app imports instead of creating a new service. */
  readonly importId?: string;
  /**
   * What of the live service the written app does not manage, by block type (or attribute), with
   * why: the app leaves it as it is (`lifecycle.ignore_changes`, already in `metaArguments`).
   */
  readonly kept?: { readonly [name: string]: string };
  /** Where it came from, for messages: a file, or a service id and version. */
  readonly origin: string;
}

/** `ServiceModel.kept` grouped by reason: each reason with the names it applies to. */
export function keptByReason(kept: { readonly [name: string]: string } = {}): Array<[reason: string, names: string[]]> {
  const reasons = new Map<string, string[]>();
  for (const [name, reason] of Object.entries(kept)) reasons.set(reason, [...reasons.get(reason) ?? [], name]);
  return [...reasons];
}

/** Whether a value is a Terraform expression, only known at plan time. */
export function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/**
 * Terraform's conversion of a JSON value to an attribute type: "110" is the number 110, "true"
 * the boolean true, 80 the string "80". Expressions and values that do not convert stay as written.
 */
export function convertToType(type: unknown, value: JsonValue): JsonValue {
  if (value === null || isExpression(value)) return value;
  if (type === 'number' && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  if (type === 'bool' && (value === 'true' || value === 'false')) return value === 'true';
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set') && Array.isArray(value)) {
    return value.map((element) => convertToType(type[1], element));
  }
  if (Array.isArray(type) && type[0] === 'map' && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, element]) => [key, convertToType(type[1], element)]));
  }
  return value;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The elements of a block in Terraform JSON: a list of objects, or one object. */
export function elementsOf(value: JsonValue | undefined): JsonObject[] {
  if (Array.isArray(value)) return value.filter(isObject);
  return isObject(value) ? [value] : [];
}

function commentOf(body: JsonObject): string | undefined {
  const comment = body['//'];
  return typeof comment === 'string' ? comment : undefined;
}

/** Reads one block body against its schema; keys the schema lacks go to `raw` when given. */
function readBlock(schema: SchemaBlock, body: JsonObject, raw?: JsonObject): BlockElement {
  const attributes: JsonObject = {};
  const blocks: { [type: string]: BlockElement[] } = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '//' || value === null) continue;
    const attribute = schema.attributes?.[key];
    const blockType = schema.block_types?.[key];
    if (attribute) {
      attributes[key] = convertToType(attribute.type, value);
    } else if (blockType) {
      blocks[key] = elementsOf(value).map((element) => readBlock(blockType.block, element));
    } else if (raw) {
      raw[key] = value;
    } else {
      // Inside a nested block the bindings cannot express a key they lack either; keep it as an attribute.
      attributes[key] = value;
    }
  }
  return { attributes, blocks, comment: commentOf(body) };
}

/** Reads a service resource body in Terraform JSON. */
export function serviceFromTerraformJson(resourceType: ServiceType, resourceName: string, body: JsonObject, origin: string): ServiceModel {
  const schema = resourceSchema(resourceType);
  if (!schema) throw new Error(`${resourceType}: not a resource of the provider schema`);
  const metaArguments: JsonObject = {};
  const rest: JsonObject = {};
  for (const [key, value] of Object.entries(body)) {
    if (key !== '//' && META_ARGUMENTS.has(key)) metaArguments[key] = value;
    else rest[key] = value;
  }
  const raw: JsonObject = {};
  const { attributes, blocks, comment } = readBlock(schema, rest, raw);
  const metadata = isObject(body['//']) && isObject(body['//'].metadata) ? body['//'].metadata : {};
  const constructPath = typeof metadata.path === 'string' ? metadata.path : undefined;
  return { resourceType, resourceName, attributes, blocks, raw, metaArguments, comment, constructPath, origin };
}

/** The schema of a nested block type of a service, if the bindings have it. */
export function blockSchema(resourceType: ServiceType, path: string[]): SchemaBlock | undefined {
  let block = resourceSchema(resourceType);
  for (const type of path) block = block?.block_types?.[type]?.block;
  return block;
}

/** Whether a block type holds at most one element (the bindings then take one struct, not a list). */
export function isSingleBlock(resourceType: ServiceType, path: string[]): boolean {
  let block = resourceSchema(resourceType);
  for (const type of path.slice(0, -1)) block = block?.block_types?.[type]?.block;
  return block?.block_types?.[path[path.length - 1]]?.max_items === 1;
}

/** An element's attributes with the provider's defaults for those it leaves out. */
export function effectiveAttributes(resourceType: ServiceType, block: string | undefined, attributes: JsonObject): JsonObject {
  return { ...providerDefaults(resourceType, block), ...attributes };
}
