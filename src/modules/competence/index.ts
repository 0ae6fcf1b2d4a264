export { competenceRoutes } from './competence.routes.js';
export { isAuthorized } from './competence.service.js';
export { decideAuthorization, validOn, CAPABILITIES, type Capability, type AuthorizationDecision, type AuthorizationFact } from './domain/authorization.js';
