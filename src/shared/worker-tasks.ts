/**
 * The worker side of a WorkerPool (worker-pool.ts) and the messages between the two. A worker
 * entry file calls `serveTasks` with one pure function and imports nothing else with I/O: a
 * worker loads the engine or the parser, never the database, PDF or password libraries.
 */
import { parentPort } from 'node:worker_threads';

/** Message from the pool to a worker. */
export interface TaskMessage<P> {
  readonly id: number;
  readonly payload: P;
  /** One Int32 flag: non-zero asks the task to stop (the client went away, the service is closing). */
  readonly abort: SharedArrayBuffer;
}

/** An error as it crosses the thread boundary: structured clone would drop `code` and `details`. */
export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly details?: Record<string, unknown>;
  readonly stack?: string;
}

/** Message from a worker back to the pool. */
export type TaskReply<R> = { readonly id: number; readonly ok: true; readonly result: R } | { readonly id: number; readonly ok: false; readonly error: SerializedError };

/** What a task may poll to stop early. */
export interface TaskSignal {
  readonly aborted: boolean;
}

export function serializeError(error: unknown): SerializedError {
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

/** Runs `handle` for every task the pool sends, one at a time, and answers each with its result or error. */
export function serveTasks<P, R>(handle: (payload: P, signal: TaskSignal) => R): void {
  const port = parentPort;
  if (!port) throw new Error('a task worker must run in a worker thread');
  port.on('message', (task: TaskMessage<P>) => {
    const flag = new Int32Array(task.abort);
    const signal: TaskSignal = {
      get aborted(): boolean {
        return Atomics.load(flag, 0) !== 0;
      },
    };
    let reply: TaskReply<R>;
    try {
      reply = { id: task.id, ok: true, result: handle(task.payload, signal) };
    } catch (error) {
      reply = { id: task.id, ok: false, error: serializeError(error) };
    }
    port.postMessage(reply);
  });
}
