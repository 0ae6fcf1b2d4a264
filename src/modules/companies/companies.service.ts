import type { Db } from '../../db/database.js';
import { companyScope, type Actor } from '../../shared/actor.js';
import { notFound } from '../../shared/errors/index.js';
import { recordAudit } from '../audit/index.js';
import { findCompany, insertCompany, listCompanies, type CompanyRow } from './companies.repository.js';

/** Registers a customer company (staff only; the route says which roles). */
export async function createCompany(db: Db, actor: Actor, input: { name: string }): Promise<CompanyRow> {
  return db.transaction(async (tx) => {
    const company = await insertCompany(tx, { name: input.name.trim() });
    await recordAudit(tx, actor, { action: 'company.create', entityType: 'company', entityId: company.id, after: company });
    return company;
  });
}

/** A company the actor may see: customers only their own, whatever id they ask for. */
export async function getCompany(db: Db, actor: Actor, id: string): Promise<CompanyRow> {
  const company = await findCompany(db, companyScope(actor), id);
  if (!company) throw notFound('Company', id);
  return company;
}

export const getCompanies = (db: Db, actor: Actor): Promise<CompanyRow[]> => listCompanies(db, companyScope(actor));

/** True when the company exists (used when creating customer users). */
export async function companyExists(db: Db, id: string): Promise<boolean> {
  return (await findCompany(db, undefined, id)) !== null;
}
