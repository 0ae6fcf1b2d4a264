/**
 * JSON schemas of POST /uncertainty/evaluations. OpenAPI 3.0.3 dialect: `nullable` rather than
 * type arrays, one-value `enum` rather than `const`, no numeric exclusive bounds. The schemas
 * check shapes and types; the engine checks the rest (positivity, consistent parameters) and
 * answers 422 with the input and field named.
 */
import { END_GAUGE_H1 } from './domain/index.js';
import { MCM_LIMITS } from './uncertainty.service.js';

const number = (description: string, extra: Record<string, unknown> = {}) => ({ type: 'number', description, ...extra });
const nonNegative = (description: string) => number(description, { minimum: 0 });
const pair = (description: string) => ({ type: 'array', description, items: { type: 'number' }, minItems: 2, maxItems: 2 });

const limitParams = {
  halfWidth: nonNegative('Half-width a of the distribution about the estimate (the estimate is then required).'),
  lower: number("Lower limit; with 'upper' instead of 'halfWidth'. Without an estimate, the estimate is the midpoint."),
  upper: number("Upper limit; with 'lower'."),
};

export const branch = (type: string, description: string, properties: Record<string, unknown>, required: string[] = []) => ({
  type: 'object',
  additionalProperties: false,
  description,
  required: ['type', ...required],
  properties: { type: { type: 'string', enum: [type] }, ...properties },
});

export const distributionSchema = {
  description: 'Type B: the probability distribution assigned to the input (JCGM 101 6.4), chosen by `type`.',
  oneOf: [
    branch('normal', "Gaussian. Exactly one of 'standardUncertainty' and 'expandedUncertainty'; the latter with 'coverageFactor' or 'coverageProbability' (divided by the t quantile for the input's dof when finite).", {
      standardUncertainty: nonNegative('u(x)'),
      expandedUncertainty: nonNegative('U(x), e.g. from a calibration certificate'),
      coverageFactor: number('k of the stated U'),
      coverageProbability: number('p of the stated U, in (0, 1)', { minimum: 0, maximum: 1 }),
    }),
    branch('rectangular', 'Uniform: u = a / sqrt(3).', limitParams),
    branch('triangular', 'Symmetric triangular: u = a / sqrt(6).', limitParams),
    branch('arcsine', 'U-shaped (e.g. a sinusoidally cycling temperature): u = a / sqrt(2).', limitParams),
    branch('trapezoidal', 'Symmetric trapezoid; beta is the ratio of the top to the base width.', { ...limitParams, beta: number('In [0, 1]', { minimum: 0, maximum: 1 }) }, ['beta']),
    branch('curvilinearTrapezoid', 'Rectangular with inexactly known half-width a +- d (JCGM 101 6.4.3).', { ...limitParams, halfWidthUncertainty: nonNegative('d, in [0, a]') }, ['halfWidthUncertainty']),
    branch('studentT', 'Scaled and shifted t: u = scale sqrt(nu / (nu - 2)); the GUM needs nu > 2.', { scale: nonNegative('Scale of the t distribution'), dof: number('nu of the t distribution, > 0') }, ['scale', 'dof']),
    branch('exponential', 'Exponential for a non-negative quantity with a known mean (the estimate when omitted).', { mean: number('Expectation, > 0') }),
    branch('gamma', 'Gamma with shape and scale (expectation shape x scale).', { shape: number('> 0'), scale: number('> 0') }, ['shape', 'scale']),
  ],
};

export const inputSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  description: "An input quantity X_i: Type A ('readings', optionally with a pooled standard deviation) or Type B ('distribution').",
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100, description: 'Identifier used in the model' },
    estimate: number('Estimate x_i. Optional when it follows from readings, limits or the distribution; if given twice the two must agree.'),
    unit: { type: 'string', maxLength: 50 },
    readings: { type: 'array', minItems: 1, maxItems: 100_000, items: { type: 'number' }, description: 'Type A: repeated observations; x = mean, u = s / sqrt(n), dof n - 1.' },
    pooledStandardDeviation: nonNegative('Type A: s_p from an earlier, larger evaluation; u = s_p / sqrt(n).'),
    pooledDof: number('Degrees of freedom of s_p, >= 1.', { minimum: 1 }),
    distribution: distributionSchema,
    dof: number('Type B: degrees of freedom of u (default infinite).'),
    relativeUncertaintyOfU: number('Type B: relative uncertainty of u, giving dof = 1/2 (du/u)^-2 (GUM G.4.2).'),
  },
};

export const mcmOptionsSchema = {
  type: 'object',
  additionalProperties: false,
  description: `Monte Carlo options (JCGM 101). Bounded by the server: at most ${MCM_LIMITS.maxTrials} trials and ${MCM_LIMITS.maxTimeMs} ms.`,
  properties: {
    trials: { type: 'integer', minimum: 100, maximum: MCM_LIMITS.maxTrials, description: 'M for a fixed-size run (default 10^6).' },
    seed: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Seed of the generator; the same seed gives the same numbers. Chosen at random and reported when absent.' },
    adaptive: { type: 'boolean', description: 'Adaptive procedure of JCGM 101 7.9 (then use maxTrials, not trials).' },
    significantDigits: { type: 'integer', minimum: 1, maximum: 4, description: 'Significant digits of u(y) for the adaptive procedure and for the GUM validation tolerance (default 2).' },
    maxTrials: { type: 'integer', minimum: 100, maximum: MCM_LIMITS.maxTrials, description: 'Cap on the trials of an adaptive run (default 10^7).' },
    maxTimeMs: { type: 'integer', minimum: 1, maximum: MCM_LIMITS.maxTimeMs, description: `Wall-clock limit in ms (default and maximum ${MCM_LIMITS.maxTimeMs}). A fixed-size run that cannot finish fails with LIMS_UNCERTAINTY_ABORTED; an adaptive run returns what it has with converged = false.` },
  },
};

export const correlationsSchema = {
  type: 'array',
  maxItems: 5000,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['between', 'coefficient'],
    properties: {
      between: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2, description: 'Names of the two inputs' },
      coefficient: number('Correlation coefficient r in [-1, 1]', { minimum: -1, maximum: 1 }),
    },
  },
};

export const evaluationBody = {
  type: 'object',
  additionalProperties: false,
  required: ['model', 'inputs'],
  properties: {
    model: { type: 'string', minLength: 1, maxLength: 10_000, description: 'Measurement model Y = f(X1, ..., XN): + - * / ^, parentheses, pi, e, sqrt, exp, ln/log, log10, sin, cos, tan, asin, acos, atan, atan2, abs, min, max.' },
    inputs: { type: 'array', minItems: 1, maxItems: 200, items: inputSchema },
    correlations: correlationsSchema,
    coverageProbability: number('Coverage probability p in (0, 1); default 0.9545 (k = 2 for a normal distribution).', { minimum: 0, maximum: 1 }),
    method: { type: 'string', enum: ['gum', 'mcm', 'both'], description: "'gum' (default) runs on the request thread; 'mcm' and 'both' run in a worker thread." },
    secondOrder: { type: 'boolean', description: 'Add the second-order terms of GUM 5.1.2 (note) for a non-linear model.' },
    mcm: mcmOptionsSchema,
  },
  example: { ...END_GAUGE_H1, method: 'both', mcm: { trials: 1_000_000, seed: 20_250_101 } },
};

const dof = (description: string) => ({ type: 'number', nullable: true, description: `${description} null means infinite degrees of freedom (JSON has no Infinity).` });

export const gumSchema = {
  type: 'object',
  description: 'GUM (JCGM 100) law of propagation of uncertainty.',
  required: ['estimate', 'standardUncertainty', 'effectiveDof', 'effectiveDofUnrounded', 'coverageFactor', 'coverageProbability', 'expandedUncertainty', 'interval', 'budget'],
  properties: {
    estimate: { type: 'number' },
    standardUncertainty: number('Combined standard uncertainty u_c(y)'),
    effectiveDof: dof('Welch-Satterthwaite effective dof truncated to an integer (at least 1), used for k.'),
    effectiveDofUnrounded: dof('Welch-Satterthwaite effective dof before truncation.'),
    coverageFactor: number('k from the t distribution'),
    coverageProbability: { type: 'number' },
    expandedUncertainty: number('U = k u_c(y)'),
    interval: pair('y - U, y + U'),
    budget: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'estimate', 'standardUncertainty', 'sensitivity', 'contribution', 'varianceShare', 'dof'],
        properties: {
          name: { type: 'string' },
          unit: { type: 'string' },
          estimate: { type: 'number' },
          standardUncertainty: { type: 'number' },
          sensitivity: number('Sensitivity coefficient c_i = df/dx_i at the estimates (exact derivative)'),
          contribution: number('|c_i| u(x_i), in the unit of y'),
          varianceShare: number('(c_i u(x_i))^2 / u_c^2(y)'),
          dof: dof('Degrees of freedom of u(x_i).'),
        },
      },
    },
  },
};

export const mcmSchema = {
  type: 'object',
  description: 'Monte Carlo method (JCGM 101).',
  required: ['estimate', 'standardUncertainty', 'interval', 'symmetricInterval', 'coverageProbability', 'trials', 'seed', 'converged'],
  properties: {
    estimate: { type: 'number' },
    standardUncertainty: { type: 'number' },
    interval: pair('Shortest coverage interval (JCGM 101 7.7.2)'),
    symmetricInterval: pair('Probabilistically symmetric coverage interval (JCGM 101 7.7.1)'),
    coverageProbability: { type: 'number' },
    trials: { type: 'integer' },
    seed: { type: 'integer', description: 'Seed used; send it back to reproduce the numbers.' },
    converged: { type: 'boolean', description: 'False only for an adaptive run stopped by a cap before the tolerance was met.' },
    probabilityInTolerance: { type: 'number', description: 'With a conformity decision: the fraction of the trials inside the tolerance (p_c from the sample).' },
  },
};

export const evaluationResponse = {
  type: 'object',
  required: ['engineVersion', 'report', 'warnings'],
  description: 'All numbers are JSON doubles except the rounded report values, which are decimal strings so that significant trailing zeros survive.',
  properties: {
    engineVersion: { type: 'string', description: 'Version of the numerical engine' },
    gum: gumSchema,
    mcm: mcmSchema,
    validation: {
      type: 'object',
      description: 'GUM validated by Monte Carlo (JCGM 101 8.2), with method both.',
      required: ['agrees', 'tolerance', 'dLow', 'dHigh'],
      properties: { agrees: { type: 'boolean' }, tolerance: number('Numerical tolerance delta'), dLow: { type: 'number' }, dHigh: { type: 'number' } },
    },
    report: {
      type: 'object',
      description: 'The result as stated on a certificate (EA-4/02 rounding). With method both it follows the GUM when validated, else Monte Carlo.',
      required: ['value', 'expandedUncertainty', 'decimalPlaces', 'coverageFactor', 'coverageProbability', 'method', 'text'],
      properties: {
        value: { type: 'string', description: 'y rounded to the decimal place of U', example: '50000838' },
        expandedUncertainty: { type: 'string', description: 'U to at most two significant digits', example: '93' },
        decimalPlaces: { type: 'integer' },
        coverageFactor: { type: 'number', nullable: true, description: 'k (for Monte Carlo U / u); null when undefined (u = 0).' },
        coverageProbability: { type: 'number' },
        method: { type: 'string', enum: ['gum', 'mcm'] },
        text: { type: 'object', required: ['en', 'fi'], properties: { en: { type: 'string' }, fi: { type: 'string' } } },
      },
    },
    warnings: { type: 'array', items: { type: 'string' } },
  },
};
