import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/config.js';
import type { Database, Db } from '../db/database.js';
import type { Actor, Role } from '../shared/actor.js';
import { DomainError } from '../shared/errors/index.js';

/** What every route and hook can reach through `app.lims`. */
export interface LimsContext {
  config: Config;
  database: Database;
  db: Db;
}

declare module 'fastify' {
  interface FastifyInstance {
    lims: LimsContext;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Roles allowed to call the route. Routes under /api must declare roles or `public`. */
    roles?: readonly Role[];
    /** No authentication at all (health, login, documentation). */
    public?: boolean;
  }
}

/** The authenticated actor of a request; routes that declare roles always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('LIMS_AUTH_REQUIRED', 'Send an API token as `Authorization: Bearer <token>`.');
  return request.actor;
}
