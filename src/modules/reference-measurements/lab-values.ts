import type { Db } from '../../db/database.js';
import { labValuesOfJob, type LabValue } from '../results/index.js';
import { latestResultUncertainty } from '../uncertainty/index.js';
import * as repo from './reference-measurements.repository.js';

/** Where the lab's expanded uncertainty of a value comes from. */
export type UncertaintySource = 'evaluation' | 'stated';

/** The lab's value of a characteristic with the expanded uncertainty that applies to it, if any. */
export interface LabReference extends LabValue {
  expandedUncertainty: string | null;
  coverageFactor: number | null;
  uncertaintySource: UncertaintySource | null;
}

/**
 * The lab's current value of each characteristic of a job with its expanded uncertainty: the latest
 * uncertainty evaluation stored for the current result when there is one; otherwise the latest
 * uncertainty staff stated for the characteristic; otherwise none.
 */
export async function labReferencesOfJob(db: Db, jobId: string): Promise<LabReference[]> {
  const [values, stated] = await Promise.all([labValuesOfJob(db, jobId), repo.listStatedUncertainties(db, [jobId])]);
  return Promise.all(
    values.map(async (v): Promise<LabReference> => {
      const evaluated = await latestResultUncertainty(db, v.resultId);
      if (evaluated) return { ...v, expandedUncertainty: evaluated.expandedUncertainty, coverageFactor: evaluated.coverageFactor, uncertaintySource: 'evaluation' };
      const latest = stated.find((s) => s.characteristicId === v.characteristicId);
      if (latest) return { ...v, expandedUncertainty: latest.expandedUncertainty, coverageFactor: Number(latest.coverageFactor), uncertaintySource: 'stated' };
      return { ...v, expandedUncertainty: null, coverageFactor: null, uncertaintySource: null };
    }),
  );
}
