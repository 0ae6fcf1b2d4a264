import { randomUUID } from 'node:crypto';
import { maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import type { ConnectionError, FastifyInstance, FastifyServerOptions } from 'fastify';
import type { ErrorCode } from '../shared/errors/index.js';
import { PROBLEM_MEDIA_TYPE, problemDocument, sendProblem } from './problem.js';

/**
 * Errors raised before a request reaches a route still answer with a problem document and a code:
 * Fastify's own (a URL that cannot be decoded, a path segment over its length limit) through
 * `frameworkErrors`, and node's HTTP parser's (headers or request line too large, not HTTP at all,
 * a request that took too long to arrive) through `clientErrorHandler`, which writes to the socket.
 */

/** Fastify's `frameworkErrors`: the request exists, so the answer is a normal problem reply. */
const frameworkErrors: NonNullable<FastifyServerOptions['frameworkErrors']> = (error, request, reply) => {
  const fail = (code: ErrorCode, detail: string) => sendProblem(request, reply, code, { detail });
  switch (error.code) {
    case 'FST_ERR_BAD_URL':
      return fail('LIMS_BAD_REQUEST', 'The URL cannot be decoded: a "%" must be followed by two hexadecimal digits of UTF-8 (write a literal % as %25).');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return fail('LIMS_URI_TOO_LONG', 'A segment of the URL path is longer than this service reads (100 characters); ids are UUIDs of 36.');
    default:
      request.log.warn({ err: error }, 'framework error before routing');
      return fail('LIMS_BAD_REQUEST', 'The request could not be routed.');
  }
};

/** True when the request line alone (the URL with its query) is what overflowed node's header limit. */
const isRequestLineTooLong = (packet: unknown): boolean => {
  if (!Buffer.isBuffer(packet) || !/^[A-Z]+ /.test(packet.subarray(0, 16).toString('latin1'))) return false;
  const end = packet.indexOf('\n');
  return (end === -1 ? packet.length : end) >= maxHeaderSize;
};

/** What node's parser refused, as a catalogue code and words for the client. */
function clientProblem(error: ConnectionError): { code: ErrorCode; detail: string } {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      // Node puts the bytes it was parsing on the error (typed otherwise in Fastify's declarations).
      if (isRequestLineTooLong((error as { rawPacket?: unknown }).rawPacket)) {
        return { code: 'LIMS_URI_TOO_LONG', detail: `The request line (the URL with its query string) is longer than this service reads (${maxHeaderSize / 1024} KiB with the headers).` };
      }
      return { code: 'LIMS_HEADERS_TOO_LARGE', detail: `The request headers are larger than this service reads (${maxHeaderSize / 1024} KiB in all); send fewer or shorter headers.` };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
    case 'ERR_HTTP_HEADERS_TIMEOUT':
      return { code: 'LIMS_REQUEST_TIMEOUT', detail: 'The request did not arrive in time; send it again.' };
    default:
      return { code: 'LIMS_BAD_REQUEST', detail: `The request is not valid HTTP/1.1 (${error.code ?? 'unreadable'}).` };
  }
}

/** The Fastify options that make answers before routing problem documents. `baseUrl` is the problem types' base. */
export function preRoutingErrorOptions(baseUrl: string): Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> {
  return {
    frameworkErrors,
    clientErrorHandler(this: unknown, error: ConnectionError, socket: Socket) {
      // A reset connection has nobody left to answer (the same rule as Fastify's default handler).
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const requestId = randomUUID();
      const { code, detail } = clientProblem(error);
      const document = problemDocument(baseUrl, code, { detail, requestId });
      // Fastify calls the handler bound to the instance.
      (this as FastifyInstance).log.info({ reqId: requestId, code, parserError: error.code }, 'request refused by the HTTP parser');
      if (socket.writable) {
        const body = JSON.stringify(document);
        socket.write(
          `HTTP/1.1 ${document.status} ${httpReason(document.status)}\r\nContent-Type: ${PROBLEM_MEDIA_TYPE}; charset=utf-8\r\n` +
            `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
        );
      }
      socket.destroy(error);
    },
  };
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 414: 'URI Too Long', 431: 'Request Header Fields Too Large' };
const httpReason = (status: number): string => REASONS[status] ?? 'Error';
