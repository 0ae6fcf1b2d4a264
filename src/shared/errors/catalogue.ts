/**
 * The one error catalogue: every stable error code the service can answer with, its HTTP status
 * and its title. Domain code throws `DomainError` with one of these codes and knows nothing of HTTP;
 * the error handler turns the code into an RFC 9457 problem document.
 */
export const ERROR_CATALOGUE = {
  LIMS_VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  LIMS_BAD_REQUEST: { status: 400, title: 'The request could not be read' },
  LIMS_AUTH_REQUIRED: { status: 401, title: 'Authentication required' },
  LIMS_AUTH_INVALID_TOKEN: { status: 401, title: 'The access token is not valid' },
  LIMS_AUTH_INVALID_CREDENTIALS: { status: 401, title: 'Wrong e-mail address or password' },
  LIMS_AUTH_FORBIDDEN: { status: 403, title: 'Not allowed for your role' },
  LIMS_NOT_FOUND: { status: 404, title: 'Not found' },
  LIMS_ROUTE_NOT_FOUND: { status: 404, title: 'No such endpoint' },
  LIMS_METHOD_NOT_ALLOWED: { status: 405, title: 'Method not allowed' },
  LIMS_CONFLICT: { status: 409, title: 'Conflict with the current state' },
  LIMS_USER_EMAIL_TAKEN: { status: 409, title: 'The e-mail address is already in use' },
  LIMS_IDEMPOTENCY_IN_PROGRESS: { status: 409, title: 'A request with this Idempotency-Key is still being processed' },
  LIMS_PAYLOAD_TOO_LARGE: { status: 413, title: 'The request body is too large' },
  LIMS_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  LIMS_UNPROCESSABLE: { status: 422, title: 'The request cannot be processed' },
  LIMS_IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'The Idempotency-Key was used with a different request' },
  LIMS_USER_COMPANY_MISMATCH: { status: 422, title: 'Customer users need a company; staff users must not have one' },
  LIMS_AUTH_RATE_LIMITED: { status: 429, title: 'Too many failed login attempts' },
  LIMS_INTERNAL: { status: 500, title: 'Internal server error' },
  LIMS_SERVICE_UNAVAILABLE: { status: 503, title: 'The service is not available' },
  LIMS_DATABASE_UNAVAILABLE: { status: 503, title: 'The database is not available' },

  // --- uncertainty engine (src/modules/uncertainty) ---

  // --- customers, agreements, NDAs, price lists, quotes (src/modules/customers, agreements, pricing) ---
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** True when a string is a code in the catalogue. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CATALOGUE, code);
}
