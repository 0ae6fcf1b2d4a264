import { add, compare, dec, div, isDecimalText, money, mul, percentOf, round, sub, sum, toText } from './decimal.js';

describe('exact decimals', () => {
  test('adds, subtracts and multiplies without binary fractions', () => {
    expect(toText(add('0.1', '0.2'))).toBe('0.3');
    expect(toText(sub('10', '0.01'))).toBe('9.99');
    expect(toText(mul('1.10', '3'))).toBe('3.30');
    expect(toText(sum(['0.10', '0.20', '0.30']))).toBe('0.60');
    expect(toText(sum([]))).toBe('0');
  });

  test('rounds half away from zero', () => {
    expect(money('2.345')).toBe('2.35');
    expect(money('2.344999')).toBe('2.34');
    expect(money('-2.345')).toBe('-2.35');
    expect(toText(round('7', 2))).toBe('7.00');
    expect(money('-0.001')).toBe('0.00');
  });

  test('divides to a chosen scale', () => {
    expect(toText(div('10', '3', 4))).toBe('3.3333');
    expect(toText(div('2', '3', 2))).toBe('0.67');
    expect(toText(div('395000', '4000', 2))).toBe('98.75');
    expect(() => div('1', '0', 2)).toThrow(RangeError);
  });

  test('takes percentages exactly (VAT 25.5 %)', () => {
    expect(toText(percentOf('100.00', '25.5'))).toBe('25.50000');
    expect(money(percentOf('98.75', '25.5'))).toBe('25.18'); // 25.18125
  });

  test('compares and validates text', () => {
    expect(compare('1.0', '1')).toBe(0);
    expect(compare('-1', '0.5')).toBe(-1);
    expect(isDecimalText('12.50')).toBe(true);
    expect(isDecimalText('1e3')).toBe(false);
    expect(isDecimalText('12,50')).toBe(false);
    expect(() => dec('abc')).toThrow(RangeError);
  });
});
