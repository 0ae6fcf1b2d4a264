import type { FastifyInstance } from 'fastify';
import { ERROR_CATALOGUE, isErrorCode } from '../../shared/errors/index.js';
import { sendProblem } from '../../http/problem.js';

const statusSchema = {
  type: 'object',
  required: ['status'],
  properties: { status: { type: 'string', enum: ['ok'] }, database: { type: 'string' } },
} as const;

/** Liveness, readiness (checks the database) and the problem-type pages. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  const { database } = app.lims;

  app.get('/health/live', {
    config: { public: true },
    schema: { tags: ['Health'], summary: 'The process is up', response: { 200: statusSchema } },
    handler: async () => ({ status: 'ok' as const }),
  });

  app.get('/health/ready', {
    config: { public: true },
    schema: { tags: ['Health'], summary: 'The service can serve requests (database reachable)', response: { 200: statusSchema } },
    handler: async (request, reply) => {
      try {
        await database.ping(2000);
      } catch (err) {
        request.log.warn({ err }, 'readiness check failed');
        return sendProblem(request, reply, 'LIMS_DATABASE_UNAVAILABLE', {
          detail: 'The database cannot be reached or did not answer within 2 s.',
          headers: { 'retry-after': '5' },
        });
      }
      return { status: 'ok' as const, database: database.kind };
    },
  });

  app.get<{ Params: { code: string } }>('/problems/:code', {
    config: { public: true },
    schema: {
      tags: ['Health'],
      summary: 'What an error code means (the `type` of problem documents)',
      params: { type: 'object', additionalProperties: false, required: ['code'], properties: { code: { type: 'string', maxLength: 100 } } },
      response: {
        200: {
          type: 'object',
          required: ['code', 'status', 'title'],
          properties: { code: { type: 'string' }, status: { type: 'integer' }, title: { type: 'string' } },
        },
      },
    },
    handler: async (request, reply) => {
      const { code } = request.params;
      if (!isErrorCode(code)) return sendProblem(request, reply, 'LIMS_NOT_FOUND', { detail: `There is no error code ${code}.` });
      return { code, ...ERROR_CATALOGUE[code] };
    },
  });
}
