/**
 * Coded errors of the uncertainty engine. The engine knows nothing about HTTP: the API layer
 * maps each code to a status from its own table, so the codes here are the stable contract.
 */

/** Every code the uncertainty engine can raise, for the application's error catalogue. */
export const UNCERTAINTY_ERROR_CODES = [
  'LIMS_UNCERTAINTY_MODEL_SYNTAX',
  'LIMS_UNCERTAINTY_UNKNOWN_NAME',
  'LIMS_UNCERTAINTY_ARITY',
  'LIMS_UNCERTAINTY_DOMAIN',
  'LIMS_UNCERTAINTY_INVALID_INPUT',
  'LIMS_UNCERTAINTY_CORRELATION_NOT_PSD',
  'LIMS_UNCERTAINTY_CORRELATION_NON_NORMAL',
  'LIMS_UNCERTAINTY_ABORTED',
] as const;

export type UncertaintyErrorCode = (typeof UNCERTAINTY_ERROR_CODES)[number];

/** Structured, JSON-serialisable context for an error (position, input name, ...). */
export type UncertaintyErrorDetails = Readonly<Record<string, unknown>>;

/**
 * Error raised for a model or input the engine cannot evaluate. `code` is stable and
 * machine-readable; `message` is English prose for a human; `details` carries the facts.
 */
export class UncertaintyModelError extends Error {
  readonly code: UncertaintyErrorCode;
  readonly details: UncertaintyErrorDetails;

  constructor(code: UncertaintyErrorCode, message: string, details: UncertaintyErrorDetails = {}) {
    super(message);
    this.name = 'UncertaintyModelError';
    this.code = code;
    this.details = details;
  }
}

/**
 * The shape every coded error of the domain shares: a stable `code` from its own list, English
 * prose for a person, and JSON-serialisable facts. The application's error handler reads `code`.
 */
export class CodedError<C extends string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Shorthand for the most common error: an input (or option) that cannot be accepted. */
export function invalidInput(message: string, details: UncertaintyErrorDetails = {}): UncertaintyModelError {
  return new UncertaintyModelError('LIMS_UNCERTAINTY_INVALID_INPUT', message, details);
}
