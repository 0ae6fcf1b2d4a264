import { formatDate, formatDecimal, formatMoney, formatQuantity } from './format.js';
import { translator } from './i18n.js';

describe('document formatting per language', () => {
  test('Finnish decimal comma and Finnish dates', () => {
    expect(formatQuantity('0.012', 'mm', 'fi')).toBe('0,012\u00a0mm');
    expect(formatDate('2026-11-29', 'fi')).toBe('29.11.2026');
    expect(formatMoney('1234.5', 'fi')).toBe('1\u00a0234,50\u00a0€');
  });

  test('English decimal point', () => {
    expect(formatDecimal('-1234567.125', 'en')).toBe('-1,234,567.125');
    expect(formatMoney('98.75', 'en')).toBe('€98.75');
    expect(formatDate('2026-11-29', 'en')).toBe('29 November 2026');
    expect(formatDate('2026-11-29', 'sv')).toBe('2026-11-29');
  });

  test('translators are per call and never share a language', () => {
    const fi = translator('fi', 'agreement');
    const en = translator('en', 'agreement');
    expect(fi('title.annual')).not.toBe(en('title.annual'));
    expect(fi('title.annual')).toBe('Vuosisopimus');
  });
});
