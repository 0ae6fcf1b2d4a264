import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from '../companies/companies.tables.js';
import type { AgreementTerms, Signature } from './domain/agreement-terms.js';
import { ts, day } from '../../db/columns.js';

export const labService = pgEnum('lab_service', ['product_quality_control', 'reference_measurement', 'instrument_calibration']);
export const agreementKind = pgEnum('agreement_kind', ['annual', 'ad_hoc']);
/** Stored states; `expired` is derived from the dates and never stored. */
export const agreementStatus = pgEnum('agreement_status', ['draft', 'active', 'terminated', 'superseded']);
export const ndaStatus = pgEnum('nda_status', ['pending', 'active', 'terminated']);
export const ndaKind = pgEnum('nda_kind', ['one_way', 'mutual']);


/** Confidentiality agreements. Active from the signing of the agreement that carries them. */
export const ndas = pgTable(
  'ndas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    kind: ndaKind('kind').notNull(),
    /** drawings, cad_models, measurement_results, business_information */
    covers: text('covers').array().notNull(),
    termMonths: integer('term_months').notNull(),
    /** How long the lab keeps technical records after the work (ISO/IEC 17025 7.5). */
    retentionMonths: integer('retention_months').notNull(),
    /** What happens to the customer's material after the work: return, destroy, or either on request. */
    disposal: text('disposal').notNull(),
    status: ndaStatus('status').notNull().default('pending'),
    effectiveFrom: day('effective_from'),
    expiresOn: day('expires_on'),
    terminatedOn: day('terminated_on'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('ndas_company_idx').on(t.companyId)],
);

/** Annual and ad hoc agreements; every change to a signed agreement is a new version in the same series. */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Shared by every version of one agreement. */
    seriesId: uuid('series_id').notNull(),
    version: integer('version').notNull(),
    supersedesId: uuid('supersedes_id'),
    number: text('number').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    kind: agreementKind('kind').notNull(),
    status: agreementStatus('status').notNull().default('draft'),
    services: labService('services').array().notNull(),
    validFrom: day('valid_from').notNull(),
    validTo: day('valid_to'),
    terms: jsonb('terms').$type<AgreementTerms>().notNull(),
    ndaId: uuid('nda_id')
      .notNull()
      .references(() => ndas.id),
    quoteId: uuid('quote_id'),
    customerSignature: jsonb('customer_signature').$type<Signature>(),
    labSignature: jsonb('lab_signature').$type<Signature>(),
    signedOn: day('signed_on'),
    terminatedOn: day('terminated_on'),
    terminationReason: text('termination_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agreements_series_version_uq').on(t.seriesId, t.version),
    index('agreements_company_idx').on(t.companyId, t.status),
  ],
);
