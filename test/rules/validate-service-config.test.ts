import { validateServiceConfig } from '../../src';
import { RULE_IDS } from '../../src/rules';

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

function findings(body: any, resourceType?: string): string[] {
  return validateServiceConfig(body, { resourceType }).map((finding) => `${finding.severity} ${finding.path ? `${finding.path}: ` : ''}${finding.message}`);
}

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
    ['error backend[0].port: backend "web" port: got 80; allowed: a TLS port with use_ssl: true (usually 443); port 80 with TLS fails the handshake. Set use_ssl: false for plain HTTP [backend/tls-port]']],
  ['backend/tls-only-setting', vclWith((b) => { b.backend[0].use_ssl = false; b.backend[0].port = 80; }),
    ['error backend[0].ssl_cert_hostname: backend "web" ssl_cert_hostname: got "web.example.net"; allowed: only with use_ssl: true; remove it or turn TLS on [backend/tls-only-setting]']],
  ['backend/cert-hostname', vclWith((b) => { delete b.backend[0].ssl_cert_hostname; }),
    ['error backend[0].ssl_cert_hostname: backend "web" ssl_cert_hostname: got undefined; allowed: the hostname on the origin\'s certificate; it is required for the hostname address "web.example.net" because certificate checks are on (Fastly fails VCL compilation without it) [backend/cert-hostname]']],
  ['backend/tls-hostname', vclWith((b) => { b.backend[0].ssl_sni_hostname = 'web'; }),
    ['error backend[0].ssl_sni_hostname: backend "web" ssl_sni_hostname: got "web"; allowed: a fully qualified hostname, e.g. "origin.example.com" [backend/tls-hostname]']],
  ['backend/pem', vclWith((b) => { b.backend[0].ssl_ca_cert = 'MIIB'; }),
    ['error backend[0].ssl_ca_cert: backend "web" ssl_ca_cert: got "MIIB"; allowed: a PEM certificate ("-----BEGIN CERTIFICATE-----" … "-----END CERTIFICATE-----") [backend/pem]']],
  ['backend/client-certificate', vclWith((b) => { b.backend[0].ssl_client_cert = CERT; }),
    ['error backend[0].ssl_client_key: backend "web" ssl_client_key: got undefined; allowed: set together with ssl_client_cert; mutual TLS needs both the certificate and its key [backend/client-certificate]']],
  ['backend/ca-without-check', vclWith((b) => { b.backend[0].ssl_ca_cert = CERT; b.backend[0].ssl_check_cert = false; }), [
    'error backend[0].ssl_ca_cert: backend "web" ssl_ca_cert: got "-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----"; allowed: only with ssl_check_cert: true; a CA is pointless when certificates are not checked [backend/ca-without-check]',
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
    ['error backend[0].keepalive_time: backend "web" keepalive_time: got 0; allowed: a whole number of seconds, at least 1; leave it out to keep Fastly\'s default [backend/keepalive]']],
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
    ['error healthcheck[0].timeout: healthcheck "web-check" timeout: got 15000; allowed: shorter than check_interval (15000 ms), or probes overlap and a slow origin is never marked sick in time [healthcheck/timeout]']],
  ['healthcheck/window', vclWith((b) => { b.healthcheck[0].window = 100; }),
    ['error healthcheck[0].window: healthcheck "web-check" window: got 100; allowed: an integer from 1 to 64 [healthcheck/window]']],
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
    ['error default route: got 2 (backend[0] "web"; backend[1] "api"); allowed: exactly one, because Fastly picks one of several unconditioned backends arbitrarily. Give the others a request condition (routeWhen for a pool), or put them in one pool to balance them. [routing/default-route]']],
  ['routing/auto-loadbalance-shield', vclWith((b) => {
    Object.assign(b.backend[0], { auto_loadbalance: true, shield: 'iad-va-us' });
    b.backend.push({ name: 'web2', address: 'web2.example.net', port: 443, use_ssl: true, ssl_cert_hostname: 'web2.example.net', auto_loadbalance: true, shield: 'bfi-wa-us' });
  }), ['error automatic load-balancing group: got shields "iad-va-us", "bfi-wa-us" across backend[0] "web", backend[2] "web2"; allowed: one shield for the whole group (Fastly errors on mixed shields) [routing/auto-loadbalance-shield]']],
  ['routing/condition-target', vclWith((b) => {
    b.backend.push({ name: 'api2', address: 'api2.example.net', port: 443, use_ssl: true, ssl_cert_hostname: 'api2.example.net', request_condition: 'IsApi' });
  }), ['error routing condition[0] "IsApi" routes to backend[1] "api" and backend[2] "api2"; allowed: one target per routing condition, because Fastly picks one of them arbitrarily when it matches. Use one condition per target. [routing/condition-target]']],
  ['routing/priority-tie', vclWith((b) => {
    b.condition.push({ name: 'IsAdmin', statement: 'req.url ~ "^/admin/"', type: 'REQUEST', priority: 20 });
    b.backend.push({ name: 'admin', address: 'admin.example.net', port: 443, use_ssl: true, ssl_cert_hostname: 'admin.example.net', request_condition: 'IsAdmin' });
  }), ['error routing conditions "IsAdmin" → backend[2] "admin" and "IsApi" → backend[1] "api" all have priority 20; allowed: a distinct priority per routing condition. When several match a request the largest priority wins, and on a tie Fastly picks one arbitrarily: give the route that should win a larger number. [routing/priority-tie]']],
  ['routing/director-shield', vclWith((b) => {
    b.backend[0].shield = 'iad-va-us';
    b.director = [{ name: 'pool', backends: ['web', 'api'] }];
  }), ['error director[0].backends: director "pool" backends: got ["web", "api"]; allowed: backends that share one shield; got shields "iad-va-us", "", so a request would be sent to a shield its origin does not use [routing/director-shield]']],
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
    expect(RULE_IDS.filter((id) => !covered.has(id))).toEqual([]);
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
