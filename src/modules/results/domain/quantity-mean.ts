import { dec, div, sum, toText } from '../../../shared/decimal.js';
import { convertQuantity, trimZeros } from './units.js';

/**
 * The mean of measured values in `unit`, each converted exactly first: an exact decimal where the
 * mean has one, else to three more decimals than the most precise value (half away from zero),
 * trailing zeros dropped down to that value's decimals. Null for no values or a value whose unit
 * does not convert into `unit`.
 */
export function meanInUnit(values: readonly { value: string; unit: string }[], unit: string): string | null {
  if (values.length === 0) return null;
  const converted = values.map((v) => convertQuantity(v.value, v.unit, unit));
  if (converted.some((v) => v === null)) return null;
  const texts = converted as string[];
  const decimals = Math.max(...texts.map((t) => dec(t).scale));
  return trimZeros(toText(div(sum(texts), String(texts.length), decimals + 3)), decimals);
}
