import type { FastifyReply } from 'fastify';

/** Aborts when the client goes away before the answer is sent, so a long Monte Carlo run stops. */
export function abortOnDisconnect(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableEnded) controller.abort();
  });
  return controller.signal;
}
