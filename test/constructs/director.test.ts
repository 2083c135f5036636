import { Backend, ComputeService, Condition, Director, DirectorProps, DirectorType, VclService } from '../../src';
import { newStack, newVclService, serviceBody, validationErrors } from '../util';

describe('Director', () => {
  test('renders a random director with Fastly\'s quorum and retries, members sorted by name', () => {
    const { stack, service } = newVclService();
    const web = new Backend(service, 'web', { address: 'web.example.com' });
    const isAlt = new Condition(service, 'IsAlt', { statement: 'req.url ~ "^/alt/"' });
    const alt = new Backend(service, 'alt', { address: 'alt.example.com', requestCondition: isAlt });
    const director = new Director(service, 'origins', { backends: [web, alt] });
    expect(director.name).toBe('origins');
    expect(serviceBody(stack).director).toEqual([
      { name: 'origins', backends: ['alt', 'web'], type: 1, quorum: 75, retries: 5, shield: '', comment: '' },
    ]);
  });

  test.each([
    [DirectorType.RANDOM, 1],
    [DirectorType.HASH, 3],
    [DirectorType.CLIENT, 4],
  ])('type %s is Fastly type %d, with every prop', (type, number) => {
    const { stack, service } = newVclService();
    const web = new Backend(service, 'web', { address: 'web.example.com' });
    new Director(service, 'pick', { backends: [web], type, quorum: 50, retries: 2, shield: 'iad-va-us', comment: 'from custom VCL', name: 'picker' });
    expect(serviceBody(stack).director).toEqual([
      { name: 'picker', backends: ['web'], type: number, quorum: 50, retries: 2, shield: 'iad-va-us', comment: 'from custom VCL' },
    ]);
  });

  const cases: Array<[string, Partial<DirectorProps>, string]> = [
    ['no backends', { backends: [] }, 'backends: got []; allowed: at least one backend name [director/backends]'],
    ['a quorum above 100', { quorum: 101 }, 'quorum: got 101; allowed: an integer from 0 to 100 [director/quorum]'],
    ['negative retries', { retries: -1 }, 'retries: got -1; allowed: an integer >= 0 [director/retries]'],
    ['an unknown type', { type: 'fallback' as DirectorType }, 'type: got "fallback"; allowed: one of random, hash, client [director/type]'],
    ['a retired shield', { shield: 'lcy-london-uk' },
      'shield: got "lcy-london-uk"; allowed: a current Fastly shield POP code; "lcy-london-uk" is not a Fastly shield POP; did you mean "london_city-uk"? (Pop.shields() lists them) [director/shield]'],
  ];

  test.each(cases)('rejects %s', (_title, props, message) => {
    const { stack, service } = newVclService();
    const web = new Backend(service, 'web', { address: 'web.example.com' });
    new Director(service, 'origins', { backends: [web], ...props });
    expect(validationErrors(stack)).toEqual([`[edge/site/origins] ${message}`]);
  });

  test('rejects a backend of another service', () => {
    const { stack, service } = newVclService();
    const other = new VclService(stack, 'other', { name: 'other', domains: ['other.example.com'] });
    new Backend(service, 'web', { address: 'web.example.com' });
    const foreign = new Backend(other, 'foreign', { address: 'foreign.example.com' });
    new Director(service, 'origins', { backends: [foreign] });
    expect(validationErrors(stack)).toEqual([
      '[edge/site/origins] backends: got <edge/other/foreign>; allowed: Backends of the same service (edge/site); Fastly only resolves names inside one service [reference/director-backend]',
    ]);
  });

  test('rejects a director on a Compute service', () => {
    const stack = newStack();
    const app = new ComputeService(stack, 'app', { name: 'app', domains: ['app.example.com'], package: { filename: 'pkg.tar.gz' } });
    const origin = new Backend(app, 'origin', { address: 'origin.example.com' });
    new Director(app, 'origins', { backends: [origin] });
    expect(validationErrors(stack)).toEqual([
      '[edge/app/origins] scope: got "edge/app"; allowed: a VclService; Compute services have no directors (choose the backend in your Compute program) [director/compute]',
    ]);
  });
});
