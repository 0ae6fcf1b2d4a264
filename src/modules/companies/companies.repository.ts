import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { companies } from './companies.tables.js';

export type CompanyRow = typeof companies.$inferSelect;

/** `scope` is the caller's company for customers (see companyScope); undefined for staff. */
const scoped = (scope: string | undefined, ...where: SQL[]) => and(...where, scope ? eq(companies.id, scope) : undefined);

export async function insertCompany(db: Db, values: { name: string }): Promise<CompanyRow> {
  const [row] = await db.insert(companies).values(values).returning();
  return row!;
}

export async function findCompany(db: Db, scope: string | undefined, id: string): Promise<CompanyRow | null> {
  const [row] = await db.select().from(companies).where(scoped(scope, eq(companies.id, id)));
  return row ?? null;
}

export async function listCompanies(db: Db, scope: string | undefined): Promise<CompanyRow[]> {
  return db.select().from(companies).where(scoped(scope)).orderBy(asc(companies.name));
}
