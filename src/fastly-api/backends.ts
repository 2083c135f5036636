import { isIP } from 'net';
import { CONDITIONS } from './conditions';
import { badRequest } from './errors';
import { FieldTable, RequestInput, StoredObject } from './fields';
import { HEALTHCHECKS } from './healthchecks';
import { findObject, ObjectKind } from './objects';
import { StoredService, StoredVersion } from './store';

/**
 * Every field of the Backend data model, with the defaults the API answers when a create request
 * leaves a field out (as recorded from the real API: unset strings are null, `request_condition`
 * and `comment` are empty strings, the TCP keepalive fields stay null).
 */
function backendFields(service: StoredService): FieldTable {
  return {
    address: { type: 'string' },
    auto_loadbalance: { type: 'boolean', default: false },
    between_bytes_timeout: { type: 'integer', default: 10000 },
    client_cert: { type: 'string' },
    comment: { type: 'string', default: '', empty: '' },
    connect_timeout: { type: 'integer', default: 1000 },
    error_threshold: { type: 'integer', default: 0 },
    fetch_timeout: { type: 'integer' },
    first_byte_timeout: { type: 'integer', default: 15000 },
    healthcheck: { type: 'string' },
    hostname: { type: 'string' },
    ipv4: { type: 'string' },
    ipv6: { type: 'string' },
    keepalive_time: { type: 'integer' },
    max_conn: { type: 'integer', default: 200 },
    max_lifetime: { type: 'integer', default: 0 },
    max_tls_version: { type: 'string' },
    max_use: { type: 'integer', default: 0 },
    min_tls_version: { type: 'string' },
    name: { type: 'string' },
    override_host: { type: 'string' },
    port: { type: 'integer', default: 80 },
    // Documented as false for Delivery (VCL) and true for Compute; the API answers null for a VCL
    // backend created without it.
    prefer_ipv6: { type: 'boolean', default: service.type === 'wasm' ? true : null },
    request_condition: { type: 'string', default: '', empty: '' },
    share_key: { type: 'string' },
    shield: { type: 'string' },
    ssl_ca_cert: { type: 'string' },
    ssl_cert_hostname: { type: 'string' },
    ssl_check_cert: { type: 'boolean', default: true },
    ssl_ciphers: { type: 'string' },
    ssl_client_cert: { type: 'string' },
    ssl_client_key: { type: 'string' },
    ssl_hostname: { type: 'string' },
    ssl_sni_hostname: { type: 'string' },
    tcp_keepalive_enable: { type: 'boolean' },
    tcp_keepalive_interval: { type: 'integer' },
    tcp_keepalive_probes: { type: 'integer' },
    tcp_keepalive_time: { type: 'integer' },
    use_ssl: { type: 'boolean', default: false },
    weight: { type: 'integer', default: 100 },
  };
}

/**
 * The API fills `hostname`, `ipv4` or `ipv6` from `address` (unless the request sets them too),
 * and `address` from any of them.
 */
function locate(object: StoredObject, changes: StoredObject, input: RequestInput): void {
  if (typeof changes.address === 'string') {
    const family = isIP(changes.address);
    const located: StoredObject = {
      hostname: family === 0 ? changes.address : null,
      ipv4: family === 4 ? changes.address : null,
      ipv6: family === 6 ? changes.address : null,
    };
    for (const [field, value] of Object.entries(located)) if (!(field in input)) object[field] = value;
    return;
  }
  const given = [changes.hostname, changes.ipv4, changes.ipv6].find((value) => typeof value === 'string');
  if (given !== undefined && !('address' in input)) object.address = given;
}

export const BACKENDS: ObjectKind = {
  path: 'backend',
  label: 'Backend',
  duplicateLabel: 'backend',
  fields: backendFields,
  apply(object, changes, input, _service, created) {
    locate(object, changes, input);
    if (created && (object.address === null || object.address === '')) throw badRequest("address can't be blank");
    // "Setting port to 80 or 443 will also set use_ssl automatically (to false and true
    // respectively), unless explicitly overridden by setting use_ssl in the same request."
    if (!('use_ssl' in input) && (changes.port === 80 || changes.port === 443)) object.use_ssl = changes.port === 443;
    if (typeof object.weight === 'number' && object.weight < 0) throw badRequest(`weight must be a positive integer, got ${object.weight}`);
  },
  missingReferences(object, version, fields) {
    const problems: string[] = [];
    const healthcheck = object.healthcheck;
    if (fields.includes('healthcheck') && typeof healthcheck === 'string' && healthcheck !== ''
      && !findObject(version, HEALTHCHECKS, healthcheck)) {
      problems.push(`No healthcheck named '${healthcheck}'`);
    }
    const condition = object.request_condition;
    if (fields.includes('request_condition') && typeof condition === 'string' && condition !== '') {
      const found = findObject(version, CONDITIONS, condition);
      if (found === undefined) problems.push(`No condition named '${condition}'`);
      else if (found.type !== 'REQUEST') problems.push(`Condition '${condition}' is a ${found.type} condition; a backend's request_condition must be a REQUEST condition`);
    }
    return problems;
  },
  extraFields: (_object, version: StoredVersion) => ({ locked: version.locked }),
  renamed(version, from, to) {
    version.director_backends.filter((link) => link.backend_name === from).forEach((link) => (link.backend_name = to));
  },
};
