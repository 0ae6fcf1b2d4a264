import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../http/context.js';
import { DomainError } from '../../shared/errors/index.js';
import { decodeUtf8 } from './domain/results-csv.js';
import { ResultsFileReader } from './results-import-reader.js';
import * as s from './results-import.schemas.js';
import { importResults, notUtf8, type ImportFormat, type ImportOptions } from './results-import.service.js';
import { RECORDERS } from './results.service.js';

const MEDIA_TYPES: Record<string, ImportFormat> = { 'text/csv': 'csv', 'application/xml': 'qif', 'application/qif+xml': 'qif' };

const formatOf = (request: FastifyRequest): ImportFormat | undefined => MEDIA_TYPES[String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()];

/**
 * Bulk import of results from instrument files (CSV, QIF Results). Its own plugin, so that the CSV and
 * XML body parsers and the larger body limit apply to this route only; files are read in worker
 * threads (IMPORT_TIME_LIMIT_MS each).
 */
export async function resultsImportRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.lims;
  const reader = new ResultsFileReader({ maxTimeMs: config.importTimeLimitMs });
  app.addHook('onClose', async () => reader.close());
  app.addContentTypeParser(Object.keys(MEDIA_TYPES), { parseAs: 'buffer', bodyLimit: config.importLimitBytes }, (request, body, done) => {
    const decoded = decodeUtf8(body as Buffer);
    if ('text' in decoded) done(null, decoded.text);
    else done(notUtf8(formatOf(request) ?? 'csv', decoded.badLine));
  });

  app.post<{ Params: { id: string }; Querystring: ImportOptions; Body: string }>('/jobs/:id/results/import', {
    config: { roles: RECORDERS },
    bodyLimit: config.importLimitBytes,
    schema: {
      tags: ['Results'],
      summary: 'Import results from a CSV or QIF Results file, all or nothing: any bad row refuses the whole file with every problem (line or QIF measurement, column, reason)',
      params: s.idParams,
      querystring: s.importQuery,
      body: s.importBody,
      response: { 200: s.importResponse, 201: s.importResponse },
    },
    handler: async (request, reply) => {
      const format = formatOf(request);
      if (!format) throw new DomainError('LIMS_UNSUPPORTED_MEDIA_TYPE', `Send the file as ${Object.keys(MEDIA_TYPES).join(', ')}.`);
      const view = await importResults(db, reader, actorOf(request), request.params.id, format, request.body, request.query);
      return reply.code(view.dryRun ? 200 : 201).send(view);
    },
  });
}
