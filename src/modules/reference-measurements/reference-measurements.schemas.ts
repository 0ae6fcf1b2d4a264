import { characteristicBodySchema } from '../jobs/index.js';
import { TEST_PIECE_KINDS } from '../test-pieces/index.js';
import * as ex from './reference-measurements.examples.js';
import { text } from '../../http/common-schemas.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const date = { type: 'string', format: 'date' } as const;
const decimal = { type: 'string', pattern: characteristicBodySchema.properties.nominal.pattern, description: 'Exact decimal string (point, no exponent)' } as const;
const nullable = <T extends object>(schema: T) => ({ ...schema, nullable: true }) as const;
const str = { type: 'string' } as const;
const num = { type: 'number' } as const;

const measurement = {
  values: { type: 'array', minItems: 1, maxItems: 100, items: decimal, description: "The company's measured values (repeats), as typed; their mean is compared" },
  unit: { ...text(10), example: 'mm', description: "The unit of the values and of the uncertainty; converted into the characteristic's unit" },
  expandedUncertainty: { ...decimal, description: "The company's expanded uncertainty, when it has one" },
  coverageFactor: { ...decimal, description: 'Coverage factor of the expanded uncertainty (default 2)' },
  measuredOn: date,
  remarks: { ...text(2000), description: 'How the company measured: instrument, program, conditions' },
} as const;

export const companyResultBody = {
  type: 'object',
  additionalProperties: false,
  required: ['characteristicId', 'values', 'unit'],
  properties: { characteristicId: uuid, ...measurement },
  examples: ex.companyResultExamples,
} as const;

export const correctionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['values', 'unit', 'reason'],
  properties: { ...measurement, reason: { ...text(2000), description: 'Why the earlier result is corrected' } },
  examples: ex.correctionExamples,
} as const;

export const companyResultSchema = {
  type: 'object',
  required: ['id', 'jobId', 'itemId', 'characteristicId', 'values', 'unit', 'expandedUncertainty', 'coverageFactor', 'measuredOn', 'remarks', 'correctsId', 'correctionReason', 'correctedById', 'current', 'recordedBy', 'createdAt'],
  properties: {
    id: uuid, jobId: uuid, itemId: uuid, characteristicId: uuid,
    values: { type: 'array', items: decimal }, unit: str,
    expandedUncertainty: nullable(decimal), coverageFactor: nullable(decimal), measuredOn: nullable(date), remarks: nullable(str),
    correctsId: nullable(uuid), correctionReason: nullable(str),
    correctedById: nullable({ ...uuid, description: 'The result that corrected this one; then this one is no longer current' }),
    current: { type: 'boolean' }, recordedBy: uuid, createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

/** The answers to giving a company result and to correcting one. */
export const companyResultAnswer = { ...companyResultSchema, examples: ex.companyResultAnswerExamples } as const;
export const correctionAnswer = { ...companyResultSchema, examples: ex.correctionAnswerExamples } as const;

export const companyResultList = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: companyResultSchema } }, examples: ex.companyResultListExamples } as const;

export const statedUncertaintyBody = {
  type: 'object',
  additionalProperties: false,
  required: ['characteristicId', 'expandedUncertainty', 'basis'],
  properties: {
    characteristicId: uuid,
    expandedUncertainty: { ...decimal, description: "In the characteristic's unit" },
    coverageFactor: { ...decimal, description: 'Default 2' },
    basis: { ...text(2000), description: "Where the value comes from, e.g. the method's CMC or an uncertainty budget document" },
  },
  example: { characteristicId: '8b0d2f4a-5c7e-4f9b-8d3e-1b3d5f7b9d16', expandedUncertainty: '0.0018', coverageFactor: '2', basis: 'KTK-M-012 CMC for diameters up to 200 mm' },
} as const;

export const statedUncertaintySchema = {
  type: 'object',
  required: ['id', 'jobId', 'characteristicId', 'expandedUncertainty', 'coverageFactor', 'basis', 'recordedBy', 'createdAt'],
  properties: { id: uuid, jobId: uuid, characteristicId: uuid, expandedUncertainty: decimal, coverageFactor: decimal, basis: str, recordedBy: uuid, createdAt: { type: 'string', format: 'date-time' } },
} as const;

// OpenAPI 3.0: a nullable enum lists null among its values, or null answers do not fit it.
const verdict = nullable({ type: 'string', enum: ['satisfactory', 'questionable', 'unsatisfactory', null] });

export const comparisonSchema = {
  type: 'object',
  required: ['jobId', 'jobNumber', 'status', 'rows'],
  examples: ex.comparisonExamples,
  properties: {
    jobId: uuid,
    jobNumber: str,
    status: str,
    rows: {
      type: 'array',
      items: {
        type: 'object',
        required: ['itemId', 'itemLineNo', 'characteristicId', 'identifier', 'nominal', 'unit', 'company', 'lab', 'status', 'difference', 'en', 'zeta', 'verdict', 'zetaVerdict', 'requiredExpandedUncertainty'],
        properties: {
          itemId: uuid, itemLineNo: { type: 'integer' }, characteristicId: uuid, identifier: str, nominal: nullable(decimal),
          unit: { ...str, description: 'Every value and uncertainty of the row is in this unit (the characteristic’s)' },
          company: nullable({
            type: 'object',
            required: ['resultId', 'value', 'values', 'expandedUncertainty', 'coverageFactor'],
            properties: { resultId: uuid, value: nullable({ ...decimal, description: 'Mean of the current result’s values' }), values: { type: 'integer' }, expandedUncertainty: nullable(decimal), coverageFactor: nullable(num) },
          }),
          lab: nullable({
            type: 'object',
            description: 'Customers: only once the item’s results are released',
            required: ['resultId', 'value', 'readings', 'released', 'expandedUncertainty', 'coverageFactor', 'uncertaintySource'],
            properties: {
              resultId: uuid, value: nullable({ ...decimal, description: 'Mean of the readings of the current result' }), readings: { type: 'integer' }, released: { type: 'boolean' },
              expandedUncertainty: nullable(decimal), coverageFactor: nullable(num),
              uncertaintySource: nullable({ type: 'string', enum: ['evaluation', 'stated', null], description: 'The latest stored uncertainty evaluation of the result, else the latest uncertainty staff stated' }),
            },
          }),
          status: { type: 'string', enum: ['compared', 'company_uncertainty_missing', 'lab_uncertainty_missing', 'company_result_missing', 'lab_result_pending', 'not_comparable'] },
          difference: nullable({ ...decimal, description: 'Company minus lab' }),
          en: nullable({ ...num, description: 'E_n = (x_company - x_lab) / sqrt(U_company² + U_lab²)' }),
          zeta: nullable({ ...num, description: 'zeta = (x_company - x_lab) / sqrt(u_company² + u_lab²), u = U/k' }),
          verdict: nullable({ type: 'string', enum: ['satisfactory', 'unsatisfactory', null], description: '|En| ≤ 1 satisfactory' }),
          zetaVerdict: verdict,
          requiredExpandedUncertainty: nullable({ ...num, description: 'When the company gave no uncertainty: the smallest expanded uncertainty giving |En| ≤ 1' }),
        },
      },
    },
  },
} as const;

const trendLine = {
  type: 'object',
  required: ['method', 'driftPerYear', 'driftStandardUncertainty', 'intercept', 'residualStandardDeviation', 'degreesOfFreedom', 'uncertaintyBasis'],
  properties: {
    method: { type: 'string', enum: ['weighted', 'ordinary'] },
    driftPerYear: { ...num, description: 'Change of the deviation per Julian year, in the unit of the series' },
    driftStandardUncertainty: nullable(num),
    intercept: { ...num, description: 'Fitted deviation at the reference date (the earliest piece)' },
    residualStandardDeviation: nullable(num),
    degreesOfFreedom: { type: 'integer' },
    birgeRatio: num,
    uncertaintyBasis: { type: 'string', enum: ['residualScatter', 'measurementUncertainty', 'none'] },
  },
} as const;

export const trendSchema = {
  type: 'object',
  required: ['machineTool', 'series'],
  examples: ex.trendExamples,
  properties: {
    machineTool: { type: 'object', required: ['id', 'companyId', 'name'], properties: { id: uuid, companyId: uuid, name: str } },
    series: {
      type: 'array',
      items: {
        type: 'object',
        required: ['testPiece', 'pieces', 'characteristics'],
        properties: {
          testPiece: { type: 'object', required: ['id', 'code', 'name', 'kind'], properties: { id: uuid, code: str, name: str, kind: { type: 'string', enum: TEST_PIECE_KINDS } } },
          pieces: {
            type: 'array',
            items: { type: 'object', required: ['itemId', 'jobId', 'jobNumber', 'serialNumber', 'manufacturedOn', 'released'], properties: { itemId: uuid, jobId: uuid, jobNumber: str, serialNumber: nullable(str), manufacturedOn: date, released: { type: 'boolean' } } },
          },
          characteristics: {
            type: 'array',
            items: {
              type: 'object',
              required: ['identifier', 'unit', 'points', 'analysis'],
              properties: {
                identifier: str,
                unit: str,
                points: {
                  type: 'array',
                  items: { type: 'object', required: ['itemId', 'manufacturedOn', 'nominal', 'measured', 'deviation', 'standardUncertainty'], properties: { itemId: uuid, manufacturedOn: date, nominal: decimal, measured: decimal, deviation: decimal, standardUncertainty: nullable(num) } },
                },
                analysis: {
                  type: 'object',
                  required: ['n', 'referenceDate', 'trend', 'notes'],
                  properties: { n: { type: 'integer' }, referenceDate: nullable(date), trend: nullable(trendLine), noTrendReason: { type: 'string', enum: ['tooFewPoints', 'singleDate'] }, notes: { type: 'array', items: str } },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

export const trendQuery = { type: 'object', additionalProperties: false, properties: { testPieceId: { ...uuid, description: 'Only the pieces of this catalogue piece type' } } } as const;

export { idParams } from '../../http/common-schemas.js';
