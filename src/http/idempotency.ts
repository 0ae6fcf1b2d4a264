import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { openRequestTransaction, runInRequestTransaction, type RequestTransaction } from '../db/request-scope.js';
import { canonicalJson, sha256Hex } from '../shared/canonical-json.js';
import { idempotencyKeys } from './idempotency.tables.js';
import { PROBLEM_MEDIA_TYPE, problemDocument, sendProblem } from './problem.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface Pending {
  userId: string;
  key: string;
  requestHash: string;
  transaction: RequestTransaction;
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: Pending | null;
  }
}

const fingerprint = (request: FastifyRequest): string =>
  sha256Hex(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`);

const rowsOf = (result: unknown): Record<string, unknown>[] => (result as { rows: Record<string, unknown>[] }).rows;

/** What a request with a key does: run (in the transaction that will hold its answer), or answer at once. */
type Claim = { run: RequestTransaction } | { answer: (reply: FastifyReply) => FastifyReply };

/**
 * Idempotency-Key for POST (IETF httpapi idempotency-key draft). Keys are per user and live in the
 * database, so any instance can answer a retry: the same key and body replay the stored answer,
 * another body is 422, a retry while the first request runs is 409.
 *
 * The request runs in one transaction (`request-scope.ts`) that first takes a transaction-level
 * advisory lock on the key, and the answer is stored in that same transaction: the write and its
 * stored answer commit together or not at all, and the claim is the lock, which ends with the
 * request or its connection. So a retry after any fault finds either the committed answer or a key
 * free to run again, never a key stuck "in progress". Answers of 4xx and 5xx are not kept (a 5xx
 * also rolls the request back), so the client may retry them. Keys expire after IDEMPOTENCY_TTL_HOURS.
 * The cost: an idempotent request holds one database connection while it runs (on the embedded
 * database, where there is one, other requests wait for it).
 */
export function registerIdempotency(app: FastifyInstance): void {
  const { database, config } = app.lims;
  const root = database.db;
  app.decorateRequest('idempotency', null);

  async function claim(request: FastifyRequest, userId: string, key: string, requestHash: string): Promise<Claim> {
    const transaction = await openRequestTransaction(root);
    try {
      const lock = await transaction.tx.execute(sql`select pg_try_advisory_xact_lock(hashtextextended(${`idempotency\n${userId}\n${key}`}, 0)) as locked`);
      if (rowsOf(lock)[0]?.locked !== true) {
        await transaction.end(false);
        return {
          answer: (reply) =>
            sendProblem(request, reply, 'LIMS_IDEMPOTENCY_IN_PROGRESS', {
              detail: `The first request with Idempotency-Key ${key} is still running; retry in a moment.`,
              headers: { 'retry-after': '1' },
            }),
        };
      }
      const where = and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));
      const [stored] = await transaction.tx.select().from(idempotencyKeys).where(where);
      const live = stored && stored.state === 'completed' && stored.expiresAt.getTime() > Date.now();
      if (stored && !live) {
        // Expired, or left "in progress" by an earlier version of the service: the key is free again.
        await transaction.tx.delete(idempotencyKeys).where(where);
      }
      if (!stored || !live) return { run: transaction };
      await transaction.end(false);
      if (stored.requestHash !== requestHash) {
        return {
          answer: (reply) =>
            sendProblem(request, reply, 'LIMS_IDEMPOTENCY_KEY_REUSED', {
              detail: `Idempotency-Key ${key} was first used with another request (${stored.method} ${stored.path} or another body). Use a new key for a new request.`,
            }),
        };
      }
      return {
        answer: (reply) =>
          reply
            .code(stored.responseStatus!)
            .header('idempotent-replayed', 'true')
            .type(stored.responseContentType ?? 'application/json')
            .send(stored.responseBody),
      };
    } catch (err) {
      await transaction.end(false).catch(() => undefined);
      throw err;
    }
  }

  // Callback style: the handler must run inside the request's transaction scope, which a callback
  // called within `runInRequestTransaction` gives it.
  app.addHook('preHandler', (request, reply, done) => {
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.actor) return done();
    const key = Array.isArray(header) ? header[0]! : header;
    if (!KEY_PATTERN.test(key)) {
      sendProblem(request, reply, 'LIMS_VALIDATION_FAILED', {
        detail: 'Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID is a good choice).',
        errors: [{ field: '/headers/idempotency-key', message: 'is not a valid key' }],
      });
      return;
    }
    const userId = request.actor.userId;
    const requestHash = fingerprint(request);
    claim(request, userId, key, requestHash).then(
      (claimed) => {
        if ('answer' in claimed) return void claimed.answer(reply);
        request.idempotency = { userId, key, requestHash, transaction: claimed.run };
        runInRequestTransaction(claimed.run, () => done());
      },
      (err: Error) => done(err),
    );
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const pending = request.idempotency;
    if (!pending) return payload;
    request.idempotency = null;
    const { transaction } = pending;
    const status = reply.statusCode;
    if (status >= 500) {
      await transaction.end(false).catch((err: unknown) => request.log.warn({ err }, 'could not roll back the request'));
      return payload;
    }
    try {
      // A 4xx commits what the handler chose to keep (its own transactions have rolled back) and
      // releases the key; a success stores its answer with its writes.
      if (status < 400 && typeof payload === 'string') {
        const contentType = reply.getHeader('content-type');
        await transaction.tx.insert(idempotencyKeys).values({
          userId: pending.userId,
          key: pending.key,
          method: request.method,
          path: request.url,
          requestHash: pending.requestHash,
          state: 'completed',
          responseStatus: status,
          responseBody: payload,
          responseContentType: contentType ? String(contentType) : null,
          expiresAt: new Date(Date.now() + config.idempotencyTtlHours * 3600_000),
        });
      }
      await transaction.end(true);
      return payload;
    } catch (err) {
      await transaction.end(false).catch(() => undefined);
      request.log.error({ err }, 'the request could not be committed');
      const body = problemDocument(config.publicBaseUrl, 'LIMS_DATABASE_UNAVAILABLE', {
        detail: 'The request was not saved because the database did not accept it; send it again with the same Idempotency-Key.',
        instance: request.url,
        requestId: request.id,
      });
      void reply.code(body.status).type(PROBLEM_MEDIA_TYPE).header('retry-after', '1');
      return JSON.stringify(body);
    }
  });

  // A request that ends without an answer (the client went away before onSend) must not hold its key.
  app.addHook('onResponse', async (request) => {
    const pending = request.idempotency;
    if (!pending) return;
    request.idempotency = null;
    await pending.transaction.end(false).catch(() => undefined);
  });
}
