import type { FastifyInstance, RouteOptions } from 'fastify';
import { authenticate, bearerToken } from '../modules/users/index.js';
import { sendProblem } from './problem.js';

/**
 * Authentication and role checks. Every route declares `config.roles` or `config.public`; an /api
 * route without either fails at start-up, and at run time anything undeclared is denied.
 */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route: RouteOptions) => {
    const config = route.config as { roles?: readonly string[]; public?: boolean } | undefined;
    const url = route.url;
    if (url.startsWith('/api/') && !config?.public && !config?.roles?.length) {
      throw new Error(`route ${route.method} ${url} declares neither roles nor public`);
    }
    if (config?.roles?.length && route.schema && !route.schema.hide) {
      const schema = route.schema as Record<string, unknown>;
      schema.security = [{ bearerAuth: [] }];
      const roles = `Roles: ${config.roles.join(', ')}.`;
      // Fastify's automatic HEAD route shares the GET route's schema object: add the line once.
      const description = schema.description === undefined ? '' : String(schema.description);
      if (!description.endsWith(roles)) schema.description = description ? `${description}\n\n${roles}` : roles;
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    // Outside /api: health, documentation and the not-found handler, all public.
    if (config.public || !request.routeOptions.url?.startsWith('/api/')) return;
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      return sendProblem(request, reply, 'LIMS_AUTH_REQUIRED', {
        detail: 'Send an API token as `Authorization: Bearer <token>`.',
        headers: { 'www-authenticate': 'Bearer' },
      });
    }
    const actor = await authenticate(app.lims.db, token, request.id);
    if (!actor) {
      request.log.warn('request with an unknown, expired or revoked token');
      return sendProblem(request, reply, 'LIMS_AUTH_INVALID_TOKEN', {
        detail: 'The token is unknown, expired or revoked, or its user is deactivated. Ask an administrator for a new token.',
        headers: { 'www-authenticate': 'Bearer error="invalid_token"' },
      });
    }
    request.actor = actor;
    request.log = request.log.child({ userId: actor.userId, role: actor.role });
    if (!config.roles?.includes(actor.role)) {
      return sendProblem(request, reply, 'LIMS_AUTH_FORBIDDEN', {
        detail: `Your role (${actor.role}) may not ${request.method} ${request.routeOptions.url}. Allowed: ${config.roles?.join(', ') || 'none'}.`,
      });
    }
  });
}
