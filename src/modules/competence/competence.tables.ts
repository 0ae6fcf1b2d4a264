import { sql } from 'drizzle-orm';
import { check, index, numeric, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { methods, methodVersions } from '../methods/methods.tables.js';
import { users } from '../users/users.tables.js';
import { ts, day } from '../../db/columns.js';

export const evidenceKind = pgEnum('competence_evidence_kind', ['training', 'rr_test', 'proficiency_test', 'qualification', 'other']);


/** What a staff member may do with a method (ISO/IEC 17025 6.2.5-6.2.6). */
export const staffAuthorizations = pgTable(
  'staff_authorizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    methodId: uuid('method_id')
      .notNull()
      .references(() => methods.id),
    /** Null: every version of the method. */
    methodVersionId: uuid('method_version_id').references(() => methodVersions.id),
    /** measure, review, issue */
    capabilities: text('capabilities').array().notNull(),
    validFrom: day('valid_from').notNull(),
    validUntil: day('valid_until'),
    grantedBy: uuid('granted_by').notNull(),
    notes: text('notes'),
    revokedOn: day('revoked_on'),
    revokedReason: text('revoked_reason'),
    revokedBy: uuid('revoked_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('staff_authorizations_user_idx').on(t.userId, t.methodId),
    check('staff_authorizations_period', sql`${t.validUntil} IS NULL OR ${t.validUntil} >= ${t.validFrom}`),
  ],
);

/** Evidence of competence: training, RR tests, proficiency test results. Append-only. */
export const competenceEvidence = pgTable(
  'competence_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: evidenceKind('kind').notNull(),
    title: text('title').notNull(),
    completedOn: day('completed_on').notNull(),
    methodId: uuid('method_id').references(() => methods.id),
    /** E.g. '%GRR', 'En', 'z'; the score as an exact decimal. */
    scoreKind: text('score_kind'),
    score: numeric('score'),
    outcome: text('outcome'),
    /** Where the underlying record is (certificate number, report id, file). */
    documentReference: text('document_reference'),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('competence_evidence_user_idx').on(t.userId, t.completedOn)],
);
