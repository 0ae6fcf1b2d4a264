import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { resultEquipment, resultReadings, resultReleases, results } from './results.tables.js';

export type ResultRow = typeof results.$inferSelect;
export type ReadingRow = typeof resultReadings.$inferSelect;
export type ReleaseRow = typeof resultReleases.$inferSelect;

/** Inserts a result with its equipment and readings (repeat numbers follow the order given). */
export async function insertResult(
  tx: Db,
  values: typeof results.$inferInsert,
  equipmentIds: readonly string[],
  readings: readonly { value: string; unit: string }[],
): Promise<ResultRow> {
  const [row] = await tx.insert(results).values(values).returning();
  await tx.insert(resultEquipment).values(equipmentIds.map((equipmentId) => ({ resultId: row!.id, equipmentId })));
  await tx.insert(resultReadings).values(readings.map((r, i) => ({ resultId: row!.id, repeatNo: i + 1, value: r.value, unit: r.unit })));
  return row!;
}

export async function findResult(db: Db, id: string): Promise<ResultRow | null> {
  const [row] = await db.select().from(results).where(eq(results.id, id));
  return row ?? null;
}

/** Every result of an item, corrected ones included, oldest first. */
export async function listItemResults(db: Db, itemId: string): Promise<ResultRow[]> {
  return db.select().from(results).where(eq(results.itemId, itemId)).orderBy(asc(results.createdAt), asc(results.id));
}

/** Every result of a job, corrected ones included, oldest first. */
export async function listJobResults(db: Db, jobId: string): Promise<ResultRow[]> {
  return listResultsOfJobs(db, [jobId]);
}

/** The results of several jobs, in the order they were logged. */
export async function listResultsOfJobs(db: Db, jobIds: string[]): Promise<ResultRow[]> {
  if (jobIds.length === 0) return [];
  return db.select().from(results).where(inArray(results.jobId, jobIds)).orderBy(asc(results.createdAt), asc(results.id));
}

/** The releases of a job's items. */
export async function listJobReleases(db: Db, jobId: string): Promise<ReleaseRow[]> {
  return listReleasesOfJobs(db, [jobId]);
}

export async function listReleasesOfJobs(db: Db, jobIds: string[]): Promise<ReleaseRow[]> {
  if (jobIds.length === 0) return [];
  return db.select().from(resultReleases).where(inArray(resultReleases.jobId, jobIds));
}

export async function findCorrection(db: Db, resultId: string): Promise<ResultRow | null> {
  const [row] = await db.select().from(results).where(eq(results.correctsId, resultId));
  return row ?? null;
}

export async function readingsOf(db: Db, resultIds: string[]): Promise<ReadingRow[]> {
  if (resultIds.length === 0) return [];
  return db.select().from(resultReadings).where(inArray(resultReadings.resultId, resultIds)).orderBy(asc(resultReadings.repeatNo));
}

export async function equipmentOf(db: Db, resultIds: string[]): Promise<{ resultId: string; equipmentId: string }[]> {
  if (resultIds.length === 0) return [];
  return db.select().from(resultEquipment).where(inArray(resultEquipment.resultId, resultIds));
}

export async function findRelease(db: Db, itemId: string): Promise<ReleaseRow | null> {
  const [row] = await db.select().from(resultReleases).where(eq(resultReleases.itemId, itemId));
  return row ?? null;
}

export async function insertRelease(tx: Db, values: typeof resultReleases.$inferInsert): Promise<ReleaseRow> {
  const [row] = await tx.insert(resultReleases).values(values).returning();
  return row!;
}

/** Results measured with any of the given equipment items, with the item used. */
export async function resultsUsing(db: Db, equipmentIds: string[]): Promise<{ id: string; jobId: string; itemId: string; measuredAt: Date; equipmentId: string }[]> {
  if (equipmentIds.length === 0) return [];
  return db
    .select({ id: results.id, jobId: results.jobId, itemId: results.itemId, measuredAt: results.measuredAt, equipmentId: resultEquipment.equipmentId })
    .from(resultEquipment)
    .innerJoin(results, eq(results.id, resultEquipment.resultId))
    .where(inArray(resultEquipment.equipmentId, equipmentIds))
    .orderBy(asc(results.measuredAt));
}
