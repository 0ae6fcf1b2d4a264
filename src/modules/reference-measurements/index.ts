export { referenceMeasurementsRoutes } from './reference-measurements.routes.js';
