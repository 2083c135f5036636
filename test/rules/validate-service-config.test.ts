import * as fs from 'fs';
import * as path from 'path';
import { validateServiceConfig } from '../../src';
import { ruleIds } from '../../src/rules';
import { REPOSITORY } from '../util';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

/** A hand-written, valid `fastly_service_vcl` body: attributes left out take the provider's defaults. */
function vclBody(): any {
  return {
    name: 'shop',
    domain: [{ name: 'www.example.com' }],
    backend: [
      { name: 'web', address: 'web.example.net', port: 443, use_ssl: true, ssl_cert_hostname: 'web.example.net', healthcheck: 'web-check' },
      { name: 'api', address: 'api.example.net', port: 443, use_ssl: true, ssl_cert_hostname: 'api.example.net', request_condition: 'IsApi' },
    ],
    condition: [{ name: 'IsApi', statement: 'req.url ~ "^/api/"', type: 'REQUEST', priority: 20 }],
    healthcheck: [{ name: 'web-check', host: 'www.example.com', path: '/healthz', check_interval: 15000, timeout: 5000 }],
  };
}

function computeBody(): any {
  return { name: 'app', domain: [{ name: 'app.example.com' }], package: { filename: 'app.tar.gz' } };
}

function findings(body: any, resourceType?: string, strict?: boolean): string[] {
  return validateServiceConfig(body, { resourceType, strict }).map((finding) => `${finding.severity} ${finding.path ? `${finding.path}: ` : ''}${finding.message}`);
}

const S3 = { name: 'logs', bucket_name: 'b', s3_access_key: 'k', s3_secret_key: 's' };
const SFTP = { name: 's', address: 'sftp.example.com', path: '/logs/', user: 'u', ssh_known_hosts: 'k' };
const LIMITER = { name: 'r', action: 'log_only', client_key: 'client.ip', http_methods: 'GET', penalty_box_duration: 5, rps_limit: 10, window_size: 10 };

/** Rules about what Fastly accepts but leaves to chance or to a mismatch: warnings in `lint`, errors in the strict reading. */
const STRICT_RULES = ['backend/tls-port', 'backend/tls-only-setting', 'backend/ca-without-check', 'backend/keepalive', 'healthcheck/timeout',
  'healthcheck/window', 'routing/default-route', 'routing/condition-target', 'routing/priority-tie'];

/** Changes the valid body in one place. */
function vclWith(change: (body: any) => void): any {
  const body = vclBody();
  change(body);
  return body;
}

const cases: Array<[string, any, string[], string?]> = [
  ['service/name', vclWith((b) => { b.name = ' shop'; }), ['error name: name: got " shop"; allowed: a non-empty name without leading or trailing white space [service/name]']],
  ['service/domain', vclWith((b) => { b.domain.push({ name: 'WWW.example.com' }, { name: 'https://x.example.com' }); }), [
    'error domain[2].name: domain [2] name: got "https://x.example.com"; allowed: a fully qualified hostname such as "www.example.com", or a wildcard such as "*.example.com" [service/domain]',
    'warning domain[1].name: domain [1] name: got "WWW.example.com"; allowed: lower case; Fastly stores domains lower-cased, so it would not hold what the configuration says. Write "www.example.com" [service/domain-case]',
    'error domain[1].name: domain [1] name: got "WWW.example.com"; allowed: each domain once (domains are case-insensitive) [service/domain]',
  ]],
  ['service/default-ttl', vclWith((b) => { b.default_ttl = -1; }), ['error default_ttl: default_ttl: got -1; allowed: an integer >= 0 (seconds) [service/default-ttl]']],
  ['service/compute-package', { name: 'app', domain: [{ name: 'app.example.com' }] },
    ['error activate: activate: got true; allowed: false without a package; Fastly cannot activate a Compute version that has no package [service/compute-package]'],
    'fastly_service_compute'],
  ['service/destroy-mode', vclWith((b) => { b.force_destroy = true; b.reuse = true; }),
    ['error reuse: reuse: got true; allowed: not together with force_destroy; choose deleting the service (force_destroy) or keeping it for another project (reuse) [service/destroy-mode]']],
  ['name/format', vclWith((b) => { b.condition[0].name = 'Is "Api"'; b.backend[1].request_condition = 'Is "Api"'; }),
    ['error condition[0].name: condition [0] name: got "Is \\"Api\\""; allowed: 1 to 255 characters, no leading or trailing white space, no quotes, backslashes or control characters [name/format]']],
  ['name/unique', vclWith((b) => { b.healthcheck.push({ ...b.healthcheck[0] }); }),
    ['error healthcheck[0] "web-check" and healthcheck[1] "web-check" have the same name; allowed: one healthcheck per name in a service (Fastly matches blocks by name). Give one of them another name. [name/unique]']],
  ['name/vcl-identifier', vclWith((b) => { b.backend[0].name = 'api-v1'; b.backend[1].name = 'api.v1'; }),
    ['error backend[0] "api-v1" and backend[1] "api.v1" both become F_api_v1 in VCL; allowed: backend names that differ in letters, digits or "_". Rename one of them. [name/vcl-identifier]']],
  ['name/vcl-identifier', vclWith((b) => { b.director = [{ name: 'F_web', backends: ['api'] }]; }),
    ['error director[0] "F_web" and backend[0] "web" both become F_web in VCL; allowed: a director name that is not "F_" followed by a backend '
      + 'name (Fastly calls backend "web" F_web in VCL). Rename the director. [name/vcl-identifier]']],
  ['name/reserved-identifier', vclWith((b) => {
    b.director = ['ssl-shield-iad-va-us', 'autodirector_', 'set', 'now'].map((name) => ({ name, backends: ['api'] }));
  }), [
    'error director[0].name: director [0] name: got "ssl-shield-iad-va-us"; allowed: a name whose VCL identifier (ssl_shield_iad_va_us) does '
      + 'not start with "ssl_shield_" or "autodirector_": Fastly\'s generated VCL declares its shield and automatic load-balancing directors '
      + 'with those names. Rename the director [name/reserved-identifier]',
    'error director[1].name: director [1] name: got "autodirector_"; allowed: a name whose VCL identifier (autodirector_) does not start with '
      + '"ssl_shield_" or "autodirector_": Fastly\'s generated VCL declares its shield and automatic load-balancing directors with those names. '
      + 'Rename the director [name/reserved-identifier]',
    'error director[2].name: director [2] name: got "set"; allowed: a name whose VCL identifier (set) is not a VCL keyword or variable: '
      + 'VCL that refers to the director does not compile. Rename the director [name/reserved-identifier]',
    'error director[3].name: director [3] name: got "now"; allowed: a name whose VCL identifier (now) is not a VCL keyword or variable: '
      + 'VCL that refers to the director does not compile. Rename the director [name/reserved-identifier]',
  ]],
  ['backend/address', vclWith((b) => { b.backend[0].address = 'https://web.example.net/'; }),
    ['error backend[0].address: backend "web" address: got "https://web.example.net/"; allowed: a hostname (e.g. "origin.example.com"), an IPv4 or an IPv6 address; remove the scheme: give only the host, and use useSsl/port for the protocol [backend/address]']],
  ['backend/port', vclWith((b) => { b.backend[0].port = 0; }), ['error backend[0].port: backend "web" port: got 0; allowed: an integer from 1 to 65535 [backend/port]']],
  ['backend/tls-port', vclWith((b) => { delete b.backend[0].port; }),
    ['warning backend[0].port: backend "web" port: got 80; allowed: a TLS port with use_ssl: true (usually 443); port 80 with TLS fails the handshake. Set use_ssl: false for plain HTTP [backend/tls-port]']],
  ['backend/tls-only-setting', vclWith((b) => { b.backend[0].use_ssl = false; b.backend[0].port = 80; }),
    ['warning backend[0].ssl_cert_hostname: backend "web" ssl_cert_hostname: got "web.example.net"; allowed: only with use_ssl: true; remove it or turn TLS on [backend/tls-only-setting]']],
  ['backend/cert-hostname', vclWith((b) => { delete b.backend[0].ssl_cert_hostname; }),
    ['error backend[0].ssl_cert_hostname: backend "web" ssl_cert_hostname: got undefined; allowed: the hostname on the origin\'s certificate; it is required for the hostname address "web.example.net" because certificate checks are on (Fastly fails VCL compilation without it) [backend/cert-hostname]']],
  ['backend/tls-hostname', vclWith((b) => { b.backend[0].ssl_sni_hostname = 'web'; }),
    ['error backend[0].ssl_sni_hostname: backend "web" ssl_sni_hostname: got "web"; allowed: a fully qualified hostname, e.g. "origin.example.com" [backend/tls-hostname]']],
  ['backend/pem', vclWith((b) => { b.backend[0].ssl_ca_cert = 'MIIB'; }),
    ['error backend[0].ssl_ca_cert: backend "web" ssl_ca_cert: got "MIIB"; allowed: a PEM certificate ("-----BEGIN CERTIFICATE-----" … "-----END CERTIFICATE-----") [backend/pem]']],
  ['backend/client-certificate', vclWith((b) => { b.backend[0].ssl_client_cert = CERT; }),
    ['error backend[0].ssl_client_key: backend "web" ssl_client_key: got undefined; allowed: set together with ssl_client_cert; mutual TLS needs both the certificate and its key [backend/client-certificate]']],
  ['backend/ca-without-check', vclWith((b) => { b.backend[0].ssl_ca_cert = CERT; b.backend[0].ssl_check_cert = false; }), [
    'warning backend[0].ssl_ca_cert: backend "web" ssl_ca_cert: got "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----"; allowed: only with ssl_check_cert: true; a CA is pointless when certificates are not checked [backend/ca-without-check]',
    'warning backend[0].ssl_check_cert: backend "web" ssl_check_cert: got false; allowed: true; with false Fastly accepts any certificate from this origin, including an attacker\'s. Prefer ssl_ca_cert for a private CA, or ssl_cert_hostname for a certificate issued to another name [backend/insecure]',
  ]],
  ['backend/ciphers', vclWith((b) => { b.backend[0].ssl_ciphers = 'AES;DROP'; }),
    ['error backend[0].ssl_ciphers: backend "web" ssl_ciphers: got "AES;DROP"; allowed: an OpenSSL cipher list such as "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384" [backend/ciphers]']],
  ['backend/tls-version', vclWith((b) => { b.backend[0].min_tls_version = '1.3'; b.backend[0].max_tls_version = '1.2'; }),
    ['error backend[0].max_tls_version: backend "web" max_tls_version: got "1.2"; allowed: 1.3 (min_tls_version) or higher; no version could be negotiated [backend/tls-version]']],
  ['backend/override-host', vclWith((b) => { b.backend[0].override_host = 'www.example.com/shop'; }),
    ['error backend[0].override_host: backend "web" override_host: got "www.example.com/shop"; allowed: a Host header value such as "origin.example.com" (no scheme or path) [backend/override-host]']],
  ['backend/timeout', vclWith((b) => { b.backend[0].first_byte_timeout = 0; }),
    ['error backend[0].first_byte_timeout: backend "web" first_byte_timeout: got 0; allowed: a whole number of milliseconds, at least 1 [backend/timeout]']],
  ['backend/keepalive', vclWith((b) => { b.backend[0].keepalive_time = 0; }),
    ['warning backend[0].keepalive_time: backend "web" keepalive_time: got 0; allowed: a whole number of seconds, at least 1; leave it out to keep Fastly\'s default [backend/keepalive]']],
  ['backend/connection-limit', vclWith((b) => { b.backend[0].max_conn = 0; }),
    ['error backend[0].max_conn: backend "web" max_conn: got 0; allowed: an integer >= 1 [backend/connection-limit]']],
  ['backend/weight', vclWith((b) => { b.backend[0].weight = 0; }), ['error backend[0].weight: backend "web" weight: got 0; allowed: an integer >= 1 [backend/weight]']],
  ['backend/shield', vclWith((b) => { b.backend[0].shield = 'bwi-va-us'; }),
    ['error backend[0].shield: backend "web" shield: got "bwi-va-us"; allowed: a current Fastly shield POP code; shield POP "bwi-va-us" was retired by Fastly (last seen 2021-10-06); use "iad-va-us" instead [backend/shield]']],
  ['backend/share-key', vclWith((b) => { b.backend[0].share_key = 'a-b'; }), ['error backend[0].share_key: backend "web" share_key: got "a-b"; allowed: letters and digits only [backend/share-key]']],
  ['backend/auto-loadbalance-with-condition', vclWith((b) => { b.backend[1].auto_loadbalance = true; }),
    ['error backend[1].auto_loadbalance: backend "api" auto_loadbalance: got true; allowed: false when request_condition is set; Fastly takes a conditioned backend out of automatic load balancing, so the weight would silently do nothing [backend/auto-loadbalance-with-condition]']],
  ['backend/compute-prefer-ipv6', { ...computeBody(), backend: [{ name: 'o', address: '192.0.2.1', prefer_ipv6: false }] },
    ['error backend[0].prefer_ipv6: backend "o" prefer_ipv6: got false; allowed: true (or unset) on Compute services; the Fastly API rejects prefer_ipv6 = false there ("only available for VCL services") [backend/compute-prefer-ipv6]'],
    'fastly_service_compute'],
  ['backend/insecure', vclWith((b) => { b.backend[0].ssl_check_cert = false; }),
    ['warning backend[0].ssl_check_cert: backend "web" ssl_check_cert: got false; allowed: true; with false Fastly accepts any certificate from this origin, including an attacker\'s. Prefer ssl_ca_cert for a private CA, or ssl_cert_hostname for a certificate issued to another name [backend/insecure]']],
  ['backend/bucket-dots', vclWith((b) => {
    Object.assign(b.backend[0], { address: 'media.example.s3.eu-west-1.amazonaws.com', ssl_cert_hostname: 'media.example.s3.eu-west-1.amazonaws.com' });
    Object.assign(b.backend[1], { address: 'storage.googleapis.com', ssl_cert_hostname: 'api.example.storage.googleapis.com' });
  }), [
    'warning backend[0].ssl_cert_hostname: backend "web" ssl_cert_hostname: got "media.example.s3.eu-west-1.amazonaws.com"; allowed: a bucket '
      + 'name without dots; the certificate *.s3.eu-west-1.amazonaws.com covers one label, so bucket "media.example" fails certificate checks '
      + '(Fastly answers 503). Rename the bucket, or use the path-style endpoint: address "s3.eu-west-1.amazonaws.com", and "/media.example" '
      + 'in front of the URL path [backend/bucket-dots]',
    'warning backend[1].ssl_cert_hostname: backend "api" ssl_cert_hostname: got "api.example.storage.googleapis.com"; allowed: a bucket name '
      + 'without dots; the certificate *.storage.googleapis.com covers one label, so bucket "api.example" fails certificate checks (Fastly '
      + 'answers 503). Rename the bucket, or use the path-style endpoint: address "storage.googleapis.com", and "/api.example" in front of '
      + 'the URL path [backend/bucket-dots]',
  ]],
  ['healthcheck/host', vclWith((b) => { b.healthcheck[0].host = 'http://www.example.com'; }),
    ['error healthcheck[0].host: healthcheck "web-check" host: got "http://www.example.com"; allowed: a hostname or IP address, optionally with ":port" (no scheme or path) [healthcheck/host]']],
  ['healthcheck/path', vclWith((b) => { b.healthcheck[0].path = 'healthz'; }),
    ['error healthcheck[0].path: healthcheck "web-check" path: got "healthz"; allowed: a path starting with "/" and without white space [healthcheck/path]']],
  ['healthcheck/method', vclWith((b) => { b.healthcheck[0].method = 'head'; }),
    ['error healthcheck[0].method: healthcheck "web-check" method: got "head"; allowed: one of GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH (upper case) [healthcheck/method]']],
  ['healthcheck/expected-response', vclWith((b) => { b.healthcheck[0].expected_response = 99; }),
    ['error healthcheck[0].expected_response: healthcheck "web-check" expected_response: got 99; allowed: an integer from 100 to 599 [healthcheck/expected-response]']],
  ['healthcheck/interval', vclWith((b) => { b.healthcheck[0].check_interval = 500; b.healthcheck[0].timeout = 100; }),
    ['error healthcheck[0].check_interval: healthcheck "web-check" check_interval: got 500; allowed: a whole number of milliseconds from 1000 (1 s) to 3600000 (1 h) [healthcheck/interval]']],
  ['healthcheck/timeout', vclWith((b) => { b.healthcheck[0].timeout = 15000; }),
    ['warning healthcheck[0].timeout: healthcheck "web-check" timeout: got 15000; allowed: shorter than check_interval (15000 ms), or probes overlap and a slow origin is never marked sick in time [healthcheck/timeout]']],
  ['healthcheck/window', vclWith((b) => { b.healthcheck[0].window = 100; }),
    ['warning healthcheck[0].window: healthcheck "web-check" window: got 100; allowed: an integer from 1 to 64 [healthcheck/window]']],
  ['healthcheck/threshold', vclWith((b) => { b.healthcheck[0].threshold = 6; b.healthcheck[0].initial = 5; }), [
    'error healthcheck[0].threshold: healthcheck "web-check" threshold: got 6; allowed: at most window (5); otherwise the origin can never become healthy [healthcheck/threshold]',
    'warning healthcheck[0].initial: healthcheck "web-check" initial: got 5; allowed: at least threshold (6); below it every backend using this check starts sick after each activation [healthcheck/starts-sick]',
  ]],
  ['healthcheck/initial', vclWith((b) => { b.healthcheck[0].initial = 6; }),
    ['error healthcheck[0].initial: healthcheck "web-check" initial: got 6; allowed: at most window (5) [healthcheck/initial]']],
  ['healthcheck/starts-sick', vclWith((b) => { b.healthcheck[0].initial = 1; }),
    ['warning healthcheck[0].initial: healthcheck "web-check" initial: got 1; allowed: at least threshold (3); below it every backend using this check starts sick after each activation [healthcheck/starts-sick]']],
  ['healthcheck/http-version', vclWith((b) => { b.healthcheck[0].http_version = '2'; }),
    ['error healthcheck[0].http_version: healthcheck "web-check" http_version: got "2"; allowed: "1.0" or "1.1" [healthcheck/http-version]']],
  ['healthcheck/headers', vclWith((b) => { b.healthcheck[0].headers = ['Host: www.example.com', 'X-Probe 1']; }), [
    'error healthcheck[0].headers: healthcheck "web-check" headers: got "Host: www.example.com"; allowed: any header but Host; set host instead [healthcheck/headers]',
    'error healthcheck[0].headers: healthcheck "web-check" headers: got "X-Probe 1"; allowed: "Name: value" lines without line breaks, the name made of letters, digits and !#$%&\'*+.^_`|~- [healthcheck/headers]',
  ]],
  ['healthcheck/unused', vclWith((b) => { b.healthcheck.push({ name: 'spare', host: 'www.example.com', path: '/', check_interval: 15000, timeout: 5000 }); }),
    ['warning healthcheck[1].name: healthcheck [1] name: got "spare"; allowed: the name of a healthcheck that a backend uses; no backend refers to this one, so it probes without marking anything sick. Set it as a backend\'s healthcheck, or remove it [healthcheck/unused]']],
  ['condition/type', vclWith((b) => { b.condition.push({ name: 'Odd', statement: 'req.http.X', type: 'request' }); }),
    ['error condition[1].type: condition "Odd" type: got "request"; allowed: one of REQUEST, CACHE, RESPONSE, PREFETCH [condition/type]']],
  ['condition/priority', vclWith((b) => { b.condition[0].priority = -3; }),
    ['error condition[0].priority: condition "IsApi" priority: got -3; allowed: an integer from 0 to 2147483647 [condition/priority]']],
  ['condition/statement', vclWith((b) => { b.condition[0].statement = 'req.ulr ~ "^/api/" && beresp.status == 200'; }),
    ['error condition[0].statement: condition "IsApi" statement: got "req.ulr ~ \\"^/api/\\" && beresp.status == 200"; allowed: a VCL expression valid in a REQUEST condition; column 1: unknown variable "req.ulr"; did you mean "req.url"?; column 23: "beresp.status" cannot be read in a REQUEST condition (vcl_recv); it is readable in vcl_fetch (CACHE conditions) [condition/statement]']],
  ['director/type', vclWith((b) => { b.director = [{ name: 'pool', backends: ['web'], type: 2 }]; }),
    ['error director[0].type: director "pool" type: got 2; allowed: 1 (random), 3 (hash) or 4 (client); Fastly retired round-robin (2), and fallback exists only in custom VCL [director/type]']],
  ['director/quorum', vclWith((b) => { b.director = [{ name: 'pool', backends: ['web'], quorum: 101 }]; }),
    ['error director[0].quorum: director "pool" quorum: got 101; allowed: an integer from 0 to 100 [director/quorum]']],
  ['director/retries', vclWith((b) => { b.director = [{ name: 'pool', backends: ['web'], retries: -1 }]; }),
    ['error director[0].retries: director "pool" retries: got -1; allowed: an integer >= 0 [director/retries]']],
  ['director/backends', vclWith((b) => { b.director = [{ name: 'pool', backends: [] }]; }),
    ['error director[0].backends: director "pool" backends: got []; allowed: at least one backend name [director/backends]']],
  ['director/shield', vclWith((b) => { b.director = [{ name: 'pool', backends: ['web'], shield: 'nowhere' }]; }),
    ['error director[0].shield: director "pool" shield: got "nowhere"; allowed: a current Fastly shield POP code; "nowhere" is not a Fastly shield POP (Pop.shields() lists them) [director/shield]']],
  ['snippet/type', vclWith((b) => { b.snippet = [{ name: 's', type: 'receive', content: 'set req.http.X = "1";' }]; }),
    ['error snippet[0].type: snippet "s" type: got "receive"; allowed: one of init, recv, hash, hit, miss, pass, fetch, error, deliver, log, none [snippet/type]']],
  ['snippet/recv-backend', vclWith((b) => {
    b.snippet = [
      { name: 'beta', type: 'recv', content: 'if (req.http.X-Beta) { set req.backend = F_api; } # set req.backend = F_web;' },
      { name: 'upgrade', type: 'recv', content: 'if (req.http.Upgrade) { set req.backend = F_web; return(upgrade); }' },
      { name: 'late', type: 'pass', content: 'set req.backend = F_web;' },
    ];
  }), ['warning snippet[0].type: snippet "beta" type: got "recv"; allowed: miss or pass for a snippet that sets req.backend: Fastly\'s generated '
    + 'backend selection runs after recv snippets and overwrites req.backend whenever a routing condition matches or a default backend exists. '
    + 'Move the assignment to a miss or pass snippet, or return right after it [snippet/recv-backend]']],
  ['reference/healthcheck', vclWith((b) => { b.backend[0].healthcheck = 'web-chek'; }),
    [
      'warning healthcheck[0].name: healthcheck [0] name: got "web-check"; allowed: the name of a healthcheck that a backend uses; no backend refers to this one, so it probes without marking anything sick. Set it as a backend\'s healthcheck, or remove it [healthcheck/unused]',
      'error backend[0].healthcheck: backend "web" healthcheck: got "web-chek"; allowed: the name of a healthcheck of this service; there is none named "web-chek" (Fastly fails the apply with "No healthcheck named …") [reference/healthcheck]',
    ]],
  ['reference/condition', vclWith((b) => { b.condition[0].type = 'CACHE'; b.condition[0].statement = 'beresp.status == 200'; }),
    ['error backend[1].request_condition: backend "api" request_condition: got "IsApi"; allowed: a condition of type REQUEST; "IsApi" is a CACHE condition, but Fastly applies this backend in vcl_recv, where only REQUEST conditions run [reference/condition]']],
  ['reference/director-backend', vclWith((b) => { b.director = [{ name: 'pool', backends: ['web', 'mobile'] }]; }),
    ['error director[0].backends: director "pool" backends: got "mobile"; allowed: names of backends of this service; there is no backend named "mobile" [reference/director-backend]']],
  ['routing/default-route', vclWith((b) => { delete b.backend[1].request_condition; }),
    ['warning default route: got 2 (backend[0] "web"; backend[1] "api"); allowed: exactly one, because Fastly picks one of several unconditioned backends arbitrarily. Give the others a request condition (routeWhen for a pool), or put them in one pool to balance them. [routing/default-route]']],
  ['routing/auto-loadbalance-shield', vclWith((b) => {
    Object.assign(b.backend[0], { auto_loadbalance: true, shield: 'iad-va-us' });
    b.backend.push({ name: 'web2', address: 'web2.example.net', port: 443, use_ssl: true, ssl_cert_hostname: 'web2.example.net', auto_loadbalance: true, shield: 'bfi-wa-us' });
  }), ['error automatic load-balancing group: got shields "iad-va-us", "bfi-wa-us" across backend[0] "web", backend[2] "web2"; allowed: one shield for the whole group (Fastly errors on mixed shields) [routing/auto-loadbalance-shield]']],
  ['routing/condition-target', vclWith((b) => {
    b.backend.push({ name: 'api2', address: 'api2.example.net', port: 443, use_ssl: true, ssl_cert_hostname: 'api2.example.net', request_condition: 'IsApi' });
  }), ['warning routing condition[0] "IsApi" routes to backend[1] "api" and backend[2] "api2"; allowed: one target per routing condition, because Fastly picks one of them arbitrarily when it matches. Use one condition per target. [routing/condition-target]']],
  ['routing/priority-tie', vclWith((b) => {
    b.condition.push({ name: 'IsAdmin', statement: 'req.url ~ "^/admin/"', type: 'REQUEST', priority: 20 });
    b.backend.push({ name: 'admin', address: 'admin.example.net', port: 443, use_ssl: true, ssl_cert_hostname: 'admin.example.net', request_condition: 'IsAdmin' });
  }), ['warning routing conditions "IsAdmin" → backend[2] "admin" and "IsApi" → backend[1] "api" all have priority 20; allowed: a distinct priority per routing condition. When several match a request the largest priority wins, and on a tie Fastly picks one arbitrarily: give the route that should win a larger number. [routing/priority-tie]']],
  ['routing/director-shield', vclWith((b) => {
    b.backend[0].shield = 'iad-va-us';
    b.director = [{ name: 'pool', backends: ['web', 'api'] }];
  }), ['error director[0].backends: director "pool" backends: got ["web", "api"]; allowed: backends that share one shield; got shields "iad-va-us", "", so a request would be sent to a shield its origin does not use [routing/director-shield]']],
  ['service/domain-case', vclWith((b) => { b.domain[0].name = 'WWW.Example.com'; }), [
    'warning domain[0].name: domain [0] name: got "WWW.Example.com"; allowed: lower case; Fastly stores domains lower-cased, so it would not hold what the configuration says. Write "www.example.com" [service/domain-case]',
  ]],
  ['vcl/syntax', vclWith((b) => { b.snippet = [{ name: 'rewrite', type: 'recv', content: 'if (req.url !~ "^/a") {\n  set req.url = "/a" req.url\n}\n' }]; }), [
    'error snippet[0].content: snippet "rewrite" content (line 2, column 29): got "}"; allowed: VCL that compiles in a recv snippet (vcl_recv); missing ";" after the set statement at line 2, column 3, before "}" [vcl/syntax]',
  ]],
  ['vcl/variable', vclWith((b) => { b.snippet = [{ name: 'ttl', type: 'recv', content: 'set beresp.ttl = 1h;\nset req.http.X = var.missing;\n' }]; }), [
    'error snippet[0].content: snippet "ttl" content (line 1, column 5): got "beresp.ttl"; allowed: VCL that compiles in a recv snippet (vcl_recv); "beresp.ttl" cannot be set in vcl_recv; it can be in vcl_fetch [vcl/variable]',
    'error snippet[0].content: snippet "ttl" content (line 2, column 18): got "var.missing"; allowed: VCL that compiles in a recv snippet (vcl_recv); the local "var.missing" is not declared in vcl_recv, so it cannot be read there; declare it with "declare local var.missing STRING;" (or its type) in a snippet of that subroutine [vcl/variable]',
  ]],
  ['vcl/function', vclWith((b) => { b.snippet = [{ name: 'q', type: 'recv', content: 'set req.url = querystring.remov(req.url);\n' }]; }), [
    'error snippet[0].content: snippet "q" content (line 1, column 15): got "querystring.remov"; allowed: VCL that compiles in a recv snippet (vcl_recv); unknown function "querystring.remov"; did you mean "querystring.remove"? [vcl/function]',
  ]],
  ['vcl/main', vclWith((b) => { b.vcl = [{ name: 'a', content: 'sub vcl_recv {\n#FASTLY recv\n}\n' }, { name: 'b', content: 'sub vcl_deliver {\n#FASTLY deliver\n}\n' }]; }), [
    'error custom VCL: got 0 files with main = true; allowed: exactly one main file when there are vcl blocks (the provider fails the apply otherwise). Set main = true on the file that holds the subroutines. [vcl/main]',
  ]],
  ['header/action', vclWith((b) => { b.header = [{ name: 'h', action: 'add', type: 'response', destination: 'http.X', source: '"1"' }]; }), [
    'error header[0].action: header "h" action: got "add"; allowed: one of set, append, delete, regex, regex_repeat [header/action]',
  ]],
  ['header/type', vclWith((b) => { b.header = [{ name: 'h', action: 'set', type: 'deliver', destination: 'http.X', source: '"1"' }]; }), [
    'error header[0].type: header "h" type: got "deliver"; allowed: one of request, fetch, cache, response [header/type]',
  ]],
  ['logging/format-version', vclWith((b) => { b.logging_s3 = [{ ...S3, format_version: '3' }]; }), [
    'error logging_s3[0].format_version: logging_s3 "logs" format_version: got "3"; allowed: one of 1, 2 [logging/format-version]',
  ]],
  ['logging/message-type', vclWith((b) => { b.logging_s3 = [{ ...S3, message_type: 'syslog' }]; }), [
    'error logging_s3[0].message_type: logging_s3 "logs" message_type: got "syslog"; allowed: one of classic, loggly, logplex, blank [logging/message-type]',
  ]],
  ['logging/placement', vclWith((b) => { b.logging_s3 = [{ ...S3, placement: 'waf' }]; }), [
    'error logging_s3[0].placement: logging_s3 "logs" placement: got "waf"; allowed: one of none, waf_debug [logging/placement]',
  ]],
  ['logging/compression-codec', vclWith((b) => { b.logging_s3 = [{ ...S3, compression_codec: 'lz4' }]; b.logging_kafka = [{ name: 'k', brokers: 'b:9092', topic: 't', compression_codec: 'zstd' }]; }), [
    'error logging_s3[0].compression_codec: logging_s3 "logs" compression_codec: got "lz4"; allowed: one of zstd, snappy, gzip [logging/compression-codec]',
    'error logging_kafka[0].compression_codec: logging_kafka "k" compression_codec: got "zstd"; allowed: one of gzip, snappy, lz4 [logging/compression-codec]',
  ]],
  ['logging/compression', vclWith((b) => { b.logging_s3 = [{ ...S3, compression_codec: 'zstd', gzip_level: 9 }]; }), [
    'error logging_s3[0].gzip_level: logging_s3 "logs" gzip_level: got 9; allowed: not together with compression_codec ("zstd"); the Fastly API rejects both. Leave gzip_level out, or leave compression_codec out to choose the gzip level [logging/compression]',
  ]],
  ['logging/https', vclWith((b) => { b.logging_https = [{ name: 'h', url: 'http://logs.example.com/', method: 'GET', json_format: '3' }]; }), [
    'error logging_https[0].method: logging_https "h" method: got "GET"; allowed: one of POST, PUT [logging/https]',
    'error logging_https[0].json_format: logging_https "h" json_format: got "3"; allowed: one of 0, 1, 2 [logging/https]',
    'error logging_https[0].url: logging_https "h" url: got "http://logs.example.com/"; allowed: an https:// URL; the provider accepts no other scheme [logging/https]',
  ]],
  ['logging/s3-encryption', vclWith((b) => { b.logging_s3 = [{ ...S3, server_side_encryption: 'aws:kms' }, { ...S3, name: 'l2', server_side_encryption: 'aes' }]; }), [
    'error logging_s3[1].server_side_encryption: logging_s3 "l2" server_side_encryption: got "aes"; allowed: one of AES256, aws:kms [logging/s3-encryption]',
    'error logging_s3[0].server_side_encryption: logging_s3 "logs" server_side_encryption: got "aws:kms"; allowed: aws:kms together with server_side_encryption_kms_key_id, which must be set for it [logging/s3-encryption]',
  ]],
  ['logging/sftp-auth', vclWith((b) => { b.logging_sftp = [SFTP]; }), [
    'error logging_sftp[0].password: logging_sftp "s" password: got undefined; allowed: a password or a secret_key; the provider fails the apply with "either password or secret_key must be set" [logging/sftp-auth]',
  ]],
  ['logging/trimmed', vclWith((b) => { b.logging_sftp = [{ ...SFTP, secret_key: 'KEY\n' }]; }), [
    'error logging_sftp[0].secret_key: logging_sftp "s" secret_key: got "KEY\\n"; allowed: text without leading or trailing white space (the provider rejects it; a heredoc\'s last line break counts). Use trimspace() [logging/trimmed]',
  ]],
  ['rate-limiter/action', vclWith((b) => { b.rate_limiter = [{ ...LIMITER, action: 'block' }]; }), [
    'error rate_limiter[0].action: rate_limiter "r" action: got "block"; allowed: one of log_only, response, response_object [rate-limiter/action]',
  ]],
  ['rate-limiter/window-size', vclWith((b) => { b.rate_limiter = [{ ...LIMITER, window_size: 30 }]; }), [
    'error rate_limiter[0].window_size: rate_limiter "r" window_size: got 30; allowed: one of 1, 10, 60 [rate-limiter/window-size]',
  ]],
  ['rate-limiter/logger-type', vclWith((b) => { b.rate_limiter = [{ ...LIMITER, action: 'log_only', logger_type: 'sqs' }]; }), [
    'error rate_limiter[0].logger_type: rate_limiter "r" logger_type: got "sqs"; allowed: one of azureblob, bigquery, cloudfiles, datadog, digitalocean, elasticsearch, ftp, gcs, googleanalytics, heroku, honeycomb, http, https, kafka, kinesis, logentries, loggly, logshuttle, newrelic, openstack, papertrail, pubsub, s3, scalyr, sftp, splunk, stackdriver, sumologic, syslog [rate-limiter/logger-type]',
  ]],
  ['rate-limiter/http-methods', vclWith((b) => { b.rate_limiter = [{ ...LIMITER, client_key: 'client.ip', http_methods: 'get, post' }]; }), [
    'error rate_limiter[0].http_methods: rate_limiter "r" http_methods: got "get, post"; allowed: upper-case methods separated by commas without spaces, e.g. "GET,POST" [rate-limiter/http-methods]',
  ]],
  ['rate-limiter/client-key', vclWith((b) => { b.rate_limiter = [{ ...LIMITER, client_key: 'client.ip, req.http.User-Agent', http_methods: 'GET' }]; }), [
    'error rate_limiter[0].client_key: rate_limiter "r" client_key: got "client.ip, req.http.User-Agent"; allowed: VCL variables separated by commas without spaces, e.g. "req.http.Fastly-Client-IP,req.http.User-Agent" [rate-limiter/client-key]',
  ]],
  ['rate-limiter/response', vclWith((b) => { b.rate_limiter = [{ ...LIMITER, action: 'response' }]; }), [
    'error rate_limiter[0].response: rate_limiter "r" response: got undefined; allowed: a response block (status, content_type, content) when action is "response" [rate-limiter/response]',
  ]],
  ['reference/name', vclWith((b) => { b.rate_limiter = [{ ...LIMITER, action: 'response_object', response_object_name: 'blocked', uri_dictionary_name: 'uris' }]; }), [
    'error rate_limiter[0].response_object_name: rate_limiter "r" response_object_name: got "blocked"; allowed: the name of a response object of this service; there is none named "blocked" [reference/name]',
    'error rate_limiter[0].uri_dictionary_name: rate_limiter "r" uri_dictionary_name: got "uris"; allowed: the name of a dictionary of this service; there is none named "uris" [reference/name]',
  ]],
  ['image-optimizer/quality', vclWith((b) => { b.image_optimizer_default_settings = { jpeg_quality: 0 }; }), [
    'error image_optimizer_default_settings[0].jpeg_quality: image_optimizer_default_settings [0] jpeg_quality: got 0; allowed: an integer from 1 to 100 [image-optimizer/quality]',
  ]],
  ['image-optimizer/jpeg-type', vclWith((b) => { b.image_optimizer_default_settings = { jpeg_type: 'lossless' }; }), [
    'error image_optimizer_default_settings[0].jpeg_type: image_optimizer_default_settings [0] jpeg_type: got "lossless"; allowed: one of auto, baseline, progressive [image-optimizer/jpeg-type]',
  ]],
  ['image-optimizer/resize-filter', vclWith((b) => { b.image_optimizer_default_settings = { resize_filter: 'lanczos' }; }), [
    'error image_optimizer_default_settings[0].resize_filter: image_optimizer_default_settings [0] resize_filter: got "lanczos"; allowed: one of lanczos3, lanczos2, bicubic, bilinear, nearest [image-optimizer/resize-filter]',
  ]],
  ['product-enablement/bot-management', vclWith((b) => { b.product_enablement = { bot_management: { enabled: true, contentguard: 'yes' } }; }), [
    'error product_enablement[0].bot_management.contentguard: product_enablement [0] bot_management.contentguard: got "yes"; allowed: one of off, on [product-enablement/bot-management]',
  ]],
  ['product-enablement/ddos-protection', vclWith((b) => { b.product_enablement = { ddos_protection: [{ enabled: true, mode: 'drop' }] }; }), [
    'error product_enablement[0].ddos_protection.mode: product_enablement [0] ddos_protection.mode: got "drop"; allowed: one of off, log, block [product-enablement/ddos-protection]',
  ]],
  ['product-enablement/ngwaf', vclWith((b) => { b.product_enablement = { ngwaf: [{ enabled: true, workspace_id: 'w', traffic_ramp: 150 }] }; }), [
    'error product_enablement[0].ngwaf.traffic_ramp: product_enablement [0] ngwaf.traffic_ramp: got 150; allowed: an integer from 0 to 100 [product-enablement/ngwaf]',
  ]],
  ['request-setting/action', vclWith((b) => { b.request_setting = [{ name: 'r', action: 'bypass' }]; }), [
    'warning request_setting[0].action: request_setting "r" action: got "bypass"; allowed: one of lookup, pass (in any case); the provider ignores any other value on create and sends "unset" on update [request-setting/action]',
  ]],
  ['request-setting/xff', vclWith((b) => { b.request_setting = [{ name: 'r', xff: 'replace' }]; }), [
    'warning request_setting[0].xff: request_setting "r" xff: got "replace"; allowed: one of clear, leave, append, append_all, overwrite (in any case); the provider ignores any other value [request-setting/xff]',
  ]],
  ['cache-setting/action', vclWith((b) => { b.cache_setting = [{ name: 'c', action: 'deliver' }]; }), [
    'warning cache_setting[0].action: cache_setting "c" action: got "deliver"; allowed: one of cache, pass, restart; these are the actions the provider documents [cache-setting/action]',
  ]],
];

describe('validateServiceConfig', () => {
  test('a valid hand-written body has no findings', () => {
    expect(findings(vclBody())).toEqual([]);
    expect(findings(computeBody())).toEqual([]);
  });

  // A rest parameter, so that jest does not take a fourth parameter for its done callback.
  test.each(cases)('%s', (_rule, body, expected, ...resourceType) => {
    expect(findings(body, resourceType[0])).toEqual(expected);
  });

  test('every rule has a row in this table', () => {
    const covered = new Set(cases.flatMap(([, , expected]) => expected.map((line) => /\[([a-z-]+\/[a-z0-9-]+)\]$/.exec(line)![1])));
    expect(ruleIds().filter((id) => !covered.has(id))).toEqual([]);
  });

  test('the README rule table lists every rule', () => {
    const readme = fs.readFileSync(path.join(REPOSITORY, 'README.md'), 'utf8');
    const listed = new Set<string>();
    for (const row of readme.split('\n').filter((line) => line.startsWith('| `'))) {
      let prefix = '';
      for (const [, id] of row.split(' | ')[0].matchAll(/`([a-z0-9/-]+)`/g)) {
        // `healthcheck/host`, `/path` shortens the rules of one block to their suffix.
        if (!id.startsWith('/')) prefix = id.slice(0, id.indexOf('/'));
        listed.add(id.startsWith('/') ? `${prefix}${id}` : id);
      }
    }
    expect(ruleIds().filter((id) => !listed.has(id))).toEqual([]);
  });

  test.each(STRICT_RULES)('%s is an error in the strict reading', (rule) => {
    const [, body, expected, resourceType] = cases.find(([id]) => id === rule)!;
    expect(findings(body, resourceType, true)).toEqual(expected.map((line) => line.endsWith(`[${rule}]`) ? line.replace(/^warning /, 'error ') : line));
  });

  test('checks the body against the provider schema', () => {
    expect(findings({ ...vclBody(), http2: true, default_ttl: '1h' })).toEqual([
      'error http2: fastly_service_vcl.http2: not an attribute or block of the schema [schema]',
      'error default_ttl: fastly_service_vcl.default_ttl: expected "number", got "1h" [schema]',
      'error default_ttl: default_ttl: got "1h"; allowed: an integer >= 0 (seconds) [service/default-ttl]',
    ]);
  });

  test('a Compute body is recognised by its package, and VCL-only attributes are schema errors there', () => {
    expect(findings({ ...computeBody(), backend: [{ name: 'o', address: 'o.example.net', request_condition: 'X' }] })).toEqual([
      'error backend[0].request_condition: fastly_service_compute.backend[0].request_condition: not an attribute or block of the schema [schema]',
    ]);
  });

  test('Terraform expressions are not checked', () => {
    expect(findings(vclWith((b) => { b.backend[0].port = '${var.port}'; b.backend[0].address = '${var.origin}'; }))).toEqual([]);
  });
});

describe('validateServiceConfig reads Terraform JSON as Terraform does', () => {
  test('values convert to their attribute\'s type: a number or bool in a string is no error', () => {
    expect(findings(vclWith((b) => {
      b.condition[0].priority = '20';
      b.snippet = [{ name: 's', type: 'recv', priority: '110', content: 'set req.http.X = "1";' }];
      b.header = [{ name: 'h', action: 'set', type: 'request', destination: 'http.X', source: '"1"', ignore_if_set: 'true', priority: '10' }];
      b.backend[0].port = '443';
    }))).toEqual([]);
  });

  test('a value that does not convert is a schema error, and rules read the converted value', () => {
    expect(findings(vclWith((b) => { b.header = [{ name: 'h', action: 'set', type: 'request', destination: 'http.X', ignore_if_set: 'yes' }]; }))).toEqual([
      'error header[0].ignore_if_set: fastly_service_vcl.header[0].ignore_if_set: expected "bool", got "yes" [schema]',
    ]);
    expect(findings(vclWith((b) => { b.condition[0].priority = '-3'; }))).toEqual([
      'error condition[0].priority: condition "IsApi" priority: got -3; allowed: an integer from 0 to 2147483647 [condition/priority]',
    ]);
  });

  test('a block may be one object, and null leaves an attribute unset', () => {
    expect(findings(vclWith((b) => { b.domain = { name: 'www.example.com', comment: null }; b.backend[0].shield = null; }))).toEqual([]);
  });

  test('expressions are skipped wherever they stand: in lists, objects and whole blocks', () => {
    expect(findings(vclWith((b) => {
      b.director = [{ name: 'pool', backends: ['web', '${var.extra_backend}'] }];
      b.healthcheck[0].headers = ['${var.probe_header}'];
      b.gzip = '${var.gzip_blocks}';
      b.condition[0].statement = '%{ if var.strict }req.url ~ "^/api/"%{ else }true%{ endif }';
    }))).toEqual([]);
  });

  test('a dynamic block is checked through its content, and counting rules skip the block type it makes', () => {
    const body = vclWith((b) => {
      b.dynamic = {
        backend: [{ for_each: '${var.origins}', content: [{ name: '${backend.key}', address: '${backend.value}', port: 0, use_tls: true }] }],
        logging_s3: { for_each: '${var.logs}', content: { name: '${logging_s3.key}', bucket_name: 'b', format_version: 3 } },
        snippets: [{ for_each: '${var.snippets}', content: [{ name: 'x' }] }],
      };
    });
    expect(findings(body)).toEqual([
      'error dynamic.backend[0].content.use_tls: fastly_service_vcl.dynamic.backend[0].content.use_tls: not an attribute or block of the schema [schema]',
      'error dynamic.snippets[0]: fastly_service_vcl.dynamic.snippets[0]: "snippets" is not a block type of the schema [schema]',
      'error dynamic.backend[0].content.port: backend [2] port: got 0; allowed: an integer from 1 to 65535 [backend/port]',
      'error dynamic.logging_s3[0].content.format_version: logging_s3 [0] format_version: got 3; allowed: one of 1, 2 [logging/format-version]',
    ]);
    // With a backend made per item of a variable, the default route and healthcheck use are only known at deploy time.
    expect(findings(vclWith((b) => {
      delete b.backend[1].request_condition;
      b.healthcheck.push({ name: 'spare', host: 'www.example.com', path: '/', check_interval: 15000, timeout: 5000 });
      b.dynamic = { backend: { for_each: '${var.origins}', content: { name: '${backend.key}', address: '${backend.value}' } } };
    }))).toEqual([]);
  });

  test('blocks the kept provider schema leaves out are passed over by the schema check; unknown blocks are not', () => {
    expect(findings(vclWith((b) => {
      b.logging_s3 = [{ name: 'logs', bucket_name: 'b', format_version: 2, some_future_attribute: true }];
      b.logging_s4 = [{ name: 'typo' }];
    }))).toEqual([
      'error logging_s4: fastly_service_vcl.logging_s4: not an attribute or block of the schema [schema]',
    ]);
    expect(findings({ ...computeBody(), dictionary: [{ name: 'd' }], product_enablement: { fanout: true } }, 'fastly_service_compute')).toEqual([]);
  });
});

describe('routing reads conditions that exclude each other', () => {
  const split = (statements: [string, string], priorities: [number, number]) => vclWith((b) => {
    b.condition = [
      { name: 'A', statement: statements[0], type: 'REQUEST', priority: priorities[0] },
      { name: 'B', statement: statements[1], type: 'REQUEST', priority: priorities[1] },
    ];
    b.backend[0].request_condition = 'A';
    b.backend[1].request_condition = 'B';
  });

  test.each([
    ['req.http.X-Use-Objects', '!req.http.X-Use-Objects'],
    ['req.url == "/a"', 'req.url != "/a"'],
    ['req.url ~ "^/api/"', 'req.url !~ "^/api/"'],
    ['req.http.Host == "a.example.com"', 'req.http.host == "b.example.com"'],
    ['client.geo.country_code == "US" && req.url ~ "^/a"', '!(client.geo.country_code == "US")'],
  ])('%s and %s never tie', (first, second) => {
    expect(findings(split([first, second], [10, 10])).filter((line) => line.includes('[routing/priority-tie]'))).toEqual([]);
  });

  test.each([
    ['req.http.X-Use-Objects', '!req.http.X-Use-Objects'],
    ['req.url == "/a"', 'req.url != "/a"'],
    ['req.http.Fastly-FF || req.url ~ "^/a"', '!req.http.Fastly-FF'],
  ])('%s and %s cover every request, so no backend needs to go without a condition', (first, second) => {
    expect(findings(split([first, second], [10, 20]))).toEqual([]);
  });

  test('conditions that can both match still tie, and ones that leave requests out still need a default route', () => {
    expect(findings(split(['req.url ~ "^/a"', 'req.http.X'], [10, 10]))).toEqual([
      'warning default route: got none (every backend has a request condition); allowed: exactly one backend or pool without a condition (or one automatic load-balancing group) to serve requests that match no condition [routing/default-route]',
      'warning routing conditions "A" → backend[0] "web" and "B" → backend[1] "api" all have priority 10; allowed: a distinct priority per routing condition. When several match a request the largest priority wins, and on a tie Fastly picks one arbitrarily: give the route that should win a larger number. [routing/priority-tie]',
    ]);
  });
});

describe('validateServiceConfig checks the VCL of snippets and custom VCL', () => {
  test('a condition only logging endpoints use may read a local a log snippet declares', () => {
    const body = vclWith((b) => {
      b.snippet = [{ name: 'Linehaul', type: 'log', content: 'declare local var.Ship-Logs BOOL;\nset var.Ship-Logs = true;\n' }];
      b.condition.push({ name: 'Linehaul Log', type: 'RESPONSE', statement: 'var.Ship-Logs && resp.status == 200' });
      b.logging_gcs = [{ name: 'gcs', bucket_name: 'b', response_condition: 'Linehaul Log' }];
    });
    expect(findings(body)).toEqual([]);
    body.header = [{ name: 'h', action: 'set', type: 'response', destination: 'http.X', source: '"1"', response_condition: 'Linehaul Log' }];
    expect(findings(body)).toEqual([
      'error condition[1].statement: condition "Linehaul Log" statement: got "var.Ship-Logs && resp.status == 200"; allowed: a VCL expression valid in a RESPONSE condition; column 1: the local "var.Ship-Logs" is not declared in vcl_deliver and vcl_log, so it cannot be read there; declare it with "declare local var.Ship-Logs STRING;" (or its type) in a snippet of that subroutine [condition/statement]',
    ]);
  });

  test('a RESPONSE condition is checked in the subroutines of its uses', () => {
    const body = vclWith((b) => {
      b.condition.push({ name: 'Big', type: 'RESPONSE', statement: 'resp.body_bytes_written > 1000000' });
      b.logging_https = [{ name: 'big', url: 'https://logs.example.com/', response_condition: 'Big' }];
    });
    expect(findings(body)).toEqual([]);
    body.header = [{ name: 'h', action: 'set', type: 'response', destination: 'http.X-Big', source: '"1"', response_condition: 'Big' }];
    expect(findings(body)).toEqual([
      'error condition[1].statement: condition "Big" statement: got "resp.body_bytes_written > 1000000"; allowed: a VCL expression valid in a RESPONSE condition; column 1: "resp.body_bytes_written" cannot be read in a RESPONSE condition (vcl_deliver and vcl_log); it is readable in vcl_log (RESPONSE conditions that only logging endpoints use) [condition/statement]',
    ]);
  });

  test('snippets of one type share their locals, and custom VCL only known at deploy time may declare any', () => {
    const body = vclWith((b) => {
      b.snippet = [
        { name: 'declare', type: 'miss', priority: 10, content: 'declare local var.bucket STRING;' },
        { name: 'use', type: 'miss', priority: 20, content: 'set var.bucket = "b";\nset bereq.http.X-Bucket = var.bucket;' },
        { name: 'elsewhere', type: 'fetch', content: 'set beresp.http.X-Bucket = var.bucket;' },
      ];
    });
    expect(findings(body)).toEqual([
      'error snippet[2].content: snippet "elsewhere" content (line 1, column 28): got "var.bucket"; allowed: VCL that compiles in a fetch snippet (vcl_fetch); the local "var.bucket" is not declared in vcl_fetch, so it cannot be read there; declare it with "declare local var.bucket STRING;" (or its type) in a snippet of that subroutine [vcl/variable]',
    ]);
    body.vcl = [{ name: 'main', main: true, content: '${file("main.vcl")}' }];
    expect(findings(body)).toEqual([]);
  });

  test('custom VCL declares locals in its own subroutines and is checked subroutine by subroutine', () => {
    expect(findings(vclWith((b) => {
      b.vcl = [{
        name: 'main',
        main: true,
        content: 'sub vcl_recv {\n  declare local var.region STRING;\n#FASTLY recv\n  return(lookup);\n}\n\nsub vcl_deliver {\n#FASTLY deliver\n  set resp.http.X = beresp.ttl;\n}\n',
      }];
      b.snippet = [{ name: 'geo', type: 'recv', content: 'set var.region = client.geo.region;' }];
    }))).toEqual([
      'error vcl[0].content: vcl "main" content (line 9, column 21): got "beresp.ttl"; allowed: VCL that compiles in custom VCL; "beresp.ttl" cannot be read in vcl_deliver; it is readable in vcl_fetch [vcl/variable]',
    ]);
  });

  test('a template inside a VCL string is checked around; one that stands for VCL skips the snippet', () => {
    expect(findings(vclWith((b) => {
      b.snippet = [
        { name: 'token', type: 'recv', content: 'set req.http.Token = "${var.token}";\nset req.http.X = req.ulr;' },
        { name: 'file', type: 'recv', content: '${file("recv.vcl")}' },
        { name: 'flag', type: 'log', content: 'set var.flag = ${var.enabled};' },
      ];
    }))).toEqual([
      'error snippet[0].content: snippet "token" content (line 2, column 18): got "req.ulr"; allowed: VCL that compiles in a recv snippet (vcl_recv); unknown variable "req.ulr"; did you mean "req.url"? [vcl/variable]',
    ]);
  });
});
