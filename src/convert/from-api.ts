import { BlockElement, blockSchema, convertToType, JsonObject, JsonValue, ServiceModel, ServiceType } from './model';

/**
 * One version of a live service, as Fastly's API returns it (the objects of the `fastly` npm
 * client's list calls, in their JSON form). The live path of `convert` fetches these for the
 * active or a given version; everything after that is the same as for a Terraform file.
 */
export interface ApiServiceVersion {
  /** `GET /service/{id}`: id, name, comment, type (`vcl` or `wasm`). */
  readonly service: JsonObject;
  /** `GET /service/{id}/version/{v}`: number, comment. */
  readonly version: JsonObject;
  /** `GET /service/{id}/version/{v}/settings`: `general.default_ttl` and the other general settings (VCL services). */
  readonly settings?: JsonObject;
  /** The version's objects by API collection: `backend`, `healthcheck`, `condition`, `director`, `domain`, `snippet`, `header`, … */
  readonly collections: { readonly [collection: string]: JsonObject[] };
}

/** The settings endpoint's fields and the service attributes they are. */
const SETTINGS: { [field: string]: string } = {
  'general.default_ttl': 'default_ttl',
  'general.default_host': 'default_host',
  'general.stale_if_error': 'stale_if_error',
  'general.stale_if_error_ttl': 'stale_if_error_ttl',
};

/** API collections whose block has another name in the provider. */
const BLOCKS: { [collection: string]: string } = {
  gzips: 'gzip', request_settings: 'request_setting', response_objects: 'response_object', cache_settings: 'cache_setting',
};

/** API fields whose provider attribute has another name. */
const FIELDS: { [block: string]: { [field: string]: string } } = { header: { dst: 'destination', src: 'source' } };

/** The API writes some booleans as "0" and "1". */
function apiValue(type: unknown, value: JsonValue): JsonValue {
  return type === 'bool' && (value === '0' || value === '1') ? value === '1' : convertToType(type, value);
}

/**
 * Reads one API object as a block element: the fields the provider has an attribute for,
 * converted to its types (the API writes priorities and a few others as numeric strings); the
 * API's bookkeeping (ids, versions, timestamps) and fields the provider lacks are left out.
 */
function element(resourceType: ServiceType, block: string, object: JsonObject): BlockElement {
  const attributes: JsonObject = {};
  const schema = blockSchema(resourceType, [block])?.attributes ?? {};
  for (const [apiField, value] of Object.entries(object)) {
    const field = FIELDS[block]?.[apiField] ?? apiField;
    const attribute = schema[field];
    if (!attribute || value === null || attribute.computed && !attribute.optional) continue;
    attributes[field] = field === 'backends' && Array.isArray(value)
      ? value.map((member) => typeof member === 'object' && member !== null && !Array.isArray(member) ? member.name ?? null : member)
      : apiValue(attribute.type, value as JsonValue);
  }
  return { attributes, blocks: {} };
}

/** A Terraform resource name for a service name: letters, digits, `_` and `-`, starting with a letter. */
function resourceNameOf(name: string): string {
  const cleaned = name.toLowerCase().replace(/[^a-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(cleaned) ? cleaned : `service_${cleaned}`;
}

/**
 * Maps a live service version into the model a Terraform file is read into, so the same
 * recognition, verification and emitter convert it. The model carries the service id, so the
 * written app imports the service instead of creating a second one.
 */
export function serviceFromApi(api: ApiServiceVersion): ServiceModel {
  const resourceType: ServiceType = api.service.type === 'wasm' ? 'fastly_service_compute' : 'fastly_service_vcl';
  const schema = blockSchema(resourceType, [])!;
  const attributes: JsonObject = {};
  for (const field of ['name', 'comment']) {
    if (typeof api.service[field] === 'string') attributes[field] = api.service[field];
  }
  if (typeof api.version.comment === 'string' && api.version.comment !== '') attributes.version_comment = api.version.comment;
  for (const [field, attribute] of Object.entries(SETTINGS)) {
    const value = api.settings?.[field];
    const type = schema.attributes?.[attribute]?.type;
    if (value !== undefined && value !== null && type !== undefined) attributes[attribute] = convertToType(type, value);
  }
  const blocks: { [type: string]: BlockElement[] } = {};
  for (const [collection, objects] of Object.entries(api.collections)) {
    for (const object of objects) {
      // Dynamic snippets come from the same endpoint, flagged "dynamic": "1"; their content is managed apart.
      const block = collection === 'snippet' && String(object.dynamic) === '1' ? 'dynamicsnippet' : BLOCKS[collection] ?? collection;
      if (!schema.block_types?.[block]) continue;
      (blocks[block] ??= []).push(element(resourceType, block, block === 'dynamicsnippet' ? { ...object, content: null } : object));
    }
  }
  const name = String(api.service.name ?? api.service.id);
  return {
    resourceType,
    resourceName: resourceNameOf(name),
    attributes,
    blocks,
    raw: {},
    metaArguments: {},
    importId: String(api.service.id),
    origin: `service ${String(api.service.id)} version ${String(api.version.number)}`,
  };
}
