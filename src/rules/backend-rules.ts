import { attributeRule, elementRule, integerIn, isKnown, isSet, ServiceRule } from './rule';
import { tlsVersionRank, TlsVersion } from '../constructs/tls-version';
import { classifyAddress, dottedBucket, dottedBucketProblem, explainBadAddress, isHostHeader, isHostname } from '../fastly/address';
import { shieldCodeProblem } from '../fastly/pop';

const CIPHER_LIST = /^[A-Za-z0-9!+@=_.-]+(?:[:, ][A-Za-z0-9!+@=_.-]+)*$/;
const PEM_CERTIFICATE = /^-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/;
const PEM_PRIVATE_KEY = /^-----BEGIN ([A-Z]+ )?PRIVATE KEY-----[\s\S]+-----END ([A-Z]+ )?PRIVATE KEY-----\s*$/;
const TLS_ONLY = ['ssl_cert_hostname', 'ssl_sni_hostname', 'ssl_ca_cert', 'ssl_ciphers', 'ssl_client_cert', 'ssl_client_key',
  'min_tls_version', 'max_tls_version'];
const VERSIONS = Object.values(TlsVersion).join(', ');
const HOSTNAME = 'allowed: a fully qualified hostname, e.g. "origin.example.com"';
const PEM_CERT_TEXT = 'allowed: a PEM certificate ("-----BEGIN CERTIFICATE-----" … "-----END CERTIFICATE-----")';

function tlsOn(backend: { [key: string]: any }): boolean {
  return backend.use_ssl === true;
}

/** Rules for `backend` blocks: each attribute's format and range, and TLS coherence. */
export const BACKEND_RULES: ServiceRule[] = [
  attributeRule('backend/address', 'backend', 'address', (address) =>
    typeof address === 'string' && classifyAddress(address) !== undefined ? undefined : explainBadAddress(String(address))),
  attributeRule('backend/port', 'backend', 'port', integerIn(1, 65_535)),
  // Fastly connects as told; the handshake or the plain request then fails at the origin.
  elementRule('backend/tls-port', 'backend', (backend) => {
    if (!isKnown(backend.port) || !isKnown(backend.use_ssl)) return [];
    if (backend.use_ssl === true && backend.port === 80) {
      return [{
        severity: 'strict',
        attribute: 'port',
        value: 80,
        message: 'allowed: a TLS port with {{use_ssl}}: true (usually 443); '
        + 'port 80 with TLS fails the handshake. Set {{use_ssl}}: false for plain HTTP',
      }];
    }
    if (backend.use_ssl === false && backend.port === 443) {
      return [{
        severity: 'strict',
        attribute: 'port',
        value: 443,
        message: 'allowed: a plain-HTTP port with {{use_ssl}}: false (usually 80); '
        + 'port 443 speaks TLS. Turn {{use_ssl}} on to connect with TLS',
      }];
    }
    return [];
  }),
  // Accepted and ignored by Fastly.
  elementRule('backend/tls-only-setting', 'backend', (backend) => backend.use_ssl !== false ? [] : TLS_ONLY
    .filter((attribute) => isSet(backend[attribute]))
    .map((attribute) => ({
      severity: 'strict' as const,
      attribute,
      value: backend[attribute],
      message: 'allowed: only with {{use_ssl}}: true; remove it or turn TLS on',
    }))),
  elementRule('backend/cert-hostname', 'backend', (backend) => {
    if (!tlsOn(backend) || backend.ssl_check_cert === false || isSet(backend.ssl_cert_hostname) || !isKnown(backend.address)) return [];
    // A malformed address is reported by backend/address; asking for its certificate name would only add noise.
    const kind = classifyAddress(String(backend.address));
    if (kind === undefined) return [];
    return [{
      severity: 'error',
      attribute: 'ssl_cert_hostname',
      value: undefined,
      message: 'allowed: the hostname on the origin\'s '
      + `certificate; it is required for the ${kind} address ${JSON.stringify(backend.address)} `
      + 'because certificate checks are on (Fastly fails VCL compilation without it)',
    }];
  }),
  attributeRule('backend/tls-hostname', 'backend', 'ssl_cert_hostname', (name) => name === '' || isHostname(name) ? undefined : HOSTNAME),
  attributeRule('backend/tls-hostname', 'backend', 'ssl_sni_hostname', (name) => name === '' || isHostname(name) ? undefined : HOSTNAME),
  attributeRule('backend/pem', 'backend', 'ssl_ca_cert', (pem) => pem === '' || PEM_CERTIFICATE.test(pem.trim()) ? undefined : PEM_CERT_TEXT),
  attributeRule('backend/pem', 'backend', 'ssl_client_cert', (pem) => pem === '' || PEM_CERTIFICATE.test(pem.trim()) ? undefined : PEM_CERT_TEXT),
  attributeRule('backend/pem', 'backend', 'ssl_client_key', (pem) => pem === '' || PEM_PRIVATE_KEY.test(pem.trim()) ? undefined
    : 'allowed: a PEM private key ("-----BEGIN PRIVATE KEY-----" … "-----END PRIVATE KEY-----")'),
  elementRule('backend/client-certificate', 'backend', (backend) => {
    if (isSet(backend.ssl_client_cert) === isSet(backend.ssl_client_key)) return [];
    const [given, missing] = isSet(backend.ssl_client_cert) ? ['ssl_client_cert', 'ssl_client_key'] : ['ssl_client_key', 'ssl_client_cert'];
    return [{
      severity: 'error',
      attribute: missing,
      value: undefined,
      message: `allowed: set together with {{${given}}}; mutual TLS needs both the certificate and its key`,
    }];
  }),
  attributeRule('backend/ca-without-check', 'backend', 'ssl_ca_cert', (pem, backend) => pem === '' || backend.ssl_check_cert !== false ? undefined
    : 'allowed: only with {{ssl_check_cert}}: true; a CA is pointless when certificates are not checked', 'strict'),
  attributeRule('backend/ciphers', 'backend', 'ssl_ciphers', (ciphers) => ciphers === '' || CIPHER_LIST.test(ciphers) ? undefined
    : 'allowed: an OpenSSL cipher list such as "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384"'),
  attributeRule('backend/tls-version', 'backend', 'min_tls_version', (v) => v === '' || tlsVersionRank(v) >= 0 ? undefined : `allowed: one of ${VERSIONS}`),
  attributeRule('backend/tls-version', 'backend', 'max_tls_version', (v, backend) => {
    if (v === '') return undefined;
    if (tlsVersionRank(v) < 0) return `allowed: one of ${VERSIONS}`;
    const min = backend.min_tls_version;
    return isKnown(min) && tlsVersionRank(min) > tlsVersionRank(v)
      ? `allowed: ${min} ({{min_tls_version}}) or higher; no version could be negotiated` : undefined;
  }),
  attributeRule('backend/override-host', 'backend', 'override_host', (host) => host === '' || isHostHeader(host) ? undefined
    : 'allowed: a Host header value such as "origin.example.com" (no scheme or path)'),
  ...['connect_timeout', 'first_byte_timeout', 'between_bytes_timeout'].map((attribute) =>
    attributeRule('backend/timeout', 'backend', attribute, (ms) => Number.isInteger(ms) && ms >= 1 ? undefined : 'allowed: a whole number of milliseconds, at least 1')),
  attributeRule('backend/keepalive', 'backend', 'keepalive_time', (s) => Number.isInteger(s) && s >= 0 ? undefined
    : 'allowed: a whole number of seconds, at least 1; leave it out to keep Fastly\'s default'),
  // The provider sends keepalive_time only when it is above 0 (defaults-and-validators §2), so 0 keeps Fastly's default.
  attributeRule('backend/keepalive', 'backend', 'keepalive_time', (s) => s !== 0 ? undefined
    : 'allowed: a whole number of seconds, at least 1; leave it out to keep Fastly\'s default', 'strict'),
  attributeRule('backend/connection-limit', 'backend', 'max_lifetime', (ms) => Number.isInteger(ms) && ms >= 0 ? undefined : 'allowed: a whole number of milliseconds, 0 for unlimited'),
  attributeRule('backend/connection-limit', 'backend', 'max_use', integerIn(0)),
  attributeRule('backend/connection-limit', 'backend', 'max_conn', integerIn(1)),
  attributeRule('backend/connection-limit', 'backend', 'error_threshold', integerIn(0)),
  attributeRule('backend/weight', 'backend', 'weight', integerIn(1)),
  attributeRule('backend/shield', 'backend', 'shield', (shield) => {
    const problem = shield === '' ? undefined : shieldCodeProblem(shield);
    return problem && `allowed: a current Fastly shield POP code; ${problem}`;
  }),
  attributeRule('backend/share-key', 'backend', 'share_key', (key) => key === '' || /^[A-Za-z0-9]+$/.test(key) ? undefined : 'allowed: letters and digits only'),
  attributeRule('backend/auto-loadbalance-with-condition', 'backend', 'auto_loadbalance', (auto, backend) =>
    auto !== true || !isSet(backend.request_condition) ? undefined
      : 'allowed: false when {{request_condition}} is set; Fastly takes a conditioned backend out of automatic load balancing, '
        + 'so the weight would silently do nothing'),
  {
    id: 'backend/compute-prefer-ipv6',
    check: (service) => service.vcl ? [] : attributeRule('backend/compute-prefer-ipv6', 'backend', 'prefer_ipv6', (prefer) => prefer !== false ? undefined
      : 'allowed: true (or unset) on Compute services; the Fastly API rejects prefer_ipv6 = false there ("only available for VCL services")').check(service),
  },
  elementRule('backend/bucket-dots', 'backend', (backend) => {
    if (!tlsOn(backend) || backend.ssl_check_cert === false) return [];
    // The certificate is checked against the certificate hostname, which the library defaults to the address.
    const attribute = isSet(backend.ssl_cert_hostname) ? 'ssl_cert_hostname' : 'address';
    const host = backend[attribute];
    const bucket = isKnown(host) && typeof host === 'string' ? dottedBucket(host) : undefined;
    return bucket ? [{ severity: 'warning', attribute, value: host, message: dottedBucketProblem(bucket) }] : [];
  }),
  attributeRule('backend/insecure', 'backend', 'ssl_check_cert', (check, backend) => check !== false || !tlsOn(backend) ? undefined
    : 'allowed: true; with false Fastly accepts any certificate from this origin, including an attacker\'s. Prefer {{ssl_ca_cert}} for '
      + 'a private CA, or {{ssl_cert_hostname}} for a certificate issued to another name', 'warning'),
];
