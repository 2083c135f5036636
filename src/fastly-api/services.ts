import { FastifyInstance } from 'fastify';
import { badRequest, cannotFind } from './errors';
import { changedFields, FieldTable, RequestInput, StoredObject } from './fields';
import { newId, ServiceType, Store, StoredService, timestamp } from './store';
import { answerVersion, answerVersionDetail, newVersion } from './versions';

const SERVICE_TYPES: ServiceType[] = ['vcl', 'wasm'];

const SERVICE_FIELDS: FieldTable = {
  comment: { type: 'string', default: '', empty: '' },
  name: { type: 'string' },
  type: { type: 'string', default: 'vcl' },
};

/** The environments a version is deployed to besides production (staging), as `environments` lists them. */
function environments(service: StoredService): StoredObject[] {
  const staged = service.versions.find((version) => version.staging);
  return staged === undefined ? [] : [{ name: 'staging', active_version: staged.number, service_id: service.id }];
}

export function answerService(service: StoredService): StoredObject {
  return {
    comment: service.comment,
    created_at: service.created_at,
    customer_id: service.customer_id,
    deleted_at: service.deleted_at,
    environments: environments(service),
    id: service.id,
    name: service.name,
    paused: service.paused,
    publish_key: service.publish_key,
    type: service.type,
    updated_at: service.updated_at,
    versions: service.versions.map((version) => answerVersion(service, version)),
  };
}

/**
 * `GET /service/{id}/details`: the service with its active version in full, and `version`: the
 * version asked for with `?version=`, else the active one, else the latest.
 */
function answerDetails(store: Store, service: StoredService, versionNumber: string | undefined): StoredObject {
  const active = service.versions.find((version) => version.active);
  const shown = versionNumber !== undefined
    ? store.version(service, versionNumber)
    : active ?? service.versions[service.versions.length - 1];
  return {
    ...answerService(service),
    active_version: active === undefined ? null : answerVersionDetail(service, active),
    version: answerVersionDetail(service, shown),
  };
}

type ServiceParams = { service_id: string };

/** Services: list, search, create, describe, details, rename and delete. */
export function registerServiceRoutes(app: FastifyInstance, store: Store): void {
  app.get('/service', async () => store.services.map((service) => {
    const active = service.versions.find((version) => version.active);
    const { publish_key: _key, paused: _paused, ...listed } = answerService(service);
    return { ...listed, version: (active ?? service.versions[service.versions.length - 1]).number };
  }));

  app.get<{ Querystring: { name?: string } }>('/service/search', async (request) => {
    const name = request.query.name ?? '';
    const service = store.services.find((candidate) => candidate.name === name);
    if (service === undefined) throw cannotFind('service', name);
    return answerService(service);
  });

  app.post<{ Body: RequestInput }>('/service', async (request) => {
    const input = changedFields(SERVICE_FIELDS, request.body ?? {});
    if (typeof input.name !== 'string' || input.name === '') throw badRequest("name can't be blank");
    const type = (input.type ?? 'vcl') as ServiceType;
    if (!SERVICE_TYPES.includes(type)) throw badRequest(`type must be vcl or wasm, got '${type}'`);
    const now = timestamp();
    const service: StoredService = {
      id: newId(),
      name: input.name,
      comment: (input.comment as string | undefined) ?? '',
      type,
      customer_id: store.customerId,
      publish_key: '',
      paused: false,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      // A new service has an empty, unlocked version 1 that the provider fills in.
      versions: [newVersion(1, '')],
    };
    store.addService(service);
    return answerService(service);
  });

  app.get<{ Params: ServiceParams }>('/service/:service_id', async (request) =>
    answerService(store.service(request.params.service_id)));

  app.get<{ Params: ServiceParams; Querystring: { version?: string } }>('/service/:service_id/details', async (request) =>
    answerDetails(store, store.service(request.params.service_id), request.query.version));

  // Name and comment are not versioned.
  app.put<{ Params: ServiceParams; Body: RequestInput }>('/service/:service_id', async (request) => {
    const service = store.service(request.params.service_id);
    const changes = changedFields({ name: SERVICE_FIELDS.name, comment: SERVICE_FIELDS.comment }, request.body ?? {});
    if ('name' in changes && (changes.name === null || changes.name === '')) throw badRequest("name can't be blank");
    Object.assign(service, changes, { updated_at: timestamp() });
    return answerService(service);
  });

  app.delete<{ Params: ServiceParams }>('/service/:service_id', async (request) => {
    const service = store.service(request.params.service_id);
    const active = service.versions.find((version) => version.active);
    if (active !== undefined) {
      throw badRequest(`Service '${service.id}' has an active version (${active.number}); deactivate it before deleting the service`);
    }
    store.removeService(service);
    return { status: 'ok' };
  });
}
