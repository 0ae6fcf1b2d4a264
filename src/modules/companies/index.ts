export { companiesRoutes } from './companies.routes.js';
export { companyExists, getCompany } from './companies.service.js';
