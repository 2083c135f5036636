import { TerraformVariable } from 'cdktf';
import { Backend, ComputeService, Duration, Healthcheck, HealthcheckMethod, HealthcheckProps } from '../../src';
import { newStack, newVclService, serviceBody, validationErrors, warningsOf } from '../util';

function healthcheckBlock(props: HealthcheckProps): any {
  const { stack, service } = newVclService();
  const check = new Healthcheck(service, 'check', props);
  new Backend(service, 'origin', { address: 'origin.example.com', healthcheck: check });
  return serviceBody(stack).healthcheck[0];
}

describe('Healthcheck', () => {
  test('defaults: healthy right after activation, a timeout shorter than the interval', () => {
    expect(healthcheckBlock({ host: 'origin.example.com' })).toEqual({
      name: 'check',
      host: 'origin.example.com',
      path: '/',
      method: 'HEAD',
      expected_response: 200,
      check_interval: 15000,
      timeout: 5000,
      threshold: 3,
      window: 5,
      initial: 3,
      http_version: '1.1',
    });
  });

  test('every prop is rendered, durations in milliseconds, headers as sorted "Name: value" lines', () => {
    expect(healthcheckBlock({
      name: 'api-health',
      host: 'api.example.com:8443',
      path: '/healthz?full=1',
      method: 'GET',
      expectedResponse: 204,
      checkInterval: Duration.minutes(1),
      timeout: Duration.millis(2500),
      threshold: 2,
      window: 4,
      initial: 4,
      httpVersion: '1.0',
      headers: { 'X-Probe': 'fastly', 'Authorization': 'Bearer abc' },
    })).toEqual({
      name: 'api-health',
      host: 'api.example.com:8443',
      path: '/healthz?full=1',
      method: 'GET',
      expected_response: 204,
      check_interval: 60000,
      timeout: 2500,
      threshold: 2,
      window: 4,
      initial: 4,
      http_version: '1.0',
      headers: ['Authorization: Bearer abc', 'X-Probe: fastly'],
    });
  });

  test('startUnhealthy allows initial below threshold, defaults initial to 0 and warns', () => {
    const { stack, service } = newVclService();
    const check = new Healthcheck(service, 'check', { host: 'origin.example.com', startUnhealthy: true });
    new Backend(service, 'origin', { address: 'origin.example.com', healthcheck: check });
    expect(serviceBody(stack).healthcheck[0].initial).toBe(0);
    expect(warningsOf(check)).toEqual([
      'initial (0) is below threshold (3): backends using this healthcheck start sick after every activation and get no traffic until enough probes pass (startUnhealthy is set) [healthcheck/starts-sick]',
    ]);
  });

  test('warns at synth when no backend uses it', () => {
    const { stack, service } = newVclService();
    const used = new Healthcheck(service, 'used', { host: 'origin.example.com' });
    const spare = new Healthcheck(service, 'spare', { host: 'origin.example.com' });
    new Backend(service, 'origin', { address: 'origin.example.com', healthcheck: used });
    serviceBody(stack);
    serviceBody(stack);
    expect(warningsOf(used)).toEqual([]);
    expect(warningsOf(spare)).toEqual([
      'no backend uses healthcheck "spare", so it probes without marking anything sick; pass it as a backend\'s healthcheck, or remove it [healthcheck/unused]',
    ]);
  });

  test('works on Compute services too', () => {
    const stack = newStack();
    const service = new ComputeService(stack, 'app', { name: 'app', domains: ['app.example.com'] });
    new Healthcheck(service, 'check', { host: 'origin.example.com' });
    expect(serviceBody(stack, 'fastly_service_compute').healthcheck[0].name).toBe('check');
  });

  const cases: Array<[string, Partial<HealthcheckProps>, string[]]> = [
    ['a missing host', { host: undefined }, ['host: got undefined; allowed: the Host header to probe with, e.g. "origin.example.com" [healthcheck/host]']],
    ['a host with a scheme', { host: 'https://origin.example.com' },
      ['host: got "https://origin.example.com"; allowed: a hostname or IP address, optionally with ":port" (no scheme or path) [healthcheck/host]']],
    ['a relative path', { path: 'healthz' }, ['path: got "healthz"; allowed: a path starting with "/" and without white space [healthcheck/path]']],
    ['a lower-case method', { method: 'get' as HealthcheckMethod }, ['method: got "get"; allowed: one of GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH (upper case) [healthcheck/method]']],
    ['an impossible status', { expectedResponse: 700 }, ['expectedResponse: got 700; allowed: an integer from 100 to 599 [healthcheck/expected-response]']],
    ['an interval under a second', { checkInterval: Duration.millis(500), timeout: Duration.millis(100) },
      ['checkInterval: got Duration.millis(500); allowed: a whole number of milliseconds from 1000 (1 s) to 3600000 (1 h) [healthcheck/interval]']],
    ['an interval over an hour', { checkInterval: Duration.minutes(61) },
      ['checkInterval: got Duration.minutes(61); allowed: a whole number of milliseconds from 1000 (1 s) to 3600000 (1 h) [healthcheck/interval]']],
    ['an interval in fractions of a millisecond', { checkInterval: Duration.seconds(5.0005) },
      ['checkInterval: got Duration.seconds(5.0005); allowed: a whole number of milliseconds; Fastly stores this attribute in milliseconds [healthcheck/interval]']],
    ['a timeout as long as the interval', { checkInterval: Duration.seconds(5), timeout: Duration.seconds(5) },
      ['timeout: got Duration.seconds(5); allowed: shorter than checkInterval (5000 ms), or probes overlap and a slow origin is never marked sick in time [healthcheck/timeout]']],
    ['a window over 64', { window: 65, threshold: 3 }, ['window: got 65; allowed: an integer from 1 to 64 [healthcheck/window]']],
    ['a threshold above the window', { threshold: 6, window: 5, initial: 5, startUnhealthy: true },
      ['threshold: got 6; allowed: at most window (5); otherwise the origin can never become healthy [healthcheck/threshold]']],
    ['an initial above the window', { initial: 6 }, ['initial: got 6; allowed: at most window (5) [healthcheck/initial]']],
    ['an initial below the threshold', { initial: 1 },
      ['initial: got 1; allowed: at least threshold (3), so origins are healthy right after activation; set startUnhealthy: true if they should start sick until probes pass [healthcheck/starts-sick]']],
    ['an unknown HTTP version', { httpVersion: '2' }, ['httpVersion: got "2"; allowed: "1.0" or "1.1" [healthcheck/http-version]']],
    ['a Host header', { headers: { Host: 'www.example.com' } }, ['headers: got "Host: www.example.com"; allowed: any header but Host; set host instead [healthcheck/headers]']],
    ['a header name with a space', { headers: { 'X Probe': '1' } },
      ['headers: got "X Probe: 1"; allowed: "Name: value" lines without line breaks, the name made of letters, digits and !#$%&\'*+.^_`|~- [healthcheck/headers]']],
    ['a header value with a line break', { headers: { 'X-Probe': 'a\r\nHost: evil' } },
      ['headers: got "X-Probe: a\\r\\nHost: evil"; allowed: "Name: value" lines without line breaks, the name made of letters, digits and !#$%&\'*+.^_`|~- [healthcheck/headers]']],
    ['a name with a quote', { name: 'check"1' },
      ['name: got "check\\"1"; allowed: 1 to 255 characters, no leading or trailing white space, no quotes, backslashes or control characters [name/format]']],
  ];

  test.each(cases)('rejects %s', (_title, props, message) => {
    const { stack, service } = newVclService();
    new Healthcheck(service, 'check', { host: 'origin.example.com', ...props } as HealthcheckProps);
    expect(validationErrors(stack)).toEqual(message.map((line) => `[edge/site/check] ${line}`));
  });

  test('unresolved tokens are not checked', () => {
    const stack = newStack();
    const service = new ComputeService(stack, 'app', { name: 'app', domains: ['app.example.com'] });
    const threshold = new TerraformVariable(stack, 'threshold', { type: 'number' });
    new Healthcheck(service, 'check', { host: 'origin.example.com', threshold: threshold.numberValue });
    expect(serviceBody(stack, 'fastly_service_compute').healthcheck[0]).toMatchObject({ threshold: '${var.threshold}', initial: '${var.threshold}' });
  });
});
