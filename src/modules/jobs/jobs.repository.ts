import { and, asc, count, desc, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { JobState } from './domain/job-lifecycle.js';
import { jobCharacteristics, jobItems, jobs } from './jobs.tables.js';

export type JobRow = typeof jobs.$inferSelect;
export type ItemRow = typeof jobItems.$inferSelect;
export type CharacteristicRow = typeof jobCharacteristics.$inferSelect;
export type ItemValues = Omit<typeof jobItems.$inferInsert, 'jobId' | 'lineNo'>;
export type CharacteristicValues = Omit<typeof jobCharacteristics.$inferInsert, 'jobId' | 'itemId' | 'lineNo'>;

const scoped = (scope: string | undefined, ...where: (SQL | undefined)[]) => and(...where, scope ? eq(jobs.companyId, scope) : undefined);

export async function insertJob(tx: Db, values: typeof jobs.$inferInsert): Promise<JobRow> {
  const [row] = await tx.insert(jobs).values(values).returning();
  return row!;
}

export async function updateJob(tx: Db, id: string, values: Partial<typeof jobs.$inferInsert>): Promise<JobRow> {
  const [row] = await tx
    .update(jobs)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(jobs.id, id))
    .returning();
  return row!;
}

export async function findJob(db: Db, scope: string | undefined, id: string, forUpdate = false): Promise<JobRow | null> {
  const query = db.select().from(jobs).where(scoped(scope, eq(jobs.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export interface JobFilter {
  status?: JobState;
  kind?: JobRow['kind'];
  companyId?: string;
  /** Submitted on or after this day (Finnish time). */
  submittedFrom?: string;
  /** Submitted on or before this day (Finnish time). */
  submittedTo?: string;
  limit: number;
  offset: number;
}

/** One page of the jobs in scope, newest number first, and the count of all that match. */
export async function listJobs(db: Db, scope: string | undefined, f: JobFilter): Promise<{ rows: JobRow[]; total: number }> {
  const where = scoped(
    scope,
    f.status ? eq(jobs.status, f.status) : undefined,
    f.kind ? eq(jobs.kind, f.kind) : undefined,
    f.companyId ? eq(jobs.companyId, f.companyId) : undefined,
    // Days are Finnish calendar days, whatever the database's time zone.
    f.submittedFrom ? sql`${jobs.createdAt} >= (${f.submittedFrom}::date)::timestamp AT TIME ZONE 'Europe/Helsinki'` : undefined,
    f.submittedTo ? sql`${jobs.createdAt} < (${f.submittedTo}::date + 1)::timestamp AT TIME ZONE 'Europe/Helsinki'` : undefined,
  );
  const rows = await db.select().from(jobs).where(where).orderBy(desc(jobs.createdAt), desc(jobs.number)).limit(f.limit).offset(f.offset);
  const [total] = await db.select({ n: count() }).from(jobs).where(where);
  return { rows, total: total!.n };
}

/** Adds an item with its characteristics after the job's last item. */
export async function insertItem(tx: Db, jobId: string, item: ItemValues, characteristics: CharacteristicValues[]): Promise<ItemRow> {
  const [last] = await tx.select({ n: max(jobItems.lineNo) }).from(jobItems).where(eq(jobItems.jobId, jobId));
  const [row] = await tx
    .insert(jobItems)
    .values({ ...item, jobId, lineNo: (last?.n ?? 0) + 1 })
    .returning();
  await insertCharacteristics(tx, jobId, row!.id, characteristics);
  return row!;
}

export async function insertCharacteristics(tx: Db, jobId: string, itemId: string, list: CharacteristicValues[]): Promise<void> {
  if (list.length === 0) return;
  const [last] = await tx.select({ n: max(jobCharacteristics.lineNo) }).from(jobCharacteristics).where(eq(jobCharacteristics.itemId, itemId));
  const start = last?.n ?? 0;
  await tx.insert(jobCharacteristics).values(list.map((c, i) => ({ ...c, jobId, itemId, lineNo: start + i + 1 })));
}

export async function findItem(db: Db, jobId: string, itemId: string): Promise<ItemRow | null> {
  const [row] = await db
    .select()
    .from(jobItems)
    .where(and(eq(jobItems.jobId, jobId), eq(jobItems.id, itemId)));
  return row ?? null;
}

/** The items of the jobs in order, and their characteristics in order (one query each, for a whole page). */
export async function contentOf(db: Db, jobIds: string[]): Promise<{ items: ItemRow[]; characteristics: CharacteristicRow[] }> {
  if (jobIds.length === 0) return { items: [], characteristics: [] };
  const items = await db.select().from(jobItems).where(inArray(jobItems.jobId, jobIds)).orderBy(asc(jobItems.lineNo));
  const characteristics = await db.select().from(jobCharacteristics).where(inArray(jobCharacteristics.jobId, jobIds)).orderBy(asc(jobCharacteristics.lineNo));
  return { items, characteristics };
}
