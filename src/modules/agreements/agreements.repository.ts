import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { agreements, ndas } from './agreements.tables.js';

export type AgreementRow = typeof agreements.$inferSelect;
export type NdaRow = typeof ndas.$inferSelect;
export type AgreementValues = typeof agreements.$inferInsert;

/** Customer scope (companyScope) for agreement queries: undefined for staff. */
const scopedAgreements = (scope: string | undefined, ...where: (SQL | undefined)[]) => and(...where, scope ? eq(agreements.companyId, scope) : undefined);
const scopedNdas = (scope: string | undefined, ...where: (SQL | undefined)[]) => and(...where, scope ? eq(ndas.companyId, scope) : undefined);

export async function insertNda(db: Db, values: typeof ndas.$inferInsert): Promise<NdaRow> {
  const [row] = await db.insert(ndas).values(values).returning();
  return row!;
}

export async function updateNda(db: Db, id: string, values: Partial<typeof ndas.$inferInsert>): Promise<NdaRow> {
  const [row] = await db.update(ndas).set(values).where(eq(ndas.id, id)).returning();
  return row!;
}

/** Ends an active NDA; null when it was not active (already terminated, or never signed). */
export async function terminateNda(tx: Db, id: string, terminatedOn: string): Promise<NdaRow | null> {
  const [row] = await tx.update(ndas).set({ status: 'terminated', terminatedOn }).where(and(eq(ndas.id, id), eq(ndas.status, 'active'))).returning();
  return row ?? null;
}

export async function findNda(db: Db, scope: string | undefined, id: string): Promise<NdaRow | null> {
  const [row] = await db.select().from(ndas).where(scopedNdas(scope, eq(ndas.id, id)));
  return row ?? null;
}

export async function listNdas(db: Db, scope: string | undefined, companyId?: string): Promise<NdaRow[]> {
  return db
    .select()
    .from(ndas)
    .where(scopedNdas(scope, companyId ? eq(ndas.companyId, companyId) : undefined))
    .orderBy(desc(ndas.createdAt));
}

/** Active NDAs of a company whose period contains `day`, longest-running first. */
export async function ndasInForce(db: Db, companyId: string, day: string): Promise<NdaRow[]> {
  return db
    .select()
    .from(ndas)
    .where(and(eq(ndas.companyId, companyId), eq(ndas.status, 'active'), sql`${ndas.effectiveFrom} <= ${day}`, sql`${ndas.expiresOn} >= ${day}`))
    .orderBy(desc(ndas.expiresOn));
}

export async function insertAgreement(db: Db, values: AgreementValues): Promise<AgreementRow> {
  const [row] = await db.insert(agreements).values(values).returning();
  return row!;
}

export async function updateAgreement(db: Db, id: string, values: Partial<AgreementValues>): Promise<AgreementRow> {
  const [row] = await db.update(agreements).set({ ...values, updatedAt: sql`now()` }).where(eq(agreements.id, id)).returning();
  return row!;
}

export async function findAgreement(db: Db, scope: string | undefined, id: string, forUpdate = false): Promise<AgreementRow | null> {
  const query = db.select().from(agreements).where(scopedAgreements(scope, eq(agreements.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function listAgreements(db: Db, scope: string | undefined, filter: { companyId?: string; kind?: 'annual' | 'ad_hoc' }): Promise<AgreementRow[]> {
  return db
    .select()
    .from(agreements)
    .where(
      scopedAgreements(scope, filter.companyId ? eq(agreements.companyId, filter.companyId) : undefined, filter.kind ? eq(agreements.kind, filter.kind) : undefined),
    )
    .orderBy(desc(agreements.validFrom), desc(agreements.version));
}

export async function listSeries(db: Db, scope: string | undefined, seriesId: string): Promise<AgreementRow[]> {
  return db.select().from(agreements).where(scopedAgreements(scope, eq(agreements.seriesId, seriesId))).orderBy(agreements.version);
}

/** A company's active and draft agreements, for overlap checks and "what covers this service". */
export async function companyAgreements(db: Db, companyId: string, statuses: ('active' | 'draft')[]): Promise<AgreementRow[]> {
  return db.select().from(agreements).where(and(eq(agreements.companyId, companyId), inArray(agreements.status, statuses)));
}

/** Serializes agreement activation per company, so two concurrent signings cannot both pass the overlap check. */
export async function lockCompanyAgreements(tx: Db, companyId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'agreements:' + companyId}))`);
}

export async function ndasById(db: Db, ids: string[]): Promise<Map<string, NdaRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(ndas).where(inArray(ndas.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
