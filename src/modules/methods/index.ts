export { methodsRoutes } from './methods.routes.js';
export { findMethodVersion, methodExists, methodVersionBrief, type VersionView } from './methods.service.js';
export { checkEnvironment, limitsOf, versionInForce, type EnvironmentLimits, type EnvironmentReadings, type EnvironmentViolation } from './domain/method-rules.js';
