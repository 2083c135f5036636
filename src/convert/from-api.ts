import * as os from 'os';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { BlockElement, blockSchema, convertToType, isObject, JsonObject, JsonValue, ServiceModel, ServiceType } from './model';
import { providerDefaults } from '../fastly/provider-defaults';
import { providerBlockTypes, SchemaBlock } from '../fastly/provider-schema';

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
  /** `GET /service/{id}/version/{v}/http3`: whether HTTP/3 is on (VCL services; left out when not read). */
  readonly http3?: boolean;
  /**
   * The version's objects by API collection: `backend`, `healthcheck`, `condition`, `director`,
   * `domain`, `snippet`, `header`, `logging_s3`, … A collection that is left out was not read, and
   * the written app leaves its block as it is on the service.
   */
  readonly collections: { readonly [collection: string]: JsonObject[] };
  /** Collections (by block type) and `http3` the API did not answer, with its answer (`404 Not found`). */
  readonly unread?: { readonly [name: string]: string };
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

/** Why the blocks served by other endpoints than a version's collections are left as they are. */
const NOT_READ: { [block: string]: string } = {
  product_enablement: 'not read: products are enabled per service, outside its versions',
  image_optimizer_default_settings: 'not read: Image Optimizer settings are read through their product\'s API',
  package: 'not read: Fastly\'s API gives back the package\'s hash, not the package; until the app declares one, it leaves new versions inactive',
};

/**
 * An API value as the provider's attribute holds it: the API writes some booleans as "0" and "1",
 * gzip's content types and extensions as one space-separated string, a rate limiter's client key
 * and methods as lists the provider joins with commas.
 */
function apiValue(type: unknown, value: JsonValue): JsonValue | undefined {
  if (type === 'bool' && (value === '0' || value === '1')) return value === '1';
  if (Array.isArray(type) && typeof value === 'string') return value.trim() === '' ? undefined : convertToType(type, value.trim().split(/\s+/));
  if (type === 'string' && Array.isArray(value)) return value.join(',');
  return convertToType(type, value);
}

/**
 * Reads one API object as a block element: the fields the provider has an attribute or a nested
 * block for, converted to its types (the API writes priorities and a few others as numeric
 * strings); the API's bookkeeping (ids, versions, timestamps) and fields the provider lacks are
 * left out.
 */
function element(schema: SchemaBlock, block: string, object: JsonObject): BlockElement {
  const attributes: JsonObject = {};
  const blocks: { [type: string]: BlockElement[] } = {};
  for (const [apiField, value] of Object.entries(object)) {
    const field = FIELDS[block]?.[apiField] ?? apiField;
    const attribute = schema.attributes?.[field];
    const nested = schema.block_types?.[field];
    if (value === null) continue;
    if (nested) {
      blocks[field] = (Array.isArray(value) ? value : [value]).filter(isObject).map((inner) => element(nested.block, field, inner));
      continue;
    }
    if (!attribute || attribute.computed && !attribute.optional) continue;
    const converted = field === 'backends' && Array.isArray(value)
      ? value.map((member) => isObject(member) ? member.name ?? null : member)
      : apiValue(attribute.type, value);
    if (converted !== undefined) attributes[field] = converted;
  }
  return { attributes, blocks };
}

/**
 * The attributes a person would write: the API answers every field, so those that are what the
 * provider plans when left out, and empty strings (the zero value the provider reads back for
 * an unset string), are dropped.
 */
function withoutDefaults(resourceType: ServiceType, block: string | undefined, attributes: JsonObject): JsonObject {
  const defaults = providerDefaults(resourceType, block);
  return Object.fromEntries(Object.entries(attributes).filter(([key, value]) => key === 'name'
    || (key in defaults ? JSON.stringify(value) !== JSON.stringify(defaults[key]) : value !== '')));
}

/** Names of API objects for a message: `"a", "b"`. */
function namesOf(objects: JsonObject[]): string {
  return objects.map((object) => JSON.stringify(String(object.name ?? object.id ?? '?'))).join(', ');
}

/**
 * The construct path of a service this library synthesised, from its pools' directors, whose
 * comments name them (`OriginPool edge/site/api (random)`): written back with the same stack and
 * service ids, the pools render the same directors again.
 */
function constructPathOf(directors: BlockElement[] = []): string | undefined {
  const services = new Set(directors.flatMap((director) => {
    const match = /^OriginPool ([^/\s]+)\/([^/\s]+)\/[^/\s]+ \([a-z]+\)$/.exec(String(director.attributes.comment ?? ''));
    return match ? [`${match[1]}/${match[2]}`] : [];
  }));
  return services.size === 1 ? `${[...services][0]}/Resource` : undefined;
}

/** The Terraform resource name cdktf gives the service at a construct path (`site_87CC46B4` for `edge/site/Resource`). */
function logicalIdOf(constructPath: string): string {
  const [stackId, ...ids] = constructPath.split('/');
  const stack = new TerraformStack(new App({ outdir: os.tmpdir(), skipValidation: true }), stackId);
  let scope: Construct = stack;
  for (const id of ids) scope = new Construct(scope, id);
  return stack.getLogicalId(scope.node);
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
  if (api.http3 === true && schema.attributes?.http3) attributes.http3 = true;
  const blocks: { [type: string]: BlockElement[] } = {};
  const kept: { [name: string]: string } = {};
  const answered = new Set<string>();
  for (const [collection, objects] of Object.entries(api.collections)) {
    const type = BLOCKS[collection] ?? collection;
    answered.add(type);
    // Dynamic snippets come from the same endpoint, flagged "dynamic": "1"; their content is managed apart.
    if (type === 'snippet') answered.add('dynamicsnippet');
    const blockSchemaOf = (block: string) => schema.block_types?.[block]?.block;
    if (objects.length > 0 && !blockSchemaOf(type)) {
      kept[type] = `not converted: the bundled provider schema does not describe this block, so Fastly's fields cannot be mapped to it (${namesOf(objects)})`;
      continue;
    }
    for (const object of objects) {
      const block = type === 'snippet' && String(object.dynamic) === '1' ? 'dynamicsnippet' : type;
      const read = element(blockSchemaOf(block)!, block, block === 'dynamicsnippet' ? { ...object, content: null } : object);
      (blocks[block] ??= []).push({ ...read, attributes: withoutDefaults(resourceType, block, read.attributes) });
    }
  }
  // What was not read is left as it is on the service: without its block the app would delete it on deploy.
  for (const block of providerBlockTypes(resourceType)) {
    if (answered.has(block)) continue;
    const answer = api.unread?.[block];
    kept[block] = answer !== undefined ? `not read: the API answered ${answer}` : NOT_READ[block] ?? 'not read';
  }
  if (api.unread?.http3 !== undefined) kept.http3 = `not read: the API answered ${api.unread.http3}`;
  // Without its package the app cannot activate a Compute version, as the constructs hold.
  if (kept.package !== undefined) attributes.activate = false;
  const ignored = Object.keys(kept).sort();
  const serviceAttributes = withoutDefaults(resourceType, undefined, attributes);
  const name = String(api.service.name ?? api.service.id);
  const constructPath = constructPathOf(blocks.director);
  return {
    resourceType,
    resourceName: constructPath ? logicalIdOf(constructPath) : resourceNameOf(name),
    constructPath,
    attributes: serviceAttributes,
    blocks,
    raw: {},
    metaArguments: ignored.length > 0 ? { lifecycle: [{ ignore_changes: ignored }] } : {},
    importId: String(api.service.id),
    kept: Object.fromEntries(ignored.map((key) => [key, kept[key]])),
    origin: `service ${String(api.service.id)} version ${String(api.version.number)}`,
  };
}
