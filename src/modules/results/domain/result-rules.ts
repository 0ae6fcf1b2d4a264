import { unitsCompatible } from './units.js';

/** The facts a correction chain needs: which result corrects which. */
export interface ChainFact {
  id: string;
  correctsId: string | null;
}

/** Ids of the current results: those no later result corrects. */
export function currentIds(facts: readonly ChainFact[]): Set<string> {
  const corrected = new Set(facts.map((f) => f.correctsId).filter((id): id is string => id !== null));
  return new Set(facts.filter((f) => !corrected.has(f.id)).map((f) => f.id));
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
