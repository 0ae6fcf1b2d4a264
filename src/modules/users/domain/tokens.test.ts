import { bearerToken, hashToken, newToken } from './tokens.js';

test('new tokens are random, prefixed, and stored only as their hash', () => {
  const a = newToken();
  const b = newToken();
  expect(a.token).toMatch(/^lims_[A-Za-z0-9_-]{43}$/);
  expect(a.token).not.toBe(b.token);
  expect(a.hash).toBe(hashToken(a.token));
  expect(a.hash).not.toContain(a.token);
  expect(a.prefix).toBe(a.token.slice(0, 10));
});

test.each([
  ['Bearer abc', 'abc'],
  ['bearer abc ', 'abc'],
  ['Basic abc', null],
  ['Bearer', null],
  [undefined, null],
])('bearerToken(%p) is %p', (header, expected) => {
  expect(bearerToken(header)).toBe(expected);
});
