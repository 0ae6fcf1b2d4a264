/** JSON schemas of POST /uncertainty/gauge-rr (OpenAPI 3.0.3 dialect). */

const number = (description: string, extra: Record<string, unknown> = {}) => ({ type: 'number', description, ...extra });

export const gaugeRrBody = {
  type: 'object',
  additionalProperties: false,
  required: ['method', 'measurements'],
  properties: {
    method: { type: 'string', enum: ['averageRange', 'anova'], description: 'Average-and-range (K tables: 2-3 trials, 2-3 operators, 2-10 parts) or two-way ANOVA.' },
    measurements: {
      type: 'array',
      minItems: 1,
      maxItems: 100,
      description: 'measurements[part][operator][trial], balanced: every part measured by every operator the same number of times.',
      items: {
        type: 'array',
        minItems: 1,
        maxItems: 20,
        items: { type: 'array', minItems: 1, maxItems: 20, items: { type: 'number' } },
      },
    },
    tolerance: number('Tolerance width USL - LSL, for %Tol (6 sigma study variation)'),
    processVariation: number('Known 6-sigma process variation; then TV = processVariation / 6'),
    interactionAlpha: number('ANOVA only: significance level of the part x operator interaction test (default 0.05); pooled when not significant.'),
  },
  example: {
    method: 'anova',
    tolerance: 0.05,
    measurements: [
      [[10.012, 10.013], [10.011, 10.013], [10.014, 10.012]],
      [[10.021, 10.022], [10.02, 10.021], [10.023, 10.022]],
      [[10.005, 10.004], [10.006, 10.004], [10.005, 10.007]],
    ],
  },
};

const component = {
  type: 'object',
  required: ['sigma', 'studyVariation', 'percentOfTotalVariation', 'percentContribution'],
  properties: {
    sigma: number('1-sigma standard deviation'),
    studyVariation: number('6 sigma'),
    percentOfTotalVariation: number('100 sigma / TV'),
    percentContribution: number('100 sigma^2 / TV^2'),
    percentOfTolerance: number('100 * 6 sigma / tolerance, when a tolerance was given'),
  },
};

const anovaRow = {
  type: 'object',
  required: ['source', 'sumOfSquares', 'degreesOfFreedom', 'meanSquare', 'f', 'pValue'],
  properties: {
    source: { type: 'string', enum: ['part', 'operator', 'interaction', 'repeatability', 'total'] },
    sumOfSquares: { type: 'number' },
    degreesOfFreedom: { type: 'integer' },
    meanSquare: { type: 'number' },
    f: { type: 'number', nullable: true, description: 'null where there is no test' },
    pValue: { type: 'number', nullable: true },
  },
};

const numbers = { type: 'array', items: { type: 'number' } };
const verdict = { type: 'string', enum: ['acceptable', 'conditionallyAcceptable', 'unacceptable'] };

export const gaugeRrResponse = {
  type: 'object',
  description: 'The summary fields are common to both methods; the rest belong to the method named.',
  required: ['method', 'shape', 'repeatability', 'reproducibility', 'grr', 'partVariation', 'totalVariation', 'ndc', 'ndcAdequate', 'verdict', 'totalVariationBasis', 'studyVariationMultiplier'],
  properties: {
    method: { type: 'string', enum: ['averageRange', 'anova'] },
    shape: {
      type: 'object',
      required: ['parts', 'operators', 'trials'],
      properties: { parts: { type: 'integer' }, operators: { type: 'integer' }, trials: { type: 'integer' } },
    },
    repeatability: { ...component, description: 'EV, equipment variation' },
    reproducibility: { ...component, description: 'AV, appraiser variation' },
    grr: { ...component, description: 'GRR = sqrt(EV^2 + AV^2)' },
    partVariation: { ...component, description: 'PV' },
    totalVariation: { ...component, description: 'TV' },
    ndc: { type: 'integer', nullable: true, description: 'Number of distinct categories floor(1.41 PV / GRR); null when GRR = 0' },
    ndcAdequate: { type: 'boolean', description: 'ndc >= 5' },
    verdict: { ...verdict, description: '%GRR of TV: < 10 acceptable, 10 ... 30 conditionally acceptable, > 30 unacceptable' },
    toleranceVerdict: { ...verdict, description: 'The same thresholds on %GRR of tolerance' },
    totalVariationBasis: { type: 'string', enum: ['study', 'processVariation'] },
    studyVariationMultiplier: { type: 'number' },
    // average and range
    averageRange: number('R double bar'),
    operatorAverages: numbers,
    operatorAverageRanges: numbers,
    operatorAverageDifference: { type: 'number' },
    partAverages: numbers,
    partRange: number('Rp'),
    constants: { type: 'object', required: ['k1', 'k2', 'k3'], properties: { k1: { type: 'number' }, k2: { type: 'number' }, k3: { type: 'number' } } },
    // ANOVA
    fullTable: { type: 'array', items: anovaRow, description: 'ANOVA table with the interaction' },
    table: { type: 'array', items: anovaRow, description: 'The table used (interaction pooled into repeatability when not significant)' },
    interactionPValue: { type: 'number', nullable: true },
    interactionPooled: { type: 'boolean' },
    interactionAlpha: { type: 'number' },
    varianceComponents: {
      type: 'object',
      required: ['repeatability', 'operator', 'interaction', 'reproducibility', 'part', 'total'],
      properties: {
        repeatability: { type: 'number' },
        operator: { type: 'number' },
        interaction: { type: 'number' },
        reproducibility: { type: 'number' },
        part: { type: 'number' },
        total: { type: 'number' },
      },
    },
  },
};
