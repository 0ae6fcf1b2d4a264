/**
 * JSON schemas of the budget templates and of their evaluations for results (OpenAPI 3.0.3
 * dialect, as in uncertainty.schemas.ts). Budgets are validated further on save by the engine.
 */
import { uuidSchema as uuid, text as sharedText, MEASURED_PATTERN } from '../../http/common-schemas.js';
import { EQUIPMENT_TYPES } from '../equipment/index.js';
import { conformityResponse } from './analysis.schemas.js';
import { branch, correlationsSchema, distributionSchema, evaluationBody, evaluationResponse, mcmOptionsSchema } from './uncertainty.schemas.js';

const text = (max: number, description?: string) => ({ ...sharedText(max), ...(description ? { description } : {}) }) as const;
const decimal = { type: 'string', pattern: MEASURED_PATTERN, description: 'An exact decimal as text' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const free = (description: string) => ({ type: 'object', additionalProperties: true, description });
const list = (items: unknown) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items } } });

const sourceSchema = {
  description: 'Where the input takes its value from when the budget is evaluated for a logged result, chosen by `type`.',
  oneOf: [
    branch('fixed', 'A stated Type B distribution, the same for every result.', {
      estimate: { type: 'number' },
      distribution: distributionSchema,
      dof: { type: 'number', description: 'Degrees of freedom of u (default infinite)' },
      relativeUncertaintyOfU: { type: 'number' },
    }, ['distribution']),
    branch('readings', "Type A from the result's raw readings (their unit must be the input's): mean, s / sqrt(n) with n - 1 dof, or a pooled s with its dof.", {
      pooledStandardDeviation: { type: 'number', minimum: 0 },
      pooledDof: { type: 'number', minimum: 1 },
    }),
    branch('equipment', 'The calibration in force on the measurement day of the one item of this type used for the result: normal with the certified U and k. None or several such items refuse the evaluation. `quantity` picks the certified value when the certificate states several; else the value whose nominal equals the result\'s nominal.', {
      equipmentType: { type: 'string', enum: EQUIPMENT_TYPES },
      quantity: text(200, 'The certified quantity, as on the calibration record'),
      estimateFrom: { type: 'string', enum: ['certifiedValue', 'deviationFromNominal', 'zero'], description: 'certifiedValue: x = the value (a standard); deviationFromNominal: x = value - nominal; zero: x = 0, only its uncertainty (e.g. an instrument error not corrected).' },
    }, ['equipmentType', 'estimateFrom']),
    branch('environment', "The result's temperature (°C) or humidity (%RH) minus `reference`, with a distribution centred on it (normal, studentT or a half-width).", {
      quantity: { type: 'string', enum: ['temperature', 'humidity'] },
      reference: { ...decimal, description: 'Subtracted from the reading, e.g. "20" for the deviation from 20 °C' },
      distribution: distributionSchema,
    }, ['quantity', 'distribution']),
    branch('nominal', "The characteristic's nominal or the instrument's calibration point, taken as exact.", {}),
  ],
};

const budgetInput = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'unit', 'description', 'source'],
  properties: {
    name: { ...text(100), description: 'Identifier used in the model' },
    unit: text(50),
    description: text(500),
    source: sourceSchema,
  },
};

const contentFields = {
  model: { ...text(10_000), description: 'The model expression Y = f(X1, ..., XN) over the input names (the language of POST /uncertainty/evaluations).' },
  output: { type: 'object', additionalProperties: false, required: ['name', 'unit'], properties: { name: text(100), unit: text(50) }, description: 'The measurand: its name and unit' },
  inputs: { type: 'array', minItems: 1, maxItems: 200, items: budgetInput },
  correlations: correlationsSchema,
  coverageProbability: { type: 'number', minimum: 0, maximum: 1, description: 'Default 0.9545 (k = 2 for a normal output)' },
  changeNote: { ...text(2000), nullable: true },
};

const example = {
  model: 'R + d_mic - L0 * alpha * dT',
  output: { name: 'L', unit: 'mm' },
  inputs: [
    { name: 'R', unit: 'mm', description: 'Mean of the readings', source: { type: 'readings' } },
    { name: 'd_mic', unit: 'mm', description: 'Indication error of the micrometer (not corrected)', source: { type: 'equipment', equipmentType: 'micrometer', estimateFrom: 'zero' } },
    { name: 'L0', unit: 'mm', description: 'Nominal length', source: { type: 'nominal' } },
    { name: 'alpha', unit: '1/K', description: 'Expansion coefficient of steel', source: { type: 'fixed', estimate: 11.5e-6, distribution: { type: 'rectangular', halfWidth: 1e-6 } } },
    { name: 'dT', unit: 'K', description: 'Deviation from 20 °C', source: { type: 'environment', quantity: 'temperature', reference: '20', distribution: { type: 'rectangular', halfWidth: 0.5 } } },
  ],
};

export const createBudgetBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'title', 'model', 'output', 'inputs'],
  properties: { code: { ...text(100), description: "The code method versions name in 'uncertaintyBudgetTemplateId'" }, title: text(300), ...contentFields },
  example: { code: 'MIC-UB-1', title: 'Outside diameter measured with a micrometer', ...example },
};

export const versionBody = { type: 'object', additionalProperties: false, properties: contentFields, example: { ...example, changeNote: 'Thermal expansion included' } };
export const updateDraftBody = { ...versionBody, minProperties: 1 };
export const releaseBody = { type: 'object', additionalProperties: false, properties: {} };
export const versionParams = { type: 'object', additionalProperties: false, required: ['id', 'versionId'], properties: { id: uuid, versionId: uuid } } as const;

const inputView = {
  type: 'object',
  required: ['name', 'unit', 'description', 'source'],
  properties: { name: { type: 'string' }, unit: { type: 'string' }, description: { type: 'string' }, source: free('As given: `type` and its parameters') },
};

export const versionSchema = {
  type: 'object',
  required: ['id', 'budgetId', 'code', 'versionNumber', 'state', 'supersededById', 'model', 'output', 'inputs', 'correlations', 'coverageProbability', 'warnings', 'changeNote', 'releasedAt', 'releasedBy', 'createdBy', 'createdAt'],
  properties: {
    id: uuid,
    budgetId: uuid,
    code: { type: 'string' },
    versionNumber: { type: 'integer' },
    state: { type: 'string', enum: ['draft', 'released', 'superseded'] },
    supersededById: { ...uuid, nullable: true },
    model: { type: 'string' },
    output: { type: 'object', required: ['name', 'unit'], properties: { name: { type: 'string' }, unit: { type: 'string' } } },
    inputs: { type: 'array', items: inputView },
    correlations: { type: 'array', items: { type: 'object', required: ['between', 'coefficient'], properties: { between: { type: 'array', items: { type: 'string' } }, coefficient: { type: 'number' } } } },
    coverageProbability: { type: 'number', nullable: true },
    warnings: { type: 'array', items: { type: 'string' }, description: 'Findings of the validation on save, e.g. inputs the model does not use' },
    changeNote: { type: 'string', nullable: true },
    releasedAt: { ...dateTime, nullable: true },
    releasedBy: { ...uuid, nullable: true },
    createdBy: uuid,
    createdAt: dateTime,
  },
};

export const budgetSchema = {
  type: 'object',
  required: ['id', 'code', 'title', 'createdAt', 'versions'],
  properties: { id: uuid, code: { type: 'string' }, title: { type: 'string' }, createdAt: dateTime, versions: { type: 'array', items: versionSchema } },
};
export const budgetList = list(budgetSchema);

// --- evaluations for results ----------------------------------------------------------------

export const evaluateBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    budgetVersionId: { ...uuid, description: "A released budget version; default the latest release of the budget the result's method version names" },
    method: { type: 'string', enum: ['gum', 'mcm', 'both'], description: "Default 'gum'; 'mcm' and 'both' run Monte Carlo in a worker thread" },
    secondOrder: { type: 'boolean' },
    mcm: mcmOptionsSchema,
  },
  example: { method: 'both', mcm: { trials: 200_000 } },
};

const storedConformity = {
  ...conformityResponse,
  required: [...conformityResponse.required, 'characteristic', 'limits', 'unit', 'decisionRule'],
  description: "The decision against the characteristic's tolerance under the job's decision rule (binary; guarded acceptance: w = U).",
  properties: {
    ...conformityResponse.properties,
    characteristic: { type: 'object', required: ['id', 'identifier'], properties: { id: uuid, identifier: { type: 'string' } } },
    limits: { type: 'object', properties: { lower: { type: 'string' }, upper: { type: 'string' } }, description: 'The tolerance limits as exact decimals' },
    unit: { type: 'string' },
    decisionRule: { type: 'string' },
  },
};

export const evaluationSchema = {
  type: 'object',
  required: ['id', 'resultId', 'budget', 'method', 'request', 'inputsUsed', 'outputs', 'warnings', 'conformity', 'engineVersion', 'evaluatedBy', 'createdAt'],
  properties: {
    id: uuid,
    resultId: uuid,
    budget: { type: 'object', required: ['id', 'code', 'versionId', 'versionNumber'], properties: { id: uuid, code: { type: 'string' }, versionId: uuid, versionNumber: { type: 'integer' } } },
    method: { type: 'string', enum: ['gum', 'mcm', 'both'] },
    request: { ...evaluationBody, description: 'The complete engine request as run (inputs resolved, Monte Carlo seed fixed): POST it to /uncertainty/evaluations to reproduce the outputs' },
    inputsUsed: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'unit', 'sourceType', 'from', 'engineInput'],
        properties: {
          name: { type: 'string' },
          unit: { type: 'string' },
          sourceType: { type: 'string', enum: ['fixed', 'readings', 'equipment', 'environment', 'nominal'] },
          from: free('Where the numbers came from, decimals as recorded: the readings, the calibration (certificate, certified value, U, k), the environmental reading'),
          engineInput: free("The input as given to the engine (one of the request's inputs)"),
        },
      },
    },
    outputs: evaluationResponse,
    warnings: { type: 'array', items: { type: 'string' } },
    conformity: { ...storedConformity, nullable: true },
    engineVersion: { type: 'string' },
    evaluatedBy: uuid,
    createdAt: dateTime,
  },
};
export const evaluationList = list(evaluationSchema);

export const rerunSchema = {
  type: 'object',
  required: ['evaluationId', 'identical', 'differences', 'storedEngineVersion', 'currentEngineVersion', 'outputs', 'conformity'],
  properties: {
    evaluationId: uuid,
    identical: { type: 'boolean', description: 'True when the re-run gives exactly the stored outputs and conformity decision' },
    differences: {
      type: 'array',
      items: { type: 'object', required: ['path', 'stored', 'rerun'], properties: { path: { type: 'string' }, stored: {}, rerun: {} } },
      description: 'Each value that differs, by JSON path (e.g. gum.expandedUncertainty)',
    },
    storedEngineVersion: { type: 'string' },
    currentEngineVersion: { type: 'string' },
    outputs: evaluationResponse,
    conformity: { ...storedConformity, nullable: true },
  },
};
