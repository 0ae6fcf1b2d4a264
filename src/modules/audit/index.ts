export { recordAudit, recordAudits, type AuditChange } from './audit.service.js';
export { auditRoutes } from './audit.routes.js';
export { registerAuditCheckpointSchedule } from './audit-checkpoint-schedule.js';
