import { type AnyPgColumn, boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { equipment } from '../equipment/equipment.tables.js';
import { jobCharacteristics, jobItems, jobs } from '../jobs/jobs.tables.js';
import { methodVersions } from '../methods/methods.tables.js';
import { ts, measure } from '../../db/columns.js';


/**
 * One measurement of a characteristic of a job item, or of one calibration point of an instrument.
 * Append-only (migration trigger): a correction is a new row with `correctsId` and a reason.
 */
export const results = pgTable(
  'results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => jobItems.id),
    /** Null for an instrument's calibration point. */
    characteristicId: uuid('characteristic_id').references(() => jobCharacteristics.id),
    /** Calibration point of an instrument: the nominal (reference) value and its unit. */
    pointNominal: measure('point_nominal'),
    pointUnit: text('point_unit'),
    methodVersionId: uuid('method_version_id')
      .notNull()
      .references(() => methodVersions.id),
    measuredAt: ts('measured_at').notNull(),
    temperature: measure('temperature'),
    humidity: measure('humidity'),
    /** True when the environment was outside the method's limits and the deviation was justified. */
    environmentDeviation: boolean('environment_deviation').notNull().default(false),
    deviationJustification: text('deviation_justification'),
    /** The violations found when recorded, for the report. */
    environmentViolations: jsonb('environment_violations').notNull().default([]),
    remarks: text('remarks'),
    correctsId: uuid('corrects_id').references((): AnyPgColumn => results.id),
    correctionReason: text('correction_reason'),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('results_item_idx').on(t.itemId), uniqueIndex('results_corrects_uq').on(t.correctsId)],
);

/** The equipment used for a result. */
export const resultEquipment = pgTable(
  'result_equipment',
  {
    resultId: uuid('result_id')
      .notNull()
      .references(() => results.id),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => equipment.id),
  },
  (t) => [primaryKey({ columns: [t.resultId, t.equipmentId] }), index('result_equipment_equipment_idx').on(t.equipmentId)],
);

/** Raw readings (repeats) of a result, exactly as typed. */
export const resultReadings = pgTable(
  'result_readings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resultId: uuid('result_id')
      .notNull()
      .references(() => results.id),
    repeatNo: integer('repeat_no').notNull(),
    value: measure('value').notNull(),
    unit: text('unit').notNull(),
  },
  (t) => [uniqueIndex('result_readings_uq').on(t.resultId, t.repeatNo)],
);

/** The four-eyes release of an item's results: once released, the item's results are locked. */
export const resultReleases = pgTable(
  'result_releases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => jobItems.id),
    reviewedBy: uuid('reviewed_by').notNull(),
    remarks: text('remarks'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('result_releases_item_uq').on(t.itemId)],
);
