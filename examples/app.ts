import { App, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  Backend, ComputeService, Condition, Duration, FastlyProvider, Healthcheck, TlsVersion, VclService,
} from '../src';

/**
 * The example edge: a storefront VCL service that routes /api/ to its own origin and serves
 * everything else from the web origin, plus a Compute service kept as an unactivated draft.
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

    const webHealth = new Healthcheck(site, 'web-health', { host: 'www.example.com', path: '/healthz', method: 'GET' });
    new Backend(site, 'web', {
      address: 'web-origin.example.net',
      overrideHost: 'www.example.com',
      healthcheck: webHealth,
      shield: 'iad-va-us',
      minTlsVersion: TlsVersion.TLS_1_2,
    });

    const isApi = new Condition(site, 'IsApi', { statement: 'req.url ~ "^/api/"', priority: 20 });
    const apiHealth = new Healthcheck(site, 'api-health', {
      host: 'api.example.net',
      path: '/status',
      checkInterval: Duration.seconds(30),
      timeout: Duration.seconds(3),
      headers: { 'X-Health-Probe': 'fastly' },
    });
    new Backend(site, 'api', {
      address: '203.0.113.10',
      sslCertHostname: 'api.example.net',
      requestCondition: isApi,
      healthcheck: apiHealth,
      firstByteTimeout: Duration.seconds(30),
      keepaliveTime: Duration.minutes(1),
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
