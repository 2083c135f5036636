/**
 * How Terraform reads a resource body written in JSON syntax (`.tf.json`, `cdk.tf.json`), as far as
 * checking a configuration needs it: template expressions inside strings, `dynamic` blocks, a nested
 * block given as one object or as a list, and the conversion of a value to its attribute's type.
 */

type Element = { [attribute: string]: any };

/**
 * Whether a string holds a template sequence, `${…}` or `%{…}`, whose value Terraform only knows
 * at plan time. `$${` and `%%{` are escapes for the literal characters.
 */
export function isTemplate(value: string): boolean {
  return /(^|[^$])\$\{|(^|[^%])%\{/.test(value);
}

/** The elements of a nested block: Terraform JSON takes a list, or one object for a single block. */
export function blocksOf(body: { [key: string]: any }, type: string): Element[] {
  return elementsOf(body[type]);
}

function elementsOf(value: unknown): Element[] {
  const elements = Array.isArray(value) ? value : [value];
  return elements.filter((element): element is Element => typeof element === 'object' && element !== null && !Array.isArray(element));
}

/** A `dynamic` block as written: the block type it makes and its own body (`for_each`, `iterator`, `content`). */
export interface DynamicBlock {
  readonly type: string;
  readonly body: Element;
  /** Where it is in the resource body, e.g. `dynamic.backend[0]`. */
  readonly path: string;
}

/**
 * The `dynamic` blocks of a body. Terraform JSON writes them as `"dynamic": { "<type>": {…} }`, a
 * list of those per type, or (as `@cdktf/hcl2json` converts HCL) with the block bodies in lists.
 */
export function dynamicBlocks(body: { [key: string]: any }): DynamicBlock[] {
  return elementsOf(body.dynamic).flatMap((byType) => Object.entries(byType)
    .filter(([type]) => type !== '//')
    .flatMap(([type, blocks]) => elementsOf(blocks).map((block, index) => ({ type, body: block, path: `dynamic.${type}[${index}]` }))));
}

/**
 * What one `dynamic` block makes: its `content`, the same for every item of `for_each`, with the
 * iterator's values as template expressions. How many items there are is only known at plan time.
 */
export function dynamicContent(block: DynamicBlock): Element | undefined {
  return elementsOf(block.body.content)[0];
}

/** The attribute types of a provider schema: `"string"`, `"number"`, `"bool"`, or `["list", type]` and the like. */
export type SchemaType = unknown;

/**
 * The value Terraform gives an attribute of `type` for the JSON `value`, or undefined when Terraform
 * rejects the conversion: `"110"` is the number 110, `"true"` (or `"1"`) the bool true, 5 the string
 * "5". Template expressions are left as they are; Terraform converts their result at plan time.
 */
export function convertToType(type: SchemaType, value: unknown): { value: unknown } | undefined {
  if (typeof value === 'string' && isTemplate(value)) return { value };
  if (type === 'string') {
    return typeof value === 'string' ? { value } : typeof value === 'number' || typeof value === 'boolean' ? { value: String(value) } : undefined;
  }
  if (type === 'number') {
    if (typeof value === 'number') return Number.isFinite(value) ? { value } : undefined;
    return typeof value === 'string' && NUMBER.test(value.trim()) ? { value: Number(value) } : undefined;
  }
  if (type === 'bool') {
    if (typeof value === 'boolean') return { value };
    return typeof value === 'string' && Object.hasOwn(BOOLEAN_STRINGS, value) ? { value: BOOLEAN_STRINGS[value] } : undefined;
  }
  if (Array.isArray(type) && (type[0] === 'list' || type[0] === 'set')) {
    if (!Array.isArray(value)) return undefined;
    const elements = value.map((element) => convertToType(type[1], element));
    return elements.every((element) => element !== undefined) ? { value: elements.map((element) => element!.value) } : undefined;
  }
  if (Array.isArray(type) && type[0] === 'map') {
    if (!isObject(value)) return undefined;
    const entries = Object.entries(value).map(([key, element]) => [key, convertToType(type[1], element)] as const);
    if (entries.some(([, element]) => element === undefined)) return undefined;
    return { value: Object.fromEntries(entries.map(([key, element]) => [key, element!.value])) };
  }
  if (Array.isArray(type) && type[0] === 'object') {
    if (!isObject(value)) return undefined;
    const fields = type[1] as { [field: string]: SchemaType };
    const converted: Element = { ...value };
    for (const [field, fieldType] of Object.entries(fields)) {
      if (!(field in value) || value[field] === null) continue;
      const element = convertToType(fieldType, value[field]);
      if (element === undefined) return undefined;
      converted[field] = element.value;
    }
    return { value: converted };
  }
  return undefined;
}

// Terraform's number syntax, which its string-to-number conversion parses.
const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
// The strings Terraform's type system converts to bool (go-cty convert, conversion_primitive.go).
const BOOLEAN_STRINGS: { [text: string]: boolean } = { true: true, false: false, 1: true, 0: false };

function isObject(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
