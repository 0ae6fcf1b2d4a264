import { toText } from '../../shared/decimal.js';
import type { Language } from './i18n.js';

const DECIMAL_COMMA: Record<Language, boolean> = { fi: true, sv: true, et: true, en: false };
const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A decimal string for a document: Finnish, Swedish and Estonian write a decimal comma and group
 * thousands with a no-break space (`1 234,50`), English a point and commas (`1,234.50`).
 */
export function formatDecimal(value: string, lang: Language, decimals?: number): string {
  const text = decimals === undefined ? value : toText(value, decimals);
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  const comma = DECIMAL_COMMA[lang];
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, comma ? '\u00a0' : ',');
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? (comma ? ',' : '.') + fraction : ''}`;
}

/** Euros: `1 234,50 €` (fi, sv, et) or `€1,234.50` (en). */
export const formatMoney = (value: string, lang: Language): string =>
  lang === 'en' ? `€${formatDecimal(value, lang, 2)}` : `${formatDecimal(value, lang, 2)}\u00a0€`;

/** A measured value with its unit: `0,012 mm` in Finnish. */
export const formatQuantity = (value: string, unit: string, lang: Language): string => `${formatDecimal(value, lang)}\u00a0${unit}`;

/** A calendar date: 29.11.2026 (fi, et), 2026-11-29 (sv), 29 November 2026 (en). */
export function formatDate(date: string, lang: Language): string {
  const [y, m, d] = date.split('-');
  if (lang === 'sv') return date;
  if (lang === 'en') return `${Number(d)} ${EN_MONTHS[Number(m) - 1]} ${y}`;
  return `${Number(d)}.${Number(m)}.${y}`;
}
