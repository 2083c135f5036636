import { FastifyInstance } from 'fastify';
import { BACKENDS } from './backends';
import { CONDITIONS } from './conditions';
import { DIRECTORS } from './directors';
import { DOMAINS } from './domains';
import { badRequest } from './errors';
import { StoredObject } from './fields';
import { HEALTHCHECKS } from './healthchecks';
import { answerObject, findObject, objectsOf } from './objects';
import { defaultSettings } from './settings';
import { SNIPPETS } from './snippets';
import { Store, StoredService, StoredVersion, timestamp } from './store';

/** A version as the API answers it. */
export function answerVersion(service: StoredService, version: StoredVersion): StoredObject {
  return {
    active: version.active,
    comment: version.comment,
    created_at: version.created_at,
    deleted_at: version.deleted_at,
    deployed: version.deployed,
    locked: version.locked,
    number: version.number,
    service_id: service.id,
    staging: version.staging,
    testing: version.testing,
    updated_at: version.updated_at,
  };
}

/** A version with everything in it, as `GET /service/{id}/details` answers it. */
export function answerVersionDetail(service: StoredService, version: StoredVersion): StoredObject {
  const list = (kind: typeof BACKENDS) => objectsOf(version, kind).map((object) => answerObject(kind, object, service, version));
  return {
    ...answerVersion(service, version),
    backends: list(BACKENDS),
    cache_settings: [],
    conditions: list(CONDITIONS),
    directors: list(DIRECTORS),
    domains: list(DOMAINS),
    gzips: [],
    headers: [],
    healthchecks: list(HEALTHCHECKS),
    request_settings: [],
    response_objects: [],
    settings: { ...version.settings },
    snippets: list(SNIPPETS),
    vcls: [],
    wordpress: [],
  };
}

export function newVersion(number: number, comment: string): StoredVersion {
  const now = timestamp();
  return {
    number,
    comment,
    active: false,
    locked: false,
    staging: false,
    testing: false,
    deployed: false,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    settings: defaultSettings(),
    http3: null,
    objects: {},
    director_backends: [],
    package: null,
  };
}

/**
 * What activating the version would fail on. Fastly compiles the VCL here; the local API cannot,
 * so it checks what the configuration itself must satisfy: every name an object refers to exists,
 * and a Compute version has a package.
 */
export function validationProblems(service: StoredService, version: StoredVersion): string[] {
  const problems: string[] = [];
  for (const backend of objectsOf(version, BACKENDS)) {
    const fields = service.type === 'vcl' ? ['healthcheck', 'request_condition'] : ['healthcheck'];
    for (const problem of BACKENDS.missingReferences!(backend, version, fields)) problems.push(`Backend '${backend.name}': ${problem}`);
  }
  for (const link of version.director_backends) {
    if (!findObject(version, BACKENDS, link.backend_name as string)) {
      problems.push(`Director '${link.director_name}': No backend named '${link.backend_name}'`);
    }
  }
  if (service.type === 'wasm' && version.package === null) {
    problems.push(`Version ${version.number} has no package: upload one with PUT /service/${service.id}/version/${version.number}/package`);
  }
  return problems;
}

type VersionParams = { service_id: string; version_id: string };
type EnvironmentParams = VersionParams & { environment?: string };

/** Versions: list, create, describe, comment, clone, lock, validate, activate and deactivate. */
export function registerVersionRoutes(app: FastifyInstance, store: Store): void {
  const base = '/service/:service_id/version';

  app.get<{ Params: VersionParams }>(base, async (request) => {
    const service = store.service(request.params.service_id);
    return service.versions.map((version) => answerVersion(service, version));
  });

  app.post<{ Params: VersionParams; Body: { comment?: string } }>(base, async (request) => {
    const service = store.service(request.params.service_id);
    const version = newVersion(nextNumber(service), String(request.body?.comment ?? ''));
    service.versions.push(version);
    return { comment: version.comment, service_id: service.id, number: version.number };
  });

  app.get<{ Params: VersionParams }>(`${base}/:version_id`, async (request) => {
    const service = store.service(request.params.service_id);
    return answerVersion(service, store.version(service, request.params.version_id));
  });

  // The comment is not configuration: the provider sets it on locked versions too.
  app.put<{ Params: VersionParams; Body: { comment?: string } }>(`${base}/:version_id`, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.version(service, request.params.version_id);
    if (request.body?.comment !== undefined) version.comment = String(request.body.comment);
    version.updated_at = timestamp();
    return answerVersion(service, version);
  });

  app.put<{ Params: VersionParams }>(`${base}/:version_id/clone`, async (request) => {
    const service = store.service(request.params.service_id);
    const source = store.version(service, request.params.version_id);
    // A deep copy of the configuration into a new, unlocked and inactive version.
    const copy: StoredVersion = {
      ...newVersion(nextNumber(service), source.comment),
      ...JSON.parse(JSON.stringify({
        settings: source.settings,
        http3: source.http3,
        objects: source.objects,
        director_backends: source.director_backends,
        package: source.package,
      })),
    };
    service.versions.push(copy);
    return answerVersion(service, copy);
  });

  app.put<{ Params: VersionParams }>(`${base}/:version_id/lock`, async (request) => {
    const service = store.service(request.params.service_id);
    const version = store.version(service, request.params.version_id);
    version.locked = true;
    version.updated_at = timestamp();
    return answerVersion(service, version);
  });

  app.get<{ Params: VersionParams }>(`${base}/:version_id/validate`, async (request) => {
    const service = store.service(request.params.service_id);
    const problems = validationProblems(service, store.version(service, request.params.version_id));
    return problems.length === 0
      ? { status: 'ok', msg: null, errors: [], warnings: [], messages: [] }
      : { status: 'error', msg: problems.join('; '), errors: problems, warnings: [], messages: [] };
  });

  const activate = async (request: { params: EnvironmentParams }) => {
    const service = store.service(request.params.service_id);
    const version = store.version(service, request.params.version_id);
    const staging = environment(request.params.environment);
    const problems = validationProblems(service, version);
    if (problems.length > 0) throw badRequest(problems.join('; '));
    for (const other of service.versions) {
      if (staging) other.staging = false;
      else other.active = false;
    }
    if (staging) version.staging = true;
    else version.active = true;
    version.locked = true;
    version.updated_at = timestamp();
    service.updated_at = version.updated_at;
    return answerVersion(service, version);
  };
  app.put<{ Params: EnvironmentParams }>(`${base}/:version_id/activate`, activate);
  app.put<{ Params: EnvironmentParams }>(`${base}/:version_id/activate/:environment`, activate);

  const deactivate = async (request: { params: EnvironmentParams }) => {
    const service = store.service(request.params.service_id);
    const version = store.version(service, request.params.version_id);
    const staging = environment(request.params.environment);
    if (!(staging ? version.staging : version.active)) {
      throw badRequest(`Version ${version.number} is not ${staging ? 'staged' : 'active'}`);
    }
    if (staging) version.staging = false;
    else version.active = false;
    version.updated_at = timestamp();
    return answerVersion(service, version);
  };
  app.put<{ Params: EnvironmentParams }>(`${base}/:version_id/deactivate`, deactivate);
  app.put<{ Params: EnvironmentParams }>(`${base}/:version_id/deactivate/:environment`, deactivate);
}

function nextNumber(service: StoredService): number {
  return Math.max(0, ...service.versions.map((version) => version.number)) + 1;
}

/** True for the staging environment; production has no path segment. */
function environment(name: string | undefined): boolean {
  if (name === undefined) return false;
  if (name === 'staging') return true;
  throw badRequest(`unknown environment '${name}'; the environments are production (no path segment) and staging`);
}
