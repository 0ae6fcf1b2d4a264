import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import { companies } from './companies.tables.js';

export type CompanyRow = typeof companies.$inferSelect;

/** `scope` is the caller's company for customers (see companyScope); undefined for staff. */
const scoped = (scope: string | undefined, ...where: SQL[]) => and(...where, scope ? eq(companies.id, scope) : undefined);

export async function insertCompany(db: Db, values: { name: string }): Promise<CompanyRow> {
  const [row] = await db.insert(companies).values(values).returning();
  return row!;
}

export async function findCompany(db: Db, scope: string | undefined, id: string): Promise<CompanyRow | null> {
  const [row] = scope
    ? await prepared(db, 'find_company_scoped', (d) =>
        d.select().from(companies).where(and(eq(companies.id, sql.placeholder('id')), eq(companies.id, sql.placeholder('scope')))).prepare('find_company_scoped'),
      ).execute({ id, scope })
    : await prepared(db, 'find_company', (d) => d.select().from(companies).where(eq(companies.id, sql.placeholder('id'))).prepare('find_company')).execute({ id });
  return row ?? null;
}

export async function listCompanies(db: Db, scope: string | undefined): Promise<CompanyRow[]> {
  return db.select().from(companies).where(scoped(scope)).orderBy(asc(companies.name));
}
