import * as fs from 'fs';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  Backend, BackendProps, ComputeService, Condition, ConditionType, Duration, Healthcheck, TlsVersion, VclService,
} from '../../src';
import { errorOf, newStack, newVclService, serviceBody, synth, validationErrors, warningsOf } from '../util';

const CERT = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----\n';

function backendBlock(props: BackendProps, name = 'origin'): any {
  const { stack, service } = newVclService();
  new Backend(service, name, props);
  return serviceBody(stack).backend.find((b: any) => b.name === name);
}

describe('Backend defaults', () => {
  test('a hostname origin gets TLS on 443, certificate checks and cert/SNI hostnames from the address, every attribute explicit', () => {
    expect(backendBlock({ address: 'origin.example.com' })).toEqual({
      name: 'origin',
      address: 'origin.example.com',
      port: 443,
      use_ssl: true,
      ssl_check_cert: true,
      ssl_cert_hostname: 'origin.example.com',
      ssl_sni_hostname: 'origin.example.com',
      ssl_ca_cert: '',
      ssl_ciphers: '',
      ssl_client_cert: '',
      ssl_client_key: '',
      min_tls_version: '',
      max_tls_version: '',
      override_host: '',
      connect_timeout: 1000,
      first_byte_timeout: 15000,
      between_bytes_timeout: 10000,
      max_lifetime: 0,
      max_use: 0,
      max_conn: 200,
      error_threshold: 0,
      weight: 100,
      shield: '',
      share_key: '',
      prefer_ipv6: false,
      healthcheck: '',
      auto_loadbalance: false,
      request_condition: '',
    });
  });

  test('keepalive_time is left out unless chosen (it is computed by the provider)', () => {
    expect(backendBlock({ address: 'origin.example.com' })).not.toHaveProperty('keepalive_time');
  });

  test('plain HTTP defaults to port 80 and leaves TLS hostnames empty', () => {
    expect(backendBlock({ address: 'origin.example.com', useSsl: false })).toMatchObject({
      port: 80, use_ssl: false, ssl_check_cert: true, ssl_cert_hostname: '', ssl_sni_hostname: '',
    });
  });

  test('an IP origin takes SNI from the certificate hostname', () => {
    expect(backendBlock({ address: '192.0.2.10', sslCertHostname: 'origin.example.com' })).toMatchObject({
      address: '192.0.2.10', ssl_cert_hostname: 'origin.example.com', ssl_sni_hostname: 'origin.example.com',
    });
  });

  test('an IPv6 origin without certificate checks needs no hostname', () => {
    expect(backendBlock({ address: '2001:db8::1', sslCheckCert: false })).toMatchObject({
      address: '2001:db8::1', ssl_check_cert: false, ssl_cert_hostname: '', ssl_sni_hostname: '',
    });
  });

  test('the name defaults to the construct id and can be set', () => {
    expect(backendBlock({ address: 'origin.example.com', name: 'primary' }, 'primary').name).toBe('primary');
  });
});

describe('Backend props are rendered to their attributes and units', () => {
  test('every prop', () => {
    const { stack, service } = newVclService();
    const check = new Healthcheck(service, 'check', { host: 'origin.example.com' });
    const isApi = new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"' });
    new Backend(service, 'fallback', { address: 'fallback.example.com' });
    new Backend(service, 'origin', {
      address: 'origin.example.com',
      port: 8443,
      useSsl: true,
      sslCheckCert: true,
      sslCertHostname: 'cert.example.com',
      sslSniHostname: 'sni.example.com',
      sslCaCert: CERT,
      sslCiphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384',
      sslClientCert: CERT,
      sslClientKey: KEY,
      minTlsVersion: TlsVersion.TLS_1_2,
      maxTlsVersion: TlsVersion.TLS_1_3,
      overrideHost: 'www.example.com',
      connectTimeout: Duration.millis(750),
      firstByteTimeout: Duration.seconds(30),
      betweenBytesTimeout: Duration.seconds(5),
      keepaliveTime: Duration.minutes(2),
      maxLifetime: Duration.minutes(10),
      maxUse: 1000,
      maxConn: 500,
      errorThreshold: 5,
      weight: 50,
      shield: 'iad-va-us',
      shareKey: 'sharedKey1',
      preferIpv6: true,
      healthcheck: check,
      requestCondition: isApi,
    });
    const block = serviceBody(stack).backend.find((b: any) => b.name === 'origin');
    expect(block).toEqual({
      name: 'origin',
      address: 'origin.example.com',
      port: 8443,
      use_ssl: true,
      ssl_check_cert: true,
      ssl_cert_hostname: 'cert.example.com',
      ssl_sni_hostname: 'sni.example.com',
      ssl_ca_cert: CERT,
      ssl_ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384',
      ssl_client_cert: CERT,
      ssl_client_key: KEY,
      min_tls_version: '1.2',
      max_tls_version: '1.3',
      override_host: 'www.example.com',
      connect_timeout: 750,
      first_byte_timeout: 30000,
      between_bytes_timeout: 5000,
      keepalive_time: 120,
      max_lifetime: 600000,
      max_use: 1000,
      max_conn: 500,
      error_threshold: 5,
      weight: 50,
      shield: 'iad-va-us',
      share_key: 'sharedKey1',
      prefer_ipv6: true,
      healthcheck: 'check',
      auto_loadbalance: false,
      request_condition: 'IsApi',
    });
  });

  test('a Compute backend has the Compute defaults and no VCL-only attributes', () => {
    const stack = newStack();
    const service = new ComputeService(stack, 'app', { name: 'app', domains: ['app.example.com'] });
    new Backend(service, 'origin', { address: 'origin.example.com' });
    const block = serviceBody(stack, 'fastly_service_compute').backend[0];
    expect(block.prefer_ipv6).toBe(true);
    expect(block).not.toHaveProperty('auto_loadbalance');
    expect(block).not.toHaveProperty('request_condition');
  });

  test('unresolved tokens are accepted and passed through unchecked', () => {
    const { stack, service } = newVclService();
    const address = new TerraformVariable(stack, 'origin_address', { type: 'string' });
    const port = new TerraformVariable(stack, 'origin_port', { type: 'number' });
    new Backend(service, 'origin', { address: address.stringValue, port: port.numberValue, sslCertHostname: 'origin.example.com' });
    expect(serviceBody(stack).backend[0]).toMatchObject({
      address: '${var.origin_address}', port: '${var.origin_port}', ssl_cert_hostname: 'origin.example.com',
    });
  });

  test('backends are sorted by name whatever the order they were added in', () => {
    const { stack, service } = newVclService();
    const isB = new Condition(service, 'IsB', { statement: 'req.url ~ "^/b"', priority: 20 });
    const isA = new Condition(service, 'IsA', { statement: 'req.url ~ "^/a"', priority: 10 });
    new Backend(service, 'zeta', { address: 'zeta.example.com', requestCondition: isB });
    new Backend(service, 'Alpha', { address: 'alpha.example.com' });
    new Backend(service, 'beta', { address: 'beta.example.com', requestCondition: isA });
    expect(serviceBody(stack).backend.map((b: any) => b.name)).toEqual(['Alpha', 'beta', 'zeta']);
  });
});

describe('Backend with a deploy-time address (a TerraformVariable, another resource\'s attribute)', () => {
  const IS_HOSTNAME = '${!can(regex("^[0-9.]+$|:", var.origin))}';

  test('gets the address as certificate and SNI hostname, as a hostname literal does, never an empty one', () => {
    const { stack, service } = newVclService();
    const origin = new TerraformVariable(stack, 'origin', { type: 'string' });
    new Backend(service, 'origin', { address: origin.stringValue });
    expect(serviceBody(stack).backend[0]).toMatchObject({
      address: '${var.origin}', use_ssl: true, ssl_check_cert: true, ssl_cert_hostname: '${var.origin}', ssl_sni_hostname: '${var.origin}',
    });
  });

  test('an IP address at deploy time stops terraform plan, as a literal IP address without sslCertHostname stops synth', () => {
    const { stack, service } = newVclService();
    const origin = new TerraformVariable(stack, 'origin', { type: 'string' });
    new Backend(service, 'origin', { address: origin.stringValue });
    expect(serviceBody(stack).lifecycle).toEqual({
      precondition: [{
        condition: IS_HOSTNAME,
        error_message: '[edge/site/origin] address: got an IP address at deploy time; allowed: a hostname, because sslCertHostname and '
          + 'sslSniHostname were derived from the address as from a hostname. For an IP origin, set them explicitly, as for a literal IP '
          + 'address [backend/deploy-time-address].',
      }],
    });
  });

  test('the user\'s own preconditions are kept beside it', () => {
    const { stack, service } = newVclService();
    const origin = new TerraformVariable(stack, 'origin', { type: 'string' });
    service.resource.lifecycle = { precondition: [{ condition: '${var.ok}', errorMessage: 'Not ok.' }] };
    new Backend(service, 'origin', { address: origin.stringValue });
    const preconditions = serviceBody(stack).lifecycle.precondition;
    expect(preconditions.map((precondition: any) => precondition.condition)).toEqual(['${var.ok}', IS_HOSTNAME]);
  });

  test('no precondition when the hostnames are given, and the user\'s own lifecycle is kept', () => {
    const { stack, service } = newVclService();
    const origin = new TerraformVariable(stack, 'origin', { type: 'string' });
    new Backend(service, 'origin', { address: origin.stringValue, sslCertHostname: 'origin.example.com' });
    new Backend(service, 'plain', {
      address: new TerraformVariable(stack, 'plain', { type: 'string' }).stringValue,
      useSsl: false,
      requestCondition: new Condition(service, 'IsPlain', { statement: 'req.http.X-Plain', priority: 20 }),
    });
    service.resource.lifecycle = { preventDestroy: true };
    expect(serviceBody(stack).lifecycle).toEqual({ prevent_destroy: true });
  });
});

describe('Backend rejects bad props at construction, naming path, prop, value and what is allowed', () => {
  const cases: Array<[string, Partial<BackendProps>, string]> = [
    ['a URL as address', { address: 'https://origin.example.com/' },
      'address: got "https://origin.example.com/"; allowed: a hostname (e.g. "origin.example.com"), an IPv4 or an IPv6 address; remove the scheme: give only the host, and use useSsl/port for the protocol [backend/address]'],
    ['a path in the address', { address: 'origin.example.com/app' },
      'address: got "origin.example.com/app"; allowed: a hostname (e.g. "origin.example.com"), an IPv4 or an IPv6 address; remove the path: an address is only a host [backend/address]'],
    ['a port in the address', { address: 'origin.example.com:8080' },
      'address: got "origin.example.com:8080"; allowed: a hostname (e.g. "origin.example.com"), an IPv4 or an IPv6 address; move the port into the port prop [backend/address]'],
    ['a bracketed IPv6 address', { address: '[2001:db8::1]', sslCheckCert: false },
      'address: got "[2001:db8::1]"; allowed: a hostname (e.g. "origin.example.com"), an IPv4 or an IPv6 address; remove the brackets around the IPv6 address [backend/address]'],
    ['a single-label name', { address: 'localhost' },
      'address: got "localhost"; allowed: a hostname (e.g. "origin.example.com"), an IPv4 or an IPv6 address; use a fully qualified name that Fastly POPs can resolve [backend/address]'],
    ['white space in the address', { address: ' origin.example.com' },
      'address: got " origin.example.com"; allowed: a hostname (e.g. "origin.example.com"), an IPv4 or an IPv6 address; remove the white space [backend/address]'],
    ['a malformed IPv4 address', { address: '10.0.0.256' },
      'address: got "10.0.0.256"; allowed: a hostname (e.g. "origin.example.com"), an IPv4 or an IPv6 address [backend/address]'],
    ['port out of range', { port: 70000 }, 'port: got 70000; allowed: an integer from 1 to 65535 [backend/port]'],
    ['a fractional port', { port: 80.5, useSsl: false }, 'port: got 80.5; allowed: an integer from 1 to 65535 [backend/port]'],
    ['TLS on port 80', { port: 80 },
      'port: got 80; allowed: a TLS port with useSsl: true (usually 443); port 80 with TLS fails the handshake. Set useSsl: false for plain HTTP [backend/tls-port]'],
    ['plain HTTP on port 443', { useSsl: false, port: 443 },
      'port: got 443; allowed: a plain-HTTP port with useSsl: false (usually 80); port 443 speaks TLS. Turn useSsl on to connect with TLS [backend/tls-port]'],
    ['a TLS setting without TLS', { useSsl: false, sslSniHostname: 'origin.example.com' },
      'sslSniHostname: got "origin.example.com"; allowed: only with useSsl: true; remove it or turn TLS on [backend/tls-only-setting]'],
    ['certificate checks setting without TLS', { useSsl: false, sslCheckCert: false },
      'sslCheckCert: got false; allowed: only with useSsl: true; remove it or turn TLS on [backend/tls-only-setting]'],
    ['an IP origin with certificate checks and no cert hostname', { address: '192.0.2.10' },
      'sslCertHostname: got undefined; allowed: the hostname on the origin\'s certificate; it is required for the ipv4 address "192.0.2.10" because certificate checks are on (Fastly fails VCL compilation without it) [backend/cert-hostname]'],
    ['a cert hostname that is a URL', { sslCertHostname: 'https://origin.example.com' },
      'sslCertHostname: got "https://origin.example.com"; allowed: a fully qualified hostname, e.g. "origin.example.com" [backend/tls-hostname]'],
    ['a CA that is not PEM', { sslCaCert: 'MIIBszCCAVmgAwIBAgIU' },
      'sslCaCert: got "MIIBszCCAVmgAwIBAgIU"; allowed: a PEM certificate ("-----BEGIN CERTIFICATE-----" … "-----END CERTIFICATE-----") [backend/pem]'],
    ['a CA without certificate checks', { sslCheckCert: false, sslCaCert: CERT },
      `sslCaCert: got ${JSON.stringify(CERT)}; allowed: only with sslCheckCert: true; a CA is pointless when certificates are not checked [backend/ca-without-check]`],
    ['a client certificate without its key', { sslClientCert: CERT },
      'sslClientKey: got undefined; allowed: set together with sslClientCert; mutual TLS needs both the certificate and its key [backend/client-certificate]'],
    ['a client key that is not PEM', { sslClientCert: CERT, sslClientKey: 'secret' },
      'sslClientKey: got "secret"; allowed: a PEM private key ("-----BEGIN PRIVATE KEY-----" … "-----END PRIVATE KEY-----") [backend/pem]'],
    ['a malformed cipher list', { sslCiphers: 'AES128-SHA;DROP' },
      'sslCiphers: got "AES128-SHA;DROP"; allowed: an OpenSSL cipher list such as "ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384" [backend/ciphers]'],
    ['TLS versions in the wrong order', { minTlsVersion: TlsVersion.TLS_1_3, maxTlsVersion: TlsVersion.TLS_1_2 },
      'maxTlsVersion: got "1.2"; allowed: 1.3 (minTlsVersion) or higher; no version could be negotiated [backend/tls-version]'],
    ['a TLS version that is not a TlsVersion', { minTlsVersion: '1.4' as TlsVersion },
      'minTlsVersion: got "1.4"; allowed: one of 1.0, 1.1, 1.2, 1.3 [backend/tls-version]'],
    ['an override host with a scheme', { overrideHost: 'http://www.example.com' },
      'overrideHost: got "http://www.example.com"; allowed: a Host header value such as "origin.example.com" (no scheme or path) [backend/override-host]'],
    ['a sub-millisecond timeout', { connectTimeout: Duration.millis(0.5) },
      'connectTimeout: got Duration.millis(0.5); allowed: a whole number of milliseconds; Fastly stores this attribute in milliseconds [backend/timeout]'],
    ['a zero timeout', { firstByteTimeout: Duration.seconds(0) }, 'firstByteTimeout: got Duration.seconds(0); allowed: a whole number of milliseconds, at least 1 [backend/timeout]'],
    ['keepalive in fractions of a second', { keepaliveTime: Duration.millis(1500) },
      'keepaliveTime: got Duration.millis(1500); allowed: a whole number of seconds; Fastly stores this attribute in seconds [backend/keepalive]'],
    ['keepalive of zero', { keepaliveTime: Duration.seconds(0) }, 'keepaliveTime: got Duration.seconds(0); allowed: a whole number of seconds, at least 1; leave it out to keep Fastly\'s default [backend/keepalive]'],
    ['negative max use', { maxUse: -1 }, 'maxUse: got -1; allowed: an integer >= 0 [backend/connection-limit]'],
    ['zero max connections', { maxConn: 0 }, 'maxConn: got 0; allowed: an integer >= 1 [backend/connection-limit]'],
    ['negative error threshold', { errorThreshold: -2 }, 'errorThreshold: got -2; allowed: an integer >= 0 [backend/connection-limit]'],
    ['zero weight', { weight: 0 }, 'weight: got 0; allowed: an integer >= 1 [backend/weight]'],
    ['an unknown shield', { shield: 'lcy-london-uk' },
      'shield: got "lcy-london-uk"; allowed: a current Fastly shield POP code; "lcy-london-uk" is not a Fastly shield POP; did you mean "london_city-uk"? (Pop.shields() lists them) [backend/shield]'],
    ['a retired shield', { shield: 'bwi-va-us' },
      'shield: got "bwi-va-us"; allowed: a current Fastly shield POP code; shield POP "bwi-va-us" was retired by Fastly (last seen 2021-10-06); use "iad-va-us" instead [backend/shield]'],
    ['a share key with punctuation', { shareKey: 'shared-key' }, 'shareKey: got "shared-key"; allowed: letters and digits only [backend/share-key]'],
    ['a name with a quote', { name: 'my"origin' },
      'name: got "my\\"origin"; allowed: 1 to 255 characters, no leading or trailing white space, no quotes, backslashes or control characters [name/format]'],
  ];

  test.each(cases)('%s', (_title, props, message) => {
    const { stack, service } = newVclService();
    new Backend(service, 'origin', { address: 'origin.example.com', ...props } as BackendProps);
    expect(validationErrors(stack)).toEqual([`[edge/site/origin] ${message}`]);
  });

  test('every problem of one backend is reported at once', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'origin', { address: 'origin.example.com', port: 0, weight: -1, maxConn: 0 });
    expect(validationErrors(stack)).toEqual([
      '[edge/site/origin] port: got 0; allowed: an integer from 1 to 65535 [backend/port]',
      '[edge/site/origin] maxConn: got 0; allowed: an integer >= 1 [backend/connection-limit]',
      '[edge/site/origin] weight: got -1; allowed: an integer >= 1 [backend/weight]',
    ]);
  });

  test('auto load balancing and a request condition on one backend', () => {
    const { stack, service } = newVclService();
    const isApi = new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"' });
    new Backend(service, 'web', { address: 'web.example.com' });
    new Backend(service, 'api', { address: 'api.example.com', requestCondition: isApi, autoLoadbalance: true });
    expect(validationErrors(stack)).toEqual([
      '[edge/site/api] autoLoadbalance: got true; allowed: false when requestCondition is set; Fastly takes a conditioned backend '
        + 'out of automatic load balancing, so the weight would silently do nothing [backend/auto-loadbalance-with-condition]',
    ]);
  });

  test('VCL-only props on a Compute service', () => {
    const stack = newStack();
    const service = new ComputeService(stack, 'app', { name: 'app', domains: ['app.example.com'] });
    const isApi = new Condition(new VclService(stack, 'site', { name: 'site', domains: ['www.example.com'] }), 'IsApi', { statement: 'req.url ~ "^/api/"' });
    new Backend(service, 'origin', { address: 'origin.example.com', autoLoadbalance: false, requestCondition: isApi, preferIpv6: false });
    expect(validationErrors(stack)).toEqual([
      '[edge/app/origin] requestCondition: got <edge/site/IsApi>; allowed: only on VCL services; Compute programs pick their backend in code [backend/vcl-only]',
      '[edge/app/origin] autoLoadbalance: got false; allowed: only on VCL services; Compute has no automatic load balancing [backend/vcl-only]',
      '[edge/app/origin] preferIpv6: got false; allowed: true (or unset) on Compute services; the Fastly API rejects prefer_ipv6 = false there ("only available for VCL services") [backend/compute-prefer-ipv6]',
    ]);
  });

  test('turning certificate checks off warns', () => {
    const { service } = newVclService();
    const backend = new Backend(service, 'origin', { address: 'origin.example.com', sslCheckCert: false });
    expect(warningsOf(backend)).toEqual([
      'sslCheckCert is false: Fastly accepts any certificate from this origin, including an attacker\'s; prefer sslCaCert for a private CA, or sslCertHostname for a certificate issued to another name [backend/insecure]',
    ]);
  });

  test('a backend outside any service', () => {
    const stack = newStack();
    expect(errorOf(() => new Backend(stack, 'origin', { address: 'origin.example.com' })))
      .toBe('[edge/origin] scope: a Backend must be created inside a VclService or ComputeService; use the service, or a construct '
        + 'inside it, as its scope (Fastly origins are nested blocks of one service resource)');
  });
});

describe('Backend references are checked at synth', () => {
  function twoServices(): { stack: TerraformStack; site: VclService; other: VclService } {
    const { stack, service: site } = newVclService();
    const other = new VclService(stack, 'other', { name: 'other', domains: ['other.example.com'] });
    return { stack, site, other };
  }

  test('a healthcheck of another service', () => {
    const { stack, site, other } = twoServices();
    const check = new Healthcheck(other, 'check', { host: 'origin.example.com' });
    new Backend(site, 'origin', { address: 'origin.example.com', healthcheck: check });
    new Backend(other, 'origin', { address: 'origin.example.com', healthcheck: check });
    expect(validationErrors(stack)).toEqual([
      '[edge/site/origin] healthcheck: got <edge/other/check>; allowed: a Healthcheck of the same service (edge/site); Fastly only resolves names inside one service [reference/healthcheck]',
    ]);
  });

  test('a condition of another service, and a condition of the wrong type', () => {
    const { stack, site, other } = twoServices();
    const elsewhere = new Condition(other, 'IsApi', { statement: 'req.url ~ "^/api/"' });
    const isCacheable = new Condition(site, 'IsCacheable', { statement: 'beresp.status == 200', type: ConditionType.CACHE, priority: 20 });
    new Backend(site, 'default', { address: 'origin.example.com' });
    new Backend(site, 'api', { address: 'api.example.com', requestCondition: elsewhere });
    new Backend(site, 'cacheable', { address: 'cache.example.com', requestCondition: isCacheable });
    new Backend(other, 'origin', { address: 'origin.example.com' });
    expect(validationErrors(stack)).toEqual([
      '[edge/site/api] requestCondition: got <edge/other/IsApi>; allowed: a Condition of the same service (edge/site); Fastly only resolves names inside one service [reference/condition]',
      '[edge/site/cacheable] requestCondition: got "IsCacheable"; allowed: a condition of type REQUEST; "IsCacheable" is a CACHE condition, but Fastly applies this backend in vcl_recv, where only REQUEST conditions run [reference/condition]',
    ]);
  });

  test('nothing is written when validation fails', () => {
    const app = Testing.app();
    const stack = newStack(app);
    const service = new VclService(stack, 'site', { name: 'www-example', domains: ['www.example.com'] });
    new Backend(service, 'a', { address: 'a.example.com' });
    new Backend(service, 'b', { address: 'b.example.com' });
    expect(() => app.synth()).toThrow(/default route: got 2/);
    expect(fs.existsSync(`${app.outdir}/stacks/edge/cdk.tf.json`)).toBe(false);
  });

  test('a failed synth leaves no cdk.tf.json of an earlier synth behind, so that a stale file cannot be deployed', () => {
    const app = Testing.app();
    const stack = newStack(app);
    const service = new VclService(stack, 'site', { name: 'www-example', domains: ['www.example.com'] });
    new Backend(service, 'a', { address: 'a.example.com' });
    new Backend(service, 'b', { address: 'b.example.com' });
    const earlier = `${app.outdir}/stacks/edge/cdk.tf.json`;
    fs.mkdirSync(`${app.outdir}/stacks/edge`, { recursive: true });
    fs.writeFileSync(earlier, '{ "from": "an earlier synth" }');
    expect(() => app.synth()).toThrow(/default route: got 2/);
    expect(fs.existsSync(earlier)).toBe(false);
  });

  test('a valid stack synthesises', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'origin', { address: 'origin.example.com' });
    expect(synth(stack).resource.fastly_service_vcl).toBeDefined();
  });
});
