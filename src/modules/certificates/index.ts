export { certificatesRoutes } from './certificates.routes.js';
export { verificationRoutes } from './verification.routes.js';
export { resultSummariesOfJob } from './document-facts.js';
