import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';

export const documentLanguage = pgEnum('document_language', ['fi', 'en', 'sv', 'et']);


/** Customer companies (and private customers): identity, address, invoicing and document language. */
export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    /** ISO 3166-1 alpha-2. */
    country: text('country').notNull().default('FI'),
    /** Y-tunnus (FI), registrikood (EE) or a free identifier; null for private customers. */
    businessId: text('business_id'),
    streetAddress: text('street_address'),
    postalCode: text('postal_code'),
    city: text('city'),
    invoiceEmail: text('invoice_email'),
    /** E-invoicing (Finvoice) address, e.g. OVT code 003707375462. */
    eInvoiceAddress: text('e_invoice_address'),
    eInvoiceOperator: text('e_invoice_operator'),
    invoiceReference: text('invoice_reference'),
    preferredLanguage: documentLanguage('preferred_language').notNull().default('fi'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('companies_business_id_uq').on(t.country, t.businessId).where(sql`${t.businessId} IS NOT NULL`)],
);

/** The customer's contact persons. */
export const companyContacts = pgTable(
  'company_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    title: text('title'),
    email: text('email'),
    phone: text('phone'),
    /** False for a person who no longer deals with the lab: kept, since audit events and documents name them. */
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('company_contacts_company_idx').on(t.companyId)],
);
