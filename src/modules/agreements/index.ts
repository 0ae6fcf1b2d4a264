export { agreementsRoutes } from './agreements.routes.js';
export { activeNda, requireActiveNda, type NdaView } from './nda.service.js';
export { createAdHocAgreement, type AdHocFromQuote } from './agreement-signing.service.js';
export { agreementsInForce, annualAgreementsInForce } from './agreements.queries.js';
export { getAgreement } from './agreements.service.js';
export { LAB_SERVICES, type LabService, type AgreementTerms } from './domain/agreement-terms.js';
