import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { uuidV7 } from '../../shared/uuid-v7.js';
import { resultEquipment, resultReadings, resultReleases, results } from './results.tables.js';

export type ResultRow = typeof results.$inferSelect;
export type ReadingRow = typeof resultReadings.$inferSelect;
export type ReleaseRow = typeof resultReleases.$inferSelect;

export interface NewResult {
  values: Omit<typeof results.$inferInsert, 'id'>;
  equipmentIds: readonly string[];
  /** Repeat numbers follow this order. */
  readings: readonly { value: string; unit: string }[];
}

/** Rows per INSERT: a result row has 19 parameters, and PostgreSQL takes at most 65535. */
const INSERT_CHUNK = 1000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insert(rows.slice(i, i + INSERT_CHUNK));
}

/**
 * Inserts results with their equipment and readings in multi-row statements (three per thousand
 * results); returns the rows in the order given. Ids are made here, time-ordered, so that equipment
 * and readings can name their result without relying on the order RETURNING gives, and so that
 * results written in one transaction (one `createdAt`) list in the order given.
 */
export async function insertResults(tx: Db, entries: readonly NewResult[]): Promise<ResultRow[]> {
  const withIds = entries.map((e) => ({ ...e, id: uuidV7() }));
  const rows: ResultRow[] = [];
  await insertChunked(withIds, async (chunk) => rows.push(...(await tx.insert(results).values(chunk.map((e) => ({ ...e.values, id: e.id }))).returning())));
  const links = withIds.flatMap((e) => e.equipmentIds.map((equipmentId) => ({ resultId: e.id, equipmentId })));
  await insertChunked(links, (chunk) => tx.insert(resultEquipment).values(chunk));
  const readings = withIds.flatMap((e) => e.readings.map((r, i) => ({ resultId: e.id, repeatNo: i + 1, value: r.value, unit: r.unit })));
  await insertChunked(readings, (chunk) => tx.insert(resultReadings).values(chunk));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return withIds.map((e) => byId.get(e.id)!);
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
