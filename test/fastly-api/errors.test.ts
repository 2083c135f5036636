import { apiError, localApi } from './client';

const { api, fastly } = localApi();

async function newService(name: string, type: string = 'vcl'): Promise<string> {
  return (await fastly().service.createService({ name, type })).id;
}

function raw(path: string, init: { method?: string; headers?: { [name: string]: string }; body?: string } = {}): Promise<Response> {
  return fetch(`${api().url}${path}`, init);
}

describe('a locked version refuses edits', () => {
  let serviceId: string;
  beforeAll(async () => {
    serviceId = await newService('locked');
    await fastly().backend.createBackend({ service_id: serviceId, version_id: 1, name: 'web', address: 'web.example.net' });
    await fastly().version.activateServiceVersion({ service_id: serviceId, version_id: 1 });
  });

  const refusal = (version: number) => ({
    status: 400,
    body: { msg: 'Version locked', detail: `Version ${version} of service '${serviceId}' is locked (active or locked versions cannot be edited); clone it to make changes` },
  });

  test.each([
    ['create', () => fastly().backend.createBackend({ service_id: serviceId, version_id: 1, name: 'api', address: 'api.example.net' })],
    ['update', () => fastly().backend.updateBackend({ service_id: serviceId, version_id: 1, backend_name: 'web', weight: 5 })],
    ['delete', () => fastly().backend.deleteBackend({ service_id: serviceId, version_id: 1, backend_name: 'web' })],
    ['settings', () => fastly().settings.updateServiceSettings({ 'service_id': serviceId, 'version_id': 1, 'general.default_ttl': 60 })],
    ['healthcheck', () => fastly().healthcheck.createHealthcheck({ service_id: serviceId, version_id: 1, name: 'hc', host: 'h', path: '/' })],
  ])('%s on the active version: 400 Version locked', async (_what, call) => {
    expect(await apiError(call())).toEqual(refusal(1));
  });

  test('a locked (never activated) version refuses edits too, and its clone accepts them', async () => {
    const { number } = await fastly().version.cloneServiceVersion({ service_id: serviceId, version_id: 1 });
    await fastly().version.lockServiceVersion({ service_id: serviceId, version_id: number });
    expect(await apiError(fastly().backend.updateBackend({ service_id: serviceId, version_id: number, backend_name: 'web', weight: 5 })))
      .toEqual(refusal(number));
    const clone = await fastly().version.cloneServiceVersion({ service_id: serviceId, version_id: number });
    expect((await fastly().backend.updateBackend({ service_id: serviceId, version_id: clone.number, backend_name: 'web', weight: 5 })).weight).toBe(5);
  });
});

describe('names are unique per version and kind', () => {
  let serviceId: string;
  beforeAll(async () => {
    serviceId = await newService('duplicates');
  });

  test.each<[string, string, (name: string) => Promise<unknown>]>([
    ['backend', 'backend', (name) => fastly().backend.createBackend({ service_id: serviceId, version_id: 1, name, address: 'a.example.net' })],
    ['healthcheck', 'healthcheck', (name) => fastly().healthcheck.createHealthcheck({ service_id: serviceId, version_id: 1, name, host: 'h', path: '/' })],
    ['condition', 'condition', (name) => fastly().condition.createCondition({ service_id: serviceId, version_id: 1, name, statement: 'true', type: 'REQUEST' })],
    ['domain', 'domain', (name) => fastly().domain.createDomain({ service_id: serviceId, version_id: 1, name })],
    ['director', 'director', (name) => fastly().director.createDirector({ service_id: serviceId, version_id: 1, name })],
    ['snippet', 'snippet', (name) => fastly().snippet.createSnippet({ service_id: serviceId, version_id: 1, name, type: 'recv', content: '#', dynamic: '0' })],
  ])('a second %s with the same name: 409 Duplicate record', async (_kind, label, create) => {
    await create('same');
    expect(await apiError(create('same'))).toEqual({ status: 409, body: { msg: 'Duplicate record', detail: `Duplicate ${label}: 'same'` } });
  });

  test('renaming onto an existing name: 409', async () => {
    await fastly().backend.createBackend({ service_id: serviceId, version_id: 1, name: 'other', address: 'b.example.net' });
    expect(await apiError(fastly().backend.updateBackend({ service_id: serviceId, version_id: 1, backend_name: 'other', name: 'same' })))
      .toEqual({ status: 409, body: { msg: 'Duplicate record', detail: "Duplicate backend: 'same'" } });
  });

  test('the same name in another version is fine', async () => {
    const { number } = await fastly().version.createServiceVersion({ service_id: serviceId });
    expect((await fastly().backend.createBackend({ service_id: serviceId, version_id: number, name: 'same', address: 'c.example.net' })).name).toBe('same');
  });
});

describe('references are by name and must exist', () => {
  let serviceId: string;
  beforeAll(async () => {
    serviceId = await newService('references');
    await fastly().condition.createCondition({ service_id: serviceId, version_id: 1, name: 'IsCached', statement: 'beresp.status == 200', type: 'CACHE' });
  });

  test('a backend naming a missing healthcheck: 400 No healthcheck named', async () => {
    expect(await apiError(fastly().backend.createBackend({ service_id: serviceId, version_id: 1, name: 'web', address: 'w.example.net', healthcheck: 'nope' })))
      .toEqual({ status: 400, body: { msg: 'Bad request', detail: "No healthcheck named 'nope'" } });
  });

  test('the same on update, and nothing is changed', async () => {
    await fastly().backend.createBackend({ service_id: serviceId, version_id: 1, name: 'web', address: 'w.example.net' });
    expect(await apiError(fastly().backend.updateBackend({ service_id: serviceId, version_id: 1, backend_name: 'web', healthcheck: 'nope', weight: 1 })))
      .toEqual({ status: 400, body: { msg: 'Bad request', detail: "No healthcheck named 'nope'" } });
    expect(await fastly().backend.getBackend({ service_id: serviceId, version_id: 1, backend_name: 'web' })).toMatchObject({ healthcheck: null, weight: 100 });
  });

  test('a missing request condition, or one that is not a REQUEST condition: 400', async () => {
    expect(await apiError(fastly().backend.updateBackend({ service_id: serviceId, version_id: 1, backend_name: 'web', request_condition: 'IsApi' })))
      .toEqual({ status: 400, body: { msg: 'Bad request', detail: "No condition named 'IsApi'" } });
    expect(await apiError(fastly().backend.updateBackend({ service_id: serviceId, version_id: 1, backend_name: 'web', request_condition: 'IsCached' })))
      .toEqual({ status: 400, body: { msg: 'Bad request', detail: "Condition 'IsCached' is a CACHE condition; a backend's request_condition must be a REQUEST condition" } });
  });

  test('a director member that is not a backend: 400; a director that does not exist: 404', async () => {
    await fastly().director.createDirector({ service_id: serviceId, version_id: 1, name: 'pool' });
    expect(await apiError(fastly().directorBackend.createDirectorBackend({ service_id: serviceId, version_id: 1, director_name: 'pool', backend_name: 'ghost' })))
      .toEqual({ status: 400, body: { msg: 'Bad request', detail: "No backend named 'ghost'" } });
    expect((await apiError(fastly().directorBackend.createDirectorBackend({ service_id: serviceId, version_id: 1, director_name: 'nopool', backend_name: 'web' }))).status)
      .toBe(404);
  });

  test('a reference left dangling by a deletion fails validation and activation, naming the object', async () => {
    await fastly().healthcheck.createHealthcheck({ service_id: serviceId, version_id: 1, name: 'probe', host: 'h', path: '/' });
    await fastly().backend.updateBackend({ service_id: serviceId, version_id: 1, backend_name: 'web', healthcheck: 'probe' });
    await fastly().healthcheck.deleteHealthcheck({ service_id: serviceId, version_id: 1, healthcheck_name: 'probe' });
    expect(await fastly().version.validateServiceVersion({ service_id: serviceId, version_id: 1 })).toEqual({ status: 'error' });
    // Fastly's JavaScript client models only the status; the answer says what is wrong.
    const validation = await raw(`/service/${serviceId}/version/1/validate`, { headers: { 'Fastly-Key': 'k' } });
    expect(await validation.json()).toEqual({
      status: 'error',
      msg: "Backend 'web': No healthcheck named 'probe'",
      errors: ["Backend 'web': No healthcheck named 'probe'"],
      warnings: [],
      messages: [],
    });
    expect(await apiError(fastly().version.activateServiceVersion({ service_id: serviceId, version_id: 1 }))).toEqual({
      status: 400, body: { msg: 'Bad request', detail: "Backend 'web': No healthcheck named 'probe'" },
    });
  });
});

describe('deleting a service', () => {
  test('with an active version: refused; deactivated: deleted, and then unknown', async () => {
    const serviceId = await newService('to-delete');
    await fastly().version.activateServiceVersion({ service_id: serviceId, version_id: 1 });
    expect(await apiError(fastly().service.deleteService({ service_id: serviceId }))).toEqual({
      status: 400,
      body: { msg: 'Bad request', detail: `Service '${serviceId}' has an active version (1); deactivate it before deleting the service` },
    });
    await fastly().version.deactivateServiceVersion({ service_id: serviceId, version_id: 1 });
    expect(await fastly().service.deleteService({ service_id: serviceId })).toEqual({ status: 'ok' });
    expect(await apiError(fastly().service.getServiceDetail({ service_id: serviceId }))).toEqual({
      status: 404, body: { msg: 'Record not found', detail: `Cannot find service '${serviceId}'` },
    });
  });
});

describe('unknown services, versions and objects', () => {
  test('an unknown service: 404 Cannot find service', async () => {
    expect(await apiError(fastly().backend.listBackends({ service_id: 'NoSuchService', version_id: 1 }))).toEqual({
      status: 404, body: { msg: 'Record not found', detail: "Cannot find service 'NoSuchService'" },
    });
  });

  test('an unknown version: 404 Cannot find version', async () => {
    const serviceId = await newService('versions');
    expect(await apiError(fastly().backend.listBackends({ service_id: serviceId, version_id: 9 }))).toEqual({
      status: 404, body: { msg: 'Record not found', detail: "Cannot find version '9'" },
    });
  });

  test('an unknown path: 404 Not found', async () => {
    const response = await raw('/no/such/thing', { headers: { 'Fastly-Key': 'k' } });
    expect([response.status, await response.json()]).toEqual([404, { msg: 'Not found' }]);
  });
});

describe('authentication', () => {
  test.each([
    ['no Fastly-Key header', {}],
    ['an empty Fastly-Key', { 'Fastly-Key': ' ' }],
  ])('%s: 401', async (_what, headers) => {
    const response = await raw('/service', { headers });
    expect([response.status, await response.json()]).toEqual([401, { msg: 'Provided credentials are missing or invalid' }]);
  });

  test('any non-empty key is accepted', async () => {
    expect((await raw('/service', { headers: { 'Fastly-Key': 'anything' } })).status).toBe(200);
  });
});

describe('bad values', () => {
  let serviceId: string;
  beforeAll(async () => {
    serviceId = await newService('values');
  });

  test.each<[string, string, string]>([
    ['backend', 'name=a&address=a.example.net&port=eighty', "port must be an integer, got 'eighty'"],
    ['backend', 'name=b&address=b.example.net&use_ssl=maybe', "use_ssl must be a boolean, got 'maybe'"],
    ['backend', 'name=c', "address can't be blank"],
    ['backend', 'address=d.example.net', "name can't be blank"],
    ['condition', 'name=c&statement=true&type=request', "type must be one of REQUEST, CACHE, RESPONSE, PREFETCH, got 'request'"],
    ['director', 'name=d&type=2', 'type must be one of 1 (random), 3 (hash) or 4 (client), got 2'],
    ['director', 'name=d&quorum=101', 'quorum must be a percentage from 0 to 100, got 101'],
    ['snippet', 'name=s&type=recv_start&content=x', 'type must be one of init, recv, hash, hit, miss, pass, fetch, error, deliver, log, none, got \'recv_start\''],
    ['healthcheck', 'name=h&host=h', "path can't be blank"],
  ])('POST %s %s: 400 %s', async (kind, body, detail) => {
    const response = await raw(`/service/${serviceId}/version/1/${kind}`, {
      method: 'POST', headers: { 'Fastly-Key': 'k', 'Content-Type': 'application/x-www-form-urlencoded' }, body,
    });
    expect([response.status, await response.json()]).toEqual([400, { msg: 'Bad request', detail }]);
  });

  test('a condition\'s type cannot change', async () => {
    await fastly().condition.createCondition({ service_id: serviceId, version_id: 1, name: 'IsApi', statement: 'true', type: 'REQUEST' });
    expect(await apiError(fastly().condition.updateCondition({ service_id: serviceId, version_id: 1, condition_name: 'IsApi', type: 'CACHE' }))).toEqual({
      status: 400, body: { msg: 'Bad request', detail: "the type of condition 'IsApi' cannot be changed; delete it and create it again" },
    });
  });
});
