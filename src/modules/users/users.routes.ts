import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '../../http/context.js';
import { ALL_ROLES, STAFF_ROLES, type Role } from '../../shared/actor.js';
import { changeOwnPassword, login } from './auth.service.js';
import { bearerToken, hashToken } from './domain/tokens.js';
import * as schemas from './users.schemas.js';
import { changeUser, createUser, getTokens, getUser, getUsers, issueToken, revokeToken, type NewUser, type UserChange } from './users.service.js';

const list = <T>(items: T) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items } } }) as const;
type Id = { Params: { id: string } };

/** The hash of the token this request came with: password changes keep it working. */
function requestTokenHash(request: FastifyRequest): string | undefined {
  const token = bearerToken(request.headers.authorization);
  return token ? hashToken(token) : undefined;
}

/** Users and API tokens (admin), password login and the caller's own profile. */
export async function usersRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.lims;
  const admin = { roles: ['admin'] as Role[] };

  app.post<{ Body: NewUser }>('/users', {
    config: admin,
    schema: { tags: ['Users'], summary: 'Create a user', body: schemas.createUserBody, response: { 201: schemas.userSchema } },
    handler: async (request, reply) => reply.code(201).send(await createUser(db, actorOf(request), request.body)),
  });

  app.get<{ Querystring: { role?: Role; companyId?: string } }>('/users', {
    config: admin,
    schema: { tags: ['Users'], summary: 'List users', querystring: schemas.listUsersQuery, response: { 200: list(schemas.userSchema) } },
    handler: async (request) => ({ items: await getUsers(db, request.query) }),
  });

  app.get<Id>('/users/:id', {
    config: admin,
    schema: { tags: ['Users'], summary: 'Read a user', params: schemas.idParams, response: { 200: schemas.userSchema } },
    handler: async (request) => getUser(db, request.params.id),
  });

  app.patch<Id & { Body: UserChange & { reason?: string } }>('/users/:id', {
    config: admin,
    schema: {
      tags: ['Users'],
      summary: 'Change a user (role, name, company, active, password)',
      description:
        "A new password revokes every other token of the user (an admin changing their own password keeps the token of this request). Deactivating revokes all of the user's tokens for good: reactivating does not bring them back.",
      params: schemas.idParams,
      body: schemas.updateUserBody,
      response: { 200: schemas.userSchema },
    },
    handler: async (request) => {
      const { reason, ...change } = request.body;
      return changeUser(db, actorOf(request), request.params.id, change, reason, requestTokenHash(request));
    },
  });

  app.post<Id & { Body: { name: string; expiresAt?: string | null } }>('/users/:id/tokens', {
    config: admin,
    schema: {
      tags: ['Tokens'],
      summary: 'Issue an API token for a user (the token is shown once)',
      params: schemas.idParams,
      body: schemas.issueTokenBody,
      response: { 201: schemas.issuedTokenSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await issueToken(db, actorOf(request), request.params.id, request.body)),
  });

  app.get<Id>('/users/:id/tokens', {
    config: admin,
    schema: { tags: ['Tokens'], summary: "List a user's tokens (never the tokens themselves)", params: schemas.idParams, response: { 200: list(schemas.tokenSchema) } },
    handler: async (request) => ({ items: await getTokens(db, request.params.id) }),
  });

  app.post<Id & { Body: { reason?: string } }>('/tokens/:id/revoke', {
    config: { roles: ALL_ROLES },
    schema: {
      tags: ['Tokens'],
      summary: 'Revoke a token (admins: any token; others: their own)',
      params: schemas.idParams,
      body: schemas.revokeTokenBody,
      response: { 200: schemas.revokedTokenSchema },
    },
    handler: async (request) => revokeToken(db, actorOf(request), request.params.id, request.body?.reason),
  });

  app.post<{ Body: { email: string; password: string } }>('/auth/login', {
    config: { public: true },
    schema: {
      tags: ['Authentication'],
      summary: `Log in with e-mail and password (staff) to get an API token`,
      description:
        'Failed attempts are limited per account and client address (5 in 15 minutes) and per account from addresses it has not logged in from before (after 10 consecutive failures each attempt waits 30 seconds, doubling up to an hour). Past a limit the answer is 429 LIMS_AUTH_RATE_LIMITED with Retry-After, and the password is not checked.',
      body: schemas.loginBody,
      response: { 201: schemas.issuedTokenSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await login(db, { ...request.body, ip: request.ip, requestId: request.id })),
  });

  app.post<{ Body: { currentPassword: string; newPassword: string } }>('/me/password', {
    config: { roles: STAFF_ROLES },
    schema: {
      tags: ['Authentication'],
      summary: 'Change your own password',
      description:
        'Give the current password (counted against the login limits) and a new one that follows the password rules. Every other token of yours is revoked; the token of this request keeps working.',
      body: schemas.changeOwnPasswordBody,
      response: { 200: schemas.passwordChangedSchema },
    },
    handler: async (request) =>
      changeOwnPassword(db, actorOf(request), { ...request.body, ip: request.ip, keepTokenHash: requestTokenHash(request) }),
  });

  app.get('/me', {
    config: { roles: ALL_ROLES },
    schema: { tags: ['Authentication'], summary: 'The user behind the token', response: { 200: schemas.userSchema } },
    handler: async (request) => getUser(db, actorOf(request).userId),
  });
}
