import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { companyResultValues, companyResults, labStatedUncertainties } from './reference-measurements.tables.js';

export type CompanyResultRow = typeof companyResults.$inferSelect;
export type CompanyResultValues = Omit<typeof companyResults.$inferInsert, 'id' | 'createdAt'>;
export type ValueRow = typeof companyResultValues.$inferSelect;
export type StatedUncertaintyRow = typeof labStatedUncertainties.$inferSelect;

const scoped = (scope: string | undefined) => (scope ? eq(companyResults.companyId, scope) : undefined);

export async function insertCompanyResult(tx: Db, values: CompanyResultValues, list: string[]): Promise<CompanyResultRow> {
  const [row] = await tx.insert(companyResults).values(values).returning();
  await tx.insert(companyResultValues).values(list.map((value, i) => ({ resultId: row!.id, repeatNo: i + 1, value })));
  return row!;
}

/** A company result within the company `scope` (customers), or null. */
export async function findCompanyResult(db: Db, scope: string | undefined, id: string): Promise<CompanyResultRow | null> {
  const [row] = await db
    .select()
    .from(companyResults)
    .where(and(eq(companyResults.id, id), scoped(scope)));
  return row ?? null;
}

/** Every company result of a job, corrected ones included, oldest first (the job's visibility is checked by the caller). */
export async function listJobCompanyResults(db: Db, jobId: string): Promise<CompanyResultRow[]> {
  return db.select().from(companyResults).where(eq(companyResults.jobId, jobId)).orderBy(asc(companyResults.createdAt), asc(companyResults.id));
}

export async function valuesOf(db: Db, resultIds: string[]): Promise<ValueRow[]> {
  if (resultIds.length === 0) return [];
  return db.select().from(companyResultValues).where(inArray(companyResultValues.resultId, resultIds)).orderBy(asc(companyResultValues.repeatNo));
}

export async function insertStatedUncertainty(tx: Db, values: Omit<typeof labStatedUncertainties.$inferInsert, 'id' | 'createdAt'>): Promise<StatedUncertaintyRow> {
  const [row] = await tx.insert(labStatedUncertainties).values(values).returning();
  return row!;
}

/** The stated uncertainties of a job's characteristics, newest first (the first per characteristic applies). */
export async function listStatedUncertainties(db: Db, jobIds: string[]): Promise<StatedUncertaintyRow[]> {
  if (jobIds.length === 0) return [];
  return db.select().from(labStatedUncertainties).where(inArray(labStatedUncertainties.jobId, jobIds)).orderBy(desc(labStatedUncertainties.createdAt), desc(labStatedUncertainties.id));
}
