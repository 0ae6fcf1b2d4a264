import { index, integer, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agreements, labService } from '../agreements/agreements.tables.js';
import { companies } from '../companies/companies.tables.js';
import { JOB_STATES } from './domain/job-lifecycle.js';
import { CHARACTERISTIC_TYPES, INSTRUMENT_SERVICES, TOLERANCE_KINDS } from './domain/job-content.js';
import { ts, day, measure } from '../../db/columns.js';

export const jobStatus = pgEnum('job_status', JOB_STATES);
export const instrumentService = pgEnum('instrument_service', INSTRUMENT_SERVICES);
export const characteristicType = pgEnum('characteristic_type', CHARACTERISTIC_TYPES);
export const toleranceKind = pgEnum('tolerance_kind', TOLERANCE_KINDS);


/** A company's order to the lab: one service (kind), many items. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** T-2026-00001: gapless per year. */
    number: text('number').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    kind: labService('kind').notNull(),
    status: jobStatus('status').notNull().default('submitted'),
    /** The agreement in force that covers the job's service, fixed at submission. */
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    customerReference: text('customer_reference'),
    notes: text('notes'),
    submittedBy: uuid('submitted_by').notNull(),
    // Contract review (ISO/IEC 17025 7.1), recorded on acceptance.
    method: text('method'),
    decisionRule: text('decision_rule'),
    decisionRuleNotes: text('decision_rule_notes'),
    price: numeric('price', { precision: 14, scale: 2 }),
    deliveryDate: day('delivery_date'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    // Receipt of the items.
    receivedOn: day('received_on'),
    receiptCondition: text('receipt_condition'),
    receiptRemarks: text('receipt_remarks'),
    /** The reason of the latest rejection, cancellation or return to measurement. */
    statusReason: text('status_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('jobs_number_uq').on(t.number), index('jobs_company_status_idx').on(t.companyId, t.status)],
);

/** A product, reference piece or instrument of a job. Instrument columns are null for pieces. */
export const jobItems = pgTable(
  'job_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    lineNo: integer('line_no').notNull(),
    description: text('description').notNull(),
    instrumentType: text('instrument_type'),
    manufacturer: text('manufacturer'),
    model: text('model'),
    serialNumber: text('serial_number'),
    rangeLower: measure('range_lower'),
    rangeUpper: measure('range_upper'),
    unit: text('unit'),
    resolution: measure('resolution'),
    /** Maximum permissible error as stated by the manufacturer or a standard, e.g. `±2 µm`. */
    mpe: text('mpe'),
    service: instrumentService('service'),
    /** Reference measurements: the catalogue piece picked (its characteristics are copied; FK in the reference_measurements migration). */
    testPieceId: uuid('test_piece_id'),
    /** Manufacturing reference measurements: the company's machine tool that machined the piece (FK in the reference_measurements migration). */
    machineToolId: uuid('machine_tool_id'),
    /** The day the company machined the piece (its serial is `serial_number`). */
    manufacturedOn: day('manufactured_on'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('job_items_line_uq').on(t.jobId, t.lineNo), index('job_items_machine_tool_idx').on(t.machineToolId)],
);

/**
 * The columns that specify a characteristic (balloon, type, nominal, tolerance, datums), shared by
 * job characteristics and the test pieces catalogue, which jobs copy from. A function, because
 * each table needs builders of its own.
 */
export function characteristicSpecColumns() {
  return {
    lineNo: integer('line_no').notNull(),
    /** Balloon number or other identifier on the drawing. */
    identifier: text('identifier').notNull(),
    type: characteristicType('type').notNull(),
    nominal: measure('nominal'),
    unit: text('unit').notNull(),
    toleranceKind: toleranceKind('tolerance_kind').notNull(),
    /** symmetric: ±value; geometric: the tolerance zone. */
    toleranceValue: measure('tolerance_value'),
    upperDeviation: measure('upper_deviation'),
    lowerDeviation: measure('lower_deviation'),
    upperLimit: measure('upper_limit'),
    lowerLimit: measure('lower_limit'),
    datums: text('datums').array().notNull(),
    notes: text('notes'),
  };
}

/** A characteristic to measure on a product or reference piece, with its nominal and tolerance. */
export const jobCharacteristics = pgTable(
  'job_characteristics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => jobItems.id),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id),
    ...characteristicSpecColumns(),
    /** The characteristic's id in the QIF file it was imported from, so results can be reported against it. */
    qifId: text('qif_id'),
  },
  (t) => [uniqueIndex('job_characteristics_uq').on(t.itemId, t.identifier), index('job_characteristics_job_idx').on(t.jobId)],
);
