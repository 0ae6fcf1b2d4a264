export { companiesRoutes } from './companies.routes.js';
export { companyExists, getCompany, getContacts, type CompanyRow, type ContactRow } from './companies.service.js';
export { checkBusinessId } from './domain/business-id.js';
