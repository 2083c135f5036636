import { badRequest } from './errors';

/**
 * How a field of an API object is read from a request and stored. Requests are form-encoded
 * (go-fastly) or JSON, so every value may arrive as a string: go-fastly sends booleans as
 * `1`/`0`, Fastly's JavaScript client as `true`/`false`.
 */
export type FieldType =
  | 'string'
  | 'integer'
  | 'boolean'
  /** An integer the API stores and answers as a string (condition and snippet `priority`). */
  | 'numeric-string'
  /** Healthcheck headers: `"Name: value"` strings the API answers sorted. */
  | 'header-list';

export interface FieldSpec {
  readonly type: FieldType;
  /** What a new object stores when the request leaves the field out (null when absent). */
  readonly default?: string | number | boolean | null;
  /** What an empty string is stored as: the API answers most emptied strings as null. */
  readonly empty?: '' | null;
}

/** The fields of one kind of object, by API name. */
export type FieldTable = { readonly [name: string]: FieldSpec };

/** A request body as parsed from a form or JSON. */
export type RequestInput = { readonly [name: string]: unknown };

/** An object as stored and answered (before `service_id` and `version` are added). */
export type StoredObject = { [name: string]: unknown };

const TRUE = new Set(['1', 'true', 't', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'f', 'no', 'off', '']);

/** Reads one request value into its stored form, or throws the API's 400. */
export function readField(name: string, spec: FieldSpec, raw: unknown): unknown {
  const value = Array.isArray(raw) && spec.type !== 'header-list' ? raw[raw.length - 1] : raw;
  if (value === null) return null;
  switch (spec.type) {
    case 'string': {
      const text = String(value);
      return text === '' ? (spec.empty === undefined ? null : spec.empty) : text;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const text = String(value).trim().toLowerCase();
      if (TRUE.has(text)) return true;
      if (FALSE.has(text)) return false;
      throw badRequest(`${name} must be a boolean, got '${String(value)}'`);
    }
    case 'integer':
    case 'numeric-string': {
      if (value === '') return spec.type === 'integer' ? null : spec.default ?? null;
      const number = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isInteger(number)) throw badRequest(`${name} must be an integer, got '${String(value)}'`);
      return spec.type === 'integer' ? number : String(number);
    }
    case 'header-list':
      return readHeaders(name, value);
  }
}

/**
 * go-fastly sends `headers=["A:B","C:D"]` (a JSON array in one form field, with the space after
 * the colon removed); Fastly's JavaScript client sends CSV; JSON clients send an array. The API
 * stores each as `Name: value` and answers them sorted.
 */
function readHeaders(name: string, value: unknown): string[] {
  let items: unknown[];
  if (Array.isArray(value)) {
    items = value;
  } else if (String(value).trim().startsWith('[')) {
    try {
      items = JSON.parse(String(value));
    } catch {
      throw badRequest(`${name} must be a JSON array of "Name: value" strings, got '${String(value)}'`);
    }
  } else {
    items = String(value) === '' ? [] : String(value).split(',');
  }
  return items.map((item) => {
    const header = String(item);
    const colon = header.indexOf(':');
    if (colon <= 0) throw badRequest(`${name}: '${header}' is not a "Name: value" header`);
    return `${header.slice(0, colon).trim()}: ${header.slice(colon + 1).trim()}`;
  }).sort();
}

/** A new object: every field of the table, from the request or its default. */
export function createObject(table: FieldTable, input: RequestInput): StoredObject {
  const object: StoredObject = {};
  for (const [name, spec] of Object.entries(table)) {
    object[name] = name in input ? readField(name, spec, input[name]) : spec.default ?? null;
  }
  return object;
}

/** The fields of the table that the request sets, read into their stored form. */
export function changedFields(table: FieldTable, input: RequestInput): StoredObject {
  const changes: StoredObject = {};
  for (const [name, spec] of Object.entries(table)) {
    if (name in input) changes[name] = readField(name, spec, input[name]);
  }
  return changes;
}
