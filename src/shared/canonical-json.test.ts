import { canonicalJson, sha256Hex } from './canonical-json.js';

test('canonical JSON sorts keys at every level and drops undefined', () => {
  const a = canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined }, t: new Date('2026-01-02T03:04:05.678Z') });
  expect(a).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1,"t":"2026-01-02T03:04:05.678Z"}');
  expect(canonicalJson({ a: { d: [1, { y: 2, z: 1 }] }, b: 1, t: '2026-01-02T03:04:05.678Z' })).toBe(a);
});

test('sha256Hex matches a known digest', () => {
  expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});
