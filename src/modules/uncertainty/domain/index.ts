/**
 * Public surface of the uncertainty engine's pure numerical core. Other code imports from here,
 * not from the individual files.
 */
export { ENGINE_VERSION, evaluate } from './evaluate.js';
export type { EvaluationResult, EvaluationRuntime, GumSummary, McmSummary, ReportSummary } from './evaluate.js';
export type {
  CorrelationRequest,
  DistributionRequest,
  EvaluationMethod,
  EvaluationRequest,
  InputRequest,
  McmRequestOptions,
} from './request-types.js';

export { UNCERTAINTY_ERROR_CODES, UncertaintyModelError } from './errors.js';
export type { UncertaintyErrorCode, UncertaintyErrorDetails } from './errors.js';

export { compileModel } from './expression-compiler.js';
export type { CompiledModel } from './expression-compiler.js';
export { parseExpression } from './expression-parser.js';
export { formatExpression } from './expression-ast.js';
export type { ExprNode } from './expression-ast.js';

export { prepareInput } from './inputs.js';
export type { PreparedInput } from './inputs.js';
export * as distributions from './distributions.js';
export type { Distribution, DistributionType } from './distributions.js';
export { buildCorrelation } from './correlation.js';
export type { CorrelationStructure } from './correlation.js';

export { DEFAULT_COVERAGE_PROBABILITY, coverageFactor, evaluateGum, welchSatterthwaite } from './gum.js';
export type { BudgetRow, GumOptions, GumResult } from './gum.js';
export { DEFAULT_TRIALS, MAX_TRIALS, runMonteCarlo } from './monte-carlo.js';
export type { McmOptions, McmProblem, McmResult } from './monte-carlo.js';
export {
  coverageIntervals,
  meanAndStandardDeviation,
  numericalTolerance,
  shortestInterval,
  symmetricInterval,
  validateGumWithMcm,
} from './mcm-statistics.js';
export type { GumValidation, Interval } from './mcm-statistics.js';
export { Xoshiro256 } from './random.js';
export { fillStandardNormal, nextStandardNormal, standardGamma, standardT } from './samplers.js';
export { END_GAUGE_H1, additiveModel } from './jcgm-examples.js';

export { formatCoverageFactor, formatCoveragePercent, roundResult, uncertaintyStatement } from './reporting.js';
export type { RoundedResult, StatementInput } from './reporting.js';

export { CONFORMITY_ERROR_CODES, ConformityError, decideConformity, fractionInTolerance, validateTolerance } from './conformity.js';
export { conformityOfEvaluation, reportedMeasurement } from './evaluation-conformity.js';
export type { EvaluatedMeasurement } from './evaluation-conformity.js';
export { BUDGET_ERROR_CODES, BudgetError, undeclaredNames, validateBudgetContent } from './budget-content.js';
export type { BudgetContent, BudgetErrorCode, BudgetInput, BudgetInputSource, EquipmentEstimate } from './budget-content.js';
export { resolveBudget } from './budget-resolution.js';
export type { CalibrationFacts, CertifiedValue, EvaluationChoices, InputUsed, ResolvedBudget, ResultFacts } from './budget-resolution.js';
export { outputDifferences } from './output-comparison.js';
export type { OutputDifference } from './output-comparison.js';
export type { ConformityDecision, ConformityInput, ConformityResult, DecisionRule, DecisionType, Tolerance } from './conformity.js';
export { COMPARISON_ERROR_CODES, ComparisonError, compareSeries, compareWithReference, enScore, zScore, zetaScore } from './comparison.js';
export type { ComparisonRowResult, ComparisonSeriesResult, ReferenceComparison } from './comparison.js';
export { TREND_ERROR_CODES, TrendError, analyzeCharacteristicTrends, analyzeTrend } from './trend.js';
export type { CharacteristicSeries, TrendPoint, TrendResult } from './trend.js';
export { GAUGE_RR_ERROR_CODES, GaugeRrError, gaugeRrAverageRange } from './gauge-rr.js';
export type { AverageRangeResult, GaugeRrInput } from './gauge-rr.js';
export { gaugeRrAnova } from './gauge-rr-anova.js';
export type { AnovaResult } from './gauge-rr-anova.js';
