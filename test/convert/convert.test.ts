import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { ExampleStack } from '../../examples/app';
import { convertSource, readTerraformFile, readTerraformJson } from '../../src/convert';

const fixtures = path.join(__dirname, 'fixtures');

describe('convert', () => {
  test('an HCL file: constructs, the typed escape hatch, raw JSON for blocks the bindings lack, suppressions with reasons', async () => {
    const conversion = await convertSource(await readTerraformFile(path.join(fixtures, 'service.tf')));
    const main = conversion.files['main.ts'];
    expect(main).toContain('const origin = new TerraformVariable(stack, \'origin\', { default: \'origin.example.net\', type: \'string\' });');
    expect(main).toContain('new Backend(site, \'primary\', { address: origin.stringValue });');
    expect(main).toContain('const legacy = new Backend(site, \'legacy\', { address: \'legacy.example.net\', useSsl: false, port: 443 });');
    expect(main).toContain('RuleSuppressions.addSuppressions(legacy, [');
    expect(main).toContain('{ id: \'backend/tls-port\', reason: \'converted as is: the source uses this port and TLS setting together\' }');
    expect(main).toContain('const isError = new Condition(site, \'is-error\', { statement: \'resp.status >= 500\', type: ConditionType.RESPONSE });');
    expect(main).toContain('responseCondition: isError.name');
    expect(main).toContain('site.resource.addOverride(\'logging_syslog\', [{ address: \'logs.example.net\', name: \'syslog\' }]);');
    expect(main).toContain('domainComments: { \'www.example.com\': \'main site\' }');
    expect(conversion.report).toEqual([
      `${path.join(fixtures, 'service.tf')}: 1 service(s) converted`,
      'fastly_service_vcl.site → VclService "site": 1 Condition, 2 Backend; 1 escape-hatch setting(s)',
      '  raw override: logging_syslog (The library\'s typed bindings do not have a logging_syslog block yet, so it is set as raw Terraform JSON.)',
      '  suppressed routing/default-route on site: converted as is: the source has no single default route',
      '  suppressed backend/tls-port on site/legacy: converted as is: the source uses this port and TLS setting together',
      '  equivalent to the source',
    ]);
  });

  test('a stack this library synthesised converts back to the constructs that made it', async () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'convert-example-'));
    const app = new App({ outdir, stackTraces: false });
    new ExampleStack(app, 'edge');
    app.synth();
    const conversion = await convertSource(await readTerraformFile(path.join(outdir, 'stacks', 'edge', 'cdk.tf.json')));
    expect(conversion.services.map((service) => [service.differences, service.errors])).toEqual([[[], []], [[], []]]);
    expect(conversion.services[1].plan.constructs.map((construct) => `${construct.className} ${construct.id}`)).toEqual([
      'Condition IsApi', 'Condition IsAssets', 'Condition IsLegacy', 'OriginPool api', 'OriginPool web', 'ShieldedBackend assets', 'Backend legacy',
    ]);
    expect(conversion.files['main.ts']).toMatchSnapshot();
  });

  test('reports what it cannot convert and what differs', async () => {
    const source = readTerraformJson({
      resource: {
        fastly_service_vcl: { site: { name: 'x', domain: [{ name: 'x.example.com' }], backend: [{ name: 'a', address: 'a.example.com' }, { name: 'a', address: 'b.example.com' }] } },
        aws_s3_bucket: { logs: { bucket: 'logs' } },
      },
    }, 'main.tf.json');
    const conversion = await convertSource(source);
    expect(conversion.services[0].errors).toEqual([
      '[main/site] backend "a" (main/site/a) and backend "a" (main/site/a-backend) have the same name; allowed: one backend per name in a service (Fastly matches blocks by name). Give one of them another name. [name/unique]',
    ]);
    expect(conversion.report).toContain('not converted (outside the services; declare them in the stack or keep them in Terraform): aws_s3_bucket.logs');
  });
});
