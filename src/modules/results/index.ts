export { resultsRoutes } from './results.routes.js';
export { resultsImportRoutes } from './results-import.routes.js';
export { convertQuantity, dimensionOf, unitsCompatible, type Dimension } from './domain/units.js';
export { meanInUnit } from './domain/quantity-mean.js';
export { labValuesOfJobs, type LabValue } from './results.lab-values.js';
export { resultCoverage } from './results.coverage.js';
export { findResultForEvaluation, type ResultForEvaluation } from './results.evaluation-lookup.js';
export { releasedResultsOf, type ReleasedResults } from './results.released.js';
export { registerResultSummarySource, type ResultSummarySource } from './results.customer-presenter.js';
