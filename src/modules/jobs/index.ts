export { jobsRoutes } from './jobs.routes.js';
export { findJobContent, findJobItem, type JobContentLookup, type JobItemLookup } from './job-lookup.js';
export { registerResultCoverage, type ResultCoverageSource } from './job-gates.js';
export type { ItemCoverage } from './domain/job-readiness.js';
export { findCharacteristicSpec, type CharacteristicSpec } from './characteristic-spec.js';
export { CHARACTERISTIC_TYPES, characteristicProblem, type CharacteristicType, type CharacteristicInput, type Tolerance } from './domain/job-content.js';
export { addCharacteristicsIn, type CharacteristicsAddition } from './jobs.service.js';
export { SUBMIT_ROLES } from './domain/job-lifecycle.js';
export { characteristicOut as characteristicResponseSchema } from './jobs.schemas.js';
