import { compare, dec, div, mul, toText, type Decimal } from '../../../shared/decimal.js';

/**
 * Unit compatibility of a reading with a characteristic: the same dimension fits (a reading in µm
 * fits a characteristic in mm); a different dimension or an unknown unit does not. The result is
 * stored in the unit typed; conversion is left to evaluation.
 */
export type Dimension = 'length' | 'angle';

/**
 * Each unit is an exact integer multiple of a base unit of its scale: nanometres for lengths (an inch
 * is exactly 25 400 000 nm), arcseconds for degrees and their minutes and seconds, microradians for
 * radians. Degrees and radians are both angles but differ by π, so no exact decimal converts one into
 * the other: they are different scales of the same dimension.
 */
interface UnitDef {
  dimension: Dimension;
  scale: 'nm' | 'arcsec' | 'urad';
  factor: string;
}

const nm = (factor: string): UnitDef => ({ dimension: 'length', scale: 'nm', factor });
const arcsec = (factor: string): UnitDef => ({ dimension: 'angle', scale: 'arcsec', factor });
const urad = (factor: string): UnitDef => ({ dimension: 'angle', scale: 'urad', factor });

const UNITS: Readonly<Record<string, UnitDef>> = {
  m: nm('1000000000'),
  mm: nm('1000000'),
  'µm': nm('1000'),
  'μm': nm('1000'), // Greek mu, as some keyboards type it
  um: nm('1000'),
  nm: nm('1'),
  in: nm('25400000'),
  deg: arcsec('3600'),
  '°': arcsec('3600'),
  arcmin: arcsec('60'),
  "'": arcsec('60'),
  arcsec: arcsec('1'),
  '"': arcsec('1'),
  rad: urad('1000000'),
  mrad: urad('1000'),
  'µrad': urad('1'),
  urad: urad('1'),
};

/** The dimension of a unit symbol, or null for an unknown unit. */
export function dimensionOf(unit: string): Dimension | null {
  return UNITS[unit.trim()]?.dimension ?? null;
}

/** True when a reading in `readingUnit` can be reported against a characteristic in `characteristicUnit`. */
export function unitsCompatible(readingUnit: string, characteristicUnit: string): boolean {
  const a = dimensionOf(readingUnit);
  return a !== null && a === dimensionOf(characteristicUnit);
}

/** A value in its scale's base unit, exactly (a decimal times an integer factor). */
function inBase(value: string, unit: string): { scale: UnitDef['scale']; value: Decimal } | null {
  const def = UNITS[unit.trim()];
  return def ? { scale: def.scale, value: mul(value, def.factor) } : null;
}

/**
 * Compares `a` in `unitA` with `b` in `unitB` exactly (no floats): -1, 0 or 1, or null when the units
 * have no exact conversion between them (unknown, another dimension, or degrees against radians).
 */
export function compareQuantities(a: string, unitA: string, b: string, unitB: string): -1 | 0 | 1 | null {
  const x = inBase(a, unitA);
  const y = inBase(b, unitB);
  if (!x || !y || x.scale !== y.scale) return null;
  return compare(x.value, y.value);
}

/**
 * `value` in `from` expressed in `to`, as an exact decimal string where the conversion is exact
 * (powers of ten, inches to millimetres, degrees to arcseconds); otherwise to nine more decimals
 * than the value has. Null when the units have no exact conversion between them (unknown, another
 * dimension, or degrees against radians). The same unit returns the value as typed.
 */
export function convertQuantity(value: string, from: string, to: string): string | null {
  if (from.trim() === to.trim()) return value;
  const x = inBase(value, from);
  const target = UNITS[to.trim()];
  if (!x || !target || x.scale !== target.scale) return null;
  const decimalDigits = /^10*$/.test(target.factor) ? target.factor.length - 1 : 9;
  return trimZeros(toText(div(x.value, target.factor, x.value.scale + decimalDigits)), dec(value).scale);
}

/** Drops trailing zeros of the fraction, keeping at least `keep` decimals. */
export function trimZeros(text: string, keep = 0): string {
  const point = text.indexOf('.');
  if (point < 0) return text;
  let end = text.length;
  while (end > point + 1 + keep && text[end - 1] === '0') end--;
  return text.slice(0, end === point + 1 ? point : end);
}
