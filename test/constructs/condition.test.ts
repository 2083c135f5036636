import { Backend, ComputeService, Condition, ConditionProps, ConditionType } from '../../src';
import { newStack, newVclService, serviceBody, validationErrors } from '../util';

describe('Condition', () => {
  test('defaults to a REQUEST condition of priority 10 named after its id; the statement is trimmed', () => {
    const { stack, service } = newVclService();
    const isApi = new Condition(service, 'IsApi', { statement: '  req.url ~ "^/api/"\n' });
    new Backend(service, 'api', { address: 'api.example.com', requestCondition: isApi });
    new Backend(service, 'web', { address: 'web.example.com' });
    expect(serviceBody(stack).condition).toEqual([{ name: 'IsApi', statement: 'req.url ~ "^/api/"', type: 'REQUEST', priority: 10 }]);
  });

  test('every type and an explicit name and priority', () => {
    const { stack, service } = newVclService();
    new Backend(service, 'web', { address: 'web.example.com' });
    for (const type of Object.values(ConditionType)) {
      new Condition(service, type, { statement: 'req.http.X-Debug', type, priority: 5, name: `is ${type.toLowerCase()}` });
    }
    expect(serviceBody(stack).condition).toEqual([
      { name: 'is cache', statement: 'req.http.X-Debug', type: 'CACHE', priority: 5 },
      { name: 'is prefetch', statement: 'req.http.X-Debug', type: 'PREFETCH', priority: 5 },
      { name: 'is request', statement: 'req.http.X-Debug', type: 'REQUEST', priority: 5 },
      { name: 'is response', statement: 'req.http.X-Debug', type: 'RESPONSE', priority: 5 },
    ]);
  });

  const cases: Array<[string, Partial<ConditionProps>, string]> = [
    ['an empty statement', { statement: '   ' }, 'statement: got ""; allowed: a VCL boolean expression such as req.url ~ "^/api/" [condition/statement]'],
    ['a statement with if', { statement: 'if (req.url ~ "^/api/")' },
      'statement: got "if (req.url ~ \\"^/api/\\")"; allowed: the expression only, without "if" and braces [condition/statement]'],
    ['an unknown type', { type: 'request' as ConditionType }, 'type: got "request"; allowed: one of REQUEST, CACHE, RESPONSE, PREFETCH [condition/type]'],
    ['a negative priority', { priority: -1 }, 'priority: got -1; allowed: an integer from 0 to 2147483647 [condition/priority]'],
    ['a fractional priority', { priority: 1.5 }, 'priority: got 1.5; allowed: an integer from 0 to 2147483647 [condition/priority]'],
    ['a name with a line break', { name: 'Is\nApi' },
      'name: got "Is\\nApi"; allowed: 1 to 255 characters, no leading or trailing white space, no quotes, backslashes or control characters [name/format]'],
  ];

  test.each(cases)('rejects %s', (_title, props, message) => {
    const { stack, service } = newVclService();
    new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"', ...props });
    expect(validationErrors(stack)).toEqual([`[edge/site/IsApi] ${message}`]);
  });

  test('rejects a condition on a Compute service', () => {
    const stack = newStack();
    const service = new ComputeService(stack, 'app', { name: 'app', domains: ['app.example.com'] });
    new Condition(service, 'IsApi', { statement: 'req.url ~ "^/api/"' });
    expect(validationErrors(stack)).toEqual([
      '[edge/app/IsApi] scope: got "edge/app"; allowed: a VclService; Compute services have no conditions (route in your Compute program instead) [condition/compute]',
    ]);
  });
});
