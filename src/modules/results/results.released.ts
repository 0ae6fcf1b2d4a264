import type { Db } from '../../db/database.js';
import { correctedBy } from './domain/result-rules.js';
import * as repo from './results.repository.js';
import type { ReadingRow, ReleaseRow, ResultRow } from './results.repository.js';

/** The current (not corrected) results of a job's released items, with their readings, equipment and releases. */
export interface ReleasedResults {
  results: ResultRow[];
  readings: ReadingRow[];
  equipment: { resultId: string; equipmentId: string }[];
  releases: ReleaseRow[];
}

/**
 * What reports are made of: the current results of the job's released items (a corrected result is
 * replaced by its correction), in order of measurement. Items without a release have none here.
 */
export async function releasedResultsOf(db: Db, jobId: string): Promise<ReleasedResults> {
  const [rows, releases] = await Promise.all([repo.listJobResults(db, jobId), repo.listJobReleases(db, jobId)]);
  const released = new Set(releases.map((r) => r.itemId));
  const by = correctedBy(rows);
  const results = rows.filter((r) => released.has(r.itemId) && !by.has(r.id)).sort((a, b) => a.measuredAt.getTime() - b.measuredAt.getTime());
  const ids = results.map((r) => r.id);
  const [readings, equipment] = await Promise.all([repo.readingsOf(db, ids), repo.equipmentOf(db, ids)]);
  return { results, readings, equipment, releases };
}
