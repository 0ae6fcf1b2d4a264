import type { Db } from '../../db/database.js';
import type { ItemCoverage } from '../jobs/index.js';
import { currentIds } from './domain/result-rules.js';
import * as repo from './results.repository.js';

/**
 * What results each item of a job has, for the job's lifecycle gates: the characteristics with a
 * current (not corrected) result, the number of current calibration points, and whether the item's
 * results are released. Items without any result are simply absent. Called inside the lifecycle's
 * transaction, after it locked the job row (result writes lock the same row, so the answer holds).
 */
export async function resultCoverage(db: Db, jobId: string): Promise<ItemCoverage[]> {
  const [rows, releases] = await Promise.all([repo.listJobResults(db, jobId), repo.listJobReleases(db, jobId)]);
  const current = currentIds(rows);
  const byItem = new Map<string, ItemCoverage & { measuredCharacteristicIds: string[] }>();
  const entry = (itemId: string) => {
    let e = byItem.get(itemId);
    if (!e) byItem.set(itemId, (e = { itemId, measuredCharacteristicIds: [], calibrationPoints: 0, released: false }));
    return e;
  };
  for (const r of rows.filter((x) => current.has(x.id))) {
    const e = entry(r.itemId);
    if (r.characteristicId !== null) e.measuredCharacteristicIds.push(r.characteristicId);
    else e.calibrationPoints += 1;
  }
  for (const release of releases) entry(release.itemId).released = true;
  return [...byItem.values()];
}
