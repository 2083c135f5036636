import { apiError, localApi } from './client';

const { api, fastly } = localApi();
let serviceId: string;
const version = { version_id: 1 };

/** Every field of the Backend data model that Fastly's JavaScript client sends, with a value other than its default. */
const EVERY_FIELD = {
  address: 'origin.example.net',
  auto_loadbalance: true,
  between_bytes_timeout: 12000,
  client_cert: 'unused',
  comment: 'the main origin',
  connect_timeout: 1500,
  first_byte_timeout: 30000,
  healthcheck: 'probe',
  hostname: 'origin.example.net',
  ipv4: '192.0.2.10',
  ipv6: '2001:db8::10',
  keepalive_time: 30,
  max_conn: 300,
  max_tls_version: '1.3',
  min_tls_version: '1.2',
  name: 'origin',
  override_host: 'www.example.com',
  port: 8443,
  prefer_ipv6: true,
  request_condition: 'IsApi',
  share_key: 'shared1',
  shield: 'iad-va-us',
  ssl_ca_cert: '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----',
  ssl_cert_hostname: 'cert.example.net',
  ssl_check_cert: false,
  ssl_ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:AES256-GCM-SHA384',
  ssl_client_cert: '-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----',
  ssl_client_key: '-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----',
  ssl_hostname: 'legacy.example.net',
  ssl_sni_hostname: 'sni.example.net',
  tcp_keepalive_enable: true,
  tcp_keepalive_interval: 15,
  tcp_keepalive_probes: 4,
  tcp_keepalive_time: 240,
  use_ssl: true,
  weight: 40,
};

/** What the API answers for a backend created with only a name and a hostname address. */
const DEFAULTS = {
  auto_loadbalance: false,
  between_bytes_timeout: 10000,
  client_cert: null,
  comment: '',
  connect_timeout: 1000,
  error_threshold: 0,
  fetch_timeout: null,
  first_byte_timeout: 15000,
  healthcheck: null,
  ipv4: null,
  ipv6: null,
  keepalive_time: null,
  locked: false,
  max_conn: 200,
  max_lifetime: 0,
  max_tls_version: null,
  max_use: 0,
  min_tls_version: null,
  override_host: null,
  port: 80,
  prefer_ipv6: null,
  request_condition: '',
  share_key: null,
  shield: null,
  ssl_ca_cert: null,
  ssl_cert_hostname: null,
  ssl_check_cert: true,
  ssl_ciphers: null,
  ssl_client_cert: null,
  ssl_client_key: null,
  ssl_hostname: null,
  ssl_sni_hostname: null,
  tcp_keepalive_enable: null,
  tcp_keepalive_interval: null,
  tcp_keepalive_probes: null,
  tcp_keepalive_time: null,
  use_ssl: false,
  weight: 100,
};

beforeAll(async () => {
  ({ id: serviceId } = await fastly().service.createService({ name: 'backends', type: 'vcl' }));
  await fastly().healthcheck.createHealthcheck({ service_id: serviceId, ...version, name: 'probe', host: 'www.example.com', path: '/healthz' });
  await fastly().healthcheck.createHealthcheck({ service_id: serviceId, ...version, name: 'deep', host: 'www.example.com', path: '/deep' });
  await fastly().condition.createCondition({ service_id: serviceId, ...version, name: 'IsApi', statement: 'req.url ~ "^/api/"', type: 'REQUEST' });
  await fastly().condition.createCondition({ service_id: serviceId, ...version, name: 'IsAssets', statement: 'req.url ~ "^/assets/"', type: 'REQUEST' });
});

/** A backend as the API sends it (the JSON body, not the client's model of it). */
async function rawBackend(name: string): Promise<{ [field: string]: unknown }> {
  const response = await fetch(`${api().url}/service/${serviceId}/version/1/backend/${encodeURIComponent(name)}`, {
    headers: { 'Fastly-Key': 'local-test-key' },
  });
  return await response.json() as { [field: string]: unknown };
}

describe('creating a backend', () => {
  test('with every field: each field is answered as given, with the service, version and timestamps', async () => {
    const created = await fastly().backend.createBackend({ service_id: serviceId, ...version, ...EVERY_FIELD });
    expect(created).toEqual({
      ...EVERY_FIELD,
      service_id: serviceId,
      version: 1,
      locked: false,
      created_at: expect.any(Date),
      updated_at: created.created_at,
      deleted_at: null,
    });
    // Fields Fastly's JavaScript client does not model keep their defaults.
    expect(await rawBackend('origin')).toMatchObject({ error_threshold: 0, max_lifetime: 0, max_use: 0, fetch_timeout: null });
  });

  test('with only a name and an address: the documented defaults, and the hostname filled from the address', async () => {
    await fastly().backend.createBackend({ service_id: serviceId, ...version, name: 'plain', address: 'plain.example.net' });
    expect(await rawBackend('plain')).toEqual({
      ...DEFAULTS,
      address: 'plain.example.net',
      hostname: 'plain.example.net',
      name: 'plain',
      service_id: serviceId,
      version: 1,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      updated_at: expect.any(String),
      deleted_at: null,
    });
  });

  test.each([
    ['192.0.2.1', { hostname: null, ipv4: '192.0.2.1', ipv6: null }],
    ['2001:db8::1', { hostname: null, ipv4: null, ipv6: '2001:db8::1' }],
    ['origin.example.org', { hostname: 'origin.example.org', ipv4: null, ipv6: null }],
  ])('address %s fills hostname, ipv4 and ipv6', async (address, located) => {
    const name = `at-${address.replace(/\W/g, '-')}`;
    const created = await fastly().backend.createBackend({ service_id: serviceId, ...version, name, address });
    expect(created).toMatchObject({ address, ...located });
  });

  test.each([
    [443, undefined, true],
    [80, undefined, false],
    [8080, undefined, false],
    [443, false, false],
    [80, true, true],
  ])('port %s with use_ssl %s answers use_ssl %s', async (port, useSsl, expected) => {
    const name = `port-${port}-${useSsl}`;
    const created = await fastly().backend.createBackend({
      service_id: serviceId, ...version, name, address: 'tls.example.net', port, ...(useSsl === undefined ? {} : { use_ssl: useSsl }),
    });
    expect(created.use_ssl).toBe(expected);
  });
});

describe('reading backends', () => {
  test('describe answers what create answered', async () => {
    const read = await fastly().backend.getBackend({ service_id: serviceId, ...version, backend_name: 'origin' });
    expect(read).toEqual({
      ...EVERY_FIELD,
      service_id: serviceId,
      version: 1,
      locked: false,
      created_at: expect.any(Date),
      updated_at: expect.any(Date),
      deleted_at: null,
    });
  });

  test('list answers every backend of the version in creation order', async () => {
    const listed = await fastly().backend.listBackends({ service_id: serviceId, ...version });
    expect(listed.map((backend: { name: string }) => backend.name)).toEqual([
      'origin', 'plain', 'at-192-0-2-1', 'at-2001-db8--1', 'at-origin-example-org',
      'port-443-undefined', 'port-80-undefined', 'port-8080-undefined', 'port-443-false', 'port-80-true',
    ]);
    expect(listed[0]).toEqual(await fastly().backend.getBackend({ service_id: serviceId, ...version, backend_name: 'origin' }));
  });
});

describe('updating a backend, field by field', () => {
  // Each update changes one field of "plain"; the answer must change that field and nothing else.
  test.each<[string, unknown, { [field: string]: unknown }?]>([
    ['auto_loadbalance', true],
    ['between_bytes_timeout', 5000],
    ['comment', 'updated'],
    ['connect_timeout', 2500],
    ['first_byte_timeout', 60000],
    ['healthcheck', 'deep'],
    ['keepalive_time', 45],
    ['max_conn', 1000],
    ['max_tls_version', '1.3'],
    ['min_tls_version', '1.2'],
    ['override_host', 'host.example.com'],
    ['prefer_ipv6', true],
    ['request_condition', 'IsAssets'],
    ['share_key', 'pool7'],
    ['shield', 'london_city-uk'],
    ['ssl_ca_cert', 'CA'],
    ['ssl_cert_hostname', 'cert.example.org'],
    ['ssl_check_cert', false],
    ['ssl_ciphers', 'HIGH'],
    ['ssl_client_cert', 'CERT'],
    ['ssl_client_key', 'KEY'],
    ['ssl_sni_hostname', 'sni.example.org'],
    ['tcp_keepalive_enable', false],
    ['tcp_keepalive_interval', 20],
    ['tcp_keepalive_probes', 9],
    ['tcp_keepalive_time', 600],
    ['use_ssl', true],
    ['weight', 7],
    ['address', '198.51.100.7', { hostname: null, ipv4: '198.51.100.7' }],
    ['port', 443, { use_ssl: true }],
    ['port', 80, { use_ssl: false }],
  ])('%s = %p', async (field, value, alsoChanged = {}) => {
    const before = await fastly().backend.getBackend({ service_id: serviceId, ...version, backend_name: 'plain' });
    const updated = await fastly().backend.updateBackend({ service_id: serviceId, ...version, backend_name: 'plain', [field]: value });
    expect(updated).toEqual({ ...before, [field]: value, ...alsoChanged, updated_at: expect.any(Date) });
    expect(await fastly().backend.getBackend({ service_id: serviceId, ...version, backend_name: 'plain' })).toEqual(updated);
  });

  test('an empty string clears a text field, as the API answers it: null', async () => {
    const updated = await fastly().backend.updateBackend({ service_id: serviceId, ...version, backend_name: 'plain', override_host: '' });
    expect(updated.override_host).toBeNull();
  });

  test('fields Fastly\'s JavaScript client does not send are updated from a form, as the Terraform provider sends them', async () => {
    const response = await fetch(`${api().url}/service/${serviceId}/version/1/backend/plain`, {
      method: 'PUT',
      headers: { 'Fastly-Key': 'local-test-key', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'error_threshold=5&max_lifetime=60000&max_use=100&fetch_timeout=90000&use_ssl=0&ssl_check_cert=1',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      error_threshold: 5, max_lifetime: 60000, max_use: 100, fetch_timeout: 90000, use_ssl: false, ssl_check_cert: true,
    });
  });

  test('a new name renames it: the old name is gone', async () => {
    const renamed = await fastly().backend.updateBackend({ service_id: serviceId, ...version, backend_name: 'plain', name: 'renamed' });
    expect(renamed.name).toBe('renamed');
    expect(await apiError(fastly().backend.getBackend({ service_id: serviceId, ...version, backend_name: 'plain' }))).toEqual({
      status: 404,
      body: { msg: 'Record not found', detail: `Couldn't find Backend '{ deleted => 0000-00-00 00:00:00, name => plain, service => ${serviceId}, version => 1 }'` },
    });
  });
});

describe('deleting a backend', () => {
  test('answers ok, and the backend is gone from describe and list', async () => {
    expect(await fastly().backend.deleteBackend({ service_id: serviceId, ...version, backend_name: 'renamed' })).toEqual({ status: 'ok' });
    expect((await apiError(fastly().backend.getBackend({ service_id: serviceId, ...version, backend_name: 'renamed' }))).status).toBe(404);
    const names = (await fastly().backend.listBackends({ service_id: serviceId, ...version })).map((backend: { name: string }) => backend.name);
    expect(names).not.toContain('renamed');
  });

  test('a backend that does not exist: 404', async () => {
    expect(await apiError(fastly().backend.deleteBackend({ service_id: serviceId, ...version, backend_name: 'renamed' }))).toEqual({
      status: 404,
      body: { msg: 'Record not found', detail: `Couldn't find Backend '{ deleted => 0000-00-00 00:00:00, name => renamed, service => ${serviceId}, version => 1 }'` },
    });
  });
});

test('a Compute service\'s backends prefer IPv6 unless told otherwise', async () => {
  const { id } = await fastly().service.createService({ name: 'compute-backends', type: 'wasm' });
  const created = await fastly().backend.createBackend({ service_id: id, version_id: 1, name: 'origin', address: 'origin.example.net' });
  expect(created.prefer_ipv6).toBe(true);
});
