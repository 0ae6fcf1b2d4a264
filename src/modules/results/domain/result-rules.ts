import { compareQuantities, unitsCompatible } from './units.js';

/** The facts a correction chain needs: which result corrects which. */
export interface ChainFact {
  id: string;
  correctsId: string | null;
}

/** Ids of the current results: those no later result corrects. */
export function currentIds(facts: readonly ChainFact[]): Set<string> {
  const corrected = correctedBy(facts);
  return new Set(facts.filter((f) => !corrected.has(f.id)).map((f) => f.id));
}

/** For each corrected result, the id of the result that corrects it. */
export function correctedBy(facts: readonly ChainFact[]): Map<string, string> {
  return new Map(facts.filter((f) => f.correctsId !== null).map((f) => [f.correctsId!, f.id]));
}

export interface Quantity {
  value: string;
  unit: string;
}

/**
 * Where a calibration point lies against an instrument's measuring range (both ends included),
 * compared exactly after converting between units of one scale (µm against mm, arcmin against deg):
 * 'inside', 'below', 'above', or 'not_comparable' when no exact conversion exists (deg against rad).
 */
export function pointAgainstRange(point: Quantity, range: { lower: string; upper: string; unit: string }): 'inside' | 'below' | 'above' | 'not_comparable' {
  const lower = compareQuantities(point.value, point.unit, range.lower, range.unit);
  const upper = compareQuantities(point.value, point.unit, range.upper, range.unit);
  if (lower === null || upper === null) return 'not_comparable';
  if (lower < 0) return 'below';
  return upper > 0 ? 'above' : 'inside';
}

/** Readings whose unit does not fit the reference unit (characteristic or calibration point); [] when all fit. */
export function unitMismatches(readings: readonly { unit: string }[], referenceUnit: string): { repeat: number; unit: string }[] {
  return readings.flatMap((r, i) => (unitsCompatible(r.unit, referenceUnit) ? [] : [{ repeat: i + 1, unit: r.unit }]));
}

/**
 * Four-eyes rule: the reviewer must not be the author of any current result of the item.
 * Returns the ids of the current results the reviewer recorded ([] when the reviewer may review).
 */
export function ownResults(current: readonly { id: string; recordedBy: string }[], reviewerId: string): string[] {
  return current.filter((r) => r.recordedBy === reviewerId).map((r) => r.id);
}

/** The measurement day in Finnish time (the lab's day), used for usability and authorization. */
export function labDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
