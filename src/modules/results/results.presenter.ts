import type { Db } from '../../db/database.js';
import type { EnvironmentViolation } from '../methods/index.js';
import { correctedBy } from './domain/result-rules.js';
import * as repo from './results.repository.js';
import type { ReadingRow, ReleaseRow, ResultRow } from './results.repository.js';

/** The measurement itself, as both staff and customers see it: point, time, conditions, deviation, readings (`readings` of this result). */
export const measurement = (r: ResultRow, readings: ReadingRow[]) => ({
  calibrationPoint: r.pointNominal !== null && r.pointUnit !== null ? { nominal: r.pointNominal, unit: r.pointUnit } : null,
  measuredAt: r.measuredAt,
  environment: { temperature: r.temperature, humidity: r.humidity },
  deviation: r.environmentDeviation ? { justification: r.deviationJustification ?? '', violations: r.environmentViolations as EnvironmentViolation[] } : null,
  readings: readings.map((x) => ({ repeat: x.repeatNo, value: x.value, unit: x.unit })),
});

/** The API shape of one result; `current` is false once a correction replaced it. */
export function presentResult(r: ResultRow, readings: ReadingRow[], equipmentIds: string[], correctedById: string | null) {
  return {
    id: r.id,
    jobId: r.jobId,
    itemId: r.itemId,
    characteristicId: r.characteristicId,
    methodVersionId: r.methodVersionId,
    equipmentIds,
    ...measurement(r, readings),
    remarks: r.remarks,
    correctsId: r.correctsId,
    correctionReason: r.correctionReason,
    correctedById,
    current: correctedById === null,
    recordedBy: r.recordedBy,
    createdAt: r.createdAt,
  };
}
export type ResultView = ReturnType<typeof presentResult>;

const presentRelease = (r: ReleaseRow) => ({ id: r.id, reviewedBy: r.reviewedBy, releasedAt: r.createdAt, remarks: r.remarks });

/** Every result of an item (corrections included) and its release, if any. */
export async function presentItemResults(db: Db, itemId: string) {
  const rows = await repo.listItemResults(db, itemId);
  const ids = rows.map((r) => r.id);
  const [readings, equipment, release] = await Promise.all([repo.readingsOf(db, ids), repo.equipmentOf(db, ids), repo.findRelease(db, itemId)]);
  const by = correctedBy(rows);
  return {
    itemId,
    release: release ? presentRelease(release) : null,
    items: rows.map((r) =>
      presentResult(
        r,
        readings.filter((x) => x.resultId === r.id),
        equipment.filter((e) => e.resultId === r.id).map((e) => e.equipmentId),
        by.get(r.id) ?? null,
      ),
    ),
  };
}
export type ItemResultsView = Awaited<ReturnType<typeof presentItemResults>>;
