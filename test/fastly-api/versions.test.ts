import { apiError, localApi } from './client';

const { api, fastly } = localApi();

function form(path: string, method: string, body: string): Promise<Response> {
  return fetch(`${api().url}${path}`, {
    method, headers: { 'Fastly-Key': 'k', 'Content-Type': 'application/x-www-form-urlencoded' }, body,
  });
}

async function json(path: string): Promise<any> {
  return (await fetch(`${api().url}${path}`, { headers: { 'Fastly-Key': 'k' } })).json();
}

describe('services', () => {
  test('a new service has an empty, unlocked version 1 and no active version', async () => {
    const service = await fastly().service.createService({ name: 'www-example', comment: 'made by a test', type: 'vcl' });
    expect(service).toMatchObject({
      name: 'www-example',
      comment: 'made by a test',
      type: 'vcl',
      paused: false,
      versions: [expect.objectContaining({ number: 1, active: false, locked: false, service_id: service.id })],
    });
    expect(service.id).toMatch(/^[0-9A-Za-z]{22}$/);
    const details = await json(`/service/${service.id}/details`);
    expect(details.active_version).toBeNull();
    expect(details.version).toMatchObject({ number: 1, backends: [], domains: [], healthchecks: [], conditions: [], directors: [], snippets: [] });
  });

  test('name and comment change without a new version; list and search find the service', async () => {
    const { id } = await fastly().service.createService({ name: 'rename-me', type: 'vcl' });
    const updated = await fastly().service.updateService({ service_id: id, name: 'renamed', comment: 'new comment' });
    expect(updated).toMatchObject({ name: 'renamed', comment: 'new comment', versions: [expect.objectContaining({ number: 1 })] });
    expect((await fastly().service.searchService({ name: 'renamed' })).id).toBe(id);
    expect((await fastly().service.listServices({})).map((service: { id: string }) => service.id)).toContain(id);
  });

  test('a service type other than vcl or wasm: 400', async () => {
    const response = await form('/service', 'POST', 'name=x&type=edge');
    expect(await response.json()).toEqual({ msg: 'Bad request', detail: "type must be vcl or wasm, got 'edge'" });
  });
});

describe('the cycle the Terraform provider runs on a VCL service', () => {
  let serviceId: string;
  const v = (version_id: number) => ({ service_id: serviceId, version_id });

  test('create: settings, HTTP/3 off, conditions, domains, healthchecks, backends, directors, snippets; validate; activate', async () => {
    ({ id: serviceId } = await fastly().service.createService({ name: 'cycle', type: 'vcl' }));
    // go-fastly's forms: settings under general.*, booleans as 1/0, healthcheck headers as a JSON array.
    expect((await form(`/service/${serviceId}/version/1/settings`, 'PUT', 'general.default_ttl=600&general.stale_if_error=1&general.stale_if_error_ttl=43200')).status).toBe(200);
    expect(await (await form(`/service/${serviceId}/version/1/http3`, 'DELETE', '')).json()).toEqual({ status: 'ok' });
    await fastly().condition.createCondition({ ...v(1), name: 'IsApi', statement: 'req.url ~ "^/api/"', type: 'REQUEST', priority: '20' });
    await fastly().domain.createDomain({ ...v(1), name: 'www.example.com' });
    const probe = await form(`/service/${serviceId}/version/1/healthcheck`, 'POST',
      'name=probe&host=www.example.com&path=%2Fhealthz&check_interval=5000&headers=%5B"X-Probe:1","Accept:text%2Fplain"%5D');
    expect((await probe.json()).headers).toEqual(['Accept: text/plain', 'X-Probe: 1']);
    await fastly().backend.createBackend({ ...v(1), name: 'web', address: 'web.example.net', port: 443, healthcheck: 'probe', auto_loadbalance: false });
    await fastly().backend.createBackend({ ...v(1), name: 'api-1', address: 'api-1.example.net', request_condition: 'IsApi' });
    await fastly().backend.createBackend({ ...v(1), name: 'api-2', address: 'api-2.example.net', request_condition: 'IsApi' });
    await fastly().director.createDirector({ ...v(1), name: 'api', type: 1, quorum: 50, retries: 3 });
    await fastly().directorBackend.createDirectorBackend({ ...v(1), director_name: 'api', backend_name: 'api-1' });
    await fastly().directorBackend.createDirectorBackend({ ...v(1), director_name: 'api', backend_name: 'api-2' });
    await fastly().snippet.createSnippet({ ...v(1), name: 'api-route-miss', type: 'miss', content: 'set req.backend = api;', priority: '100', dynamic: '0' });
    expect(await fastly().version.validateServiceVersion(v(1))).toEqual({ status: 'ok' });
    const active = await fastly().version.activateServiceVersion(v(1));
    expect(active).toMatchObject({ number: 1, active: true, locked: true });
  });

  test('refresh: details name the active version and hold every block; each list and settings answer', async () => {
    const details = await fastly().service.getServiceDetail({ service_id: serviceId });
    expect(details.active_version.number).toBe(1);
    expect(details.version.number).toBe(1);
    const names = (list: { name: string }[]) => list.map((item) => item.name);
    expect(names(details.active_version.backends)).toEqual(['web', 'api-1', 'api-2']);
    expect(names(details.active_version.domains)).toEqual(['www.example.com']);
    expect(names(details.active_version.conditions)).toEqual(['IsApi']);
    // The API answers a director's members as backend names; Fastly's JavaScript client models them
    // as backend objects, so the names are read from the JSON itself.
    expect((await json(`/service/${serviceId}/details`)).active_version.directors).toEqual([
      expect.objectContaining({ name: 'api', backends: ['api-1', 'api-2'], quorum: 50, retries: 3, type: 1 }),
    ]);
    expect(await fastly().settings.getServiceSettings(v(1))).toMatchObject({
      'general.default_ttl': 600, 'general.stale_if_error': true, 'general.stale_if_error_ttl': 43200, 'general.default_host': '',
    });
    expect((await apiError(fastly().http3.getHttp3(v(1)))).status).toBe(404);
    expect((await json(`/service/${serviceId}/version/1/director`))[0].backends).toEqual(['api-1', 'api-2']);
    expect(await fastly().directorBackend.getDirectorBackend({ ...v(1), director_name: 'api', backend_name: 'api-2' }))
      .toMatchObject({ director: 'api', backend_name: 'api-2', service_id: serviceId, version: 1 });
    // Recorded answers of the real API name the director director_name, which the client does not model.
    expect(await json(`/service/${serviceId}/version/1/director/api/backend/api-2`)).toMatchObject({ director_name: 'api', backend_name: 'api-2' });
    expect(await fastly().version.getServiceVersion(v(1))).toMatchObject({ locked: true, active: true });
  });

  test('conditions and snippets answer priority, dynamic and version as strings, as the API does', async () => {
    expect(await json(`/service/${serviceId}/version/1/condition/IsApi`)).toMatchObject({ priority: '20', version: '1', type: 'REQUEST' });
    expect(await json(`/service/${serviceId}/version/1/snippet/api-route-miss`)).toMatchObject({
      priority: '100', dynamic: '0', version: '1', content: 'set req.backend = api;', id: expect.stringMatching(/^[0-9A-Za-z]{22}$/),
    });
  });

  test('update: clone the active version, change it, validate and activate the clone', async () => {
    const clone = await fastly().version.cloneServiceVersion(v(1));
    expect(clone).toMatchObject({ number: 2, active: false, locked: false });
    await fastly().version.updateServiceVersion({ ...v(2), comment: 'weights' });
    await fastly().backend.updateBackend({ ...v(2), backend_name: 'api-2', weight: 50 });
    await fastly().directorBackend.deleteDirectorBackend({ ...v(2), director_name: 'api', backend_name: 'api-1' });
    await fastly().backend.deleteBackend({ ...v(2), backend_name: 'api-1' });
    await fastly().backend.createBackend({ ...v(2), name: 'api-3', address: 'api-3.example.net', request_condition: 'IsApi' });
    await fastly().directorBackend.createDirectorBackend({ ...v(2), director_name: 'api', backend_name: 'api-3' });
    await fastly().http3.createHttp3({ ...v(2), feature_revision: 1 });
    expect(await fastly().version.validateServiceVersion(v(2))).toEqual({ status: 'ok' });
    await fastly().version.activateServiceVersion(v(2));

    const details = await fastly().service.getServiceDetail({ service_id: serviceId });
    expect(details.active_version).toMatchObject({ number: 2, comment: 'weights' });
    expect(details.versions.map((version: { number: number; active: boolean }) => [version.number, version.active])).toEqual([[1, false], [2, true]]);
    expect((await json(`/service/${serviceId}/version/2/director/api`)).backends).toEqual(['api-2', 'api-3']);
    expect((await fastly().http3.getHttp3(v(2))).feature_revision).toBe(1);
    // The clone was a copy: version 1 still has what it had.
    expect((await fastly().backend.listBackends(v(1))).map((backend: { name: string }) => backend.name)).toEqual(['web', 'api-1', 'api-2']);
    expect((await fastly().backend.getBackend({ ...v(1), backend_name: 'api-2' })).weight).toBe(100);
  });

  test('the comment of a locked version can still change', async () => {
    expect((await fastly().version.updateServiceVersion({ ...v(1), comment: 'first' })).comment).toBe('first');
  });

  test('details show any version asked for', async () => {
    expect((await json(`/service/${serviceId}/details?version=1`)).version).toMatchObject({ number: 1, comment: 'first' });
  });

  test('destroy with force_destroy: deactivate the active version, then delete the service', async () => {
    expect(await fastly().version.deactivateServiceVersion(v(2))).toMatchObject({ number: 2, active: false, locked: true });
    expect(await fastly().service.deleteService({ service_id: serviceId })).toEqual({ status: 'ok' });
    expect((await apiError(fastly().service.getServiceDetail({ service_id: serviceId }))).status).toBe(404);
  });
});

describe('versions', () => {
  let serviceId: string;
  beforeAll(async () => {
    ({ id: serviceId } = await fastly().service.createService({ name: 'versions', type: 'vcl' }));
  });

  test('create adds an empty version with the next number; list answers them all', async () => {
    expect(await fastly().version.createServiceVersion({ service_id: serviceId })).toEqual({ number: 2, service_id: serviceId });
    const versions = await fastly().version.listServiceVersions({ service_id: serviceId });
    expect(versions.map((version: { number: number }) => version.number)).toEqual([1, 2]);
  });

  test('staging: activate to and deactivate from the staging environment', async () => {
    const staged = await fastly().version.activateServiceVersionEnvironment({ service_id: serviceId, version_id: 2, environment_name: 'staging' });
    expect(staged).toMatchObject({ number: 2, staging: true, active: false, locked: true });
    expect((await json(`/service/${serviceId}/details`)).environments).toEqual([{ name: 'staging', active_version: 2, service_id: serviceId }]);
    await fastly().version.deactivateServiceVersionEnvironment({ service_id: serviceId, version_id: 2, environment_name: 'staging' });
    expect((await json(`/service/${serviceId}/details`)).environments).toEqual([]);
  });

  test('deactivating a version that is not active: 400', async () => {
    expect(await apiError(fastly().version.deactivateServiceVersion({ service_id: serviceId, version_id: 1 }))).toEqual({
      status: 400, body: { msg: 'Bad request', detail: 'Version 1 is not active' },
    });
  });

  test('HTTP/3 is off (404) until enabled, and off again once deleted', async () => {
    const { number } = await fastly().version.createServiceVersion({ service_id: serviceId });
    expect(await apiError(fastly().http3.getHttp3({ service_id: serviceId, version_id: number }))).toEqual({ status: 404, body: { msg: 'Not found' } });
    await fastly().http3.createHttp3({ service_id: serviceId, version_id: number });
    expect(await fastly().http3.getHttp3({ service_id: serviceId, version_id: number })).toMatchObject({ feature_revision: 1, version: number });
    await fastly().http3.deleteHttp3({ service_id: serviceId, version_id: number });
    expect((await apiError(fastly().http3.getHttp3({ service_id: serviceId, version_id: number }))).status).toBe(404);
  });

  test('new versions have the API\'s default settings', async () => {
    expect(await json(`/service/${serviceId}/version/1/settings`)).toEqual({
      'general.default_host': '',
      'general.default_pci': 0,
      'general.default_ttl': 3600,
      'general.stale_if_error': false,
      'general.stale_if_error_ttl': 43200,
      'service_id': serviceId,
      'version': 1,
    });
  });
});

describe('objects other than backends', () => {
  let serviceId: string;
  const v1 = () => ({ service_id: serviceId, version_id: 1 });
  beforeAll(async () => {
    ({ id: serviceId } = await fastly().service.createService({ name: 'objects', type: 'vcl' }));
  });

  test('a healthcheck with only its required fields has the defaults; its headers sent as CSV are stored sorted', async () => {
    const created = await fastly().healthcheck.createHealthcheck({ ...v1(), name: 'probe', host: 'www.example.com', path: '/', headers: ['X-B:2', 'X-A: 1'] });
    expect(created).toMatchObject({
      check_interval: 5000,
      expected_response: 200,
      http_version: '1.1',
      initial: 3,
      method: 'HEAD',
      threshold: 3,
      timeout: 5000,
      window: 5,
      comment: '',
      headers: ['X-A: 1', 'X-B: 2'],
    });
    const updated = await fastly().healthcheck.updateHealthcheck({ ...v1(), healthcheck_name: 'probe', threshold: 2, name: 'probe2' });
    expect(updated).toMatchObject({ name: 'probe2', threshold: 2, window: 5 });
  });

  test('a condition defaults to priority 100; a statement changes in place', async () => {
    await fastly().condition.createCondition({ ...v1(), name: 'IsApi', statement: 'req.url ~ "^/api/"', type: 'REQUEST' });
    expect(await json(`/service/${serviceId}/version/1/condition/IsApi`)).toMatchObject({ priority: '100', comment: '' });
    const updated = await fastly().condition.updateCondition({ ...v1(), condition_name: 'IsApi', statement: 'req.url ~ "^/v2/"' });
    expect(updated).toMatchObject({ statement: 'req.url ~ "^/v2/"', type: 'REQUEST' });
  });

  test('a director defaults to random, quorum 75, 5 retries, capacity 100; renaming keeps its members', async () => {
    await fastly().backend.createBackend({ ...v1(), name: 'b1', address: 'b1.example.net' });
    const created = await fastly().director.createDirector({ ...v1(), name: 'pool' });
    expect(await json(`/service/${serviceId}/version/1/director/pool`)).toMatchObject({
      type: 1, quorum: 75, retries: 5, capacity: 100, shield: null, comment: '', backends: [],
    });
    expect(created.name).toBe('pool');
    await fastly().directorBackend.createDirectorBackend({ ...v1(), director_name: 'pool', backend_name: 'b1' });
    // Fastly's JavaScript client sends no fields with a director update; go-fastly's form does.
    expect((await form(`/service/${serviceId}/version/1/director/pool`, 'PUT', 'name=pool2&quorum=0')).status).toBe(200);
    expect(await json(`/service/${serviceId}/version/1/director/pool2`)).toMatchObject({ quorum: 0, backends: ['b1'] });
    await fastly().backend.updateBackend({ ...v1(), backend_name: 'b1', name: 'b1-renamed' });
    expect((await json(`/service/${serviceId}/version/1/director/pool2`)).backends).toEqual(['b1-renamed']);
    await fastly().director.deleteDirector({ ...v1(), director_name: 'pool2' });
    expect((await apiError(fastly().directorBackend.getDirectorBackend({ ...v1(), director_name: 'pool2', backend_name: 'b1-renamed' }))).status).toBe(404);
  });

  test('a dynamic snippet is answered without its content', async () => {
    await fastly().snippet.createSnippet({ ...v1(), name: 'dyn', type: 'recv', content: 'set req.http.X = "1";', dynamic: '1' });
    expect(await json(`/service/${serviceId}/version/1/snippet/dyn`)).toMatchObject({ dynamic: '1', content: null });
  });

  test('domains: create, rename, list, delete', async () => {
    await fastly().domain.createDomain({ ...v1(), name: 'a.example.com', comment: 'first' });
    await fastly().domain.updateDomain({ ...v1(), domain_name: 'a.example.com', name: 'b.example.com' });
    expect((await fastly().domain.listDomains(v1())).map((domain: { name: string }) => domain.name)).toEqual(['b.example.com']);
    expect(await fastly().domain.deleteDomain({ ...v1(), domain_name: 'b.example.com' })).toEqual({ status: 'ok' });
  });
});
