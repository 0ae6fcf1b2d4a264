import type { Db } from '../../db/database.js';
import { convertQuantity, labValuesOfJobs, type LabValue } from '../results/index.js';
import { latestResultUncertainties } from '../uncertainty/index.js';
import * as repo from './reference-measurements.repository.js';

/** Where the lab's expanded uncertainty of a value comes from. */
export type UncertaintySource = 'evaluation' | 'stated';

/** The lab's value of a characteristic with the expanded uncertainty that applies to it, if any. */
export interface LabReference extends LabValue {
  /** In `unit` when it comes from an evaluation; a stated one is in the characteristic's unit. */
  expandedUncertainty: string | null;
  coverageFactor: number | null;
  uncertaintySource: UncertaintySource | null;
}

/**
 * The lab's current value of each characteristic of the given jobs with its expanded uncertainty: the
 * reported value and uncertainty of the latest evaluation stored for the current result when there
 * is one; otherwise the mean of the readings with the latest uncertainty staff stated for the
 * characteristic; otherwise the mean alone.
 */
export async function labReferencesOfJobs(db: Db, jobIds: string[]): Promise<LabReference[]> {
  const [values, stated] = await Promise.all([labValuesOfJobs(db, jobIds), repo.listStatedUncertainties(db, jobIds)]);
  const evaluations = await latestResultUncertainties(db, values.map((v) => v.resultId));
  return values.map((v): LabReference => {
    const evaluated = evaluations.get(v.resultId);
    // An evaluation's result is the measurand's value (corrections of the model applied), not the bare mean.
    if (evaluated) {
      const { value, unit, expandedUncertainty, coverageFactor } = evaluated;
      return { ...v, value, unit, expandedUncertainty, coverageFactor, uncertaintySource: 'evaluation' };
    }
    const latest = stated.find((s) => s.characteristicId === v.characteristicId);
    if (latest) return { ...v, expandedUncertainty: latest.expandedUncertainty, coverageFactor: Number(latest.coverageFactor), uncertaintySource: 'stated' };
    return { ...v, expandedUncertainty: null, coverageFactor: null, uncertaintySource: null };
  });
}

/**
 * The lab's value and expanded uncertainty in the characteristic's unit (null where a unit does not
 * convert exactly). An evaluation states both in its output unit; a stated uncertainty is already in
 * the characteristic's unit.
 */
export function labReferenceIn(lab: LabReference, unit: string): { value: string | null; expandedUncertainty: string | null } {
  const value = lab.value === null ? null : convertQuantity(lab.value, lab.unit, unit);
  const u = lab.expandedUncertainty;
  const expandedUncertainty = u === null ? null : lab.uncertaintySource === 'evaluation' ? convertQuantity(u, lab.unit, unit) : u;
  return { value, expandedUncertainty };
}
