import { FastifyInstance } from 'fastify';
import { BACKENDS } from './backends';
import { badRequest, duplicateRecord, recordNotFound } from './errors';
import { StoredObject } from './fields';
import { findObject, ObjectKind } from './objects';
import { Store, StoredVersion, timestamp } from './store';

const DIRECTOR_TYPES = [1, 3, 4];

function linksOf(version: StoredVersion, director: string): StoredObject[] {
  return version.director_backends.filter((link) => link.director_name === director);
}

/**
 * Directors. Their members are director–backend links made one by one (as the provider does);
 * a director answers them as `backends`, the names in the order they were added.
 */
export const DIRECTORS: ObjectKind = {
  path: 'director',
  label: 'Director',
  duplicateLabel: 'director',
  fields: () => ({
    capacity: { type: 'integer', default: 100 },
    comment: { type: 'string', default: '', empty: '' },
    name: { type: 'string' },
    quorum: { type: 'integer', default: 75 },
    retries: { type: 'integer', default: 5 },
    shield: { type: 'string' },
    type: { type: 'integer', default: 1 },
  }),
  apply(object) {
    if (!DIRECTOR_TYPES.includes(object.type as number)) {
      throw badRequest(`type must be one of 1 (random), 3 (hash) or 4 (client), got ${object.type}`);
    }
    const quorum = object.quorum as number;
    if (quorum < 0 || quorum > 100) throw badRequest(`quorum must be a percentage from 0 to 100, got ${quorum}`);
  },
  extraFields: (object, version) => ({ backends: linksOf(version, object.name as string).map((link) => link.backend_name) }),
  renamed(version, from, to) {
    linksOf(version, from).forEach((link) => (link.director_name = to));
  },
  deleted(version, name) {
    version.director_backends = version.director_backends.filter((link) => link.director_name !== name);
  },
};

type LinkParams = { service_id: string; version_id: string; director: string; backend: string };

/** `/service/{id}/version/{n}/director/{director}/backend/{backend}`: describe, create and delete a membership. */
export function registerDirectorBackendRoutes(app: FastifyInstance, store: Store): void {
  const path = '/service/:service_id/version/:version_id/director/:director/backend/:backend';

  const find = (version: StoredVersion, params: LinkParams) =>
    version.director_backends.find((link) => link.director_name === params.director && link.backend_name === params.backend);
  const notFound = (serviceId: string, version: StoredVersion, params: LinkParams) => recordNotFound('DirectorBackend', {
    backend: params.backend, director: params.director, service: serviceId, version: version.number,
  });
  // Recorded answers of the real API name the director `director_name`; the documented model calls it `director`.
  const answer = (serviceId: string, version: StoredVersion, link: StoredObject) =>
    ({ service_id: serviceId, version: version.number, ...link, director: link.director_name });

  app.get<{ Params: LinkParams }>(path, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.version(service, request.params.version_id);
    const link = find(version, request.params);
    if (link === undefined) throw notFound(service.id, version, request.params);
    return answer(service.id, version, link);
  });

  app.post<{ Params: LinkParams }>(path, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.editableVersion(service, request.params.version_id);
    const { director, backend } = request.params;
    if (!findObject(version, DIRECTORS, director)) {
      throw recordNotFound('Director', { name: director, service: service.id, version: version.number });
    }
    if (!findObject(version, BACKENDS, backend)) throw badRequest(`No backend named '${backend}'`);
    if (find(version, request.params)) throw duplicateRecord('director_backend', `${director}/${backend}`);
    const now = timestamp();
    const link = { director_name: director, backend_name: backend, created_at: now, updated_at: now, deleted_at: null };
    version.director_backends.push(link);
    return answer(service.id, version, link);
  });

  app.delete<{ Params: LinkParams }>(path, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.editableVersion(service, request.params.version_id);
    const link = find(version, request.params);
    if (link === undefined) throw notFound(service.id, version, request.params);
    version.director_backends.splice(version.director_backends.indexOf(link), 1);
    return { status: 'ok' };
  });
}
