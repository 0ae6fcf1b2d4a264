import type { Db } from '../../db/database.js';
import { labDay } from './domain/result-rules.js';
import * as repo from './results.repository.js';

/** What an uncertainty evaluation needs of a logged result: its values as typed and whether it may still be evaluated. */
export interface ResultForEvaluation {
  id: string;
  jobId: string;
  itemId: string;
  characteristicId: string | null;
  calibrationPoint: { nominal: string; unit: string } | null;
  methodVersionId: string;
  measuredAt: Date;
  /** The lab's day of the measurement (Finnish time). */
  measuredOn: string;
  temperature: string | null;
  humidity: string | null;
  readings: { value: string; unit: string }[];
  equipmentIds: string[];
  /** The result that corrected this one, if any: then this one is no longer current. */
  correctedById: string | null;
  /** The release of the item's results, if any: then they are locked. */
  release: { id: string; at: Date } | null;
}

/**
 * A result with its readings, equipment and state, for the uncertainty module (staff only; no
 * company scope). Pass the caller's transaction to see its own writes and locks.
 */
export async function findResultForEvaluation(db: Db, resultId: string): Promise<ResultForEvaluation | null> {
  const row = await repo.findResult(db, resultId);
  if (!row) return null;
  const [readings, equipment, correction, release] = await Promise.all([repo.readingsOf(db, [row.id]), repo.equipmentOf(db, [row.id]), repo.findCorrection(db, row.id), repo.findRelease(db, row.itemId)]);
  return {
    id: row.id,
    jobId: row.jobId,
    itemId: row.itemId,
    characteristicId: row.characteristicId,
    calibrationPoint: row.pointNominal !== null && row.pointUnit !== null ? { nominal: row.pointNominal, unit: row.pointUnit } : null,
    methodVersionId: row.methodVersionId,
    measuredAt: row.measuredAt,
    measuredOn: labDay(row.measuredAt),
    temperature: row.temperature,
    humidity: row.humidity,
    readings: readings.map((r) => ({ value: r.value, unit: r.unit })),
    equipmentIds: equipment.map((e) => e.equipmentId),
    correctedById: correction?.id ?? null,
    release: release ? { id: release.id, at: release.createdAt } : null,
  };
}
