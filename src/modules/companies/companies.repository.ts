import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { prepared } from '../../db/prepared.js';
import { companies, companyContacts } from './companies.tables.js';

export type CompanyRow = typeof companies.$inferSelect;

/** `scope` is the caller's company for customers (see companyScope); undefined for staff. */
const scoped = (scope: string | undefined, ...where: SQL[]) => and(...where, scope ? eq(companies.id, scope) : undefined);

export type CompanyValues = Omit<typeof companies.$inferInsert, 'id' | 'createdAt'>;
export type ContactRow = typeof companyContacts.$inferSelect;

export async function insertCompany(db: Db, values: CompanyValues & { name: string }): Promise<CompanyRow> {
  const [row] = await db.insert(companies).values(values).returning();
  return row!;
}

export async function updateCompany(db: Db, id: string, values: Partial<CompanyValues>): Promise<CompanyRow> {
  const [row] = await db.update(companies).set({ ...values, updatedAt: sql`now()` }).where(eq(companies.id, id)).returning();
  return row!;
}

/** Another company with the same business identifier, if any. */
export async function findByBusinessId(db: Db, country: string, businessId: string): Promise<CompanyRow | null> {
  const [row] = await db.select().from(companies).where(and(eq(companies.country, country), eq(companies.businessId, businessId)));
  return row ?? null;
}

export async function insertContact(db: Db, values: typeof companyContacts.$inferInsert): Promise<ContactRow> {
  const [row] = await db.insert(companyContacts).values(values).returning();
  return row!;
}

/** Contacts of a company, active ones first; callers check that the actor may see the company first. */
export async function listContacts(db: Db, companyId: string): Promise<ContactRow[]> {
  return db.select().from(companyContacts).where(eq(companyContacts.companyId, companyId)).orderBy(desc(companyContacts.active), asc(companyContacts.name));
}

/** A contact of the company, locked for update until the transaction ends. */
export async function findContactForUpdate(db: Db, companyId: string, contactId: string): Promise<ContactRow | null> {
  const [row] = await db.select().from(companyContacts).where(and(eq(companyContacts.companyId, companyId), eq(companyContacts.id, contactId))).for('update');
  return row ?? null;
}

export async function updateContact(db: Db, id: string, values: Partial<Pick<ContactRow, 'name' | 'title' | 'email' | 'phone' | 'active'>>): Promise<ContactRow> {
  const [row] = await db.update(companyContacts).set({ ...values, updatedAt: sql`now()` }).where(eq(companyContacts.id, id)).returning();
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
