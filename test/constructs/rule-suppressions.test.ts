import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { Backend, Condition, Duration, Healthcheck, OriginPool, RuleSuppressions, VclService } from '../../src';
import { errorOf, newStack, newVclService, serviceBody, validationErrors } from '../util';

function infosOf(construct: { node: { metadata: Array<{ type: string; data: unknown }> } }): unknown[] {
  return construct.node.metadata.filter((entry) => entry.type === '@cdktf/info').map((entry) => entry.data);
}

describe('RuleSuppressions', () => {
  test('a suppressed rule no longer stops synth and is listed as an info annotation with its reason', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'primary', { address: 'primary.example.com' });
    new Backend(service, 'secondary', { address: 'secondary.example.com' });
    RuleSuppressions.addSuppressions(service, [{ id: 'routing/default-route', reason: 'the first backend added wins, as it did before' }]);
    expect(serviceBody(stack).backend).toHaveLength(2);
    expect(infosOf(service)).toEqual([
      'suppressed routing/default-route: the first backend added wins, as it did before (finding: default route: got 2 (backend "primary" '
      + '(edge/site/primary); backend "secondary" (edge/site/secondary)); allowed: exactly one, because Fastly picks one of several '
      + 'unconditioned backends arbitrarily. Give the others a request condition (routeWhen for a pool), or put them in one pool to balance them. '
      + '[routing/default-route])',
    ]);
    expect(RuleSuppressions.suppressionsOf(service)).toEqual([{ id: 'routing/default-route', reason: 'the first backend added wins, as it did before' }]);
  });

  test('suppresses a prop check of the construct it is added to, and only the rule named', () => {
    const { stack, service } = newVclService();
    const legacy = new Backend(service, 'legacy', { address: 'legacy.example.com', useSsl: false, port: 443, sslCheckCert: false });
    RuleSuppressions.addSuppressions(legacy, [{ id: 'backend/tls-port', reason: 'the origin answers plain HTTP on 443' }]);
    expect(validationErrors(stack)).toEqual([
      '[edge/site/legacy] sslCheckCert: got false; allowed: only with useSsl: true; remove it or turn TLS on [backend/tls-only-setting]',
    ]);
    RuleSuppressions.addSuppressions(legacy, [{ id: 'backend/tls-only-setting', reason: 'kept from the old configuration' }]);
    expect(serviceBody(stack).backend[0]).toMatchObject({ port: 443, use_ssl: false, ssl_check_cert: false });
    expect(infosOf(legacy)).toHaveLength(2);
  });

  test('lifts only the findings Fastly accepts: an error of the same rule stays', () => {
    const { stack, service } = newVclService();
    const check = new Healthcheck(service, 'check', { host: 'www.example.com', checkInterval: Duration.seconds(5), timeout: Duration.seconds(5) });
    new Backend(service, 'web', { address: 'web.example.com', healthcheck: check });
    RuleSuppressions.addSuppressions(check, [{ id: 'healthcheck/timeout', reason: 'the origin answers slowly but surely' }]);
    expect(serviceBody(stack).healthcheck[0]).toMatchObject({ check_interval: 5000, timeout: 5000 });
    const broken = newVclService();
    const zero = new Healthcheck(broken.service, 'check', { host: 'www.example.com', timeout: Duration.millis(0) });
    new Backend(broken.service, 'web', { address: 'web.example.com', healthcheck: zero });
    RuleSuppressions.addSuppressions(zero, [{ id: 'healthcheck/timeout', reason: 'no timeout' }]);
    expect(validationErrors(broken.stack)).toEqual([expect.stringMatching(/^\[edge\/site\/check\] timeout: got Duration\.millis\(0\);.*\[healthcheck\/timeout\]$/)]);
  });

  test('lifts a condition statement the VCL tables do not know, never a syntax error', () => {
    const { stack, service } = newVclService();
    const future = new Condition(service, 'Future', { statement: 'req.http.X && fastly.brand_new_flag', priority: 5 });
    new Backend(service, 'web', { address: 'web.example.com' });
    new Backend(service, 'next', { address: 'next.example.com', requestCondition: future });
    RuleSuppressions.addSuppressions(future, [{ id: 'condition/statement', reason: 'a variable newer than the library\'s tables' }]);
    expect(serviceBody(stack).condition[0].statement).toBe('req.http.X && fastly.brand_new_flag');
    const broken = newVclService();
    const unclosed = new Condition(broken.service, 'Unclosed', { statement: 'req.url ~ "^/api/', priority: 5 });
    new Backend(broken.service, 'web', { address: 'web.example.com' });
    new Backend(broken.service, 'api', { address: 'api.example.com', requestCondition: unclosed });
    RuleSuppressions.addSuppressions(unclosed, [{ id: 'condition/statement', reason: 'x' }]);
    expect(validationErrors(broken.stack)).toEqual([expect.stringMatching(/^\[edge\/site\/Unclosed\] statement: got .*\[condition\/statement\]$/)]);
  });

  test('applies to the constructs inside only with applyToChildren', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.com' });
    const pool = new OriginPool(service, 'legacy', { origins: [{ address: 'a.example.com', useSsl: false, port: 443 }], routeWhen: undefined });
    RuleSuppressions.addSuppressions(pool, [{ id: 'backend/tls-port', reason: 'plain HTTP on 443' }]);
    expect(validationErrors(stack)).toContainEqual(expect.stringMatching(/^\[edge\/site\/legacy\/origins\[0\]\] port: got 443.*\[backend\/tls-port\]$/));
    RuleSuppressions.addSuppressions(pool, [{ id: 'backend/tls-port', reason: 'plain HTTP on 443' }], true);
    RuleSuppressions.addSuppressions(service, [{ id: 'routing/default-route', reason: 'two default routes on purpose' }]);
    expect(serviceBody(stack).backend).toHaveLength(2);
  });

  test('app.synth() writes the app and the suppression into the manifest', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'suppressions-'));
    const app = new App({ outdir, stackTraces: false });
    const stack = newStack(app);
    const service = new VclService(stack, 'site', { name: 'www-example', domains: [] });
    new Backend(service, 'web', { address: 'web.example.com' });
    RuleSuppressions.addSuppressions(service, [{ id: 'service/no-domains', reason: 'domains are linked with fastly_domain' }]);
    app.synth();
    const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    expect(manifest.stacks.edge.annotations).toEqual([expect.objectContaining({
      constructPath: 'edge/site',
      level: '@cdktf/info',
      message: expect.stringMatching(/^suppressed service\/no-domains: domains are linked with fastly_domain \(finding: domains: got \[\];/),
    })]);
    expect(fs.existsSync(path.join(outdir, 'stacks', 'edge', 'cdk.tf.json'))).toBe(true);
  });

  const rejected: Array<[string, { id: string; reason: string }, string]> = [
    ['an unknown rule id', { id: 'routing/default-routes', reason: 'x' },
      '[edge/site] suppression id: got "routing/default-routes"; allowed: a rule id of this library (the README\'s "What is checked" lists them); '
      + 'did you mean "routing/default-route"?'],
    ['a rule Fastly enforces', { id: 'name/unique', reason: 'x' },
      '[edge/site] suppression id: got "name/unique"; allowed: a suppressible rule; name/unique cannot be suppressed because Fastly or the '
      + 'provider rejects it, or it certainly breaks traffic. Fix the configuration instead'],
    ['a rule about the library\'s constructs', { id: 'pool/shield', reason: 'x' },
      '[edge/site] suppression id: got "pool/shield"; allowed: a suppressible rule; pool/shield cannot be suppressed because it is about how '
      + 'the library\'s constructs are used, not about a Fastly setting. Fix the configuration instead'],
    ['an empty reason', { id: 'routing/default-route', reason: ' ' },
      '[edge/site] suppression reason: got " "; allowed: a non-empty reason why routing/default-route does not apply here, so that the choice stays visible'],
  ];

  test.each(rejected)('rejects %s, so nothing is suppressed or written', (_title, suppression, message) => {
    const { stack, service } = newVclService();
    new Backend(service, 'primary', { address: 'primary.example.com' });
    new Backend(service, 'secondary', { address: 'secondary.example.com' });
    expect(errorOf(() => RuleSuppressions.addSuppressions(service, [suppression]))).toBe(message);
    expect(RuleSuppressions.suppressionsOf(service)).toEqual([]);
    expect(validationErrors(stack)).toEqual([expect.stringMatching(/\[routing\/default-route\]$/)]);
  });
});
