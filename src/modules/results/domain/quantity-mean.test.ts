import { meanInUnit } from './quantity-mean.js';
import { convertQuantity, trimZeros } from './units.js';

describe('converting a quantity between units of one scale', () => {
  test('powers of ten convert exactly, keeping the decimals typed', () => {
    expect(convertQuantity('12.5', 'µm', 'mm')).toBe('0.0125');
    expect(convertQuantity('0.0125', 'mm', 'µm')).toBe('12.5000');
    expect(convertQuantity('25.000', 'mm', 'mm')).toBe('25.000');
  });

  test('inches to millimetres are exact; millimetres to inches are rounded to nine more decimals', () => {
    expect(convertQuantity('1', 'in', 'mm')).toBe('25.4');
    expect(convertQuantity('1', 'mm', 'in')).toBe('0.039370079');
  });

  test('angles convert within their scale; degrees and radians do not, nor lengths and angles', () => {
    expect(convertQuantity('30', 'arcmin', 'deg')).toBe('0.5');
    expect(convertQuantity('1', 'deg', 'rad')).toBeNull();
    expect(convertQuantity('1', 'mm', 'deg')).toBeNull();
    expect(convertQuantity('1', 'furlong', 'mm')).toBeNull();
  });

  test('trailing zeros go down to the decimals kept', () => {
    expect(trimZeros('25.001300', 4)).toBe('25.0013');
    expect(trimZeros('25.000', 0)).toBe('25');
    expect(trimZeros('120', 2)).toBe('120');
  });
});

describe('the mean of measured values', () => {
  test('is exact when it can be, with the decimals of the most precise value', () => {
    expect(meanInUnit([{ value: '25.0012', unit: 'mm' }, { value: '25.0014', unit: 'mm' }], 'mm')).toBe('25.0013');
    expect(meanInUnit([{ value: '25.0012', unit: 'mm' }, { value: '25.0013', unit: 'mm' }], 'mm')).toBe('25.00125');
  });

  test('a repeating mean is rounded to three more decimals, half away from zero', () => {
    expect(meanInUnit([{ value: '1.000', unit: 'mm' }, { value: '1.001', unit: 'mm' }, { value: '1.001', unit: 'mm' }], 'mm')).toBe('1.000667');
  });

  test('values in other units of the scale are converted first; unconvertible ones give null', () => {
    expect(meanInUnit([{ value: '25.001', unit: 'mm' }, { value: '25003', unit: 'µm' }], 'mm')).toBe('25.002');
    expect(meanInUnit([{ value: '1', unit: 'deg' }], 'rad')).toBeNull();
    expect(meanInUnit([], 'mm')).toBeNull();
  });
});
