export { jobsRoutes } from './jobs.routes.js';
export { findJobItem, type JobItemLookup } from './job-lookup.js';
