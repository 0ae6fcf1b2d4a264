/**
 * Exact decimal rounding of doubles for reporting. A double such as 0.035 is really
 * 0.03499999...; rounding it in binary would round the "half" the wrong way. Values are first
 * read as the 15-significant-digit decimal the user sees, then rounded on integers (BigInt).
 */

/** |x| = digits * 10^exponent, exactly as a decimal. */
export interface Decimal {
  readonly negative: boolean;
  readonly digits: bigint;
  readonly exponent: number;
}

/** The 15-significant-digit decimal reading of a finite double. */
export function toDecimal(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`cannot round a non-finite value (${x})`);
  const [mantissa, exp] = Math.abs(x).toExponential(14).split('e') as [string, string];
  return { negative: x < 0, digits: BigInt(mantissa.replace('.', '')), exponent: Number(exp) - 14 };
}

/** Power of ten of the leading digit (floor(log10 |x|)); -Infinity for zero. */
export function leadingPlace(d: Decimal): number {
  return d.digits === 0n ? -Infinity : d.exponent + d.digits.toString().length - 1;
}

/** Rounds to a multiple of 10^place, half away from zero ('nearest') or away from zero ('up'). */
export function roundToPlace(d: Decimal, place: number, mode: 'nearest' | 'up' = 'nearest'): Decimal {
  if (d.exponent >= place) return d;
  const divisor = 10n ** BigInt(place - d.exponent);
  let q = d.digits / divisor;
  const remainder = d.digits % divisor;
  if (mode === 'up' ? remainder > 0n : 2n * remainder >= divisor) q += 1n;
  return { negative: d.negative, digits: q, exponent: place };
}

/** a - b >= 0 compared exactly: the amount by which rounding lowered a value, at a's scale. */
export function lowering(original: Decimal, rounded: Decimal): { lowered: bigint; scale: bigint } {
  const e = Math.min(original.exponent, rounded.exponent);
  const a = original.digits * 10n ** BigInt(original.exponent - e);
  const b = rounded.digits * 10n ** BigInt(rounded.exponent - e);
  return { lowered: a - b, scale: a };
}

/** Plain decimal text (decimal point, no exponent) with `max(0, -exponent)` decimals. */
export function formatDecimal(d: Decimal, decimalSeparator = '.'): string {
  const sign = d.negative && d.digits !== 0n ? '-' : '';
  let text = d.digits.toString();
  if (d.exponent >= 0) return d.digits === 0n ? '0' : sign + text + '0'.repeat(d.exponent);
  const decimals = -d.exponent;
  text = text.padStart(decimals + 1, '0');
  return `${sign}${text.slice(0, text.length - decimals)}${decimalSeparator}${text.slice(text.length - decimals)}`;
}
