import { add, compare, isDecimalText, sub, toText } from '../../../shared/decimal.js';

/** One calibration and measurement capability line of the accredited scope; numbers are decimal strings. */
export interface CmcEntry {
  quantity: string;
  rangeLower: string;
  rangeUpper: string;
  unit: string;
  /** Expanded uncertainty (k = 2 unless stated) as in the scope, e.g. "0.3 µm + 2e-6·L" goes to `expression`. */
  expandedUncertainty: string;
  uncertaintyUnit: string;
  expression?: string | null;
}

/** Environmental limits of a method version, as exact decimals (°C and %RH). */
export interface EnvironmentLimits {
  temperature: { nominal: string; tolerance: string } | null;
  humidity: { min: string; max: string } | null;
}

/** Readings taken during a measurement; several readings per quantity are checked one by one. */
export interface EnvironmentReadings {
  temperature?: string | readonly string[];
  humidity?: string | readonly string[];
}

export interface EnvironmentViolation {
  quantity: 'temperature' | 'humidity';
  /** The reading outside the limits; null when the reading is missing. */
  reading: string | null;
  lower: string;
  upper: string;
  kind: 'below' | 'above' | 'missing';
}

const list = (r: string | readonly string[] | undefined): readonly string[] => (r === undefined ? [] : typeof r === 'string' ? [r] : r);

function checkRange(quantity: EnvironmentViolation['quantity'], lower: string, upper: string, readings: readonly string[]): EnvironmentViolation[] {
  if (readings.length === 0) return [{ quantity, reading: null, lower, upper, kind: 'missing' }];
  const out: EnvironmentViolation[] = [];
  for (const reading of readings) {
    if (!isDecimalText(reading)) throw new RangeError(`${quantity} reading is not a decimal number: ${JSON.stringify(reading)}`);
    if (compare(reading, lower) < 0) out.push({ quantity, reading, lower, upper, kind: 'below' });
    else if (compare(reading, upper) > 0) out.push({ quantity, reading, lower, upper, kind: 'above' });
  }
  return out;
}

/**
 * Compares environmental readings with a method's limits, exactly (no floats): a temperature limit
 * 20 ± 0.5 °C accepts 19.5 and 20.5 and refuses 20.51. A limit with no reading is a violation
 * (`missing`): conditions the method requires must be recorded. Returns every violation; [] is a pass.
 */
export function checkEnvironment(limits: EnvironmentLimits, readings: EnvironmentReadings): EnvironmentViolation[] {
  const out: EnvironmentViolation[] = [];
  if (limits.temperature) {
    const { nominal, tolerance } = limits.temperature;
    out.push(...checkRange('temperature', toText(sub(nominal, tolerance)), toText(add(nominal, tolerance)), list(readings.temperature)));
  }
  if (limits.humidity) out.push(...checkRange('humidity', limits.humidity.min, limits.humidity.max, list(readings.humidity)));
  return out;
}

export interface VersionContent {
  accredited: boolean;
  cmcText?: string | null;
  cmcEntries: readonly CmcEntry[];
  temperatureNominal?: string | null;
  temperatureTolerance?: string | null;
  humidityMin?: string | null;
  humidityMax?: string | null;
}

/** Problems that make a method version's content inconsistent; [] when it is fine. */
export function versionProblems(v: VersionContent): string[] {
  const problems: string[] = [];
  if (v.accredited && !v.cmcText && v.cmcEntries.length === 0) problems.push('an accredited method needs its CMC (cmcText or cmcEntries)');
  if (!v.accredited && v.cmcEntries.length > 0) problems.push('CMC entries belong to accredited methods only');
  if ((v.temperatureNominal == null) !== (v.temperatureTolerance == null)) problems.push('give both temperatureNominal and temperatureTolerance, or neither');
  if (v.temperatureTolerance != null && compare(v.temperatureTolerance, '0') <= 0) problems.push('temperatureTolerance must be positive');
  if ((v.humidityMin == null) !== (v.humidityMax == null)) problems.push('give both humidityMin and humidityMax, or neither');
  if (v.humidityMin != null && v.humidityMax != null && compare(v.humidityMin, v.humidityMax) > 0) problems.push('humidityMin is above humidityMax');
  v.cmcEntries.forEach((e, i) => {
    if (compare(e.rangeLower, e.rangeUpper) > 0) problems.push(`cmcEntries[${i}]: rangeLower is above rangeUpper`);
    if (compare(e.expandedUncertainty, '0') <= 0) problems.push(`cmcEntries[${i}]: expandedUncertainty must be positive`);
  });
  return problems;
}

/** The limits of a version in the shape checkEnvironment takes. */
export function limitsOf(v: VersionContent): EnvironmentLimits {
  return {
    temperature: v.temperatureNominal != null && v.temperatureTolerance != null ? { nominal: v.temperatureNominal, tolerance: v.temperatureTolerance } : null,
    humidity: v.humidityMin != null && v.humidityMax != null ? { min: v.humidityMin, max: v.humidityMax } : null,
  };
}

export interface ReleasedVersion {
  id: string;
  versionNumber: number;
  effectiveFrom: string | null;
}

/** The released version in force on a day (YYYY-MM-DD): the highest released version effective by then. */
export function versionInForce<V extends ReleasedVersion>(released: readonly V[], at: string): V | null {
  let best: V | null = null;
  for (const v of released) {
    if (v.effectiveFrom === null || v.effectiveFrom > at) continue;
    if (!best || v.versionNumber > best.versionNumber) best = v;
  }
  return best;
}
