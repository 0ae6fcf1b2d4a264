import type { FastifyInstance } from 'fastify';
import { checkpointPublicKey, createCheckpoint, listCheckpointPage } from './audit-checkpoints.service.js';
import { listAuditEvents, verifyAuditChain } from './audit.service.js';
import * as s from './audit.schemas.js';

const tags = ['Audit trail'];

type ListQuery = { entityType?: string; entityId?: string; actorUserId?: string; from?: string; to?: string; limit: number; cursor?: string };

/** Reading and verifying the audit trail (ISO/IEC 17025 7.5, 7.11). */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const { db, config } = app.lims;

  app.get<{ Querystring: ListQuery }>('/audit/events', {
    config: { roles: ['admin', 'auditor', 'quality_manager'] },
    schema: { tags, summary: 'List audit events, newest first, with cursor pagination', querystring: s.listQuery, response: { 200: s.eventPage } },
    handler: async (request) => {
      const { limit, ...filter } = request.query;
      return listAuditEvents(db, filter, limit);
    },
  });

  app.get('/audit/verify', {
    config: { roles: ['admin', 'auditor'] },
    schema: {
      tags,
      summary: 'Recompute the hash chain, report the first broken link, and compare the trail with the signed checkpoints (truncation, rewriting)',
      response: { 200: s.verifyResult },
    },
    handler: async () => verifyAuditChain(db, config.auditSigningKey),
  });

  app.get<{ Querystring: { limit: number; cursor?: string } }>('/audit/checkpoints', {
    config: { roles: ['admin', 'auditor', 'quality_manager'] },
    schema: {
      tags,
      summary: 'Signed checkpoints of the chain, newest first, with the public key that verifies them',
      querystring: s.checkpointListQuery,
      response: { 200: s.checkpointPage },
    },
    handler: async (request) => listCheckpointPage(db, config.auditSigningKey, request.query.limit, request.query.cursor),
  });

  app.post('/audit/checkpoints', {
    config: { roles: ['admin', 'auditor', 'quality_manager'] },
    schema: { tags, summary: "Sign a checkpoint of the chain's head now (409 when no signing key is configured)", response: { 201: s.checkpointSchema } },
    handler: async (request, reply) => {
      const checkpoint = await createCheckpoint(db, config.auditSigningKey);
      request.log.info({ auditCheckpoint: checkpoint }, 'audit checkpoint signed on request');
      return reply.code(201).send(checkpoint);
    },
  });

  app.get('/audit/public-key', {
    config: { roles: ['admin', 'auditor', 'quality_manager'] },
    schema: { tags, summary: 'The Ed25519 public key that verifies audit checkpoints, with its key id', response: { 200: s.publicKeySchema } },
    handler: async () => checkpointPublicKey(config.auditSigningKey),
  });
}
