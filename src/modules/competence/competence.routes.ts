import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { STAFF_ROLES } from '../../shared/actor.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import * as s from './competence.schemas.js';
import { COMPETENCE_KEEPERS, getAuthorizations, getEvidence, grantAuthorization, isAuthorized, recordEvidence, revokeAuthorization, type AuthorizationInput, type EvidenceInput } from './competence.service.js';
import type { Capability } from './domain/authorization.js';

const tags = ['Staff competence'];
type User = { Params: { userId: string } };
const list = <T>(items: T) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items } } }) as const;

/** Staff authorizations per method and evidence of competence (ISO/IEC 17025 6.2). */
export async function competenceRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;
  const read = { roles: STAFF_ROLES };
  const write = { roles: COMPETENCE_KEEPERS };

  app.post<User & { Body: AuthorizationInput }>('/staff/:userId/authorizations', {
    config: write,
    schema: { tags, summary: 'Authorize a staff member for a method (measure, review, issue)', params: s.userParams, body: s.grantBody, response: { 201: s.authorizationSchema } },
    handler: async (request, reply) => reply.code(201).send(await grantAuthorization(db, actorOf(request), request.params.userId, request.body)),
  });

  app.get<User>('/staff/:userId/authorizations', {
    config: read,
    schema: { tags, summary: "A staff member's authorizations, expired and revoked ones included", params: s.userParams, response: { 200: list(s.authorizationSchema) } },
    handler: async (request) => ({ items: await getAuthorizations(db, request.params.userId) }),
  });

  app.post<{ Params: { userId: string; id: string }; Body: { revokedOn?: string; reason: string } }>('/staff/:userId/authorizations/:id/revoke', {
    config: write,
    schema: { tags, summary: 'Revoke an authorization from a day on', params: s.authorizationParams, body: s.revokeBody, response: { 200: s.authorizationSchema } },
    handler: async (request) => revokeAuthorization(db, actorOf(request), request.params.userId, request.params.id, request.body),
  });

  app.get<User & { Querystring: { methodVersionId: string; capability: Capability; at?: string } }>('/staff/:userId/authorization-check', {
    config: read,
    schema: { tags, summary: 'Is the staff member authorized for a method version and capability on a day?', params: s.userParams, querystring: s.checkQuery, response: { 200: s.decisionSchema } },
    handler: async (request) => {
      const { methodVersionId, capability, at } = request.query;
      return isAuthorized(db, request.params.userId, methodVersionId, capability, at ?? todayInFinland());
    },
  });

  app.post<User & { Body: EvidenceInput }>('/staff/:userId/evidence', {
    config: write,
    schema: { tags, summary: 'Record evidence of competence (training, RR test, proficiency test)', params: s.userParams, body: s.evidenceBody, response: { 201: s.evidenceSchema } },
    handler: async (request, reply) => reply.code(201).send(await recordEvidence(db, actorOf(request), request.params.userId, request.body)),
  });

  app.get<User>('/staff/:userId/evidence', {
    config: read,
    schema: { tags, summary: "A staff member's evidence of competence", params: s.userParams, response: { 200: list(s.evidenceSchema) } },
    handler: async (request) => ({ items: await getEvidence(db, request.params.userId) }),
  });
}
