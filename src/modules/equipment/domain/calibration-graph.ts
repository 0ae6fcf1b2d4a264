import { compare } from '../../../shared/decimal.js';

/** Days are ISO dates (YYYY-MM-DD); they compare correctly as strings. */
export type Day = string;

/** What the pure logic needs of a calibration record. */
export interface CalibrationFact {
  id: string;
  equipmentId: string;
  certificateNumber: string;
  calibratedOn: Day;
  nextDueOn: Day;
  calibratorKind: 'internal' | 'accredited_lab' | 'nmi';
  calibratorName: string;
  accreditationId: string | null;
  referenceCalibrationId: string | null;
  externalTraceability: string | null;
  correctsId: string | null;
  /** Orders records of the same day: the later record wins. */
  recordedAt: string;
  withdrawal: { kind: 'withdrawn' | 'out_of_tolerance'; withdrawnOn: Day; reason: string } | null;
  /** The largest expanded uncertainty the certificate states (decimal string), null if none. */
  maxExpandedUncertainty: string | null;
  uncertaintyUnit: string | null;
}

/** Calibration records indexed for walking: by id, by equipment, and corrections. */
export class CalibrationGraph {
  readonly byId = new Map<string, CalibrationFact>();
  private readonly correctedBy = new Map<string, string>();
  private readonly byEquipment = new Map<string, CalibrationFact[]>();

  constructor(facts: readonly CalibrationFact[]) {
    for (const f of facts) {
      this.byId.set(f.id, f);
      if (f.correctsId) this.correctedBy.set(f.correctsId, f.id);
      const list = this.byEquipment.get(f.equipmentId) ?? [];
      list.push(f);
      this.byEquipment.set(f.equipmentId, list);
    }
  }

  /** The newest correction of a record (the record itself when it was never corrected). */
  current(id: string): CalibrationFact | undefined {
    let fact = this.byId.get(id);
    const seen = new Set<string>();
    while (fact && this.correctedBy.has(fact.id) && !seen.has(fact.id)) {
      seen.add(fact.id);
      fact = this.byId.get(this.correctedBy.get(fact.id)!);
    }
    return fact;
  }

  /** The first record of a correction family: every correction of it maps to the same root. */
  root(id: string): string {
    let fact = this.byId.get(id);
    const seen = new Set<string>();
    while (fact?.correctsId && !seen.has(fact.id)) {
      seen.add(fact.id);
      fact = this.byId.get(fact.correctsId);
    }
    return fact?.id ?? id;
  }

  /** Calibrations of an item that no correction replaced, oldest first. */
  effectiveOf(equipmentId: string): CalibrationFact[] {
    return (this.byEquipment.get(equipmentId) ?? [])
      .filter((f) => !this.correctedBy.has(f.id))
      .sort((a, b) => (a.calibratedOn === b.calibratedOn ? a.recordedAt.localeCompare(b.recordedAt) : a.calibratedOn.localeCompare(b.calibratedOn)));
  }

  /** The calibration of an item in force on a day: the latest effective one made on or before it. */
  inForce(equipmentId: string, at: Day): CalibrationFact | null {
    const made = this.effectiveOf(equipmentId).filter((f) => f.calibratedOn <= at);
    return made[made.length - 1] ?? null;
  }

  /** Effective calibrations whose reference is any record of the given correction family. */
  referencing(rootId: string): CalibrationFact[] {
    const out: CalibrationFact[] = [];
    for (const f of this.byId.values()) {
      if (f.referenceCalibrationId && this.root(f.referenceCalibrationId) === rootId && !this.correctedBy.has(f.id)) out.push(f);
    }
    return out;
  }
}

/** True when the calibration was withdrawn on or before the day. */
export const withdrawnBy = (f: CalibrationFact, at: Day): boolean => f.withdrawal !== null && f.withdrawal.withdrawnOn <= at;

/** The larger of two decimal strings (null counts as absent). */
export function maxDecimal(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return compare(a, b) >= 0 ? a : b;
}
