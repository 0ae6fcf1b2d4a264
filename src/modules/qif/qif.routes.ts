import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../http/context.js';
import { DomainError } from '../../shared/errors/index.js';
import { SUBMIT_ROLES } from '../jobs/index.js';
import { QifReader } from './qif-reader.js';
import * as s from './qif.schemas.js';
import { importQifCharacteristics } from './qif.service.js';

const mediaType = (request: FastifyRequest): string => String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

/** Reads a body as UTF-8 text; anything else is refused as not a QIF document the import can read. */
function utf8(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new DomainError('LIMS_QIF_NOT_XML', 'The file is not UTF-8 text; save the QIF document as UTF-8 and send it again.');
  }
}

/**
 * QIF 3 (ISO 23952) import of a piece's characteristics. Its own plugin, so that the XML body parser
 * and the import body limit (IMPORT_LIMIT_BYTES) apply to this route only; files are read in worker
 * threads (IMPORT_TIME_LIMIT_MS each).
 */
export async function qifRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.lims;
  const reader = new QifReader({ maxTimeMs: config.importTimeLimitMs });
  app.addHook('onClose', async () => reader.close());
  app.addContentTypeParser([...s.QIF_MEDIA_TYPES], { parseAs: 'buffer', bodyLimit: config.importLimitBytes }, (_request, body, done) => {
    try {
      done(null, utf8(body as Buffer));
    } catch (e) {
      done(e as Error);
    }
  });

  app.post<{ Params: { jobId: string; itemId: string }; Body: string }>('/jobs/:jobId/items/:itemId/characteristics/qif', {
    config: { roles: SUBMIT_ROLES },
    bodyLimit: config.importLimitBytes,
    schema: {
      tags: ['Jobs'],
      summary: "Import a piece's characteristics from a QIF 3 MBD file until the job is accepted: all of them (with their QIF ids) or none, with every problem listed",
      params: s.itemParams,
      body: s.importBody,
      response: { 201: s.importResponse },
    },
    handler: async (request, reply) => {
      if (!(s.QIF_MEDIA_TYPES as readonly string[]).includes(mediaType(request))) {
        throw new DomainError('LIMS_UNSUPPORTED_MEDIA_TYPE', `Send the QIF document as the request body with Content-Type ${s.QIF_MEDIA_TYPES.join(', ')}.`);
      }
      return reply.code(201).send(await importQifCharacteristics(db, reader, actorOf(request), request.params.jobId, request.params.itemId, request.body));
    },
  });
}
