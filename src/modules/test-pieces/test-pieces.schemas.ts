import { characteristicBodySchema, characteristicResponseSchema } from '../jobs/index.js';
import { TEST_PIECE_KINDS } from './domain/test-piece-kinds.js';
import { pieceExamples, pieceListExamples } from './test-pieces.examples.js';
import { text } from '../../http/common-schemas.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const date = { type: 'string', format: 'date' } as const;
const decimal = characteristicBodySchema.properties.nominal.pattern;
const positive = { type: 'string', pattern: decimal, description: 'Exact decimal string' } as const;
const nullable = <T extends object>(schema: T) => ({ ...schema, nullable: true }) as const;

const known = {
  type: 'object',
  additionalProperties: false,
  required: ['value', 'expandedUncertainty'],
  description: "Lab reference pieces: the calibrated value in the characteristic's unit, its expanded uncertainty and coverage factor (default 2)",
  properties: { value: positive, expandedUncertainty: positive, coverageFactor: positive },
} as const;

const calibration = {
  type: 'object',
  additionalProperties: false,
  required: ['certificate', 'calibratedOn'],
  description: "Lab reference pieces: the calibration certificate of the known values",
  properties: { certificate: { ...text(200), example: 'MIKES K012345' }, calibratedOn: date },
} as const;

const pieceCharacteristic = {
  ...characteristicBodySchema,
  properties: { ...characteristicBodySchema.properties, known },
} as const;

const characteristics = { type: 'array', minItems: 1, maxItems: 500, items: pieceCharacteristic } as const;

const nasExample = {
  code: 'NAS979-A',
  name: 'NAS 979 circle-diamond-square test piece, 5-axis',
  kind: 'nas',
  drawingReference: 'NAS 979 fig. 1, rev. 2',
  programReference: 'CMM program NAS979_A.dmi',
  characteristics: [
    { identifier: 'D1', type: 'diameter', nominal: '108', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.02' } },
    { identifier: 'F1', type: 'flatness', unit: 'mm', tolerance: { kind: 'geometric', value: '0.01' } },
  ],
};

export const createPieceBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'kind', 'characteristics'],
  properties: {
    code: { ...text(50), description: "The lab's identifier of the piece or piece type" },
    name: text(200),
    kind: { type: 'string', enum: TEST_PIECE_KINDS, description: "nas, bas, lab_modelled: machined by the company; lab_reference: the lab's own calibrated piece" },
    drawingReference: text(500),
    programReference: { ...text(500), description: 'The measuring program the lab runs for the piece' },
    notes: text(2000),
    calibration,
    characteristics,
  },
  example: nasExample,
} as const;

export const updatePieceBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: text(200),
    drawingReference: nullable(text(500)),
    programReference: nullable(text(500)),
    notes: nullable(text(2000)),
    active: { type: 'boolean', description: 'false withdraws the piece: jobs can no longer pick it' },
    calibration: nullable(calibration),
    characteristics: { ...characteristics, description: 'Replaces the whole list; jobs that picked the piece keep their copies' },
  },
  example: { programReference: 'CMM program NAS979_A_v2.dmi' },
} as const;

const characteristicOut = {
  type: 'object',
  required: ['id', 'identifier', 'type', 'nominal', 'unit', 'tolerance', 'datums', 'notes'],
  properties: {
    ...Object.fromEntries(Object.entries(characteristicResponseSchema.properties).filter(([key]) => key !== 'qifId')),
    known: nullable({ ...known, description: 'Staff only: the calibrated value of a lab reference piece' }),
  },
} as const;

export const pieceSchema = {
  type: 'object',
  required: ['id', 'code', 'name', 'kind', 'drawingReference', 'programReference', 'notes', 'active', 'revision', 'characteristics', 'createdAt', 'updatedAt'],
  properties: {
    id: uuid,
    code: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: TEST_PIECE_KINDS },
    drawingReference: nullable({ type: 'string' }),
    programReference: nullable({ type: 'string' }),
    notes: nullable({ type: 'string' }),
    active: { type: 'boolean' },
    revision: { type: 'integer', description: 'Counts the changes of the piece' },
    calibration: nullable({ ...calibration, description: 'Staff only: the calibration of a lab reference piece' }),
    characteristics: { type: 'array', items: characteristicOut },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
  examples: pieceExamples,
} as const;

export const pieceList = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: pieceSchema } }, examples: pieceListExamples } as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { kind: { type: 'string', enum: TEST_PIECE_KINDS }, active: { type: 'boolean', description: 'Staff: filter by active; customers always see the active pieces' } },
} as const;

export { idParams } from '../../http/common-schemas.js';
