/** The one drizzle schema: every module's tables, for drizzle-kit and for typed queries. */
export * from '../modules/companies/companies.tables.js';
export * from '../modules/users/users.tables.js';
export * from '../modules/audit/audit.tables.js';
export * from '../http/idempotency.tables.js';
export * from './counters.tables.js';
export * from '../modules/agreements/agreements.tables.js';
export * from '../modules/pricing/pricing.tables.js';
export * from '../modules/quotes/quotes.tables.js';
export * from '../modules/equipment/equipment.tables.js';
export * from '../modules/methods/methods.tables.js';
export * from '../modules/competence/competence.tables.js';
export * from '../modules/jobs/jobs.tables.js';
export * from '../modules/results/results.tables.js';
export * from '../modules/uncertainty/budgets.tables.js';
export * from '../modules/attachments/attachments.tables.js';
