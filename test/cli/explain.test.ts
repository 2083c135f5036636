import { Testing } from 'cdktf';
import { run } from './run-cli';
import { ExampleStack } from '../../examples/app';

const exampleJson = Testing.synth(new ExampleStack(Testing.app(), 'edge'), true);

describe('cdktf-fastly-origins explain', () => {
  const files = { 'cdk.tf.json': exampleJson };

  test('a routed request to a director pool', async () => {
    expect(await run(['explain', 'cdk.tf.json', '--url', '/api/v1/users', '--header', 'X-Debug: 1'], files)).toEqual({
      code: 0,
      out: [
        'service "www-example": GET /api/v1/users',
        '  goes to: director "api" (api-1 66.7%, api-2 33.3%)',
        '  matched conditions: IsApi (winner: IsApi)',
        '  why: condition "IsApi" (priority 20) matched and is the highest-priority match, so the request goes to backend "api-1"; '
          + 'snippet "api-route-miss" hands it to director "api" (random, quorum 50%): api-1 66.7%, api-2 33.3%',
      ],
      err: [],
    });
  });

  test('the default pool is the automatic load-balancing group, and says so', async () => {
    expect((await run(['explain', 'cdk.tf.json', '--url', '/'], files)).out).toEqual([
      'service "www-example": GET /',
      '  goes to: the automatic load-balancing group (web-1 50%, web-2 50%)',
      '  matched conditions: none',
      '  why: no routing condition matched, so the request takes the default route: the automatic load-balancing group: web-1 50%, web-2 50%',
    ]);
  });

  test('the default pool with an origin marked unhealthy', async () => {
    expect((await run(['explain', 'cdk.tf.json', '--url', '/', '--unhealthy', 'web-1', '--method', 'POST'], files)).out).toEqual([
      'service "www-example": POST /',
      '  goes to: the automatic load-balancing group (web-2 100%)',
      '  matched conditions: none',
      '  why: no routing condition matched, so the request takes the default route: the automatic load-balancing group: web-2 100%',
    ]);
  });

  test('its own help', async () => {
    const help = await run(['explain', '--help']);
    expect(help).toMatchObject({ code: 0, err: [] });
    expect(help.out[0]).toBe('Usage: cdktf-fastly-origins explain [options] <file>');
    // Whatever width commander wraps it to.
    expect(help.out.join(' ').replace(/\s+/g, ' ')).toContain('--url <path> the request path and query string, e.g. /api/users?page=2');
  });

  test('misuse exits 2 and says what is wrong', async () => {
    const usage = '(run "cdktf-fastly-origins explain --help" for usage)';
    expect(await run(['explain', 'cdk.tf.json'], files)).toEqual({ code: 2, out: [], err: ['error: required option \'--url <path>\' not specified', usage] });
    expect((await run(['explain', 'cdk.tf.json', '--url'], files)).err).toEqual(['error: option \'--url <path>\' argument missing', usage]);
    expect((await run(['explain', 'cdk.tf.json', '--url', '/', '--colour', 'red'], files)).err).toEqual(['error: unknown option \'--colour\'', usage]);
    expect(await run(['explain', 'cdk.tf.json', '--url', 'https://www.example.com/api/users?page=2'], files)).toEqual({
      code: 2,
      out: [],
      err: ['error: option \'--url <path>\' argument \'https://www.example.com/api/users?page=2\' is invalid. Give the path only, '
        + '--url /api/users?page=2, and the host as --header Host:www.example.com', usage],
    });
    expect((await run(['explain', 'cdk.tf.json', '--url', 'api/users'], files)).err).toEqual([
      'error: option \'--url <path>\' argument \'api/users\' is invalid. A path starts with "/": --url /api/users', usage,
    ]);
    expect((await run(['explain', 'cdk.tf.json', '--url', '/', '--header', 'nocolon'], files)).err).toEqual([
      'error: option \'--header <name:value>\' argument \'nocolon\' is invalid. Expected name:value, e.g. "X-Debug: 1"', usage,
    ]);
    expect((await run(['explain', 'cdk.tf.json', '--url', '/', '--geo', 'US'], files)).err).toEqual([
      'error: option \'--geo <field=value>\' argument \'US\' is invalid. Expected field=value, e.g. country_code=US', usage,
    ]);
    expect(await run(['explain', 'cdk.tf.json', '--url', '/', '--service', 'blog'], files)).toEqual({
      code: 2, out: [], err: ['explain: there is no VCL service named "blog"; there are "www-example"'],
    });
  });
});
