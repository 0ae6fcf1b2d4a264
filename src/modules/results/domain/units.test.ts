import { correctedBy, pointAgainstRange } from './result-rules.js';
import { compareQuantities } from './units.js';

describe('exact comparison across units', () => {
  test('lengths of different units compare exactly, with no float rounding', () => {
    expect(compareQuantities('25000', 'µm', '25', 'mm')).toBe(0);
    expect(compareQuantities('25000.001', 'um', '25', 'mm')).toBe(1);
    expect(compareQuantities('0.0254', 'm', '1', 'in')).toBe(0);
    expect(compareQuantities('1', 'in', '25.4000000001', 'mm')).toBe(-1);
    // 0.1 + 0.2 style traps do not exist here: 0.3 mm is exactly 300 µm.
    expect(compareQuantities('0.3', 'mm', '300', 'μm')).toBe(0);
  });

  test('degrees, arcminutes and arcseconds convert exactly; degrees and radians do not', () => {
    expect(compareQuantities('90', 'arcmin', '1.5', 'deg')).toBe(0);
    expect(compareQuantities('1', '°', '3599', 'arcsec')).toBe(1);
    expect(compareQuantities('1000', 'mrad', '1', 'rad')).toBe(0);
    expect(compareQuantities('1', 'rad', '57', 'deg')).toBeNull();
    expect(compareQuantities('1', 'mm', '1', 'deg')).toBeNull();
    expect(compareQuantities('1', 'kg', '1', 'kg')).toBeNull();
  });
});

describe('a calibration point against the measuring range', () => {
  const micrometer = { lower: '0', upper: '25', unit: 'mm' };

  test('both ends of the range are inside', () => {
    expect(pointAgainstRange({ value: '0', unit: 'mm' }, micrometer)).toBe('inside');
    expect(pointAgainstRange({ value: '25.000', unit: 'mm' }, micrometer)).toBe('inside');
    expect(pointAgainstRange({ value: '12500', unit: 'µm' }, micrometer)).toBe('inside');
  });

  test('a point past either end says which side, also after conversion', () => {
    expect(pointAgainstRange({ value: '25.001', unit: 'mm' }, micrometer)).toBe('above');
    expect(pointAgainstRange({ value: '25001', unit: 'um' }, micrometer)).toBe('above');
    expect(pointAgainstRange({ value: '-0.001', unit: 'mm' }, micrometer)).toBe('below');
    expect(pointAgainstRange({ value: '1.5', unit: 'in' }, micrometer)).toBe('above');
  });

  test('a point that cannot be converted exactly is not comparable', () => {
    expect(pointAgainstRange({ value: '0.5', unit: 'rad' }, { lower: '0', upper: '90', unit: 'deg' })).toBe('not_comparable');
    expect(pointAgainstRange({ value: '30', unit: 'arcmin' }, { lower: '0', upper: '90', unit: 'deg' })).toBe('inside');
  });
});

test('each corrected result maps to the result that corrects it', () => {
  expect(correctedBy([{ id: 'a', correctsId: null }, { id: 'b', correctsId: 'a' }, { id: 'c', correctsId: 'b' }])).toEqual(
    new Map([
      ['a', 'b'],
      ['b', 'c'],
    ]),
  );
});
