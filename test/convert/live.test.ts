import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { deployService } from './local-deploy';
import { runCli } from '../../src/cli';
import { compareServices } from '../../src/convert/compare';
import { serviceFromTerraformJson, ServiceType } from '../../src/convert/model';
import { IFastlyApi, startFastlyApi } from '../../src/fastly-api';
import { exampleStack, kitchenSinkStack } from '../fixtures/stacks';

const root = path.resolve(__dirname, '..', '..');

/** The collections the local API does not serve: it answers 404 for them. */
const UNSERVED = ['acl', 'cache_setting', 'dictionary', 'gzip', 'header', 'logging_bigquery', 'logging_blobstorage', 'logging_cloudfiles',
  'logging_datadog', 'logging_digitalocean', 'logging_elasticsearch', 'logging_ftp', 'logging_gcs', 'logging_googlepubsub',
  'logging_grafanacloudlogs', 'logging_heroku', 'logging_honeycomb', 'logging_https', 'logging_kafka', 'logging_kinesis', 'logging_logentries',
  'logging_loggly', 'logging_logshuttle', 'logging_newrelic', 'logging_newrelicotlp', 'logging_openstack', 'logging_papertrail', 'logging_s3',
  'logging_scalyr', 'logging_sftp', 'logging_splunk', 'logging_sumologic', 'logging_syslog', 'rate_limiter', 'request_setting', 'response_object',
  'vcl'];

let api: IFastlyApi;
const savedEnv = { key: process.env.FASTLY_API_KEY, url: process.env.FASTLY_API_URL };
beforeAll(async () => {
  api = await startFastlyApi();
});
afterAll(() => api.close());
beforeEach(() => {
  process.env.FASTLY_API_KEY = 'local-test-key';
  delete process.env.FASTLY_API_URL;
});
afterEach(() => {
  for (const [name, value] of [['FASTLY_API_KEY', savedEnv.key], ['FASTLY_API_URL', savedEnv.url]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

async function convert(args: string[]): Promise<{ code: number; out: string[]; err: string[]; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convert-live-'));
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['convert', ...args, '--out', dir], { out: (line) => out.push(line), err: (line) => err.push(line), readFile: () => '' });
  return { code, out, err, dir };
}

/** The first service of a resource type in a synthesised stack: its resource name and body. */
function serviceOf(json: any, resourceType: ServiceType): [string, any] {
  return Object.entries<any>(json.resource[resourceType])[0];
}

/**
 * Runs a written app as a user would (`ts-node main.ts`), with `cdktf-fastly-origins` resolving
 * to this checkout's sources; returns the synthesised stack.
 */
function runWrittenApp(dir: string): any {
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(path.join(modules, 'cdktf-fastly-origins'), { recursive: true });
  fs.writeFileSync(path.join(modules, 'cdktf-fastly-origins', 'index.js'), `module.exports = require(${JSON.stringify(path.join(root, 'src'))});\n`);
  for (const dependency of ['cdktf', 'constructs']) fs.symlinkSync(path.join(root, 'node_modules', dependency), path.join(modules, dependency), 'dir');
  const outdir = path.join(dir, 'cdktf.out');
  execFileSync(process.execPath, [require.resolve('ts-node/dist/bin'), '--transpile-only', '--project', path.join(root, 'test', 'tsconfig.json'), 'main.ts'],
    { cwd: dir, env: { ...process.env, CDKTF_OUTDIR: outdir }, stdio: 'pipe' });
  const [stack] = fs.readdirSync(path.join(outdir, 'stacks'));
  return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8'));
}

describe('convert --service-id: a live service read through Fastly\'s API', () => {
  test.each([
    ['the README\'s example', exampleStack, 'edge',
      'VclService "site": 3 Condition, 2 OriginPool, 1 ShieldedBackend, 1 Backend; 1 escape-hatch setting(s)',
      ['OriginPool api', 'OriginPool web', 'ShieldedBackend assets', 'Backend legacy']],
    ['the kitchen sink (failover and hash pools, shielded backends)', kitchenSinkStack, 'kitchen-sink',
      'VclService "site": 8 Condition, 1 Healthcheck, 2 OriginPool, 2 ShieldedBackend, 2 Backend; 1 escape-hatch setting(s)',
      ['OriginPool media_pool', 'OriginPool search', 'ShieldedBackend api_v2', 'ShieldedBackend bucket', 'Backend legacy', 'Backend web']],
  ])('%s: applied to the local API and converted back, the written app builds the same service and imports it', async (_name, makeStack, stackId, made, constructs) => {
    const source = JSON.parse(Testing.synth(makeStack()));
    const [resourceName, body] = serviceOf(source, 'fastly_service_vcl');
    const serviceId = await deployService(api.url, 'fastly_service_vcl', body);

    const result = await convert(['--service-id', serviceId, '--api-url', api.url, '--keep-unread']);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      `wrote ${path.join(result.dir, 'main.ts')}`,
      `wrote ${path.join(result.dir, 'cdktf.json')}`,
      `service ${serviceId} version 1: 1 service(s) converted`,
      // The service's construct path comes back from its pools' director comments, and with it its address.
      `fastly_service_vcl.${resourceName} → ${made}`,
      `  imports the live service ${serviceId} on the first deploy (an import block)`,
      `  left as on the service, not managed by the app (lifecycle.ignore_changes): ${UNSERVED.join(', ')} — not read: the API answered 404 Not found`,
      '  left as on the service, not managed by the app (lifecycle.ignore_changes): image_optimizer_default_settings — not read: Image Optimizer settings are read through their product\'s API',
      '  left as on the service, not managed by the app (lifecycle.ignore_changes): product_enablement — not read: products are enabled per service, outside its versions',
      '  equivalent to the source',
    ]);
    const main = fs.readFileSync(path.join(result.dir, 'main.ts'), 'utf8');
    expect(main).toContain(`site.resource.importFrom('${serviceId}');`);
    expect(main).toContain(`const stack = new TerraformStack(app, '${stackId}');`);
    for (const construct of constructs) expect(main).toContain(`new ${construct.split(' ')[0]}(site, '${construct.split(' ')[1]}', {`);

    const written = runWrittenApp(result.dir);
    expect(written.import).toEqual([{ id: serviceId, to: `fastly_service_vcl.${resourceName}` }]);
    const [writtenName, writtenBody] = serviceOf(written, 'fastly_service_vcl');
    expect(writtenName).toBe(resourceName);
    expect(writtenBody.lifecycle).toEqual({ ignore_changes: [...UNSERVED, 'image_optimizer_default_settings', 'product_enablement'].sort() });
    // Compared with the stack that made the service: only force_destroy, a setting of Terraform's that Fastly's API does not hold, differs.
    const { lifecycle: _lifecycle, ...managed } = writtenBody;
    expect(compareServices(serviceFromTerraformJson('fastly_service_vcl', resourceName, body, 'source'),
      serviceFromTerraformJson('fastly_service_vcl', resourceName, managed, 'written app'))).toEqual([{ path: 'force_destroy', expected: true, actual: false }]);
  }, 120_000);

  test('without --keep-unread, collections the API does not answer stop the conversion and nothing is written', async () => {
    const [, body] = serviceOf(JSON.parse(Testing.synth(exampleStack())), 'fastly_service_vcl');
    const serviceId = await deployService(api.url, 'fastly_service_vcl', body);
    const result = await convert(['--service-id', serviceId, '--api-url', api.url]);
    expect(result).toMatchObject({ code: 2, out: [] });
    expect(result.err).toEqual([`convert: could not read ${UNSERVED.join(', ')} (the API answered 404 Not found) of service ${serviceId} version 1. `
      + 'An app without them would delete them on deploy; rerun with --keep-unread to write it anyway, leaving them as they are on the service '
      + '(lifecycle.ignore_changes)']);
    expect(fs.readdirSync(result.dir)).toEqual([]);
  });

  test('FASTLY_API_URL points at the API when --api-url is not given; --version picks a version', async () => {
    const [, body] = serviceOf(JSON.parse(Testing.synth(exampleStack())), 'fastly_service_vcl');
    const serviceId = await deployService(api.url, 'fastly_service_vcl', body);
    process.env.FASTLY_API_URL = api.url;
    const result = await convert(['--service-id', serviceId, '--version', '1', '--keep-unread']);
    expect(result.code).toBe(0);
    expect(result.out[2]).toBe(`service ${serviceId} version 1: 1 service(s) converted`);
  });

  test('a Compute service: read with --version when none is active; its package is left as it is', async () => {
    const [, body] = serviceOf(JSON.parse(Testing.synth(exampleStack())), 'fastly_service_compute');
    const serviceId = await deployService(api.url, 'fastly_service_compute', body);
    const result = await convert(['--service-id', serviceId, '--version', '1', '--api-url', api.url, '--keep-unread']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('  left as on the service, not managed by the app (lifecycle.ignore_changes): package — not read: Fastly\'s API '
      + 'gives back the package\'s hash, not the package; until the app declares one, it leaves new versions inactive');
    expect(result.out[result.out.length - 1]).toBe('  equivalent to the source');
    const main = fs.readFileSync(path.join(result.dir, 'main.ts'), 'utf8');
    expect(main).toContain('const edgeApp = new ComputeService(stack, \'edge-app\', { name: \'edge-app\', domains: [\'app.example.com\'] });');
    expect(main).toContain('new Backend(edgeApp, \'origin\', { address: \'app-origin.example.net\' });');
  });

  describe('what stops the conversion: exit 2, the reason, nothing written', () => {
    let vclService: string;
    let computeService: string;
    // Answers every request as Fastly's API answers an unknown token.
    const refusingApi = http.createServer((_request, response) => {
      response.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ msg: 'Provided credentials are missing or invalid' }));
    });
    let refusing: string;
    beforeAll(async () => {
      const stack = JSON.parse(Testing.synth(exampleStack()));
      vclService = await deployService(api.url, 'fastly_service_vcl', serviceOf(stack, 'fastly_service_vcl')[1]);
      computeService = await deployService(api.url, 'fastly_service_compute', serviceOf(stack, 'fastly_service_compute')[1]);
      await new Promise<void>((resolve) => refusingApi.listen(0, '127.0.0.1', resolve));
      refusing = `http://127.0.0.1:${(refusingApi.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => refusingApi.close(() => resolve())));

    test.each<[string, () => string[], () => void, () => string]>([
      ['no FASTLY_API_KEY', () => ['--service-id', vclService, '--api-url', api.url], () => delete process.env.FASTLY_API_KEY,
        () => 'convert: FASTLY_API_KEY is not set: export a Fastly API token that may read the service'],
      ['an unknown service', () => ['--service-id', 'NoSuchService', '--api-url', api.url], () => undefined,
        () => 'convert: service NoSuchService: Fastly\'s API answered: 404 Record not found: Cannot find service \'NoSuchService\''],
      ['an unknown version', () => ['--service-id', vclService, '--version', '9', '--api-url', api.url], () => undefined,
        () => `convert: service ${vclService} version 9: Fastly's API answered: 404 Record not found: Cannot find version '9'`],
      ['no active version and no --version', () => ['--service-id', computeService, '--api-url', api.url], () => undefined,
        () => `convert: service ${computeService} has no active version; give the one to convert with --version N (its versions: 1)`],
      ['an API out of reach', () => ['--service-id', vclService, '--api-url', 'http://127.0.0.1:9'], () => undefined,
        () => `convert: service ${vclService}: cannot reach Fastly's API at http://127.0.0.1:9: connect ECONNREFUSED 127.0.0.1:9`],
      ['a key the API refuses', () => ['--service-id', vclService, '--api-url', refusing], () => undefined,
        () => `convert: service ${vclService}: Fastly's API refused the key in FASTLY_API_KEY: 401 Provided credentials are missing or invalid`],
    ])('%s', async (_name, args, setUp, message) => {
      setUp();
      const result = await convert(args());
      expect(result).toMatchObject({ code: 2, out: [], err: [message()] });
      expect(fs.readdirSync(result.dir)).toEqual([]);
    });
  });
});

test('loading the package or its command line does not load Fastly\'s API client; reading a live service does', () => {
  const script = `
    const loaded = () => Object.keys(require.cache).some((file) => file.includes(${JSON.stringify(`${path.sep}node_modules${path.sep}fastly${path.sep}`)}));
    require(${JSON.stringify(path.join(root, 'src'))});
    require(${JSON.stringify(path.join(root, 'src', 'cli'))});
    const before = loaded();
    require(${JSON.stringify(path.join(root, 'src', 'convert', 'live'))})
      .readLiveService({ serviceId: 'x', apiUrl: 'http://127.0.0.1:9', apiKey: 'k' })
      .catch(() => undefined)
      .then(() => console.log(JSON.stringify({ before, after: loaded() })));`;
  const output = execFileSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), '-e', script],
    { cwd: root, env: { ...process.env, TS_NODE_PROJECT: path.join(root, 'test', 'tsconfig.json') }, encoding: 'utf8' });
  expect(JSON.parse(output)).toEqual({ before: false, after: true });
}, 60_000);
