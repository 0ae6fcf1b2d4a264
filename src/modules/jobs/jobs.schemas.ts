import { LAB_SERVICES } from '../agreements/index.js';
import { CHARACTERISTIC_TYPES, INSTRUMENT_SERVICES } from './domain/job-content.js';
import { JOB_ACTIONS, JOB_STATES } from './domain/job-lifecycle.js';
import { cancelExamples, characteristicsExamples, diameter, itemExamples, jobExamples, jobPageExamples, submitExamples } from './jobs.examples.js';
import { decimalPattern, limitSchema, offsetSchema, text } from '../../http/common-schemas.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const date = { type: 'string', format: 'date' } as const;
const decimal = { type: 'string', pattern: decimalPattern(9, 9), description: 'Exact decimal string (point, no exponent)' } as const;
const nullable = <T extends object>(schema: T) => ({ ...schema, nullable: true }) as const;
const reasonBody = (example: string) =>
  ({ type: 'object', additionalProperties: false, required: ['reason'], properties: { reason: { ...text(2000), example } }, example: { reason: example } }) as const;

const tolerance = {
  description: 'symmetric ±value; deviations from the nominal; limits; or one geometric tolerance value',
  oneOf: [
    { type: 'object', additionalProperties: false, required: ['kind', 'value'], properties: { kind: { type: 'string', enum: ['symmetric'] }, value: decimal } },
    { type: 'object', additionalProperties: false, required: ['kind', 'upper', 'lower'], properties: { kind: { type: 'string', enum: ['deviations'] }, upper: decimal, lower: decimal } },
    { type: 'object', additionalProperties: false, required: ['kind', 'lower', 'upper'], properties: { kind: { type: 'string', enum: ['limits'] }, lower: decimal, upper: decimal } },
    { type: 'object', additionalProperties: false, required: ['kind', 'value'], properties: { kind: { type: 'string', enum: ['geometric'] }, value: decimal } },
  ],
} as const;

export const characteristic = {
  type: 'object',
  additionalProperties: false,
  required: ['identifier', 'type', 'unit', 'tolerance'],
  properties: {
    identifier: { ...text(50), description: 'Balloon number or identifier on the drawing', example: '12' },
    type: { type: 'string', enum: CHARACTERISTIC_TYPES },
    nominal: { ...decimal, description: 'Required for sizes (length, diameter, distance, angle) unless toleranced by limits' },
    unit: { ...text(10), example: 'mm' },
    tolerance,
    datums: { type: 'array', maxItems: 3, items: text(10), description: 'Datum references of a geometric tolerance, in order' },
    notes: text(2000),
  },
  example: diameter,
} as const;

const instrument = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'measuringRange', 'service'],
  properties: {
    type: { ...text(200), example: 'Outside micrometer' },
    manufacturer: text(200),
    model: text(200),
    serialNumber: text(100),
    measuringRange: {
      type: 'object',
      additionalProperties: false,
      required: ['lower', 'upper', 'unit'],
      properties: { lower: decimal, upper: decimal, unit: text(10) },
    },
    resolution: { ...decimal, description: 'In the unit of the measuring range' },
    mpe: { ...text(200), description: 'Maximum permissible error where known, as stated', example: '±2 µm' },
    service: { type: 'string', enum: INSTRUMENT_SERVICES, description: 'inspection compares displayed and measured values only (no uncertainty statement)' },
  },
} as const;

export const itemBody = {
  type: 'object',
  additionalProperties: false,
  required: ['description'],
  properties: {
    description: { ...text(500), example: 'Shaft 40-123, rev. C' },
    characteristics: { type: 'array', maxItems: 500, items: characteristic, description: 'Products and reference pieces' },
    instrument: { ...instrument, description: 'Instrument calibration jobs' },
    testPieceId: { ...uuid, description: "Reference measurements: a piece of the test pieces catalogue; its characteristics are copied into the item (leave out 'characteristics')" },
    machineToolId: { ...uuid, description: "Manufacturing reference measurements: the company's machine tool that machined the piece (needs testPieceId of a NAS, BAS or lab-modelled piece, and manufacturedOn)" },
    serialNumber: { ...text(100), description: "Reference measurements: the piece's serial or marking" },
    manufacturedOn: { ...date, description: 'Manufacturing reference measurements: the day the piece was machined (the machine tool trend is by this day)' },
  },
  examples: itemExamples,
} as const;

export const createJobBody = {
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: {
    companyId: { ...uuid, description: 'Staff: the customer; customers: omit (always their own company)' },
    kind: { type: 'string', enum: LAB_SERVICES },
    agreementId: { ...uuid, description: 'The agreement to work under; default: an agreement in force covering the kind (annual first)' },
    customerReference: { ...text(200), example: 'PO 4500123' },
    notes: text(2000),
    items: { type: 'array', maxItems: 200, items: itemBody },
  },
  examples: submitExamples,
} as const;

export const characteristicsBody = {
  type: 'object',
  additionalProperties: false,
  required: ['characteristics'],
  properties: { characteristics: { type: 'array', minItems: 1, maxItems: 500, items: characteristic } },
  examples: characteristicsExamples,
} as const;

export const acceptBody = {
  type: 'object',
  additionalProperties: false,
  required: ['method', 'price', 'deliveryDate'],
  properties: {
    method: { ...text(500), description: 'The method chosen in contract review', example: 'KTK-M-012 CMM measurement of prismatic parts' },
    price: { type: 'string', pattern: '^\\d{1,12}(\\.\\d{1,2})?$', description: 'Agreed net price, euros', example: '450.00' },
    deliveryDate: { ...date, example: '2026-12-18' },
  },
  example: { method: 'KTK-M-012 CMM measurement of prismatic parts', price: '450.00', deliveryDate: '2026-12-18' },
} as const;

export const receiveBody = {
  type: 'object',
  additionalProperties: false,
  required: ['receivedOn', 'condition'],
  properties: {
    receivedOn: date,
    condition: { ...text(500), description: 'Condition on receipt', example: 'Clean, no visible damage' },
    remarks: text(2000),
  },
  example: { receivedOn: '2026-12-01', condition: 'Clean, no visible damage', remarks: 'Delivered in the original case' },
} as const;

export const rejectBody = reasonBody('The requested flatness tolerance is below our capability');
export const cancelBody = { ...reasonBody('The customer no longer needs the measurement'), examples: cancelExamples } as const;
export const returnBody = reasonBody('Temperature record missing for the second run');

/** A characteristic as answers show it (also the QIF import's answer). */
export const characteristicOut = {
  type: 'object',
  required: ['id', 'identifier', 'type', 'nominal', 'unit', 'tolerance', 'datums', 'notes', 'qifId'],
  properties: {
    id: uuid, identifier: { type: 'string' }, type: { type: 'string' }, nominal: nullable(decimal), unit: { type: 'string' }, tolerance, datums: { type: 'array', items: { type: 'string' } }, notes: nullable({ type: 'string' }),
    qifId: nullable({ type: 'string', description: 'The QIF id (CharacteristicItem, else CharacteristicNominal) of a characteristic imported from QIF; QIF Results measurements are matched by it' }),
  },
} as const;

const itemOut = {
  type: 'object',
  required: ['id', 'lineNo', 'description', 'instrument', 'characteristics'],
  properties: {
    id: uuid, lineNo: { type: 'integer' }, description: { type: 'string' }, instrument: nullable(instrument), characteristics: { type: 'array', items: characteristicOut },
    referencePiece: nullable({
      type: 'object',
      description: 'Reference measurements: the catalogue piece picked, the machine tool that machined it, its serial and manufacturing day',
      required: ['testPieceId', 'machineToolId', 'serialNumber', 'manufacturedOn'],
      properties: { testPieceId: nullable(uuid), machineToolId: nullable(uuid), serialNumber: nullable({ type: 'string' }), manufacturedOn: nullable(date) },
    }),
  },
} as const;

export const jobSchema = {
  type: 'object',
  required: ['id', 'number', 'companyId', 'kind', 'status', 'agreementId', 'customerReference', 'notes', 'submittedBy', 'contractReview', 'receipt', 'statusReason', 'allowedActions', 'createdAt', 'updatedAt', 'items'],
  properties: {
    id: uuid,
    number: { type: 'string', example: 'T-2026-00042' },
    companyId: uuid,
    kind: { type: 'string', enum: LAB_SERVICES },
    status: { type: 'string', enum: JOB_STATES },
    agreementId: uuid,
    customerReference: nullable({ type: 'string' }),
    notes: nullable({ type: 'string' }),
    submittedBy: uuid,
    contractReview: nullable({
      type: 'object',
      required: ['method', 'decisionRule', 'decisionRuleNotes', 'price', 'deliveryDate', 'reviewedBy', 'reviewedAt'],
      properties: { method: { type: 'string' }, decisionRule: { type: 'string' }, decisionRuleNotes: nullable({ type: 'string' }), price: { type: 'string' }, deliveryDate: date, reviewedBy: uuid, reviewedAt: { type: 'string', format: 'date-time' } },
    }),
    receipt: nullable({ type: 'object', required: ['receivedOn', 'condition', 'remarks'], properties: { receivedOn: date, condition: { type: 'string' }, remarks: nullable({ type: 'string' }) } }),
    statusReason: nullable({ type: 'string', description: 'Reason of the latest rejection, cancellation or return to measurement' }),
    allowedActions: { type: 'array', items: { type: 'string', enum: JOB_ACTIONS }, description: 'What you may do next with this job' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    items: { type: 'array', items: itemOut },
  },
  examples: jobExamples,
} as const;

export const jobPage = {
  type: 'object',
  required: ['items', 'total', 'limit', 'offset'],
  properties: { items: { type: 'array', items: jobSchema }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
  examples: jobPageExamples,
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: JOB_STATES },
    kind: { type: 'string', enum: LAB_SERVICES },
    companyId: uuid,
    submittedFrom: { ...date, description: 'Submitted on or after this day (Finnish time)' },
    submittedTo: { ...date, description: 'Submitted on or before this day (Finnish time)' },
    limit: limitSchema(20, 100),
    offset: offsetSchema,
  },
} as const;

export const itemParams = { type: 'object', additionalProperties: false, required: ['id', 'itemId'], properties: { id: uuid, itemId: uuid } } as const;
export { idParams } from '../../http/common-schemas.js';
