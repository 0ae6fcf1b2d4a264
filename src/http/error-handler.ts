import type { FastifyError, FastifyInstance } from 'fastify';
import { isErrorCode, type ErrorCode } from '../shared/errors/index.js';
import { fieldErrors, sendProblem } from './problem.js';

const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

/** True for errors that mean the database cannot be reached right now (not a bad query). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    const message = typeof e.message === 'string' ? e.message : '';
    if (DB_DOWN_CODES.has(code) || code.startsWith('08')) return true;
    if (/timeout exceeded when trying to connect|Connection terminated|not queryable|PGlite is closed|Cannot use a pool after calling end/i.test(message)) {
      return true;
    }
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * PostgreSQL rolled the transaction back, not because of the request: a deadlock, a serialization
 * failure, a lock or idle-in-transaction timeout. Sending the request again is the cure.
 */
const TRANSIENT_CODES = new Set(['40P01', '40001', '55P03', '25P03']);

const STATUS_CODES: Record<number, ErrorCode> = {
  413: 'LIMS_PAYLOAD_TOO_LARGE',
  415: 'LIMS_UNSUPPORTED_MEDIA_TYPE',
  405: 'LIMS_METHOD_NOT_ALLOWED',
  503: 'LIMS_SERVICE_UNAVAILABLE',
};

/**
 * The one error handler: catalogue codes and validation errors become their problem documents;
 * Fastify's own 4xx keep their (safe) message; everything else is a 500 that shows only the request id.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & { details?: Record<string, unknown> }, request, reply) => {
    if (error.validation) {
      return sendProblem(request, reply, 'LIMS_VALIDATION_FAILED', {
        detail: 'The request does not match the schema; see `errors` for each offending field.',
        errors: fieldErrors(error),
      });
    }
    if (isErrorCode(error.code)) {
      const retryAfter = error.details?.retryAfterSeconds;
      return sendProblem(request, reply, error.code, {
        detail: error.message,
        ...(error.details ? { details: error.details } : {}),
        ...(typeof retryAfter === 'number' ? { headers: { 'retry-after': String(retryAfter) } } : {}),
      });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.error({ err: error }, 'database unavailable');
      return sendProblem(request, reply, 'LIMS_DATABASE_UNAVAILABLE', {
        detail: `The database cannot be reached at the moment; try again shortly (request id ${request.id}).`,
        headers: { 'retry-after': '5' },
      });
    }
    if (TRANSIENT_CODES.has(String(error.code))) {
      request.log.warn({ err: error }, 'transaction rolled back by the database; the client may retry');
      return sendProblem(request, reply, 'LIMS_SERVICE_UNAVAILABLE', {
        detail: 'The request collided with another one and was rolled back; nothing was saved. Send it again.',
        headers: { 'retry-after': '1' },
      });
    }
    const status = error.statusCode ?? 500;
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(request, reply, 'LIMS_UNSUPPORTED_MEDIA_TYPE', {
        detail: `The Content-Type ${JSON.stringify(String(request.headers['content-type'] ?? '').slice(0, 100))} is not accepted here: send JSON bodies as application/json; the operations that take files name their media types in /docs.`,
      });
    }
    if (status >= 400 && status < 500) {
      return sendProblem(request, reply, STATUS_CODES[status] ?? 'LIMS_BAD_REQUEST', { detail: error.message });
    }
    if (status === 503) {
      return sendProblem(request, reply, 'LIMS_SERVICE_UNAVAILABLE', { detail: 'The service is shutting down; retry shortly.' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'LIMS_INTERNAL', {
      detail: `An unexpected error occurred. Quote request id ${request.id} when you report it.`,
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, 'LIMS_ROUTE_NOT_FOUND', {
      detail: `There is no endpoint ${request.method} ${request.url.split('?')[0]}; see /docs for the API.`,
    }),
  );
}
