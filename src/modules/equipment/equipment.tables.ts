import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, day, measure } from '../../db/columns.js';

export const EQUIPMENT_TYPES = [
  'cmm',
  'gauge_block',
  'ring_gauge',
  'setting_gauge',
  'micrometer',
  'caliper',
  'optical',
  'thermometer',
  'hygrometer',
  'other',
] as const;
export type EquipmentType = (typeof EQUIPMENT_TYPES)[number];

export const equipmentType = pgEnum('equipment_type', EQUIPMENT_TYPES);
/** Stored status; usability (overdue, withdrawn, failed check) is derived and never stored. */
export const equipmentStatus = pgEnum('equipment_status', ['in_service', 'out_of_service', 'quarantined']);
/** Who calibrated: the lab itself against its own standard, an accredited laboratory, or a national metrology institute. */
export const calibratorKind = pgEnum('calibrator_kind', ['internal', 'accredited_lab', 'nmi']);
export const withdrawalKind = pgEnum('calibration_withdrawal_kind', ['withdrawn', 'out_of_tolerance']);
export const checkResult = pgEnum('check_result', ['pass', 'fail']);


/** The lab's measuring equipment and reference standards. */
export const equipment = pgTable(
  'equipment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The lab's own identifier, e.g. KTK-MIC-012. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: equipmentType('type').notNull(),
    manufacturer: text('manufacturer'),
    model: text('model'),
    serialNumber: text('serial_number'),
    location: text('location'),
    rangeLower: measure('range_lower'),
    rangeUpper: measure('range_upper'),
    resolution: measure('resolution'),
    unit: text('unit'),
    /** Calibration interval used to derive the next due date of a calibration. */
    calibrationIntervalMonths: integer('calibration_interval_months'),
    /** False for items that need no calibration (fixtures); they never become overdue. */
    requiresCalibration: boolean('requires_calibration').notNull().default(true),
    status: equipmentStatus('status').notNull().default('in_service'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('equipment_code_uq').on(t.code), check('equipment_interval_positive', sql`${t.calibrationIntervalMonths} IS NULL OR ${t.calibrationIntervalMonths} > 0`)],
);

/** Every status change with the date it takes effect, so that usability can be derived as of a past date. */
export const equipmentStatusEvents = pgTable(
  'equipment_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => equipment.id),
    status: equipmentStatus('status').notNull(),
    effectiveOn: day('effective_on').notNull(),
    reason: text('reason'),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('equipment_status_events_idx').on(t.equipmentId, t.effectiveOn)],
);

/**
 * Calibration records: append-only. A correction is a new record with `correctsId` and a reason;
 * the corrected record stays as it was.
 */
export const calibrations = pgTable(
  'calibrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => equipment.id),
    certificateNumber: text('certificate_number').notNull(),
    calibratedOn: day('calibrated_on').notNull(),
    intervalMonths: integer('interval_months').notNull(),
    nextDueOn: day('next_due_on').notNull(),
    calibratorKind: calibratorKind('calibrator_kind').notNull(),
    calibratorName: text('calibrator_name').notNull(),
    /** E.g. FINAS K008; null for NMIs and internal calibrations. */
    accreditationId: text('accreditation_id'),
    /** Internal calibrations: the calibration of the lab's reference standard that was used. */
    referenceCalibrationId: uuid('reference_calibration_id'),
    /** External calibrations: what the certificate says the calibrating lab is traceable to. */
    externalTraceability: text('external_traceability'),
    correctsId: uuid('corrects_id'),
    correctionReason: text('correction_reason'),
    remarks: text('remarks'),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('calibrations_equipment_idx').on(t.equipmentId, t.calibratedOn),
    index('calibrations_reference_idx').on(t.referenceCalibrationId),
    uniqueIndex('calibrations_corrects_uq').on(t.correctsId),
    check('calibrations_reference_by_kind', sql`(${t.calibratorKind} = 'internal') = (${t.referenceCalibrationId} IS NOT NULL)`),
    check('calibrations_correction_reason', sql`(${t.correctsId} IS NULL) = (${t.correctionReason} IS NULL)`),
    check('calibrations_due_after', sql`${t.nextDueOn} > ${t.calibratedOn}`),
  ],
);

/** The values a certificate states, with their expanded uncertainties, as exact decimals. */
export const calibrationValues = pgTable(
  'calibration_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    calibrationId: uuid('calibration_id')
      .notNull()
      .references(() => calibrations.id),
    position: integer('position').notNull(),
    quantity: text('quantity').notNull(),
    nominal: measure('nominal'),
    value: measure('value').notNull(),
    unit: text('unit').notNull(),
    expandedUncertainty: measure('expanded_uncertainty').notNull(),
    coverageFactor: numeric('coverage_factor').notNull(),
  },
  (t) => [uniqueIndex('calibration_values_uq').on(t.calibrationId, t.position)],
);

/** A calibration withdrawn (certificate withdrawn, or the standard found out of tolerance). */
export const calibrationWithdrawals = pgTable('calibration_withdrawals', {
  calibrationId: uuid('calibration_id')
    .primaryKey()
    .references(() => calibrations.id),
  kind: withdrawalKind('kind').notNull(),
  withdrawnOn: day('withdrawn_on').notNull(),
  reason: text('reason').notNull(),
  recordedBy: uuid('recorded_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Intermediate checks between calibrations (ISO/IEC 17025 6.4.10). Append-only. */
export const intermediateChecks = pgTable(
  'intermediate_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => equipment.id),
    checkedOn: day('checked_on').notNull(),
    procedure: text('procedure').notNull(),
    checkStandardId: uuid('check_standard_id').references(() => equipment.id),
    expected: measure('expected'),
    observed: measure('observed'),
    acceptanceLimit: measure('acceptance_limit'),
    unit: text('unit'),
    result: checkResult('result').notNull(),
    remarks: text('remarks'),
    performedBy: uuid('performed_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('intermediate_checks_equipment_idx').on(t.equipmentId, t.checkedOn)],
);
