import { type AnyPgColumn, bigint, boolean, index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from '../../db/columns.js';
import { companies } from '../companies/companies.tables.js';
import { jobs } from '../jobs/jobs.tables.js';
import { ATTACHMENT_CATEGORIES, FILE_FORMATS } from './domain/attachment-kinds.js';

export const attachmentCategory = pgEnum('attachment_category', ATTACHMENT_CATEGORIES);
export const attachmentFormat = pgEnum('attachment_format', FILE_FORMATS);

/**
 * A file attached to a job. The content lives in the blob store under its SHA-256 (one stored file
 * however many rows name it); the row is the metadata and the source of truth. Rows never change
 * (migration trigger); they are deleted only while the job is submitted, and a newer revision
 * supersedes an older one by naming it in `supersedesId`.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    /** The job's company, kept here so that customer scoping needs no join. */
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    category: attachmentCategory('category').notNull(),
    confidential: boolean('confidential').notNull(),
    description: text('description'),
    fileName: text('file_name').notNull(),
    /** The Content-Type the client sent with the file part (informative only). */
    declaredMediaType: text('declared_media_type'),
    format: attachmentFormat('format').notNull(),
    mediaType: text('media_type').notNull(),
    /** What detection read from the header: STEP schema and AP, QIF version, PDF version, image size... */
    formatDetails: jsonb('format_details').notNull().default({}),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    supersedesId: uuid('supersedes_id').references((): AnyPgColumn => attachments.id),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('attachments_job_idx').on(t.jobId), index('attachments_sha256_idx').on(t.sha256), uniqueIndex('attachments_supersedes_uq').on(t.supersedesId)],
);
