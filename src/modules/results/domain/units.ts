/**
 * Unit compatibility of a reading with a characteristic: the same dimension fits (a reading in µm
 * fits a characteristic in mm); a different dimension or an unknown unit does not. The result is
 * stored in the unit typed; conversion is left to evaluation.
 */
export type Dimension = 'length' | 'angle';

const UNITS: Readonly<Record<string, Dimension>> = {
  m: 'length',
  mm: 'length',
  'µm': 'length',
  'μm': 'length', // Greek mu, as some keyboards type it
  um: 'length',
  nm: 'length',
  in: 'length',
  deg: 'angle',
  '°': 'angle',
  rad: 'angle',
  mrad: 'angle',
  'µrad': 'angle',
  urad: 'angle',
  arcmin: 'angle',
  "'": 'angle',
  arcsec: 'angle',
  '"': 'angle',
};

/** The dimension of a unit symbol, or null for an unknown unit. */
export function dimensionOf(unit: string): Dimension | null {
  return UNITS[unit.trim()] ?? null;
}

/** True when a reading in `readingUnit` can be reported against a characteristic in `characteristicUnit`. */
export function unitsCompatible(readingUnit: string, characteristicUnit: string): boolean {
  const a = dimensionOf(readingUnit);
  return a !== null && a === dimensionOf(characteristicUnit);
}
