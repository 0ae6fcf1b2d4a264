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
  LIMS_URI_TOO_LONG: { status: 414, title: 'The URL is too long' },
  LIMS_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  LIMS_HEADERS_TOO_LARGE: { status: 431, title: 'The request headers are too large' },
  LIMS_REQUEST_TIMEOUT: { status: 408, title: 'The request did not arrive in time' },
  LIMS_UNPROCESSABLE: { status: 422, title: 'The request cannot be processed' },
  LIMS_IDEMPOTENCY_KEY_REUSED: { status: 422, title: 'The Idempotency-Key was used with a different request' },
  LIMS_USER_COMPANY_MISMATCH: { status: 422, title: 'Customer users need a company; staff users must not have one' },
  LIMS_USER_WEAK_PASSWORD: { status: 422, title: 'The password breaks a password rule' },
  LIMS_USER_WRONG_PASSWORD: { status: 403, title: 'The current password is wrong' },
  LIMS_AUTH_RATE_LIMITED: { status: 429, title: 'Too many failed login attempts' },
  LIMS_INTERNAL: { status: 500, title: 'Internal server error' },
  LIMS_SERVICE_UNAVAILABLE: { status: 503, title: 'The service is not available' },
  LIMS_DATABASE_UNAVAILABLE: { status: 503, title: 'The database is not available' },

  // --- uncertainty engine (src/modules/uncertainty) ---
  LIMS_UNCERTAINTY_MODEL_SYNTAX: { status: 422, title: 'The measurement model has a syntax error' },
  LIMS_UNCERTAINTY_UNKNOWN_NAME: { status: 422, title: 'The model uses a name that is not an input, constant or function' },
  LIMS_UNCERTAINTY_ARITY: { status: 422, title: 'A function in the model has the wrong number of arguments' },
  LIMS_UNCERTAINTY_DOMAIN: { status: 422, title: 'The model is undefined for the given inputs' },
  LIMS_UNCERTAINTY_INVALID_INPUT: { status: 422, title: 'An input quantity or evaluation option is not valid' },
  LIMS_UNCERTAINTY_CORRELATION_NOT_PSD: { status: 422, title: 'The correlation matrix is not positive semi-definite' },
  LIMS_UNCERTAINTY_CORRELATION_NON_NORMAL: { status: 422, title: 'Monte Carlo supports correlations only between normal inputs' },
  LIMS_UNCERTAINTY_ABORTED: { status: 422, title: 'The evaluation was stopped before it finished' },
  LIMS_UNCERTAINTY_MCM_BUSY: { status: 503, title: 'All evaluation workers are busy' },
  LIMS_UNCERTAINTY_TOLERANCE_INVALID: { status: 422, title: 'The tolerance limits are not valid' },
  LIMS_UNCERTAINTY_MEASURED_VALUE_INVALID: { status: 422, title: 'The measured value is not valid' },
  LIMS_UNCERTAINTY_UNCERTAINTY_INVALID: { status: 422, title: 'The measurement uncertainty is not valid' },
  LIMS_UNCERTAINTY_GUARD_BAND_INVALID: { status: 422, title: 'The guard band factor is not valid' },
  LIMS_UNCERTAINTY_GUARD_BAND_TOO_WIDE: { status: 422, title: 'The guard bands leave no acceptance zone' },
  LIMS_UNCERTAINTY_SAMPLE_INVALID: { status: 422, title: 'The Monte Carlo sample is not valid' },
  LIMS_UNCERTAINTY_COMPARISON_VALUE_INVALID: { status: 422, title: 'A compared value is not a finite number' },
  LIMS_UNCERTAINTY_COMPARISON_UNCERTAINTY_INVALID: { status: 422, title: 'An uncertainty or coverage factor of the comparison is not valid' },
  LIMS_UNCERTAINTY_COMPARISON_SIGMA_INVALID: { status: 422, title: 'The standard deviation for proficiency assessment is not valid' },
  LIMS_UNCERTAINTY_COMPARISON_EMPTY: { status: 422, title: 'The comparison has no rows' },
  LIMS_UNCERTAINTY_TREND_DATE_INVALID: { status: 422, title: 'A trend point has an invalid date' },
  LIMS_UNCERTAINTY_TREND_VALUE_INVALID: { status: 422, title: 'A trend point has an invalid value' },
  LIMS_UNCERTAINTY_TREND_UNCERTAINTY_INVALID: { status: 422, title: 'A trend point has an invalid uncertainty' },
  LIMS_UNCERTAINTY_GAUGE_RR_SHAPE_INVALID: { status: 422, title: 'The gauge R&R study is not a balanced parts x operators x trials table' },
  LIMS_UNCERTAINTY_GAUGE_RR_TOO_SMALL: { status: 422, title: 'The gauge R&R study is too small' },
  LIMS_UNCERTAINTY_GAUGE_RR_VALUE_INVALID: { status: 422, title: 'A gauge R&R measurement is not a finite number' },
  LIMS_UNCERTAINTY_GAUGE_RR_OUTSIDE_TABLES: { status: 422, title: 'The study size is outside the average-and-range constants' },
  LIMS_UNCERTAINTY_GAUGE_RR_OPTION_INVALID: { status: 422, title: 'A gauge R&R option is not valid' },
  LIMS_UNCERTAINTY_GAUGE_RR_NO_VARIATION: { status: 422, title: 'The gauge R&R measurements show no variation' },

  // --- customers, agreements, NDAs, price lists, quotes (src/modules/customers, agreements, pricing) ---
  LIMS_COMPANY_BUSINESS_ID_INVALID: { status: 422, title: 'The business identifier is not valid for the country' },
  LIMS_COMPANY_BUSINESS_ID_TAKEN: { status: 409, title: 'Another company already has this business identifier' },
  LIMS_AGREEMENT_INVALID: { status: 422, title: 'The agreement content is not valid' },
  LIMS_AGREEMENT_NOT_DRAFT: { status: 409, title: 'Only draft agreements can be edited; make a new version' },
  LIMS_AGREEMENT_NOT_ACTIVE: { status: 409, title: 'The agreement is not active' },
  LIMS_AGREEMENT_OVERLAP: { status: 409, title: 'An active annual agreement already covers this service and period' },
  LIMS_AGREEMENT_ALREADY_SIGNED: { status: 409, title: 'This party has already signed the agreement' },
  LIMS_AGREEMENT_OPEN_REVISION: { status: 409, title: 'The agreement already has a draft version' },
  LIMS_NDA_REQUIRED: { status: 403, title: 'The company has no confidentiality agreement (NDA) in force' },
  LIMS_NDA_NOT_ACTIVE: { status: 409, title: 'The NDA is not in force' },
  LIMS_PRICES_NEED_ANNUAL_AGREEMENT: { status: 403, title: 'Price information is for customers with an annual agreement in force' },
  LIMS_PRICE_LIST_INVALID: { status: 422, title: 'The price list version is not valid' },
  LIMS_PRICE_LIST_NONE_CURRENT: { status: 409, title: 'No price list version is in force' },
  LIMS_QUOTE_INVALID: { status: 422, title: 'The quote request is not valid' },
  LIMS_QUOTE_NOT_OPEN: { status: 409, title: 'The quote has already been accepted or declined' },
  LIMS_QUOTE_EXPIRED: { status: 409, title: 'The quote is no longer valid' },

  // --- laboratory records (equipment, methods, competence) ---
  LIMS_EQUIPMENT_CHECK_INVALID: { status: 422, title: 'The intermediate check is not valid or its stated result contradicts its figures' },
  LIMS_EQUIPMENT_CODE_TAKEN: { status: 409, title: 'Another equipment item already has this identifier' },
  LIMS_EQUIPMENT_CHECK_BEFORE_REGISTRATION: { status: 422, title: 'The intermediate check is dated before the equipment was registered' },
  LIMS_CALIBRATION_INVALID: { status: 422, title: 'The calibration record is not valid' },
  LIMS_CALIBRATION_REFERENCE_INVALID: { status: 422, title: 'The reference standard calibration cannot be used for this calibration' },
  LIMS_CALIBRATION_ALREADY_CORRECTED: { status: 409, title: 'The calibration record has already been corrected; correct the newest record' },
  LIMS_CALIBRATION_ALREADY_WITHDRAWN: { status: 409, title: 'The calibration has already been withdrawn' },
  LIMS_TRACEABILITY_CYCLE: { status: 422, title: 'The traceability chain would return to the same item' },
  LIMS_METHOD_CODE_TAKEN: { status: 409, title: 'Another method already has this code' },
  LIMS_METHOD_VERSION_INVALID: { status: 422, title: 'The method version is not valid' },
  LIMS_METHOD_VERSION_RELEASED: { status: 409, title: 'The method version is released and cannot be changed; make a new version' },
  LIMS_METHOD_DRAFT_EXISTS: { status: 409, title: 'The method already has a draft version' },
  LIMS_STAFF_NOT_STAFF: { status: 422, title: 'The user is not an active member of the lab staff' },
  LIMS_AUTHORIZATION_INVALID: { status: 422, title: 'The authorization is not valid' },
  LIMS_AUTHORIZATION_ALREADY_REVOKED: { status: 409, title: 'The authorization has already been revoked' },

  // --- jobs (src/modules/jobs) ---
  LIMS_JOB_ILLEGAL_TRANSITION: { status: 409, title: 'The job cannot move to that state from its current state' },
  LIMS_JOB_NOT_EDITABLE: { status: 409, title: 'Items and characteristics can only be changed until the job is accepted' },
  LIMS_JOB_INVALID: { status: 422, title: 'The job content is not valid' },
  LIMS_JOB_NO_AGREEMENT: { status: 422, title: 'No active agreement of the company covers the service of the job' },

  // --- results (src/modules/results) ---
  LIMS_RESULT_JOB_NOT_IN_MEASUREMENT: { status: 409, title: 'Results can only be recorded while the job is in measurement' },
  LIMS_RESULT_EQUIPMENT_NOT_USABLE: { status: 409, title: 'Equipment used was not usable at the measurement time' },
  LIMS_RESULT_NOT_AUTHORIZED: { status: 409, title: 'The person is not authorized for the method version at the measurement time' },
  LIMS_RESULT_ENVIRONMENT_OUT_OF_LIMITS: { status: 422, title: "The environmental readings are outside the method's limits; record a justified deviation" },
  LIMS_RESULT_UNIT_MISMATCH: { status: 422, title: 'The unit of a reading does not fit the characteristic' },
  LIMS_RESULT_INVALID: { status: 422, title: 'The result is not valid' },
  LIMS_RESULT_ALREADY_CORRECTED: { status: 409, title: 'The result has already been corrected; correct the current result' },
  LIMS_RESULT_RELEASED: { status: 409, title: "The item's results are released and locked" },
  LIMS_RESULT_REVIEWER_IS_AUTHOR: { status: 409, title: 'The reviewer recorded a current result of the item; a second person must review' },
  LIMS_RESULT_NOTHING_TO_RELEASE: { status: 409, title: 'The item has no results to release' },

  // --- jobs gated on results; calibration points within the measuring range (jobs, results) ---
  LIMS_JOB_RESULTS_MISSING: { status: 409, title: 'The job lacks results for some characteristics or instruments and cannot go to review' },
  LIMS_JOB_RESULTS_NOT_RELEASED: { status: 409, title: "Some items' results are not released and the job cannot be reported" },
  LIMS_RESULT_POINT_OUT_OF_RANGE: { status: 422, title: "The calibration point is outside the instrument's measuring range" },

  // --- bulk import of results (src/modules/results, results-import.*); the row codes appear in the refusal's list ---
  LIMS_RESULT_IMPORT_REFUSED: { status: 422, title: 'The file has invalid rows; nothing was imported' },
  LIMS_RESULT_IMPORT_MALFORMED: { status: 422, title: 'A line of the file cannot be read (quotes, separators, encoding)' },
  LIMS_RESULT_IMPORT_UNKNOWN_COLUMN: { status: 422, title: 'The file has a column the import does not know' },
  LIMS_RESULT_IMPORT_MISSING_VALUE: { status: 422, title: 'A required column or value is missing' },
  LIMS_RESULT_IMPORT_BAD_VALUE: { status: 422, title: 'A value is not in the form the import expects' },
  LIMS_RESULT_IMPORT_UNMATCHED: { status: 422, title: 'A row names an item, characteristic or equipment the job or the register does not have' },
  LIMS_RESULT_IMPORT_INCONSISTENT: { status: 422, title: 'Rows of one result (its repeats) disagree' },

  // --- uncertainty budgets and their evaluations for results (src/modules/uncertainty/budgets*) ---
  LIMS_BUDGET_CODE_TAKEN: { status: 409, title: 'Another uncertainty budget already has this code' },
  LIMS_BUDGET_UNKNOWN_NAMES: { status: 422, title: 'The budget model uses names that no input declares' },
  LIMS_BUDGET_INVALID: { status: 422, title: 'The uncertainty budget is not valid' },
  LIMS_BUDGET_VERSION_RELEASED: { status: 409, title: 'The budget version is released and cannot be changed; make a new version' },
  LIMS_BUDGET_DRAFT_EXISTS: { status: 409, title: 'The budget already has a draft version' },
  LIMS_BUDGET_NOT_NAMED: { status: 422, title: "The result's method version names no uncertainty budget" },
  LIMS_BUDGET_NOT_RELEASED: { status: 422, title: 'The uncertainty budget has no released version to evaluate' },
  LIMS_BUDGET_INPUT_UNAVAILABLE: { status: 422, title: 'A budget input cannot be resolved from the result' },
  LIMS_BUDGET_EQUIPMENT_AMBIGUOUS: { status: 422, title: 'Several items of the equipment type a budget input takes were used' },
  LIMS_BUDGET_UNIT_MISMATCH: { status: 422, title: "A value's unit differs from the unit the budget input declares" },
  LIMS_EVALUATION_RESULT_CORRECTED: { status: 409, title: 'The result has been corrected; evaluate the current result' },
  LIMS_EVALUATION_REQUEST_INVALID: { status: 422, title: 'The conformity request mixes a measured value with an evaluation' },

  // --- QIF 3 (ISO 23952) files: characteristics from QIF MBD, measurements from QIF Results (src/modules/qif) ---
  LIMS_QIF_NOT_XML: { status: 422, title: 'The file is not well-formed XML' },
  LIMS_QIF_NOT_QIF3: { status: 422, title: 'The file is not a QIF 3 document' },
  LIMS_QIF_INVALID: { status: 422, title: 'The QIF document lacks elements or references ISO 23952 requires' },
  LIMS_QIF_NO_CHARACTERISTICS: { status: 422, title: 'The QIF document has no characteristics to import' },
  LIMS_QIF_UNSUPPORTED_CHARACTERISTICS: { status: 422, title: 'Some characteristics of the QIF document cannot be imported; nothing was imported' },
  LIMS_QIF_DUPLICATE_CHARACTERISTICS: { status: 409, title: 'The item already has characteristics with these identifiers or QIF ids; nothing was imported' },
  LIMS_QIF_DTD_REFUSED: { status: 422, title: 'The XML file declares a document type (DTD); QIF files have none, and entities are not expanded' },

  // --- import files (QIF, CSV) are read in worker threads, within limits ---
  LIMS_IMPORT_LIMIT_EXCEEDED: { status: 422, title: 'The file exceeds a limit of the import (nesting, length of a value, columns, line length, time or memory to read it)' },
  LIMS_IMPORT_BUSY: { status: 503, title: 'All import workers are busy' },

  // --- job attachments: drawings, CAD/PMI models, reports (src/modules/attachments) ---
  LIMS_ATTACHMENT_FORM_INVALID: { status: 400, title: 'The upload is not a form of fields followed by one file part' },
  LIMS_ATTACHMENT_TOO_LARGE: { status: 413, title: 'The file is larger than the attachment size limit' },
  LIMS_ATTACHMENT_TYPE_UNSUPPORTED: { status: 415, title: 'The content of the file is not a type the lab accepts' },
  LIMS_ATTACHMENT_JOB_CLOSED: { status: 409, title: 'The job is finished; no files can be added to it' },
  LIMS_ATTACHMENT_JOB_ACCEPTED: { status: 409, title: 'The job is accepted; the customer can only add a new revision of a file' },
  LIMS_ATTACHMENT_RETAINED: { status: 409, title: 'Files of an accepted job are kept; upload a new revision instead of deleting' },
  LIMS_ATTACHMENT_SUPERSEDED: { status: 409, title: 'The file already has a newer revision' },
  LIMS_ATTACHMENT_SUPERSEDES_INVALID: { status: 422, title: 'The file to supersede is not a file of this job' },
  LIMS_ATTACHMENT_CONTENT_MISSING: { status: 500, title: 'The stored content of the file is missing' },

  // --- test pieces catalogue, machine tools, reference measurements (src/modules/test-pieces, machine-tools, reference-measurements) ---
  LIMS_TEST_PIECE_CODE_TAKEN: { status: 409, title: 'Another test piece of the catalogue already has this code' },
  LIMS_TEST_PIECE_INVALID: { status: 422, title: 'The test piece is not valid' },
  LIMS_TEST_PIECE_INACTIVE: { status: 422, title: 'The test piece is withdrawn from the catalogue and cannot be picked' },
  LIMS_MACHINE_TOOL_INVALID: { status: 422, title: 'The machine tool is not valid' },
  LIMS_REFERENCE_NOT_REFERENCE_JOB: { status: 422, title: 'The job is not a reference measurement' },
  LIMS_COMPANY_RESULT_INVALID: { status: 422, title: "The company's result is not valid" },
  LIMS_COMPANY_RESULT_JOB_FINISHED: { status: 409, title: "The job is closed, cancelled or rejected; the company's results can no longer change" },
  LIMS_COMPANY_RESULT_ALREADY_CORRECTED: { status: 409, title: "The company's result has already been corrected; correct the current one" },
  LIMS_COMPANY_RESULT_EXISTS: { status: 409, title: "The company already gave a result for the characteristic; correct it instead" },

  // --- certificates and reports (src/modules/certificates) ---
  LIMS_DOCUMENT_TYPE_MISMATCH: { status: 422, title: "The document type does not fit the job's service or items" },
  LIMS_DOCUMENT_ITEMS_INVALID: { status: 422, title: 'The items named are not items of the job' },
  LIMS_DOCUMENT_ITEMS_NOT_RELEASED: { status: 409, title: 'Some items of the document have no released results' },
  LIMS_DOCUMENT_LANGUAGE_INVALID: { status: 422, title: 'The companion languages are not valid' },
  LIMS_DOCUMENT_NOT_DRAFT: { status: 409, title: 'Only a draft document can be issued' },
  LIMS_DOCUMENT_NOT_ISSUED: { status: 409, title: 'Only an issued document can be amended or revoked' },
  LIMS_DOCUMENT_AMENDMENT_EXISTS: { status: 409, title: 'The document already has an amendment' },
  LIMS_DOCUMENT_NO_DCC: { status: 409, title: 'Only a calibration certificate has a Digital Calibration Certificate' },
  LIMS_DOCUMENT_TRACEABILITY_INCOMPLETE: { status: 409, title: "The traceability of equipment used does not reach a national metrology institute or an accredited laboratory" },
  LIMS_SIGNATURE_NO_PASSWORD: { status: 403, title: 'The signer has no password to re-authenticate with' },
  LIMS_SIGNATURE_WRONG_PASSWORD: { status: 403, title: 'The password given to sign is wrong' },
  LIMS_SIGNATURE_NOT_AUTHORIZED: { status: 403, title: 'The signer is not authorized to issue documents for every method in the document' },
  LIMS_VERIFY_RATE_LIMITED: { status: 429, title: 'Too many verification requests' },

  // --- audit trail (src/modules/audit) ---
  LIMS_AUDIT_CHECKPOINTS_NOT_CONFIGURED: { status: 409, title: 'No audit signing key is configured, so no checkpoints are signed' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** True when a string is a code in the catalogue. */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CATALOGUE, code);
}
