import { BlockElement, effectiveAttributes, elementsOf, isObject, JsonObject, JsonValue, ServiceModel } from './model';
import { compareNames } from '../fastly/names';
import { SchemaBlock, resourceSchema } from '../fastly/provider-schema';

/** One way two services differ, as a path and the two values. */
export interface Difference {
  /** Where: an attribute (`default_ttl`), a block element and attribute (`backend "api".port`), or a block element. */
  readonly path: string;
  readonly expected: JsonValue | undefined;
  readonly actual: JsonValue | undefined;
}

/** The key an element is matched by: its name, else (single blocks such as `package`) its position. */
function keyOf(element: BlockElement, index: number): string {
  const name = element.attributes.name;
  return typeof name === 'string' ? JSON.stringify(name) : `[${index}]`;
}

function canonical(value: JsonValue | undefined, type: unknown): JsonValue | undefined {
  // Sets compare without order; Fastly returns them sorted.
  if (Array.isArray(value) && Array.isArray(type) && type[0] === 'set') {
    return [...value].map((element) => JSON.stringify(element)).sort(compareNames).map((element) => JSON.parse(element));
  }
  return value;
}

function equal(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compareAttributes(path: string, schema: SchemaBlock | undefined, expected: JsonObject, actual: JsonObject): Difference[] {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort(compareNames);
  return keys.flatMap((key) => {
    const type = schema?.attributes?.[key]?.type;
    const [want, got] = [canonical(expected[key], type), canonical(actual[key], type)];
    return equal(want, got) ? [] : [{ path: `${path}${key}`, expected: want, actual: got }];
  });
}

function compareBlocks(resourceType: ServiceModel['resourceType'], prefix: string, schema: SchemaBlock | undefined,
  expected: { readonly [type: string]: BlockElement[] }, actual: { readonly [type: string]: BlockElement[] }, topLevel: boolean): Difference[] {
  const types = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort(compareNames);
  return types.flatMap((type) => {
    const blockSchema = schema?.block_types?.[type]?.block;
    const index = (elements: BlockElement[] = []) => new Map(elements.map((element, i) => [keyOf(element, i), element]));
    const [want, got] = [index(expected[type]), index(actual[type])];
    const keys = [...new Set([...want.keys(), ...got.keys()])].sort(compareNames);
    return keys.flatMap((key) => {
      const path = `${prefix}${type} ${key}`;
      const [a, b] = [want.get(key), got.get(key)];
      if (!a || !b) return [{ path, expected: a ? 'present' : undefined, actual: b ? 'present' : undefined }];
      // Only the service's own blocks have provider defaults the library fills in.
      const defaults = (element: BlockElement) => topLevel ? effectiveAttributes(resourceType, type, element.attributes) : element.attributes;
      return [
        ...compareAttributes(`${path}.`, blockSchema, defaults(a), defaults(b)),
        ...compareBlocks(resourceType, `${path}.`, blockSchema, a.blocks, b.blocks, false),
      ];
    });
  });
}

/** `ignore_changes` lists attribute names; hcl2json writes them as `${name}`. */
function canonicalMetaArguments(meta: JsonObject): JsonObject {
  const lifecycle = elementsOf(meta.lifecycle).map((entry) => ({
    ...entry,
    ...Array.isArray(entry.ignore_changes)
      ? { ignore_changes: entry.ignore_changes.map((name) => typeof name === 'string' ? name.replace(/^\$\{(.*)\}$/, '$1') : name) }
      : {},
  }));
  return { ...meta, ...lifecycle.length > 0 ? { lifecycle } : {} };
}

/** Raw JSON compared as Terraform reads it: a block given as one object is a list of one. */
function canonicalRaw(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(canonicalRaw);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, canonicalRaw(inner)]));
  return value;
}

/**
 * How `actual` differs from `expected`, as Terraform and Fastly would see them: attributes after
 * Terraform's type conversion, with the provider's defaults for those left out; blocks matched by
 * name; sets without order. An empty list means the two configure the same service.
 */
export function compareServices(expected: ServiceModel, actual: ServiceModel): Difference[] {
  const resourceType = expected.resourceType;
  const schema = resourceSchema(resourceType);
  const differences = [
    ...compareAttributes('', schema, effectiveAttributes(resourceType, undefined, expected.attributes),
      effectiveAttributes(resourceType, undefined, actual.attributes)),
    ...compareBlocks(resourceType, '', schema, expected.blocks, actual.blocks, true),
  ];
  const raw = compareAttributes('', undefined,
    canonicalRaw({ ...expected.raw, ...canonicalMetaArguments(expected.metaArguments) }) as JsonObject,
    canonicalRaw({ ...actual.raw, ...canonicalMetaArguments(actual.metaArguments) }) as JsonObject);
  return [...differences, ...raw];
}
