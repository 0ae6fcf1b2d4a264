export { jobsRoutes } from './jobs.routes.js';
