import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { methods, methodVersions } from './methods.tables.js';

export type MethodRow = typeof methods.$inferSelect;
export type VersionRow = typeof methodVersions.$inferSelect;
export type VersionValues = Omit<typeof methodVersions.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function insertMethod(db: Db, values: typeof methods.$inferInsert): Promise<MethodRow> {
  const [row] = await db.insert(methods).values(values).returning();
  return row!;
}

export async function findMethod(db: Db, id: string): Promise<MethodRow | null> {
  const [row] = await db.select().from(methods).where(eq(methods.id, id));
  return row ?? null;
}

export async function findMethodByCode(db: Db, code: string): Promise<MethodRow | null> {
  const [row] = await db.select().from(methods).where(eq(methods.code, code));
  return row ?? null;
}

export async function listMethods(db: Db): Promise<MethodRow[]> {
  return db.select().from(methods).orderBy(asc(methods.code));
}

export async function insertVersion(db: Db, values: VersionValues): Promise<VersionRow> {
  const [row] = await db.insert(methodVersions).values(values).returning();
  return row!;
}

export async function updateVersion(db: Db, id: string, values: Partial<VersionValues>): Promise<VersionRow> {
  const [row] = await db.update(methodVersions).set({ ...values, updatedAt: sql`now()` }).where(eq(methodVersions.id, id)).returning();
  return row!;
}

export async function findVersion(db: Db, id: string): Promise<VersionRow | null> {
  const [row] = await db.select().from(methodVersions).where(eq(methodVersions.id, id));
  return row ?? null;
}

export async function listVersions(db: Db, methodId?: string): Promise<VersionRow[]> {
  const q = db.select().from(methodVersions);
  return (methodId ? q.where(eq(methodVersions.methodId, methodId)) : q).orderBy(asc(methodVersions.methodId), asc(methodVersions.versionNumber));
}
