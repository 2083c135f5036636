import { TerraformVariable } from 'cdktf';
import { Condition, Duration, Healthcheck, Pop, ShieldedBackend, ShieldedBackendProps } from '../../src';
import { newVclService, serviceBody, synth, validationErrors, warningsOf } from '../util';

describe('ShieldedBackend', () => {
  test('an S3 bucket origin shielded near its region: Host, certificate and SNI are the bucket host', () => {
    const { stack, service } = newVclService();
    const assets = new ShieldedBackend(service, 'assets', {
      address: 'assets.s3.us-east-1.amazonaws.com',
      shield: Pop.nearest('aws', 'us-east-1'),
      healthcheckOptions: { path: '/health.txt', checkInterval: Duration.seconds(30) },
    });
    const body = serviceBody(stack);
    expect(body.backend[0]).toMatchObject({
      name: 'assets',
      address: 'assets.s3.us-east-1.amazonaws.com',
      shield: 'iad-va-us',
      override_host: 'assets.s3.us-east-1.amazonaws.com',
      ssl_cert_hostname: 'assets.s3.us-east-1.amazonaws.com',
      ssl_sni_hostname: 'assets.s3.us-east-1.amazonaws.com',
      use_ssl: true,
      port: 443,
      healthcheck: 'assets-health',
    });
    expect(body.healthcheck).toEqual([expect.objectContaining({
      name: 'assets-health', host: 'assets.s3.us-east-1.amazonaws.com', path: '/health.txt', check_interval: 30000,
    })]);
    expect(assets.backend.name).toBe('assets');
    expect(assets.healthcheck?.name).toBe('assets-health');
  });

  test('a GCS bucket, as in Fastly\'s guide: the bucket host is address, Host, certificate and SNI hostname', () => {
    const { stack, service } = newVclService();
    new ShieldedBackend(service, 'media', {
      address: 'media-bucket.storage.googleapis.com',
      shield: Pop.nearest('gcp', 'us-west1'),
      healthcheckOptions: {},
    });
    const body = serviceBody(stack);
    expect(body.backend[0]).toMatchObject({
      address: 'media-bucket.storage.googleapis.com',
      override_host: 'media-bucket.storage.googleapis.com',
      ssl_cert_hostname: 'media-bucket.storage.googleapis.com',
      ssl_sni_hostname: 'media-bucket.storage.googleapis.com',
      shield: 'bfi-wa-us',
    });
    expect(body.healthcheck[0].host).toBe('media-bucket.storage.googleapis.com');
  });

  test('a bucket name with dots is a warning at synth: the wildcard certificate does not cover it', () => {
    const { stack, service } = newVclService();
    const media = new ShieldedBackend(service, 'media', { address: 'media.example.com.storage.googleapis.com', shield: 'bfi-wa-us' });
    serviceBody(stack);
    expect(warningsOf(media.backend)).toEqual([
      'address: got "media.example.com.storage.googleapis.com"; allowed: a bucket name without dots; the certificate *.storage.googleapis.com '
        + 'covers one label, so bucket "media.example.com" fails certificate checks (Fastly answers 503). Rename the bucket, or use the '
        + 'path-style endpoint: address "storage.googleapis.com", and "/media.example.com" in front of the URL path [backend/bucket-dots]',
    ]);
  });

  test('routed by a condition, with an existing healthcheck', () => {
    const { stack, service } = newVclService();
    const check = new Healthcheck(service, 'shared', { host: 'origin.example.com' });
    const isAssets = new Condition(service, 'IsAssets', { statement: 'req.url ~ "^/assets/"', priority: 30 });
    new ShieldedBackend(service, 'web', { address: 'web.example.net', shield: 'iad-va-us', healthcheck: check });
    new ShieldedBackend(service, 'assets', { address: '192.0.2.7', sslCertHostname: 'assets.example.com', shield: 'iad-va-us', requestCondition: isAssets, name: 'static' });
    expect(serviceBody(stack).backend.map((b: any) => [b.name, b.request_condition, b.override_host, b.healthcheck])).toEqual([
      ['static', 'IsAssets', '', ''],
      ['web', '', 'web.example.net', 'shared'],
    ]);
  });

  test('a deploy-time address is taken as a hostname: override host, healthcheck host, certificate and SNI, guarded at plan', () => {
    const { stack, service } = newVclService();
    const bucket = new TerraformVariable(stack, 'bucket_host', { type: 'string' });
    new ShieldedBackend(service, 'assets', { address: bucket.stringValue, shield: 'iad-va-us', healthcheckOptions: { path: '/ok.txt' } });
    const json = synth(stack);
    const body = Object.values<any>(json.resource.fastly_service_vcl)[0];
    expect(body.backend[0]).toMatchObject({
      override_host: '${var.bucket_host}', ssl_cert_hostname: '${var.bucket_host}', ssl_sni_hostname: '${var.bucket_host}',
    });
    expect(body.healthcheck[0].host).toBe('${var.bucket_host}');
    expect(body.lifecycle.precondition).toEqual([{
      condition: '${!can(regex("^[0-9.]+$|:", var.bucket_host))}',
      error_message: '[edge/site/assets] address: got an IP address at deploy time; allowed: a hostname, because sslCertHostname, '
        + 'sslSniHostname, overrideHost and healthcheckOptions.host were derived from the address as from a hostname. For an IP origin, set '
        + 'them explicitly, as for a literal IP address [backend/deploy-time-address].',
    }]);
  });

  const cases: Array<[string, Partial<ShieldedBackendProps>, string]> = [
    ['no shield', { shield: undefined },
      '[edge/site/assets] shield: got undefined; allowed: a shield POP code such as "iad-va-us" (see Pop.shields() and Pop.nearest()); use a Backend for an origin without shielding [shielded-backend/shield]'],
    ['an IP origin with a made healthcheck and no host', { address: '192.0.2.7', sslCertHostname: 'a.example.com', healthcheckOptions: {} },
      '[edge/site/assets] healthcheckOptions.host: got undefined; allowed: the Host header to probe with; it is required because the address "192.0.2.7" is not a hostname and there is no overrideHost [shielded-backend/healthcheck]'],
    ['a retired shield, reported on the backend it makes', { shield: 'sea-wa-us' },
      '[edge/site/assets/Backend] shield: got "sea-wa-us"; allowed: a current Fastly shield POP code; shield POP "sea-wa-us" was retired by Fastly (last seen 2022-08-29); use "bfi-wa-us" instead [backend/shield]'],
  ];

  test.each(cases)('rejects %s', (_title, props, message) => {
    const { stack, service } = newVclService();
    new ShieldedBackend(service, 'assets', { address: 'assets.example.com', shield: 'iad-va-us', ...props } as ShieldedBackendProps);
    expect(validationErrors(stack)).toEqual([message]);
  });

  test('rejects both healthcheckOptions and healthcheck', () => {
    const { stack, service } = newVclService();
    const check = new Healthcheck(service, 'shared', { host: 'origin.example.com' });
    new ShieldedBackend(service, 'assets', { address: 'assets.example.com', shield: 'iad-va-us', healthcheck: check, healthcheckOptions: { path: '/' } });
    expect(validationErrors(stack)).toEqual([
      '[edge/site/assets] healthcheckOptions: got {"path":"/"}; allowed: either healthcheckOptions (a check made for this backend) or healthcheck (an existing one), not both [shielded-backend/healthcheck]',
    ]);
  });
});
