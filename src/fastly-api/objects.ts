import { FastifyInstance } from 'fastify';
import { badRequest, duplicateRecord, recordNotFound } from './errors';
import { changedFields, createObject, FieldTable, RequestInput, StoredObject } from './fields';
import { Store, StoredService, StoredVersion, timestamp } from './store';

/**
 * One kind of named object inside a service version (backend, healthcheck, condition, …):
 * its fields and the API's rules for it. `registerObjectRoutes` serves the five endpoints every
 * kind has — list, create, describe, update, delete — from this description.
 */
export interface ObjectKind {
  /** The path segment after `/service/{id}/version/{n}/`, also the key in `StoredVersion.objects`. */
  readonly path: string;
  /** How "not found" answers name the kind (`Couldn't find Backend '…'`). */
  readonly label: string;
  /** How "duplicate" answers name the kind (`Duplicate backend: '…'`). */
  readonly duplicateLabel: string;
  /** The API answers `version` as a string for some kinds (conditions, snippets). */
  readonly versionAsString?: boolean;
  /** Fields a create request must give, beyond `name`. */
  readonly required?: readonly string[];
  /** Fields and defaults, which may depend on the service type. */
  fields(service: StoredService): FieldTable;
  /** Rules the API applies when an object is created (`changes` is the whole new object) or changed. */
  apply?(object: StoredObject, changes: StoredObject, input: RequestInput, service: StoredService, created: boolean): void;
  /** Names this object refers to that do not exist in the version: one message per problem. */
  missingReferences?(object: StoredObject, version: StoredVersion, fields: readonly string[]): string[];
  /** What the answer adds to the stored object (a director's backends). */
  extraFields?(object: StoredObject, version: StoredVersion): StoredObject;
  /** Keeps other objects pointing at this one when it is renamed or deleted. */
  renamed?(version: StoredVersion, from: string, to: string): void;
  deleted?(version: StoredVersion, name: string): void;
}

export function objectsOf(version: StoredVersion, kind: ObjectKind): StoredObject[] {
  return version.objects[kind.path] ??= [];
}

export function findObject(version: StoredVersion, kind: ObjectKind, name: string): StoredObject | undefined {
  return objectsOf(version, kind).find((object) => object.name === name);
}

export function answerObject(kind: ObjectKind, object: StoredObject, service: StoredService, version: StoredVersion): StoredObject {
  return {
    ...object,
    ...kind.extraFields?.(object, version),
    service_id: service.id,
    version: kind.versionAsString ? String(version.number) : version.number,
  };
}

type VersionParams = { service_id: string; version_id: string };
type ObjectParams = VersionParams & { name: string };

export function registerObjectRoutes(app: FastifyInstance, store: Store, kind: ObjectKind): void {
  const base = `/service/:service_id/version/:version_id/${kind.path}`;
  const notFound = (service: StoredService, version: StoredVersion, name: string) =>
    recordNotFound(kind.label, { name, service: service.id, version: version.number });

  app.get<{ Params: VersionParams }>(base, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.version(service, request.params.version_id);
    return objectsOf(version, kind).map((object) => answerObject(kind, object, service, version));
  });

  app.post<{ Params: VersionParams; Body: RequestInput }>(base, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.editableVersion(service, request.params.version_id);
    const input = request.body ?? {};
    const fields = kind.fields(service);
    const object = createObject(fields, input);
    for (const field of ['name', ...kind.required ?? []]) {
      if (object[field] === null || object[field] === '') throw badRequest(`${field} can't be blank`);
    }
    if (findObject(version, kind, object.name as string)) throw duplicateRecord(kind.duplicateLabel, object.name as string);
    kind.apply?.(object, object, input, service, true);
    rejectMissingReferences(kind, object, version, Object.keys(fields));
    const now = timestamp();
    Object.assign(object, { created_at: now, updated_at: now, deleted_at: null });
    objectsOf(version, kind).push(object);
    return answerObject(kind, object, service, version);
  });

  app.get<{ Params: ObjectParams }>(`${base}/:name`, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.version(service, request.params.version_id);
    const object = findObject(version, kind, request.params.name);
    if (object === undefined) throw notFound(service, version, request.params.name);
    return answerObject(kind, object, service, version);
  });

  app.put<{ Params: ObjectParams; Body: RequestInput }>(`${base}/:name`, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.editableVersion(service, request.params.version_id);
    const object = findObject(version, kind, request.params.name);
    if (object === undefined) throw notFound(service, version, request.params.name);
    const input = request.body ?? {};
    const changes = changedFields(kind.fields(service), input);
    const newName = changes.name;
    if ('name' in changes && (newName === null || newName === '')) throw badRequest("name can't be blank");
    if (typeof newName === 'string' && newName !== object.name && findObject(version, kind, newName)) {
      throw duplicateRecord(kind.duplicateLabel, newName);
    }
    const updated = { ...object, ...changes };
    kind.apply?.(updated, changes, input, service, false);
    rejectMissingReferences(kind, updated, version, Object.keys(changes));
    if (typeof newName === 'string' && newName !== object.name) kind.renamed?.(version, object.name as string, newName);
    Object.assign(object, updated, { updated_at: timestamp() });
    return answerObject(kind, object, service, version);
  });

  app.delete<{ Params: ObjectParams }>(`${base}/:name`, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.editableVersion(service, request.params.version_id);
    const objects = objectsOf(version, kind);
    const index = objects.findIndex((object) => object.name === request.params.name);
    if (index < 0) throw notFound(service, version, request.params.name);
    objects.splice(index, 1);
    kind.deleted?.(version, request.params.name);
    return { status: 'ok' };
  });
}

function rejectMissingReferences(kind: ObjectKind, object: StoredObject, version: StoredVersion, fields: readonly string[]): void {
  const [problem] = kind.missingReferences?.(object, version, fields) ?? [];
  if (problem !== undefined) throw badRequest(problem);
}
