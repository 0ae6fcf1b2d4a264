/**
 * JSON schemas of the conformity, comparison, trend and gauge R&R endpoints (OpenAPI 3.0.3
 * dialect, as in uncertainty.schemas.ts). Response schemas list every field: the serializer
 * drops what they do not name.
 */
import { evaluationBody } from './uncertainty.schemas.js';
import { text } from '../../http/common-schemas.js';

const number = (description: string, extra: Record<string, unknown> = {}) => ({ type: 'number', description, ...extra });
const localized = { type: 'object', required: ['en', 'fi'], properties: { en: { type: 'string' }, fi: { type: 'string' } } };
const limits = (description: string) => ({
  type: 'object',
  additionalProperties: false,
  description,
  properties: { lower: { type: 'number' }, upper: { type: 'number' } },
});

// --- conformity ---------------------------------------------------------------------------

export const conformityBody = {
  type: 'object',
  additionalProperties: false,
  required: ['tolerance', 'rule', 'decisionType'],
  description: "Give the measured value y with its uncertainty, or a measurement model in 'evaluation', or the id of a stored evaluation in 'evaluationId'. With a model, y and U are those the evaluation reports, and a Monte Carlo run ('mcm' or 'both') also gives p_c as the fraction of its sample inside the tolerance.",
  properties: {
    measuredValue: number('Measured value y'),
    evaluation: { ...evaluationBody, description: 'A model to evaluate (as POST /uncertainty/evaluations); y and U come from it.' },
    evaluationId: { type: 'string', format: 'uuid', description: "A stored evaluation of a result: its request is run again (same seed) with this tolerance." },
    standardUncertainty: number('u(y); give u, or U (with k, default 2), or both consistently.'),
    expandedUncertainty: number('U(y)'),
    coverageFactor: number('k of U (default 2)'),
    tolerance: limits('Specification limits: both for a two-sided tolerance, one for a one-sided one (a geometric tolerance is { upper: t }).'),
    rule: {
      type: 'object',
      additionalProperties: false,
      required: ['kind'],
      description: 'Decision rule, as agreed with the customer (ILAC-G8:09/2019).',
      properties: {
        kind: { type: 'string', enum: ['simple', 'guarded'], description: 'simple: w = 0; guarded: w = r U' },
        guardBandFactor: number('r in w = r U for a guarded rule (default 1).', { minimum: 0 }),
      },
    },
    decisionType: { type: 'string', enum: ['binary', 'nonBinary'], description: 'binary: pass / fail; nonBinary adds conditional pass / conditional fail inside the guard bands.' },
  },
  example: { measuredValue: 10.012, expandedUncertainty: 0.004, coverageFactor: 2, tolerance: { lower: 9.985, upper: 10.015 }, rule: { kind: 'guarded', guardBandFactor: 1 }, decisionType: 'nonBinary' },
};

export const conformityResponse = {
  type: 'object',
  required: ['decision', 'accepted', 'toleranceLimits', 'acceptanceLimits', 'guardBand', 'standardUncertainty', 'expandedUncertainty', 'coverageFactor', 'probabilityOfConformity', 'probabilityBasis', 'specificRisk', 'ruleDescription', 'statement', 'decisionText', 'riskText'],
  properties: {
    decision: { type: 'string', enum: ['pass', 'conditionalPass', 'conditionalFail', 'fail'] },
    accepted: { type: 'boolean', description: 'True for pass and conditional pass' },
    toleranceLimits: limits('Tolerance limits'),
    acceptanceLimits: limits('Acceptance limits: tolerance limits moved inwards by the guard band'),
    guardBand: number('w'),
    standardUncertainty: { type: 'number' },
    expandedUncertainty: { type: 'number' },
    coverageFactor: { type: 'number' },
    probabilityOfConformity: number('p_c used for the specific risk: from the Monte Carlo sample when there is one, else for a normal measurement PDF (JCGM 106)'),
    probabilityBasis: { type: 'string', enum: ['normal', 'monteCarlo'] },
    probabilityOfConformityNormal: number('p_c for a normal PDF with y and u'),
    probabilityOfConformityMonteCarlo: number('p_c as the fraction of the Monte Carlo sample inside the tolerance (only with a Monte Carlo evaluation)'),
    evaluation: {
      type: 'object',
      description: "With 'evaluation' or 'evaluationId': how y and U were obtained.",
      required: ['engineVersion', 'reportedMethod', 'monteCarlo'],
      properties: {
        engineVersion: { type: 'string' },
        reportedMethod: { type: 'string', enum: ['gum', 'mcm'], description: 'Whose y and U were used' },
        monteCarlo: { type: 'object', nullable: true, required: ['trials', 'seed'], properties: { trials: { type: 'integer' }, seed: { type: 'integer' } } },
      },
    },
    specificRisk: {
      type: 'object',
      required: ['kind', 'probability'],
      description: 'Probability of false acceptance (1 - p_c) when accepted, of false rejection (p_c) when rejected.',
      properties: { kind: { type: 'string', enum: ['falseAcceptance', 'falseRejection'] }, probability: { type: 'number' } },
    },
    ruleDescription: {
      type: 'object',
      required: ['kind', 'guardBandFactor', 'guardBand', 'decisionType', 'coverageFactor', 'references'],
      properties: {
        kind: { type: 'string', enum: ['simple', 'guarded'] },
        guardBandFactor: { type: 'number' },
        guardBand: { type: 'number' },
        decisionType: { type: 'string', enum: ['binary', 'nonBinary'] },
        coverageFactor: { type: 'number' },
        references: { type: 'array', items: { type: 'string' } },
      },
    },
    statement: { ...localized, description: 'Sentence naming the decision rule, for the certificate' },
    decisionText: localized,
    riskText: localized,
  },
};

// --- comparisons --------------------------------------------------------------------------

const comparisonRow = {
  type: 'object',
  additionalProperties: false,
  required: ['value', 'referenceValue', 'referenceExpandedUncertainty'],
  properties: {
    id: { type: 'string', maxLength: 200, description: 'Caller\'s label (characteristic, piece), echoed back' },
    value: number("Company's value x"),
    expandedUncertainty: number("Company's U(x); omit when it stated none", { minimum: 0 }),
    coverageFactor: number('k of U(x) (default 2)'),
    referenceValue: number("Laboratory's reference value x_ref"),
    referenceExpandedUncertainty: number('U(x_ref)', { minimum: 0 }),
    referenceCoverageFactor: number('k of U(x_ref) (default 2)'),
  },
};

export const comparisonBody = {
  type: 'object',
  additionalProperties: false,
  required: ['rows'],
  description: 'One comparison is a series of one row.',
  properties: { rows: { type: 'array', minItems: 1, maxItems: 10_000, items: comparisonRow } },
  example: {
    rows: [
      { id: 'D1', value: 25.004, expandedUncertainty: 0.004, referenceValue: 25.0012, referenceExpandedUncertainty: 0.0015 },
      { id: 'D2', value: 40.012, referenceValue: 40.0031, referenceExpandedUncertainty: 0.0018 },
    ],
  },
};

export const comparisonResponse = {
  type: 'object',
  required: ['rows', 'estimate', 'satisfactoryEnCount', 'scoredCount'],
  properties: {
    rows: {
      type: 'array',
      items: {
        type: 'object',
        required: ['difference', 'minimumExpandedUncertainty'],
        description: 'En and zeta are present when the company stated an uncertainty.',
        properties: {
          id: { type: 'string' },
          difference: number('d = x - x_ref'),
          en: number('E_n = d / sqrt(U^2 + U_ref^2) (ISO 13528 9.7)'),
          enVerdict: { type: 'string', enum: ['satisfactory', 'unsatisfactory'], description: '|En| <= 1 satisfactory' },
          zeta: number('zeta = d / sqrt(u^2 + u_ref^2) (ISO 13528 9.6)'),
          zetaVerdict: { type: 'string', enum: ['satisfactory', 'questionable', 'unsatisfactory'] },
          minimumExpandedUncertainty: number('Smallest U the company would need for |En| <= 1: sqrt(max(0, d^2 - U_ref^2)).'),
        },
      },
    },
    estimate: {
      type: 'object',
      description: "Indicative estimate of the company's uncertainty from all rows: u = sqrt(max(0, mean(d^2) - mean(u_ref^2))) (a bias counts as uncertainty).",
      required: ['n', 'meanDifference', 'rmsDifference', 'standardUncertainty', 'expandedUncertainty', 'coverageFactor'],
      properties: {
        n: { type: 'integer' },
        meanDifference: { type: 'number' },
        rmsDifference: { type: 'number' },
        standardUncertainty: { type: 'number' },
        expandedUncertainty: { type: 'number' },
        coverageFactor: { type: 'number' },
      },
    },
    satisfactoryEnCount: { type: 'integer' },
    scoredCount: { type: 'integer', description: 'Rows with an uncertainty, hence an En' },
  },
};

// --- trends -------------------------------------------------------------------------------

export const trendBody = {
  type: 'object',
  additionalProperties: false,
  required: ['characteristics'],
  properties: {
    characteristics: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['characteristic', 'points'],
        properties: {
          characteristic: { ...text(200), description: 'e.g. "bore diameter D1"' },
          points: {
            type: 'array',
            maxItems: 10_000,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['date', 'measured', 'nominal'],
              properties: {
                date: { type: 'string', maxLength: 40, description: 'ISO 8601 date or date-time (UTC when no offset)' },
                measured: { type: 'number' },
                nominal: { type: 'number' },
                standardUncertainty: number('u of the measured value; give it for every point or none', { minimum: 0 }),
              },
            },
          },
        },
      },
    },
  },
  example: {
    characteristics: [
      {
        characteristic: 'D1',
        points: [
          { date: '2023-01-10', measured: 25.003, nominal: 25, standardUncertainty: 0.001 },
          { date: '2024-01-12', measured: 25.005, nominal: 25, standardUncertainty: 0.001 },
          { date: '2025-01-09', measured: 25.008, nominal: 25, standardUncertainty: 0.001 },
        ],
      },
    ],
  },
};

const nullableNumber = (description: string) => ({ type: 'number', nullable: true, description });

export const trendResponse = {
  type: 'object',
  required: ['characteristics'],
  properties: {
    characteristics: {
      type: 'array',
      items: {
        type: 'object',
        required: ['characteristic', 'n', 'referenceDate', 'deviations', 'trend', 'notes'],
        properties: {
          characteristic: { type: 'string' },
          n: { type: 'integer' },
          referenceDate: { type: 'string', nullable: true, description: 'Earliest date; time is in Julian years since it' },
          deviations: {
            type: 'array',
            items: {
              type: 'object',
              required: ['date', 'years', 'deviation'],
              properties: { date: { type: 'string' }, years: { type: 'number' }, deviation: number('measured - nominal'), standardUncertainty: { type: 'number' } },
            },
          },
          trend: {
            type: 'object',
            nullable: true,
            description: 'Least-squares line (weighted by 1/u^2 when every point has u); null when there is no trend (see noTrendReason).',
            required: ['method', 'driftPerYear', 'driftStandardUncertainty', 'intercept', 'interceptStandardUncertainty', 'interceptDriftCovariance', 'residualStandardDeviation', 'degreesOfFreedom', 'uncertaintyBasis'],
            properties: {
              method: { type: 'string', enum: ['weighted', 'ordinary'] },
              driftPerYear: { type: 'number' },
              driftStandardUncertainty: nullableNumber('null when it cannot be evaluated (two points without uncertainties)'),
              intercept: number('Fitted deviation at the reference date'),
              interceptStandardUncertainty: nullableNumber(''),
              interceptDriftCovariance: nullableNumber(''),
              residualStandardDeviation: nullableNumber('null for two points'),
              degreesOfFreedom: { type: 'integer' },
              birgeRatio: number('sqrt(chi^2 / (n - 2)) of a weighted fit; > 1: scatter beyond the stated uncertainties'),
              uncertaintyBasis: { type: 'string', enum: ['residualScatter', 'measurementUncertainty', 'none'] },
            },
          },
          noTrendReason: { type: 'string', enum: ['tooFewPoints', 'singleDate'] },
          notes: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
};
