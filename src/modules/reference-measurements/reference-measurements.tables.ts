import { type AnyPgColumn, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, day, measure } from '../../db/columns.js';
import { companies } from '../companies/companies.tables.js';
import { jobCharacteristics, jobItems, jobs } from '../jobs/jobs.tables.js';

/**
 * A company's own measurement of a characteristic of a reference-measurement job: its values and,
 * when it has one, its expanded uncertainty. Append-only (migration trigger): a correction is a new
 * row with `correctsId` and a reason.
 */
export const companyResults = pgTable(
  'company_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => jobItems.id),
    characteristicId: uuid('characteristic_id')
      .notNull()
      .references(() => jobCharacteristics.id),
    /** The job's company, kept here so that customer scoping needs no join. */
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    /** The unit of the values and of the uncertainty. */
    unit: text('unit').notNull(),
    expandedUncertainty: measure('expanded_uncertainty'),
    coverageFactor: measure('coverage_factor'),
    measuredOn: day('measured_on'),
    /** How the company measured (instrument, program), as it tells it. */
    remarks: text('remarks'),
    correctsId: uuid('corrects_id').references((): AnyPgColumn => companyResults.id),
    correctionReason: text('correction_reason'),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('company_results_job_idx').on(t.jobId), uniqueIndex('company_results_corrects_uq').on(t.correctsId)],
);

/** The values of a company result (repeats), exactly as typed. Append-only. */
export const companyResultValues = pgTable(
  'company_result_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resultId: uuid('result_id')
      .notNull()
      .references(() => companyResults.id),
    repeatNo: integer('repeat_no').notNull(),
    value: measure('value').notNull(),
  },
  (t) => [uniqueIndex('company_result_values_uq').on(t.resultId, t.repeatNo)],
);

/**
 * The lab's expanded uncertainty for a characteristic of a reference measurement, stated by staff
 * when no uncertainty evaluation is stored for the lab's result. Append-only; the latest applies.
 */
export const labStatedUncertainties = pgTable(
  'lab_stated_uncertainties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    characteristicId: uuid('characteristic_id')
      .notNull()
      .references(() => jobCharacteristics.id),
    /** In the characteristic's unit. */
    expandedUncertainty: measure('expanded_uncertainty').notNull(),
    coverageFactor: measure('coverage_factor').notNull(),
    /** Where the value comes from, e.g. the method's CMC or a budget document. */
    basis: text('basis').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('lab_stated_uncertainties_characteristic_idx').on(t.characteristicId)],
);
