import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { competenceEvidence, staffAuthorizations } from './competence.tables.js';

export type AuthorizationRow = typeof staffAuthorizations.$inferSelect;
export type EvidenceRow = typeof competenceEvidence.$inferSelect;

export async function insertAuthorization(db: Db, values: typeof staffAuthorizations.$inferInsert): Promise<AuthorizationRow> {
  const [row] = await db.insert(staffAuthorizations).values(values).returning();
  return row!;
}

export async function findAuthorization(db: Db, id: string): Promise<AuthorizationRow | null> {
  const [row] = await db.select().from(staffAuthorizations).where(eq(staffAuthorizations.id, id));
  return row ?? null;
}

export async function revokeAuthorization(db: Db, id: string, values: { revokedOn: string; revokedReason: string; revokedBy: string }): Promise<AuthorizationRow> {
  const [row] = await db.update(staffAuthorizations).set(values).where(eq(staffAuthorizations.id, id)).returning();
  return row!;
}

export async function listAuthorizations(db: Db, userId: string): Promise<AuthorizationRow[]> {
  return db.select().from(staffAuthorizations).where(eq(staffAuthorizations.userId, userId)).orderBy(asc(staffAuthorizations.validFrom), asc(staffAuthorizations.createdAt));
}

export async function insertEvidence(db: Db, values: typeof competenceEvidence.$inferInsert): Promise<EvidenceRow> {
  const [row] = await db.insert(competenceEvidence).values(values).returning();
  return row!;
}

export async function listEvidence(db: Db, userId: string): Promise<EvidenceRow[]> {
  return db.select().from(competenceEvidence).where(eq(competenceEvidence.userId, userId)).orderBy(asc(competenceEvidence.completedOn), asc(competenceEvidence.createdAt));
}
