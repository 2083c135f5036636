import { TerraformVariable } from 'cdktf';
import { Backend, ComputeService, ComputeServiceProps, Healthcheck } from '../../src';
import { newStack, serviceBody, validationErrors } from '../util';

function computeBody(props: Partial<ComputeServiceProps> = {}): any {
  const stack = newStack();
  new ComputeService(stack, 'app', { name: 'edge-app', domains: ['app.example.com'], ...props });
  return serviceBody(stack, 'fastly_service_compute');
}

describe('ComputeService', () => {
  test('without a package, versions are not activated', () => {
    expect(computeBody()).toEqual({
      name: 'edge-app',
      comment: 'Managed by Terraform',
      activate: false,
      force_destroy: false,
      stage: false,
      domain: [{ name: 'app.example.com' }],
    });
  });

  test('with a package, versions are activated', () => {
    expect(computeBody({ package: { filename: 'pkg/edge-app.tar.gz', sourceCodeHash: 'abc123' } })).toMatchObject({
      activate: true,
      package: { filename: 'pkg/edge-app.tar.gz', source_code_hash: 'abc123' },
    });
  });

  test('a deploy-time backend address is guarded at plan on the Compute resource too', () => {
    const stack = newStack();
    const service = new ComputeService(stack, 'app', { name: 'edge-app', domains: ['app.example.com'] });
    new Backend(service, 'origin', { address: new TerraformVariable(stack, 'origin', { type: 'string' }).stringValue });
    const body = serviceBody(stack, 'fastly_service_compute');
    expect(body.backend[0].ssl_cert_hostname).toBe('${var.origin}');
    expect(body.lifecycle.precondition.map((p: any) => p.condition)).toEqual(['${!can(regex("^[0-9.]+$|:", var.origin))}']);
  });

  test('backends and healthchecks render into the Compute resource', () => {
    const stack = newStack();
    const service = new ComputeService(stack, 'app', { name: 'edge-app', domains: ['app.example.com'] });
    const check = new Healthcheck(service, 'check', { host: 'origin.example.com' });
    new Backend(service, 'origin', { address: 'origin.example.com', healthcheck: check });
    new Backend(service, 'assets', { address: 'assets.example.com' });
    const body = serviceBody(stack, 'fastly_service_compute');
    expect(body.backend.map((b: any) => [b.name, b.healthcheck])).toEqual([['assets', ''], ['origin', 'check']]);
    expect(body.healthcheck.map((h: any) => h.name)).toEqual(['check']);
  });

  test('rejects activation without a package', () => {
    const stack = newStack();
    new ComputeService(stack, 'app', { name: 'edge-app', domains: ['app.example.com'], activate: true });
    expect(validationErrors(stack)).toEqual([
      '[edge/app] activate: got true; allowed: false without a package; Fastly cannot activate a Compute version that has no package [service/compute-package]',
    ]);
  });

  test('rejects a package with both filename and content', () => {
    const stack = newStack();
    new ComputeService(stack, 'app', { name: 'edge-app', domains: ['app.example.com'], package: { filename: 'a.tar.gz', content: 'UEsDBA==' } });
    expect(validationErrors(stack)).toEqual([
      '[edge/app] package: got {"filename":"a.tar.gz","content":"UEsDBA=="}; allowed: exactly one of filename and content [service/compute-package]',
    ]);
  });
});
