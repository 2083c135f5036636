import { TerraformStack, Testing } from 'cdktf';
import { WHOLE_STACKS } from './fixtures/stacks';
import { checkAgainstSchema } from '../src/fastly/provider-schema';

/**
 * The synthesised JSON as JSON.stringify prints it: the same text on cdktf and cdktn, which print
 * an empty block differently (`{\n}` and `{}`), so one snapshot serves both builds.
 */
function synthesisedJson(stack: TerraformStack): string {
  return JSON.stringify(JSON.parse(Testing.synth(stack, true)), null, 2);
}

describe.each(WHOLE_STACKS)('%s stack', (_name, build) => {
  test('matches its snapshot', () => {
    expect(synthesisedJson(build())).toMatchSnapshot();
  });

  test('is byte-identical across synths', () => {
    expect(Testing.synth(build(), true)).toBe(Testing.synth(build(), true));
  });

  test('only uses attributes and blocks of the provider schema, with the right types', () => {
    const resources = JSON.parse(Testing.synth(build(), true)).resource;
    const bodies = Object.entries<any>(resources).flatMap(([type, byId]) => Object.values(byId).map((body) => [type, body] as const));
    expect(bodies.length).toBeGreaterThan(0);
    for (const [type, body] of bodies) {
      expect(checkAgainstSchema(type, body)).toEqual([]);
    }
  });
});

describe('checkAgainstSchema', () => {
  test('reports unknown attributes, wrong types, computed attributes, missing required attributes and bad nesting', () => {
    expect(checkAgainstSchema('fastly_service_vcl', {
      name: 'svc',
      active_version: 3,
      default_ttl: '1h',
      backend: [{ name: 'a', address: 'a.example.com', port: 443, use_tls: true }, { name: 'b' }],
      domain: 'x.example.com',
    })).toEqual([
      'fastly_service_vcl.active_version: computed by the provider, cannot be set',
      'fastly_service_vcl.default_ttl: expected "number", got "1h"',
      'fastly_service_vcl.backend[0].use_tls: not an attribute or block of the schema',
      'fastly_service_vcl.backend[1].address: required, but missing',
      'fastly_service_vcl.domain: expected a list of blocks, got "x.example.com"',
    ]);
    expect(checkAgainstSchema('fastly_service_compute', { name: 'app', package: [{}, {}] }))
      .toEqual(['fastly_service_compute.package: at most 1 block(s) allowed, got 2']);
    expect(checkAgainstSchema('fastly_service_cdn', {})).toEqual(['fastly_service_cdn: not a resource of the provider schema']);
  });

  test('reads values and blocks as Terraform converts them', () => {
    expect(checkAgainstSchema('fastly_service_vcl', {
      name: 'svc',
      default_ttl: '3600',
      http3: 'true',
      stale_if_error: '0',
      comment: 42,
      domain: { name: 'x.example.com', comment: null },
      backend: { name: 'a', address: 'a.example.com', port: '443' },
    })).toEqual([]);
  });

  test('accepts Terraform expressions for any type', () => {
    expect(checkAgainstSchema('fastly_service_vcl', { name: '${var.name}', default_ttl: '${var.ttl}', activate: '${var.on}' })).toEqual([]);
  });
});
