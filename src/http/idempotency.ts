import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { canonicalJson, sha256Hex } from '../shared/canonical-json.js';
import { idempotencyKeys } from './idempotency.tables.js';
import { sendProblem } from './problem.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface Pending {
  userId: string;
  key: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: Pending | null;
  }
}

const fingerprint = (request: FastifyRequest): string =>
  sha256Hex(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`);

/**
 * Idempotency-Key for POST (IETF httpapi idempotency-key draft). Keys are per user and live in the
 * database, so any instance can answer a retry: the same key and body replay the stored answer,
 * another body is 422, a retry while the first request runs is 409. Answers of 5xx are not kept,
 * so the client may retry them. Keys expire after IDEMPOTENCY_TTL_HOURS.
 */
export function registerIdempotency(app: FastifyInstance): void {
  const { db, config } = app.lims;
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.actor) return;
    const key = Array.isArray(header) ? header[0]! : header;
    if (!KEY_PATTERN.test(key)) {
      return sendProblem(request, reply, 'LIMS_VALIDATION_FAILED', {
        detail: 'Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is a good choice).',
        errors: [{ field: '/headers/idempotency-key', message: 'is not a valid key' }],
      });
    }
    const userId = request.actor.userId;
    const requestHash = fingerprint(request);
    const expiresAt = new Date(Date.now() + config.idempotencyTtlHours * 3600_000);
    const claim = () =>
      db
        .insert(idempotencyKeys)
        .values({ userId, key, method: request.method, path: request.url, requestHash, state: 'in_progress', expiresAt })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });

    let claimed = await claim();
    if (claimed.length === 0) {
      // An expired key is free again.
      await db
        .delete(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key), lt(idempotencyKeys.expiresAt, sql`now()`)));
      claimed = await claim();
    }
    if (claimed.length > 0) {
      request.idempotency = { userId, key };
      return;
    }
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    if (!stored) return sendProblem(request, reply, 'LIMS_IDEMPOTENCY_IN_PROGRESS', { detail: 'Retry the request.' });
    if (stored.requestHash !== requestHash) {
      return sendProblem(request, reply, 'LIMS_IDEMPOTENCY_KEY_REUSED', {
        detail: `Idempotency-Key ${key} was first used with another request (${stored.method} ${stored.path} or another body). Use a new key for a new request.`,
      });
    }
    if (stored.state === 'in_progress') {
      return sendProblem(request, reply, 'LIMS_IDEMPOTENCY_IN_PROGRESS', {
        detail: `The first request with Idempotency-Key ${key} is still running; retry in a moment.`,
        headers: { 'retry-after': '1' },
      });
    }
    return reply
      .code(stored.responseStatus!)
      .header('idempotent-replayed', 'true')
      .type(stored.responseContentType ?? 'application/json')
      .send(stored.responseBody);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.idempotency;
    if (!pending) return payload;
    request.idempotency = null;
    const where = and(eq(idempotencyKeys.userId, pending.userId), eq(idempotencyKeys.key, pending.key));
    try {
      if (reply.statusCode >= 500 || typeof payload !== 'string') {
        await db.delete(idempotencyKeys).where(where);
      } else {
        const contentType = reply.getHeader('content-type');
        await db
          .update(idempotencyKeys)
          .set({ state: 'completed', responseStatus: reply.statusCode, responseBody: payload, responseContentType: contentType ? String(contentType) : null })
          .where(where);
      }
    } catch (err) {
      request.log.error({ err }, 'could not store the idempotent response');
    }
    return payload;
  });
}
