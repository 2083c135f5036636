import { FastifyInstance } from 'fastify';
import { notFound } from './errors';
import { changedFields, createObject, FieldTable, RequestInput, StoredObject } from './fields';
import { newId, Store, timestamp } from './store';

/** The versioned service settings of a VCL service, with the API's defaults. */
const SETTINGS: FieldTable = {
  'general.default_host': { type: 'string', default: '', empty: '' },
  'general.default_pci': { type: 'integer', default: 0 },
  'general.default_ttl': { type: 'integer', default: 3600 },
  'general.stale_if_error': { type: 'boolean', default: false },
  'general.stale_if_error_ttl': { type: 'integer', default: 43200 },
};

export function defaultSettings(): StoredObject {
  return createObject(SETTINGS, {});
}

type VersionParams = { service_id: string; version_id: string };

/** `…/settings` (describe, update) and `…/http3` (describe, enable, disable). */
export function registerSettingsRoutes(app: FastifyInstance, store: Store): void {
  const base = '/service/:service_id/version/:version_id';

  app.get<{ Params: VersionParams }>(`${base}/settings`, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.version(service, request.params.version_id);
    return { ...version.settings, service_id: service.id, version: version.number };
  });

  app.put<{ Params: VersionParams; Body: RequestInput }>(`${base}/settings`, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.editableVersion(service, request.params.version_id);
    Object.assign(version.settings, changedFields(SETTINGS, request.body ?? {}));
    return { ...version.settings, service_id: service.id, version: version.number };
  });

  // HTTP/3 is on when the version has the feature object: GET answers 404 when it is off.
  app.get<{ Params: VersionParams }>(`${base}/http3`, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.version(service, request.params.version_id);
    if (version.http3 === null) throw notFound();
    return { ...version.http3, service_id: service.id, version: version.number };
  });

  app.post<{ Params: VersionParams; Body: RequestInput }>(`${base}/http3`, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.editableVersion(service, request.params.version_id);
    const now = timestamp();
    const { feature_revision: revision } = changedFields({ feature_revision: { type: 'integer' } }, request.body ?? {});
    version.http3 = {
      id: newId(),
      feature_revision: revision ?? 1,
      feature_update_available: false,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    };
    return { ...version.http3, service_id: service.id, version: version.number };
  });

  // Disabling answers ok whether or not HTTP/3 was on (the provider disables it on every new service).
  app.delete<{ Params: VersionParams }>(`${base}/http3`, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.editableVersion(service, request.params.version_id);
    version.http3 = null;
    return { status: 'ok' };
  });
}
