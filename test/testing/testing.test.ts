import { Testing } from 'cdktf';
import { ExampleStack } from '../../examples/app';
import { Backend, Duration, FastlyTesting, LoadBalancing, OriginPool, VclService } from '../../src';
import { newStack, newVclService } from '../util';

const example = () => new ExampleStack(Testing.app(), 'edge');

describe('expect(stack).toRouteRequest(request, expected)', () => {
  test('routes to pools, backends and directors', () => {
    const stack = example();
    expect(stack).toRouteRequest({ url: '/api/v1/users' }, { pool: 'api', director: 'api', shares: { 'api-1': 2 / 3, 'api-2': 1 / 3 } });
    expect(stack).toRouteRequest({ url: '/' }, { pool: 'web', shares: { 'web-1': 0.5, 'web-2': 0.5 } });
    expect(stack).toRouteRequest({ url: '/', unhealthy: ['web-1'] }, { pool: 'web', backend: 'web-2' });
    expect(stack).toRouteRequest({ url: '/assets/logo.png' }, { backend: 'assets' });
    expect(stack).not.toRouteRequest({ url: '/legacy/x' }, { pool: 'web' });
  });

  test('a mismatch says where the request goes instead, and why', () => {
    expect(() => expect(example()).toRouteRequest({ url: '/legacy/page' }, { pool: 'api' })).toThrow(
      'expected GET /legacy/page to be routed as {"pool":"api"}, but it goes to no pool.\nFastly would: condition "IsLegacy" (priority 10) '
      + 'matched and is the highest-priority match, so the request goes to backend "legacy"');
  });

  test('a request that goes to a director or a group is said to, not "not one backend"', () => {
    expect(() => expect(example()).toRouteRequest({ url: '/api/v1/users' }, { backend: 'api-1' })).toThrow(
      'expected GET /api/v1/users to be routed as {"backend":"api-1"}, but it goes to director "api" (api-1 66.7%, api-2 33.3%), not to one '
      + 'backend.\nFastly would: ');
    expect(() => expect(example()).toRouteRequest({ url: '/' }, { backend: 'web-1' })).toThrow(
      'but it goes to the automatic load-balancing group (web-1 50%, web-2 50%), not to one backend.');
    expect(() => expect(example()).toRouteRequest({ url: '/legacy/' }, { backend: 'web-1' })).toThrow(
      'but the backend is legacy.');
  });

  test('with several services, the Host header picks the service', () => {
    const stack = newStack();
    const shop = new VclService(stack, 'shop', { name: 'shop', domains: ['shop.example.com'] });
    new OriginPool(shop, 'web', { origins: [{ address: 'shop-1.example.net' }, { address: 'shop-2.example.net' }], loadBalancing: LoadBalancing.hash({ quorum: 50 }) });
    const blog = new VclService(stack, 'blog', { name: 'blog', domains: ['*.blog.example.com'] });
    new OriginPool(blog, 'web', { origins: [{ address: 'blog-1.example.net' }] });
    expect(FastlyTesting.routeRequest(stack, { url: '/', headers: { Host: 'en.blog.example.com' } })).toMatchObject({ serviceName: 'blog', pools: ['web'], backend: 'web-1' });
    expect(FastlyTesting.routeRequest(stack, { url: '/', headers: { host: 'shop.example.com' } })).toMatchObject({ serviceName: 'shop', director: 'web' });
    expect(() => FastlyTesting.routeRequest(stack, { url: '/' })).toThrow(
      /^there are 2 VCL services \("blog", "shop"\); give the request a Host header that matches the domains of exactly one$/);
  });
});

describe('FastlyTesting.synth(stack)', () => {
  test('runs every check, which Testing.synth(stack) without true skips, including the checks of single props', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'https://web.example.net/', connectTimeout: Duration.millis(0.5) });
    expect(() => Testing.synth(stack)).not.toThrow();
    expect(() => FastlyTesting.synth(stack)).toThrow(/address: got "https:\/\/web\.example\.net\/"; allowed: a hostname/);
    expect(() => FastlyTesting.synth(stack)).toThrow(/connectTimeout: got Duration\.millis\(0\.5\); allowed: a whole number of milliseconds/);
  });

  test('returns the same stable JSON as Testing.synth(stack, true)', () => {
    expect(FastlyTesting.synth(example())).toBe(Testing.synth(example(), true));
  });
});

describe('fastlySnapshotSerializer', () => {
  test('prints services as a readable routing table', () => {
    expect(FastlyTesting.services(example())).toMatchSnapshot();
  });
});
