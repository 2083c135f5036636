import { Testing } from 'cdktf';
import * as fc from 'fast-check';
import { validateServiceConfig } from '../src';
import { appSpec, buildApp } from './fixtures/property-apps';
import { checkAgainstSchema } from '../src/fastly/provider-schema';

describe('property: whatever synthesises is valid Fastly configuration', () => {
  test('every synthesised service passes validateServiceConfig and the schema check', () => {
    let cases = 0;
    let synthesised = 0;
    fc.assert(fc.property(appSpec, (spec) => {
      cases++;
      let json: string;
      try {
        json = Testing.synth(buildApp(spec), true);
      } catch (error) {
        // Rejected at synth: the error must be the library's, never a crash.
        expect((error as Error).message).toMatch(/^Validation failed with the following errors:\n {2}\[edge\//);
        return;
      }
      synthesised++;
      for (const [type, byId] of Object.entries<any>(JSON.parse(json).resource)) {
        for (const body of Object.values<any>(byId)) {
          expect(checkAgainstSchema(type, body)).toEqual([]);
          // What Fastly fails VCL compilation on, whatever the address is (the rules cannot see a deploy-time one).
          const checkedWithoutHostname = (body.backend ?? []).filter((b: any) => b.use_ssl && b.ssl_check_cert && b.ssl_cert_hostname === '');
          expect(checkedWithoutHostname).toEqual([]);
          expect(validateServiceConfig(body, { resourceType: type }).filter((finding) => finding.severity === 'error')).toEqual([]);
        }
      }
    }), { numRuns: 400, seed: 20261122 });
    console.log(`property: ${cases} generated apps, ${synthesised} synthesised and validated, ${cases - synthesised} rejected at synth`);
    expect(synthesised).toBeGreaterThan(cases / 10);
    expect(cases - synthesised).toBeGreaterThan(cases / 10);
  });
});
