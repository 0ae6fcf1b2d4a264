import { currentIds, labDay, ownResults, unitMismatches } from './result-rules.js';
import { dimensionOf, unitsCompatible } from './units.js';

describe('unit compatibility', () => {
  test('length units fit length characteristics, whichever scale', () => {
    for (const u of ['mm', 'µm', 'um', 'm']) expect(unitsCompatible(u, 'mm')).toBe(true);
    expect(unitsCompatible('mm', 'µm')).toBe(true);
  });
  test('angles fit angles, not lengths; unknown units fit nothing', () => {
    expect(unitsCompatible('arcsec', 'deg')).toBe(true);
    expect(unitsCompatible('rad', 'mm')).toBe(false);
    expect(unitsCompatible('kg', 'kg')).toBe(false);
    expect(dimensionOf(' mm ')).toBe('length');
  });
  test('mismatches name the repeat and its unit', () => {
    expect(unitMismatches([{ unit: 'mm' }, { unit: 'deg' }], 'mm')).toEqual([{ repeat: 2, unit: 'deg' }]);
  });
});

describe('correction chains and four eyes', () => {
  test('a corrected result is no longer current; its correction is', () => {
    expect([...currentIds([{ id: 'a', correctsId: null }, { id: 'b', correctsId: 'a' }, { id: 'c', correctsId: null }])].sort()).toEqual(['b', 'c']);
  });
  test('the author of a current result cannot review the item', () => {
    expect(ownResults([{ id: 'a', recordedBy: 'u1' }, { id: 'b', recordedBy: 'u2' }], 'u1')).toEqual(['a']);
    expect(ownResults([{ id: 'b', recordedBy: 'u2' }], 'u1')).toEqual([]);
  });
  test('the measurement day is the Finnish day', () => {
    expect(labDay(new Date('2026-03-01T22:30:00Z'))).toBe('2026-03-02');
  });
});
