/**
 * Exact decimal arithmetic for money and other values stored as PostgreSQL `numeric`: a value is a
 * bigint of units and a scale (number of decimals), so 12.50 is { units: 1250n, scale: 2 }. Values
 * travel as strings ('12.50') in TypeScript and JSON; nothing here ever becomes a float.
 * Rounding is half away from zero (the commercial rounding used on Finnish invoices).
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/** True when the text is a plain decimal number such as `-12.5` or `1250` (no exponent, no comma). */
export const isDecimalText = (text: string): boolean => DECIMAL_TEXT.test(text);

/** Parses a plain decimal string; throws on anything else (an exponent, a comma, blanks). */
export function dec(text: string | Decimal): Decimal {
  if (typeof text !== 'string') return text;
  if (!DECIMAL_TEXT.test(text)) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = (negative ? text.slice(1) : text).split('.');
  const units = BigInt(whole! + fraction);
  return { units: negative ? -units : units, scale: fraction.length };
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * pow10(scale - a.scale), b.units * pow10(scale - b.scale), scale];
}

export function add(a: string | Decimal, b: string | Decimal): Decimal {
  const [x, y, scale] = align(dec(a), dec(b));
  return { units: x + y, scale };
}

export function sub(a: string | Decimal, b: string | Decimal): Decimal {
  const [x, y, scale] = align(dec(a), dec(b));
  return { units: x - y, scale };
}

export function mul(a: string | Decimal, b: string | Decimal): Decimal {
  const x = dec(a);
  const y = dec(b);
  return { units: x.units * y.units, scale: x.scale + y.scale };
}

/** Sums a list (0 for an empty one). */
export const sum = (values: readonly (string | Decimal)[]): Decimal => values.reduce<Decimal>((acc, v) => add(acc, v), { units: 0n, scale: 0 });

/** Integer division of bigints rounding half away from zero. */
function divRound(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (an * 2n + ad) / (ad * 2n);
  return negative ? -q : q;
}

/** Rounds to `scale` decimals, half away from zero. */
export function round(a: string | Decimal, scale: number): Decimal {
  const x = dec(a);
  if (x.scale <= scale) return { units: x.units * pow10(scale - x.scale), scale };
  return { units: divRound(x.units, pow10(x.scale - scale)), scale };
}

/** a / b rounded to `scale` decimals, half away from zero. */
export function div(a: string | Decimal, b: string | Decimal, scale: number): Decimal {
  const x = dec(a);
  const y = dec(b);
  // a/b = (xu / 10^xs) / (yu / 10^ys); scaled by 10^scale: xu * 10^(scale + ys - xs) / yu
  const shift = scale + y.scale - x.scale;
  const n = shift >= 0 ? x.units * pow10(shift) : x.units;
  const d = shift >= 0 ? y.units : y.units * pow10(-shift);
  return { units: divRound(n, d), scale };
}

/** -1, 0 or 1. */
export function compare(a: string | Decimal, b: string | Decimal): -1 | 0 | 1 {
  const [x, y] = align(dec(a), dec(b));
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The plain text of a value, with exactly `scale` decimals when given (rounding if needed). */
export function toText(a: string | Decimal, scale?: number): string {
  const x = scale === undefined ? dec(a) : round(a, scale);
  const negative = x.units < 0n;
  const digits = (negative ? -x.units : x.units).toString().padStart(x.scale + 1, '0');
  const whole = digits.slice(0, digits.length - x.scale);
  const fraction = x.scale > 0 ? `.${digits.slice(digits.length - x.scale)}` : '';
  return `${negative && x.units !== 0n ? '-' : ''}${whole}${fraction}`;
}

/** Euros with cents: rounds half away from zero to 2 decimals and returns the text, e.g. '1234.50'. */
export const money = (a: string | Decimal): string => toText(a, 2);

/** The percentage `percent` of `a` (e.g. VAT 25.5 % of a net amount), unrounded. */
export const percentOf = (a: string | Decimal, percent: string | Decimal): Decimal => div(mul(a, percent), '100', dec(a).scale + dec(percent).scale + 2);
