import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERROR_CATALOGUE, isErrorCode, type ErrorCode } from '../shared/errors/index.js';
import { patternMessage } from './common-schemas.js';
import { formatMessage } from './formats.js';

/** JSON schema of an RFC 9457 problem document, used as the 4xx/5xx response schema of every route. */
export const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string', description: 'URI of the problem type' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'What went wrong and what to do about it' },
    code: { type: 'string', description: 'Stable machine-readable error code', example: 'LIMS_AUTH_FORBIDDEN' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      description: 'The offending fields of a request that failed validation',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    details: { type: 'object', additionalProperties: true },
  },
} as const;

export interface FieldError {
  field: string;
  message: string;
}

export interface ProblemOptions {
  detail: string;
  errors?: FieldError[];
  details?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The problem type URI: served by the service itself at /problems/{code}. */
export const problemType = (baseUrl: string, code: ErrorCode): string => `${baseUrl}/problems/${code}`;

/** The media type of every error answer (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** A problem document for a catalogue code: what `sendProblem` sends, and what answers outside a request (a bad URL, headers too large) send too. */
export function problemDocument(
  baseUrl: string,
  code: ErrorCode,
  options: Pick<ProblemOptions, 'detail' | 'errors' | 'details'> & { instance?: string; requestId?: string },
) {
  const entry = ERROR_CATALOGUE[code];
  return {
    type: problemType(baseUrl, code),
    title: entry.title,
    status: entry.status,
    detail: options.detail,
    code,
    ...(options.instance !== undefined ? { instance: options.instance } : {}),
    ...(options.requestId !== undefined ? { requestId: options.requestId } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
    ...(options.details ? { details: options.details } : {}),
  };
}

/** Sends a problem+json answer for a catalogue code. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  options: ProblemOptions,
): FastifyReply {
  const body = problemDocument(request.server.lims.config.publicBaseUrl, code, { ...options, instance: request.url, requestId: request.id });
  if (options.headers) void reply.headers(options.headers);
  return reply.code(body.status).type(PROBLEM_MEDIA_TYPE).send(body);
}

/** Field errors from a Fastify/Ajv validation failure, named by JSON pointer into the request part. */
export function fieldErrors(error: FastifyError): FieldError[] {
  const part = error.validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const params = v.params as Record<string, unknown>;
    const extra = params.additionalProperty ?? params.missingProperty;
    const field = `/${part}${v.instancePath}${extra ? `/${String(extra)}` : ''}`;
    let message = v.message ?? 'is not valid';
    if (params.additionalProperty) message = 'is not a known field (remove it or check its spelling)';
    else if (params.missingProperty) message = 'is required';
    else if (Array.isArray(params.allowedValues)) message = `must be one of: ${params.allowedValues.join(', ')}`;
    else if (v.keyword === 'format') message = formatMessage(String(params.format), (v as { data?: unknown }).data) ?? message;
    else if (v.keyword === 'pattern') message = patternMessage(String(params.pattern)) ?? message;
    return { field, message };
  });
}

export { isErrorCode };
