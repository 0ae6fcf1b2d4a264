export { uncertaintyRoutes } from './uncertainty.routes.js';
export type { UncertaintyRoutesOptions } from './uncertainty.routes.js';
export { latestResultUncertainties, reportedEvaluations, type ReportedEvaluation, type StoredResultUncertainty } from './budget-evaluations.lookup.js';
export { analyzeCharacteristicTrends, compareWithReference, type CharacteristicSeries, type ComparisonRowResult, type TrendPoint, type TrendResult } from './domain/index.js';
