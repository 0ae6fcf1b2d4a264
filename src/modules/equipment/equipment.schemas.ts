import { EQUIPMENT_TYPES } from './equipment.tables.js';
import { nullableText, text, MEASURED_PATTERN } from '../../http/common-schemas.js';

export const decimal = { type: 'string', pattern: MEASURED_PATTERN, description: 'An exact decimal as text, decimal point (e.g. "0.05")' } as const;
const nDecimal = { ...decimal, nullable: true } as const;
export const day = { type: 'string', format: 'date' } as const;
const nDay = { ...day, nullable: true } as const;
const nText = nullableText;
const uuid = { type: 'string', format: 'uuid' } as const;
const nUuid = { ...uuid, nullable: true } as const;
const status = { type: 'string', enum: ['in_service', 'out_of_service', 'quarantined'] } as const;
const calibratorKind = { type: 'string', enum: ['internal', 'accredited_lab', 'nmi'] } as const;
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: 'object', required, properties }) as const;

export { idParams } from '../../http/common-schemas.js';
export const calibrationParams = { type: 'object', additionalProperties: false, required: ['id', 'calibrationId'], properties: { id: uuid, calibrationId: uuid } } as const;
export const atQuery = { type: 'object', additionalProperties: false, properties: { at: { ...day, description: 'As of this day (default today, Finnish time)' } } } as const;
export const sinceQuery = { type: 'object', additionalProperties: false, required: ['since'], properties: { since: day } } as const;

const usability = obj({
  at: day,
  usable: { type: 'boolean' },
  reasons: { type: 'array', items: { type: 'string', enum: ['out_of_service', 'quarantined', 'no_calibration', 'calibration_overdue', 'calibration_withdrawn', 'failed_intermediate_check'] } },
  status,
  calibration: obj({
    state: { type: 'string', enum: ['valid', 'overdue', 'withdrawn', 'none', 'not_required'] },
    calibrationId: nUuid,
    certificateNumber: { type: 'string', nullable: true },
    nextDueOn: nDay,
  }),
});

const equipmentFields = {
  code: text(40, 'KTK-MIC-012'),
  name: text(200, 'Ulkomikrometri 0-25 mm'),
  type: { type: 'string', enum: EQUIPMENT_TYPES },
  manufacturer: nText(200, 'Mitutoyo'),
  model: nText(200, '293-240-30'),
  serialNumber: nText(100, '71234567'),
  location: nText(200, 'Mittaushuone 1'),
  rangeLower: nDecimal,
  rangeUpper: nDecimal,
  resolution: nDecimal,
  unit: nText(20, 'mm'),
  calibrationIntervalMonths: { type: 'integer', minimum: 1, maximum: 240, nullable: true },
  requiresCalibration: { type: 'boolean' },
} as const;

export const equipmentSchema = obj({
  id: uuid,
  code: { type: 'string' },
  name: { type: 'string' },
  type: { type: 'string', enum: EQUIPMENT_TYPES },
  manufacturer: { type: 'string', nullable: true },
  model: { type: 'string', nullable: true },
  serialNumber: { type: 'string', nullable: true },
  location: { type: 'string', nullable: true },
  rangeLower: nDecimal,
  rangeUpper: nDecimal,
  resolution: nDecimal,
  unit: { type: 'string', nullable: true },
  calibrationIntervalMonths: { type: 'integer', nullable: true },
  requiresCalibration: { type: 'boolean' },
  status,
  usability,
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
});

export const createEquipmentBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'type'],
  properties: { ...equipmentFields, status, inServiceFrom: { ...day, description: 'When the initial status takes effect (default today)' } },
  example: { code: 'KTK-MIC-012', name: 'Ulkomikrometri 0-25 mm', type: 'micrometer', manufacturer: 'Mitutoyo', serialNumber: '71234567', rangeLower: '0', rangeUpper: '25', resolution: '0.001', unit: 'mm', calibrationIntervalMonths: 12 },
} as const;

export const updateEquipmentBody = { type: 'object', additionalProperties: false, minProperties: 1, properties: equipmentFields, example: { location: 'Mittaushuone 2' } } as const;

export const statusBody = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'reason'],
  properties: { status, effectiveOn: day, reason: text(1000) },
  example: { status: 'quarantined', effectiveOn: '2026-03-02', reason: 'Dropped on the floor; awaiting check' },
} as const;

const certifiedValue = {
  type: 'object',
  additionalProperties: false,
  required: ['quantity', 'value', 'unit', 'expandedUncertainty', 'coverageFactor'],
  properties: { quantity: text(200), nominal: nDecimal, value: decimal, unit: text(20), expandedUncertainty: decimal, coverageFactor: decimal },
} as const;

const calibrationFields = {
  certificateNumber: text(100, 'K008-24-1234'),
  calibratedOn: day,
  intervalMonths: { type: 'integer', minimum: 1, maximum: 240 },
  nextDueOn: { ...day, description: 'Default: calibratedOn plus the interval' },
  calibratedBy: {
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'name'],
    properties: { kind: calibratorKind, name: text(200), accreditationId: nText(40, 'FINAS K008') },
  },
  referenceEquipmentId: { ...nUuid, description: 'Internal calibrations: the standard used; its calibration in force that day is the reference' },
  externalTraceability: nText(500, 'National standard of length, VTT MIKES'),
  values: { type: 'array', maxItems: 500, items: certifiedValue },
  remarks: nText(2000),
} as const;
const calibrationExample = {
  certificateNumber: 'M-24-0042',
  calibratedOn: '2024-05-14',
  intervalMonths: 24,
  calibratedBy: { kind: 'nmi', name: 'VTT MIKES' },
  externalTraceability: 'National standard of length',
  values: [{ quantity: 'central length deviation, 25 mm', nominal: '25', value: '0.00012', unit: 'mm', expandedUncertainty: '0.00003', coverageFactor: '2' }],
};

export const calibrationBody = {
  type: 'object',
  additionalProperties: false,
  required: ['certificateNumber', 'calibratedOn', 'calibratedBy', 'values'],
  properties: calibrationFields,
  example: calibrationExample,
} as const;

export const correctionBody = {
  ...calibrationBody,
  required: [...calibrationBody.required, 'reason'],
  properties: { ...calibrationFields, reason: text(1000, 'Uncertainty of the 25 mm block was typed wrong') },
  example: { ...calibrationExample, reason: 'Uncertainty of the 25 mm block was typed wrong' },
} as const;

export const withdrawalBody = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'withdrawnOn', 'reason'],
  properties: { kind: { type: 'string', enum: ['withdrawn', 'out_of_tolerance'] }, withdrawnOn: day, reason: text(1000) },
  example: { kind: 'out_of_tolerance', withdrawnOn: '2026-02-10', reason: 'Found 0.4 µm out of tolerance at the intermediate check' },
} as const;

const valueSchema = obj({ quantity: { type: 'string' }, nominal: nDecimal, value: decimal, unit: { type: 'string' }, expandedUncertainty: decimal, coverageFactor: decimal });
const calibratedBySchema = obj({ kind: calibratorKind, name: { type: 'string' }, accreditationId: { type: 'string', nullable: true } });
const withdrawalInfo = obj({ kind: { type: 'string' }, withdrawnOn: day, reason: { type: 'string' } });

export const calibrationSchema = obj({
  id: uuid,
  equipmentId: uuid,
  certificateNumber: { type: 'string' },
  calibratedOn: day,
  intervalMonths: { type: 'integer' },
  nextDueOn: day,
  calibratedBy: calibratedBySchema,
  referenceCalibrationId: nUuid,
  referenceEquipmentId: nUuid,
  externalTraceability: { type: 'string', nullable: true },
  correctsId: nUuid,
  correctionReason: { type: 'string', nullable: true },
  correctedById: nUuid,
  withdrawal: { ...obj({ ...withdrawalInfo.properties, recordedBy: uuid }), nullable: true },
  values: { type: 'array', items: valueSchema },
  remarks: { type: 'string', nullable: true },
  recordedBy: uuid,
  createdAt: { type: 'string', format: 'date-time' },
});

export const checkBody = {
  type: 'object',
  additionalProperties: false,
  required: ['checkedOn', 'procedure'],
  properties: {
    checkedOn: day,
    procedure: text(500, 'Zero and 25 mm setting standard check'),
    checkStandardId: nUuid,
    expected: nDecimal,
    observed: nDecimal,
    acceptanceLimit: nDecimal,
    unit: nText(20),
    result: { type: 'string', enum: ['pass', 'fail'], description: 'Computed from expected, observed and acceptanceLimit (a contradicting value is refused); required for a check without figures' },
    remarks: nText(2000),
  },
  example: { checkedOn: '2026-03-02', procedure: 'Check with 25 mm setting standard', expected: '25.000', observed: '25.001', acceptanceLimit: '0.002', unit: 'mm' },
} as const;

export const checkSchema = obj({
  id: uuid,
  equipmentId: uuid,
  checkedOn: day,
  procedure: { type: 'string' },
  checkStandardId: nUuid,
  expected: nDecimal,
  observed: nDecimal,
  acceptanceLimit: nDecimal,
  unit: { type: 'string', nullable: true },
  result: { type: 'string', enum: ['pass', 'fail'] },
  remarks: { type: 'string', nullable: true },
  performedBy: uuid,
  createdAt: { type: 'string', format: 'date-time' },
});

const brief = obj({ id: uuid, code: { type: 'string', nullable: true }, name: { type: 'string', nullable: true }, type: { type: 'string', nullable: true } });

export const traceabilitySchema = obj({
  equipment: brief,
  at: day,
  complete: { type: 'boolean' },
  flagged: { type: 'boolean' },
  problems: { type: 'array', items: { type: 'string' } },
  terminatesAt: { ...obj({ kind: calibratorKind, name: { type: 'string' }, accreditationId: { type: 'string', nullable: true }, traceability: { type: 'string', nullable: true } }), nullable: true },
  links: {
    type: 'array',
    items: obj({
      depth: { type: 'integer' },
      equipment: brief,
      calibrationId: uuid,
      certificateNumber: { type: 'string' },
      calibratedOn: day,
      nextDueOn: day,
      calibratedBy: calibratedBySchema,
      externalTraceability: { type: 'string', nullable: true },
      maxExpandedUncertainty: nDecimal,
      uncertaintyUnit: { type: 'string', nullable: true },
      values: { type: 'array', items: valueSchema },
      reliedOn: day,
      overdue: { type: 'boolean' },
      withdrawn: { type: 'boolean' },
      corrected: { type: 'boolean' },
      withdrawal: { ...withdrawalInfo, nullable: true },
    }),
  },
});

export const impactSchema = obj({
  equipment: brief,
  since: day,
  failedChecks: {
    type: 'array',
    description: "The item's failed intermediate checks since the day",
    items: obj({ id: uuid, checkedOn: day, procedure: { type: 'string' }, expected: nDecimal, observed: nDecimal, acceptanceLimit: nDecimal, unit: { type: 'string', nullable: true } }),
  },
  calibrations: {
    type: 'array',
    items: obj({ calibrationId: uuid, certificateNumber: { type: 'string' }, calibratedOn: day, equipment: brief, depth: { type: 'integer' }, viaCalibrationId: nUuid }),
  },
  affectedEquipment: {
    type: 'array',
    items: obj({ ...brief.properties, windows: { type: 'array', items: obj({ calibrationId: nUuid, from: day, until: nDay }) } }),
  },
  records: {
    type: 'array',
    description: 'Records of the plugged-in sources (results, jobs, documents once those modules exist)',
    items: obj({ source: { type: 'string' }, kind: { type: 'string' }, id: { type: 'string' }, description: { type: 'string' }, date: nDay, equipmentId: nUuid }),
  },
});
