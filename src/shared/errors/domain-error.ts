import type { ErrorCode } from './catalogue.js';

/** A failure a person can act on: a stable code from the catalogue, a message, and optional details. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('LIMS_NOT_FOUND', `${what} ${id} does not exist or is not visible to you.`, { entity: what, id });

export const forbidden = (message: string): DomainError => new DomainError('LIMS_AUTH_FORBIDDEN', message);
