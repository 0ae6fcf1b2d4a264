import { MAX_READINGS_PER_RESULT } from './domain/result-input.js';
import { customerJobResultsExamples } from './results.examples.js';
import { text, MEASURED_PATTERN } from '../../http/common-schemas.js';

const decimal = { type: 'string', pattern: MEASURED_PATTERN, description: 'An exact decimal as text, decimal point, kept as typed (e.g. "25.0110")' } as const;

export { idParams } from '../../http/common-schemas.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const nText = { type: 'string', nullable: true } as const;
const nDecimal = { ...decimal, nullable: true } as const;
const obj = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({ type: 'object', required, properties }) as const;
const unit = { ...text(20), description: 'Length: m, mm, µm (or um), nm, in; angle: deg (°), rad, mrad, µrad, arcmin, arcsec. A reading fits a characteristic of the same dimension.' } as const;

const resultFields = {
  characteristicId: { ...uuid, description: "The job item's characteristic measured (products and reference pieces)" },
  calibrationPoint: {
    type: 'object',
    additionalProperties: false,
    required: ['nominal', 'unit'],
    description: 'Instruments: the calibration point (reference value); readings are the displayed values',
    properties: { nominal: decimal, unit },
  },
  methodVersionId: uuid,
  equipmentIds: { type: 'array', minItems: 1, maxItems: 50, uniqueItems: true, items: uuid },
  measuredAt: { type: 'string', format: 'date-time', description: 'When it was measured, with a UTC offset: not in the future, not before the lab day the items were received' },
  environment: { type: 'object', additionalProperties: false, properties: { temperature: { ...decimal, description: '°C' }, humidity: { ...decimal, description: '%RH' } } },
  readings: {
    type: 'array',
    minItems: 1,
    maxItems: MAX_READINGS_PER_RESULT,
    items: { type: 'object', additionalProperties: false, required: ['value', 'unit'], properties: { value: decimal, unit } },
  },
  deviation: {
    type: 'object',
    additionalProperties: false,
    required: ['justification'],
    description: "Environment outside the method's limits, recorded on purpose; flagged for the report",
    properties: { justification: text(2000) },
  },
  remarks: { ...text(2000), nullable: true },
} as const;
const required = ['methodVersionId', 'equipmentIds', 'measuredAt', 'environment', 'readings'];
const example = {
  characteristicId: '5b0c1f0e-8d1a-4b55-9a39-1f7a0c2e9d11',
  methodVersionId: '0f6c2b7e-3c1d-4a8e-9b2f-6d5e4c3b2a10',
  equipmentIds: ['9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'],
  measuredAt: '2026-03-02T09:15:00+02:00',
  environment: { temperature: '20.2', humidity: '45' },
  readings: [
    { value: '25.0112', unit: 'mm' },
    { value: '25.0110', unit: 'mm' },
  ],
  remarks: 'Measured at three heights, mean of two repeats',
};

export const resultBody = { type: 'object', additionalProperties: false, required, properties: resultFields, example } as const;

export const correctionBody = {
  type: 'object',
  additionalProperties: false,
  required: [...required, 'reason'],
  properties: { ...resultFields, reason: text(1000) },
  example: { ...example, readings: [{ value: '25.0121', unit: 'mm' }], reason: 'Second repeat was typed with digits swapped' },
} as const;

export const releaseBody = { type: 'object', additionalProperties: false, properties: { remarks: { ...text(2000), nullable: true } }, example: { remarks: 'Checked against the drawing' } } as const;

const violation = obj({
  quantity: { type: 'string', enum: ['temperature', 'humidity'] },
  reading: nDecimal,
  lower: decimal,
  upper: decimal,
  kind: { type: 'string', enum: ['below', 'above', 'missing'] },
});

/** The measurement itself (results.presenter `measurement`), the same for staff and customers. */
const measurementOut = {
  calibrationPoint: { ...obj({ nominal: decimal, unit: { type: 'string' } }), nullable: true },
  measuredAt: { type: 'string', format: 'date-time' },
  environment: obj({ temperature: nDecimal, humidity: nDecimal }),
  deviation: { ...obj({ justification: { type: 'string' }, violations: { type: 'array', items: violation } }), nullable: true },
  readings: { type: 'array', items: obj({ repeat: { type: 'integer' }, value: decimal, unit: { type: 'string' } }) },
} as const;

/** The correction chain: `current` is false once a correction replaced the result. */
const chainOut = {
  correctsId: { ...uuid, nullable: true },
  correctionReason: nText,
  correctedById: { ...uuid, nullable: true },
  current: { type: 'boolean' },
} as const;

export const resultSchema = obj({
  id: uuid,
  jobId: uuid,
  itemId: uuid,
  characteristicId: { ...uuid, nullable: true },
  methodVersionId: uuid,
  equipmentIds: { type: 'array', items: uuid },
  ...measurementOut,
  remarks: nText,
  ...chainOut,
  recordedBy: uuid,
  createdAt: { type: 'string', format: 'date-time' },
});

export const itemResultsSchema = obj({
  itemId: uuid,
  release: { ...obj({ id: uuid, reviewedBy: uuid, releasedAt: { type: 'string', format: 'date-time' }, remarks: nText }), nullable: true },
  items: { type: 'array', items: resultSchema },
});

/** A released result as the customer sees it (results.customer-presenter): no authors, equipment, method version ids or working remarks. */
const quantity = obj({ value: decimal, unit: { type: 'string' } });
/** The summary every document and this view show of a released result (certificates' `summarizeResult`). */
const resultSummary = {
  type: 'object',
  nullable: true,
  description: 'Null for a corrected (not current) result. Mean of the readings, deviation from nominal or error of indication, expanded uncertainty and conformity decision, as the certificate or report states them',
  required: ['mean', 'value', 'deviation', 'referenceValue', 'uncertainty', 'conformity', 'accredited'],
  properties: {
    mean: { ...quantity, description: 'The mean of the readings (or the single reading)' },
    value: { ...quantity, description: 'The value reported: the stored evaluation rounded to the last digit of U, else the mean' },
    referenceValue: { ...quantity, nullable: true, description: 'Calibration point: the reference value' },
    deviation: { ...quantity, nullable: true, description: 'value - nominal; for a calibration point the error of indication (indication - reference)' },
    uncertainty: {
      type: 'object',
      nullable: true,
      required: ['expanded', 'unit', 'coverageFactor', 'coverageProbability', 'method', 'effectiveDof', 'interval'],
      properties: {
        expanded: decimal,
        unit: { type: 'string' },
        coverageFactor: { type: 'number', nullable: true, description: 'Null for a Monte Carlo interval' },
        coverageProbability: { type: 'number' },
        method: { type: 'string', enum: ['gum', 'mcm'] },
        effectiveDof: { type: 'number', nullable: true },
        interval: { type: 'array', nullable: true, items: decimal, minItems: 2, maxItems: 2, description: 'End points of an asymmetric Monte Carlo interval' },
      },
    },
    conformity: {
      type: 'object',
      nullable: true,
      required: ['decision', 'rule', 'probabilityOfConformity', 'basis'],
      properties: {
        decision: { type: 'string', enum: ['pass', 'conditionalPass', 'conditionalFail', 'fail'] },
        rule: { type: 'string' },
        probabilityOfConformity: { type: 'number', nullable: true },
        basis: { type: 'string', enum: ['tolerance', 'mpe'] },
      },
    },
    accredited: { type: 'boolean', description: 'Measured by an accredited method version' },
  },
} as const;

const customerResult = obj({
  id: uuid,
  summary: resultSummary,
  characteristic: { ...obj({ id: uuid, identifier: { type: 'string', description: 'Balloon number on the drawing' } }), nullable: true },
  ...measurementOut,
  ...chainOut,
});

export const customerJobResultsSchema = {
  ...obj({
    jobId: uuid,
    number: { type: 'string' },
    status: { type: 'string' },
    items: {
      type: 'array',
      items: obj({
        itemId: uuid,
        lineNo: { type: 'integer' },
        description: { type: 'string' },
        state: { type: 'string', enum: ['released', 'pending'], description: 'pending: not yet released by the lab; no values are shown' },
        releasedAt: { type: 'string', format: 'date-time', nullable: true },
        results: { type: 'array', items: customerResult },
      }),
    },
  }),
  examples: customerJobResultsExamples,
} as const;
