import type { FastifyInstance } from 'fastify';
import { sendProblem } from '../../http/problem.js';
import { DomainError } from '../../shared/errors/index.js';
import * as s from './certificates.schemas.js';
import { lab } from './document-facts.js';
import { RateLimiter, verifyBytes, verifyNumber } from './verification.service.js';

const tags = ['Verification'];
const MAX_PDF_BYTES = 50 * 1024 * 1024;

/**
 * Public verification of issued documents (no login): `GET /verify/{number}`, the address in every
 * page's QR code, and `POST /verify` with the PDF's bytes. Rate-limited per client address.
 */
export async function verificationRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.lims;
  const limiter = new RateLimiter(config.verifyRatePerMinute);
  const laboratory = lab().name;
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_PDF_BYTES }, (_request, body, done) => done(null, body));
  app.addHook('onRequest', async (request, reply) => {
    if (limiter.take(request.ip)) return;
    return sendProblem(request, reply, 'LIMS_VERIFY_RATE_LIMITED', { detail: `At most ${config.verifyRatePerMinute} verifications a minute from one address; try again in a minute.`, headers: { 'retry-after': '60' } });
  });

  app.get<{ Params: { number: string } }>('/verify/:number', {
    config: { public: true },
    schema: { tags, summary: 'Is this document number valid, superseded or revoked? (no login; nothing confidential)', params: s.numberParams, response: { 200: s.verification } },
    handler: async (request) => verifyNumber(db, request.params.number, laboratory),
  });

  app.post<{ Body: Buffer }>('/verify', {
    config: { public: true },
    bodyLimit: MAX_PDF_BYTES,
    schema: {
      tags,
      summary: 'Is this PDF, byte for byte, a document the lab issued? (no login)',
      body: { description: 'The PDF file as the body, Content-Type application/pdf' },
      response: { 200: s.bytesVerification },
    },
    handler: async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new DomainError('LIMS_UNSUPPORTED_MEDIA_TYPE', 'Send the PDF file as the request body with Content-Type application/pdf.');
      return verifyBytes(db, request.body);
    },
  });
}
