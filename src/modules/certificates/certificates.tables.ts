import { type AnyPgColumn, boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytes, ts } from '../../db/columns.js';
import { companies } from '../companies/companies.tables.js';
import { jobs } from '../jobs/jobs.tables.js';
import { DOCUMENT_STATES } from './domain/document-lifecycle.js';
import { DOCUMENT_TYPES, type DocumentModel } from './domain/document-model.js';
import type { SignatureRecord } from './domain/signature.js';

export const documentType = pgEnum('document_type', DOCUMENT_TYPES);
export const documentState = pgEnum('document_state', DOCUMENT_STATES);

/**
 * A certificate or report of a job: a draft until issued; once issued its number, model, signature
 * and files never change (trigger, migration 0015); it can only become superseded (by an issued
 * amendment) or revoked.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    type: documentType('type').notNull(),
    state: documentState('state').notNull().default('draft'),
    /** K-2026-0001: per type and year, gapless; null while a draft. */
    number: text('number'),
    /** `fi` first (the original), then the companions. */
    languages: text('languages').array().notNull(),
    /** The job items the document covers. */
    itemIds: uuid('item_ids').array().notNull(),
    /** The issued document this one amends (ISO/IEC 17025 7.8.8), with the reason. */
    supersedesId: uuid('supersedes_id').references((): AnyPgColumn => documents.id),
    amendmentReason: text('amendment_reason'),
    supersededById: uuid('superseded_by_id'),
    /** The model the files were rendered from, frozen at issue. */
    model: jsonb('model').$type<DocumentModel>(),
    issuedAt: ts('issued_at'),
    issuedBy: uuid('issued_by'),
    signature: jsonb('signature').$type<SignatureRecord>(),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by'),
    revocationReason: text('revocation_reason'),
    createdBy: uuid('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('documents_number_uq').on(t.number),
    uniqueIndex('documents_supersedes_uq').on(t.supersedesId),
    index('documents_job_idx').on(t.jobId),
    index('documents_company_idx').on(t.companyId, t.state),
  ],
);

/** The files of an issued document: a PDF per language and, for a calibration certificate, the DCC. Append-only. */
export const documentFiles = pgTable(
  'document_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    /** `pdf` or `dcc`. */
    kind: text('kind').notNull(),
    /** The PDF's language; `fi` for the DCC (it carries all of them). */
    language: text('language').notNull(),
    original: boolean('original').notNull(),
    mediaType: text('media_type').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    content: bytes('content').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('document_files_uq').on(t.documentId, t.kind, t.language), index('document_files_sha256_idx').on(t.sha256)],
);
