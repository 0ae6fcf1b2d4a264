import type { FastifyInstance } from 'fastify';
import { listAuditEvents, verifyAuditChain } from './audit.service.js';

const tags = ['Audit trail'];

const eventSchema = {
  type: 'object',
  required: ['seq', 'occurredAt', 'actorUserId', 'actorRole', 'action', 'entityType', 'entityId', 'before', 'after', 'reason', 'requestId', 'prevHash', 'hash'],
  properties: {
    seq: { type: 'integer' },
    occurredAt: { type: 'string', format: 'date-time' },
    actorUserId: { type: 'string', nullable: true },
    actorRole: { type: 'string' },
    action: { type: 'string', example: 'user.create' },
    entityType: { type: 'string' },
    entityId: { type: 'string' },
    before: { nullable: true, description: 'The entity before the change (JSON)' },
    after: { nullable: true, description: 'The entity after the change (JSON)' },
    reason: { type: 'string', nullable: true },
    requestId: { type: 'string', nullable: true },
    prevHash: { type: 'string' },
    hash: { type: 'string', description: 'SHA-256 over prevHash and the canonical JSON of the event' },
  },
} as const;

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    entityType: { type: 'string', maxLength: 100 },
    entityId: { type: 'string', maxLength: 200 },
    actorUserId: { type: 'string', format: 'uuid' },
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    cursor: { type: 'string', maxLength: 100, description: 'nextCursor of the previous page' },
  },
} as const;

type ListQuery = { entityType?: string; entityId?: string; actorUserId?: string; from?: string; to?: string; limit: number; cursor?: string };

/** Reading and verifying the audit trail (ISO/IEC 17025 7.5, 7.11). */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;

  app.get<{ Querystring: ListQuery }>('/audit/events', {
    config: { roles: ['admin', 'auditor', 'quality_manager'] },
    schema: {
      tags,
      summary: 'List audit events, newest first, with cursor pagination',
      querystring: listQuery,
      response: {
        200: {
          type: 'object',
          required: ['items', 'nextCursor'],
          properties: { items: { type: 'array', items: eventSchema }, nextCursor: { type: 'string', nullable: true } },
        },
      },
    },
    handler: async (request) => {
      const { limit, ...filter } = request.query;
      return listAuditEvents(db, filter, limit);
    },
  });

  app.get('/audit/verify', {
    config: { roles: ['admin', 'auditor'] },
    schema: {
      tags,
      summary: 'Recompute the hash chain and report the first broken link',
      response: {
        200: {
          type: 'object',
          required: ['intact', 'eventsChecked', 'lastSeq', 'firstBrokenSeq', 'reason'],
          properties: {
            intact: { type: 'boolean' },
            eventsChecked: { type: 'integer' },
            lastSeq: { type: 'integer', description: 'The last event known to be intact' },
            firstBrokenSeq: { type: 'integer', nullable: true },
            reason: { type: 'string', nullable: true },
          },
        },
      },
    },
    handler: async () => verifyAuditChain(db),
  });
}
