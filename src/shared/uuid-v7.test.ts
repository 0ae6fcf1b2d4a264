import { uuidV7 } from './uuid-v7.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered UUIDs (version 7)', () => {
  test('carry the version and the variant, and the time in their first 48 bits', () => {
    const at = Date.UTC(2030, 0, 2, 3, 4, 5, 678);
    const id = uuidV7(at);
    expect(id).toMatch(V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  test('compare in the order they were made, also many within one millisecond', () => {
    const ids = Array.from({ length: 10_000 }, () => uuidV7(Date.UTC(2031, 5, 1)));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(V7);
  });

  test('stay ordered when the clock steps back', () => {
    const later = uuidV7(Date.UTC(2032, 0, 1));
    const earlier = uuidV7(Date.UTC(2031, 0, 1));
    expect(earlier > later).toBe(true);
  });
});
