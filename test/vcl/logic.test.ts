import { canHoldTogether, holdForEveryRequest } from '../../src/vcl/logic';

describe('canHoldTogether', () => {
  test.each([
    ['req.http.X-Use-Objects', '!req.http.X-Use-Objects'],
    ['req.url == "/a"', 'req.url != "/a"'],
    ['"/a" == req.url', 'req.url != "/a"'],
    ['req.url ~ "^/api/"', 'req.url !~ "^/api/"'],
    ['req.restarts < 1', 'req.restarts >= 1'],
    ['req.restarts > 1', 'req.restarts <= 1'],
    ['req.http.host == "a.example.com"', 'req.http.Host == "b.example.com"'],
    ['req.http.X && req.url ~ "^/a"', '!(req.http.X)'],
    ['false', 'req.url ~ "^/a"'],
  ])('%s and %s exclude each other', (first, second) => {
    expect(canHoldTogether([first, second])).toBe(false);
  });

  test.each([
    ['req.url ~ "^/a"', 'req.url ~ "^/b"'],
    ['req.http.X', 'req.http.Y'],
    ['req.url == "/a"', 'req.http.Host == "/a"'],
    ['randombool(1, 2)', '!randombool(1, 2)'],
    ['req.url ~ "^/a"', 'req.url ~ ('],
  ])('%s and %s may both hold (as far as their form shows)', (first, second) => {
    expect(canHoldTogether([first, second])).toBe(true);
  });

  test('gives up on statements with too many atoms to enumerate, saying they may hold together', () => {
    const many = Array.from({ length: 15 }, (_, i) => `req.http.H${i}`).join(' && ');
    expect(canHoldTogether([many, `!req.http.H0 && ${many}`])).toBe(true);
  });
});

describe('holdForEveryRequest', () => {
  test.each([
    [['req.http.X', '!req.http.X']],
    [['req.url == "/a"', 'req.url != "/a"']],
    [['req.http.Fastly-FF || req.url ~ "^/a"', '!req.http.Fastly-FF']],
    [['true']],
  ])('%j cover every request', (statements) => {
    expect(holdForEveryRequest(statements)).toBe(true);
  });

  test.each([
    [['req.http.X', 'req.http.Y']],
    [['req.url == "/a"', 'req.url == "/b"']],
    [[]],
    [['req.http.X', 'not a ( statement']],
  ])('%j may leave requests out', (statements) => {
    expect(holdForEveryRequest(statements)).toBe(false);
  });
});
