export { ERROR_CATALOGUE, isErrorCode, type ErrorCode } from './catalogue.js';
export { DomainError, notFound, forbidden } from './domain-error.js';
