import type { Db } from '../../db/database.js';
import { meanInUnit } from './domain/quantity-mean.js';
import { currentIds } from './domain/result-rules.js';
import * as repo from './results.repository.js';

/** The lab's value of a characteristic: its current result's readings and their mean. */
export interface LabValue {
  characteristicId: string;
  itemId: string;
  resultId: string;
  /** The mean of the readings in `unit`; null when the readings' units do not convert into one another (degrees and radians). */
  value: string | null;
  /** The unit of the first reading, into which the others are converted. */
  unit: string;
  readings: number;
  measuredAt: Date;
  /** Whether the item's results are released (then they are locked and the customer may read them). */
  released: boolean;
}

/**
 * The lab's current (not corrected) result of each characteristic of the given jobs, with the mean
 * of its readings and whether the item is released, for comparisons with other measurements of the
 * same pieces (reference measurements). Three queries whatever the number of jobs. Staff view: no
 * company scope; the caller checks the jobs are visible.
 */
export async function labValuesOfJobs(db: Db, jobIds: string[]): Promise<LabValue[]> {
  const [rows, releases] = await Promise.all([repo.listResultsOfJobs(db, jobIds), repo.listReleasesOfJobs(db, jobIds)]);
  const current = currentIds(rows);
  const measured = rows.filter((r) => current.has(r.id) && r.characteristicId !== null);
  const readings = await repo.readingsOf(db, measured.map((r) => r.id));
  const released = new Set(releases.map((r) => r.itemId));
  return measured.map((r) => {
    const own = readings.filter((x) => x.resultId === r.id).sort((a, b) => a.repeatNo - b.repeatNo);
    const unit = own[0]?.unit ?? '';
    return { characteristicId: r.characteristicId!, itemId: r.itemId, resultId: r.id, value: meanInUnit(own, unit), unit, readings: own.length, measuredAt: r.measuredAt, released: released.has(r.itemId) };
  });
}
