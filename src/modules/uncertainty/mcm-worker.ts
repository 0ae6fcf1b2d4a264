/**
 * Worker-thread entry point: evaluates uncertainty requests (in practice those that need Monte
 * Carlo) with the pure engine, one at a time, so that the request thread stays free. Started
 * by McmWorkerPool; never imported by other code.
 */
import { parentPort } from 'node:worker_threads';
import { evaluate } from './domain/index.js';
import type { WorkerReply, WorkerTask } from './mcm-worker-pool.js';

/** Errors cross the thread boundary as plain data: structured clone drops `code` and `details`. */
function serializeError(error: unknown): Extract<WorkerReply, { ok: false }>['error'] {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const { code, details } = error as Error & { code?: unknown; details?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(details !== null && typeof details === 'object' ? { details: details as Record<string, unknown> } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}

const port = parentPort;
if (!port) throw new Error('mcm-worker must run in a worker thread');

port.on('message', (task: WorkerTask) => {
  // The pool sets the shared flag when the client goes away or the service shuts down; the
  // engine checks it between chunks of trials.
  const flag = new Int32Array(task.abort);
  const signal = {
    get aborted(): boolean {
      return Atomics.load(flag, 0) !== 0;
    },
  };
  let reply: WorkerReply;
  try {
    reply = { id: task.id, ok: true, result: evaluate(task.request, { signal, ...(task.tolerance ? { tolerance: task.tolerance } : {}) }) };
  } catch (error) {
    reply = { id: task.id, ok: false, error: serializeError(error) };
  }
  port.postMessage(reply);
});
