import { compareServices } from '../../src/convert/compare';
import { serviceFromTerraformJson } from '../../src/convert/model';

const vcl = (body: object) => serviceFromTerraformJson('fastly_service_vcl', 'site', body as any, 'test');

describe('compareServices', () => {
  test('reads values as Terraform does: type conversion, provider defaults, sets without order', () => {
    const source = vcl({
      name: 'site',
      backend: [{ name: 'a', address: 'a.example.com', port: '80' }],
      director: [{ name: 'd', backends: ['b', 'a'] }],
    });
    const written = vcl({
      name: 'site',
      comment: 'Managed by Terraform',
      activate: true,
      force_destroy: false,
      default_ttl: 3600,
      backend: { name: 'a', address: 'a.example.com', port: 80, use_ssl: false, weight: 100, first_byte_timeout: 15000 },
      director: [{ name: 'd', backends: ['a', 'b'], type: 1, quorum: 75, retries: 5, shield: '', comment: '' }],
    });
    expect(compareServices(source, written)).toEqual([]);
  });

  test('reports changed attributes, missing and extra elements, list order and raw blocks', () => {
    const source = vcl({
      name: 'site',
      backend: [{ name: 'a', address: 'a.example.com' }, { name: 'b', address: 'b.example.com' }],
      gzip: [{ name: 'g', extensions: ['css', 'js'] }],
      logging_syslog: [{ name: 'l', address: 'logs.example.com' }],
    });
    const written = vcl({
      name: 'site',
      backend: [{ name: 'a', address: 'a.example.com', port: 443 }, { name: 'c', address: 'c.example.com' }],
      gzip: [{ name: 'g', extensions: ['js', 'css'] }],
    });
    expect(compareServices(source, written)).toEqual([
      { path: 'backend "a".port', expected: 80, actual: 443 },
      { path: 'backend "b"', expected: 'present', actual: undefined },
      { path: 'backend "c"', expected: undefined, actual: 'present' },
      { path: 'gzip "g".extensions', expected: ['css', 'js'], actual: ['js', 'css'] },
      { path: 'logging_syslog', expected: [{ name: 'l', address: 'logs.example.com' }], actual: undefined },
    ]);
  });

  test('ignore_changes written by hcl2json as ${name} is the attribute name', () => {
    expect(compareServices(vcl({ name: 's', lifecycle: [{ ignore_changes: ['${product_enablement}'] }] }),
      vcl({ name: 's', lifecycle: { ignore_changes: ['product_enablement'] } }))).toEqual([]);
  });
});
