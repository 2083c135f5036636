import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  Backend, ComputeService, Condition, Duration, FastlyProvider, LoadBalancing, OriginPool, Pop, ShieldedBackend, TlsVersion, VclService,
} from '../src';

/**
 * The example edge: a storefront VCL service whose default route is a load-balanced web pool,
 * with /api/ on a routed random-director pool, /assets/ on a shielded S3 bucket and /legacy/ on
 * a plain backend; plus a Compute service kept as an unactivated draft.
 */
export class ExampleStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new FastlyProvider(this, 'fastly', {});

    const site = new VclService(this, 'site', {
      name: 'www-example',
      domains: ['www.example.com', 'example.com'],
      defaultTtl: Duration.minutes(10),
      forceDestroy: true,
    });

    new OriginPool(site, 'web', {
      origins: [{ address: 'web-1.example.net' }, { address: 'web-2.example.net' }],
      originDefaults: { overrideHost: 'www.example.com', minTlsVersion: TlsVersion.TLS_1_2 },
      healthcheck: { path: '/healthz', method: 'GET' },
      shield: 'iad-va-us',
    });

    const isApi = new Condition(site, 'IsApi', { statement: 'req.url ~ "^/api/"', priority: 20 });
    new OriginPool(site, 'api', {
      origins: [{ address: 'api-1.example.net' }, { address: 'api-2.example.net', weight: 50 }],
      originDefaults: { overrideHost: 'api.example.com', firstByteTimeout: Duration.seconds(30), keepaliveTime: Duration.minutes(1) },
      healthcheck: { path: '/status', checkInterval: Duration.seconds(30), timeout: Duration.seconds(3), headers: { 'X-Health-Probe': 'fastly' } },
      loadBalancing: LoadBalancing.random({ quorum: 50 }),
      routeWhen: isApi,
      shield: 'iad-va-us',
    });

    new ShieldedBackend(site, 'assets', {
      address: 'assets.s3.us-east-1.amazonaws.com',
      shield: Pop.nearest('aws', 'us-east-1'),
      requestCondition: new Condition(site, 'IsAssets', { statement: 'req.url ~ "^/assets/"', priority: 30 }),
      healthcheckOptions: { path: '/health.txt' },
    });

    new Backend(site, 'legacy', {
      address: '203.0.113.10',
      sslCertHostname: 'legacy.example.net',
      requestCondition: new Condition(site, 'IsLegacy', { statement: 'req.url ~ "^/legacy/"', priority: 10 }),
    });

    const app = new ComputeService(this, 'edge-app', { name: 'edge-app', domains: ['app.example.com'] });
    new Backend(app, 'origin', { address: 'app-origin.example.net' });

    new TerraformOutput(this, 'site_service_id', { value: site.serviceId });
  }
}

export function buildExampleApp(app: App = new App()): App {
  new ExampleStack(app, 'edge');
  return app;
}
