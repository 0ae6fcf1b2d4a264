import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.js';

/** How often, while closing, connections that have become idle are closed. */
const IDLE_SWEEP_MS = 50;

/**
 * Graceful shutdown over keep-alive connections. Once closing has begun:
 * - idle connections are closed at once, and again as each in-flight answer leaves its connection
 *   idle (Fastify closes the idle ones only when closing starts; a client's kept socket would
 *   otherwise hold the server open until its keep-alive timeout, past the grace period);
 * - every answer carries `Connection: close`, so its socket closes after it;
 * - requests that still reach the app (pipelined on a kept socket, or racing the close) get a 503
 *   problem telling the client to retry (another instance will answer), while in-flight ones finish.
 */
export function registerShutdownGate(app: FastifyInstance): void {
  let closing = false;
  let sweeper: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    closing = true;
    const server = app.server;
    if (typeof server.closeIdleConnections !== 'function') return;
    server.closeIdleConnections();
    sweeper = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS).unref();
  });
  app.addHook('onClose', async () => clearInterval(sweeper));
  app.addHook('onRequest', async (request, reply) => {
    if (!closing) return;
    return sendProblem(request, reply, 'LIMS_SERVICE_UNAVAILABLE', {
      detail: 'The service is shutting down; retry the request (another instance will answer it).',
      headers: { 'retry-after': '1' },
    });
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) void reply.header('connection', 'close');
    return payload;
  });
}
