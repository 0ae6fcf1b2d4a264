import type { Db } from '../../db/database.js';
import { companyScope, type Actor } from '../../shared/actor.js';
import { DomainError, notFound } from '../../shared/errors/index.js';
import { recordAudit } from '../audit/index.js';
import {
  findByBusinessId,
  findCompany,
  insertCompany,
  findContactForUpdate,
  insertContact,
  listCompanies,
  listContacts,
  updateContact as updateContactRow,
  updateCompany as updateCompanyRow,
  type CompanyRow,
  type CompanyValues,
  type ContactRow,
} from './companies.repository.js';
import type { CompanyInput, ContactChange, ContactInput } from './companies.schemas.js';
import { checkBusinessId } from './domain/business-id.js';

export type { CompanyRow, ContactRow };

/** The API shape of a company. */
export const presentCompany = (c: CompanyRow) => ({
  id: c.id,
  name: c.name,
  country: c.country,
  businessId: c.businessId,
  address: { streetAddress: c.streetAddress, postalCode: c.postalCode, city: c.city },
  invoicing: { email: c.invoiceEmail, eInvoiceAddress: c.eInvoiceAddress, eInvoiceOperator: c.eInvoiceOperator, reference: c.invoiceReference },
  preferredLanguage: c.preferredLanguage,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
});

/** Flattens API input into column values (only the fields given). */
function toValues(input: CompanyInput): Partial<CompanyValues> {
  const v: Partial<CompanyValues> = {};
  if (input.name !== undefined) v.name = input.name.trim();
  if (input.country !== undefined) v.country = input.country;
  if (input.businessId !== undefined) v.businessId = input.businessId?.trim() ?? null;
  if (input.preferredLanguage !== undefined) v.preferredLanguage = input.preferredLanguage;
  const a = input.address;
  if (a?.streetAddress !== undefined) v.streetAddress = a.streetAddress;
  if (a?.postalCode !== undefined) v.postalCode = a.postalCode;
  if (a?.city !== undefined) v.city = a.city;
  const i = input.invoicing;
  if (i?.email !== undefined) v.invoiceEmail = i.email;
  if (i?.eInvoiceAddress !== undefined) v.eInvoiceAddress = i.eInvoiceAddress;
  if (i?.eInvoiceOperator !== undefined) v.eInvoiceOperator = i.eInvoiceOperator;
  if (i?.reference !== undefined) v.invoiceReference = i.reference;
  return v;
}

/** Checks the business identifier for the country and that no other company has it. */
async function checkIdentity(db: Db, country: string, businessId: string | null | undefined, selfId: string | null): Promise<string | null> {
  if (!businessId) return null;
  const check = checkBusinessId(country, businessId);
  if (!check.valid) {
    throw new DomainError('LIMS_COMPANY_BUSINESS_ID_INVALID', `Business identifier ${businessId} is not valid for ${country}: ${check.reason}.`, {
      field: '/body/businessId',
    });
  }
  const other = await findByBusinessId(db, country, check.normalized);
  if (other && other.id !== selfId) {
    throw new DomainError('LIMS_COMPANY_BUSINESS_ID_TAKEN', `Company ${other.name} (${other.id}) already has business identifier ${check.normalized}.`, {
      companyId: other.id,
    });
  }
  return check.normalized;
}

/** Registers a customer company (staff only; the route says which roles), checking its business identifier. */
export async function createCompany(db: Db, actor: Actor, input: CompanyInput & { name: string }): Promise<CompanyRow> {
  return db.transaction(async (tx) => {
    const values = toValues(input);
    const country = values.country ?? 'FI';
    values.businessId = await checkIdentity(tx, country, values.businessId, null);
    const company = await insertCompany(tx, { ...values, name: input.name.trim(), country });
    await recordAudit(tx, actor, { action: 'company.create', entityType: 'company', entityId: company.id, after: company });
    return company;
  });
}

/** Changes a company's details; a changed country or identifier is checked again. */
export async function updateCompany(db: Db, actor: Actor, id: string, input: CompanyInput): Promise<CompanyRow> {
  return db.transaction(async (tx) => {
    const before = await getCompany(tx, actor, id);
    const values = toValues(input);
    const country = values.country ?? before.country;
    const businessId = values.businessId !== undefined ? values.businessId : before.businessId;
    values.businessId = await checkIdentity(tx, country, businessId, id);
    const after = await updateCompanyRow(tx, id, values);
    await recordAudit(tx, actor, { action: 'company.update', entityType: 'company', entityId: id, before, after });
    return after;
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

/** Adds a contact person to a company the actor may see. */
export async function addContact(db: Db, actor: Actor, companyId: string, input: ContactInput): Promise<ContactRow> {
  return db.transaction(async (tx) => {
    await getCompany(tx, actor, companyId);
    const contact = await insertContact(tx, { companyId, name: input.name.trim(), title: input.title ?? null, email: input.email ?? null, phone: input.phone ?? null });
    await recordAudit(tx, actor, { action: 'company.contact.create', entityType: 'company', entityId: companyId, after: contact });
    return contact;
  });
}

/**
 * Changes a contact person: only the fields given; `active: false` marks someone who no longer deals
 * with the lab (contacts are never deleted: audit events name them). Audited with before and after.
 */
export async function updateContact(db: Db, actor: Actor, companyId: string, contactId: string, input: ContactChange): Promise<ContactRow> {
  return db.transaction(async (tx) => {
    await getCompany(tx, actor, companyId);
    const before = await findContactForUpdate(tx, companyId, contactId);
    if (!before) throw notFound('Contact', contactId);
    const after = await updateContactRow(tx, contactId, { ...input, ...(input.name !== undefined && { name: input.name.trim() }) });
    await recordAudit(tx, actor, { action: 'company.contact.update', entityType: 'company', entityId: companyId, before, after });
    return after;
  });
}

/** The contact persons of a company the actor may see. */
export async function getContacts(db: Db, actor: Actor, companyId: string): Promise<ContactRow[]> {
  await getCompany(db, actor, companyId);
  return listContacts(db, companyId);
}
