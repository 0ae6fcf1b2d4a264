export { referenceMeasurementsRoutes } from './reference-measurements.routes.js';
export { getComparison } from './comparison.service.js';
export { getMachineToolTrend } from './trend.service.js';
