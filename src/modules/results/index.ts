export { resultsRoutes } from './results.routes.js';
export { resultsImportRoutes } from './results-import.routes.js';
export { dimensionOf, unitsCompatible, type Dimension } from './domain/units.js';
export { resultCoverage } from './results.coverage.js';
export { findResultForEvaluation, type ResultForEvaluation } from './results.evaluation-lookup.js';
