import type { FastifyInstance } from 'fastify';
import { actorOf } from '../../http/context.js';
import { STAFF_ROLES } from '../../shared/actor.js';
import { DomainError, notFound } from '../../shared/errors/index.js';
import { checkEnvironment, type EnvironmentReadings } from './domain/method-rules.js';
import * as s from './methods.schemas.js';
import { METHOD_KEEPERS, createMethod, createVersion, findMethodVersion, getMethod, getMethods, releaseVersion, updateDraft, type VersionInput } from './methods.service.js';

const tags = ['Methods'];
type Id = { Params: { id: string } };
type VersionId = { Params: { id: string; versionId: string } };
const list = <T>(items: T) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items } } }) as const;

/** Measurement and calibration procedures and their versions. */
export async function methodsRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;
  const read = { roles: STAFF_ROLES };
  const write = { roles: METHOD_KEEPERS };

  app.post<{ Body: VersionInput & { code: string } }>('/methods', {
    config: write,
    schema: { tags, summary: 'Create a method with its first (draft) version', body: s.createMethodBody, response: { 201: s.methodSchema } },
    handler: async (request, reply) => reply.code(201).send(await createMethod(db, actorOf(request), request.body)),
  });

  app.get('/methods', {
    config: read,
    schema: { tags, summary: 'Methods with all their versions', response: { 200: list(s.methodSchema) } },
    handler: async () => ({ items: await getMethods(db) }),
  });

  app.get<Id>('/methods/:id', {
    config: read,
    schema: { tags, summary: 'A method with all its versions', params: s.idParams, response: { 200: s.methodSchema } },
    handler: async (request) => getMethod(db, request.params.id),
  });

  app.get<Id>('/methods/:id/versions', {
    config: read,
    schema: { tags, summary: "A method's versions", params: s.idParams, response: { 200: list(s.versionSchema) } },
    handler: async (request) => ({ items: (await getMethod(db, request.params.id)).versions }),
  });

  app.post<Id & { Body: VersionInput }>('/methods/:id/versions', {
    config: write,
    schema: { tags, summary: 'Start a new draft version from the latest one', params: s.idParams, body: s.versionBody, response: { 201: s.versionSchema } },
    handler: async (request, reply) => reply.code(201).send(await createVersion(db, actorOf(request), request.params.id, request.body)),
  });

  app.patch<VersionId & { Body: VersionInput }>('/methods/:id/versions/:versionId', {
    config: write,
    schema: { tags, summary: 'Edit a draft version (released versions are immutable)', params: s.versionParams, body: s.updateDraftBody, response: { 200: s.versionSchema } },
    handler: async (request) => updateDraft(db, actorOf(request), request.params.id, request.params.versionId, request.body),
  });

  app.post<VersionId & { Body: { effectiveFrom?: string } }>('/methods/:id/versions/:versionId/release', {
    config: write,
    schema: { tags, summary: 'Release a draft version; it supersedes the previous release', params: s.versionParams, body: s.releaseBody, response: { 200: s.versionSchema } },
    handler: async (request) => releaseVersion(db, actorOf(request), request.params.id, request.params.versionId, request.body ?? {}),
  });

  app.post<VersionId & { Body: EnvironmentReadings }>('/methods/:id/versions/:versionId/environment-check', {
    config: read,
    schema: { tags, summary: "Check environmental readings against a version's limits", params: s.versionParams, body: s.environmentCheckBody, response: { 200: s.environmentCheckSchema } },
    handler: async (request) => {
      const version = await findMethodVersion(db, request.params.versionId);
      if (!version || version.methodId !== request.params.id) throw notFound('Method version', request.params.versionId);
      try {
        const violations = checkEnvironment(version.environment, request.body);
        return { withinLimits: violations.length === 0, violations };
      } catch (err) {
        throw new DomainError('LIMS_UNPROCESSABLE', (err as Error).message);
      }
    },
  });
}
