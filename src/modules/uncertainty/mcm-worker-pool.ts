/**
 * A small pool of worker threads that run uncertainty evaluations (Monte Carlo) off the request
 * thread. Every task is bounded: the engine stops itself at the task's time limit (checked per
 * chunk of trials), and a watchdog terminates a worker that overruns it anyway. The queue is
 * bounded too, so a burst of long requests is refused with 503 instead of piling up.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../shared/errors/index.js';
import { UncertaintyModelError, type EvaluationRequest, type EvaluationResult, type Tolerance } from './domain/index.js';

/** Message from the pool to a worker. */
export interface WorkerTask {
  readonly id: number;
  readonly request: EvaluationRequest;
  /** Tolerance limits whose in-sample fraction the worker reports (the sample stays in the worker). */
  readonly tolerance?: Tolerance;
  /** One Int32 flag: non-zero asks the engine to stop. */
  readonly abort: SharedArrayBuffer;
}

/** Message from a worker back to the pool. */
export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly result: EvaluationResult }
  | {
      readonly id: number;
      readonly ok: false;
      readonly error: { name: string; message: string; code?: string; details?: Record<string, unknown>; stack?: string };
    };

export interface McmPoolOptions {
  /** Worker threads; default max(1, available parallelism - 1), leaving a core for requests. */
  readonly size?: number;
  /** Tasks that may wait for a free worker before new ones are refused; default 4 per worker. */
  readonly maxQueue?: number;
  /** Extra time beyond a task's limit before its worker is terminated; default 2 s + 50 %. */
  readonly watchdogGraceMs?: (maxTimeMs: number) => number;
}

export interface TaskLimits {
  /** Wall-clock limit the engine enforces itself (also passed in the request). */
  readonly maxTimeMs: number;
  /** Aborts a queued or running task, e.g. when the client disconnects. */
  readonly signal?: AbortSignal;
}

/** An error raised in a worker, rebuilt with the code and details the error handler needs. */
export class WorkerTaskError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
    readonly details: Record<string, unknown> | undefined,
    name: string,
  ) {
    super(message);
    this.name = name;
  }
}

interface Task {
  readonly id: number;
  readonly request: EvaluationRequest;
  readonly tolerance: Tolerance | undefined;
  readonly limits: TaskLimits;
  readonly abort: Int32Array;
  readonly resolve: (result: EvaluationResult) => void;
  readonly reject: (error: Error) => void;
  readonly onAbort: () => void;
  watchdog?: NodeJS.Timeout;
}

interface Slot {
  readonly worker: Worker;
  task: Task | null;
}

export const defaultPoolSize = (): number => Math.max(1, availableParallelism() - 1);

/**
 * Starts the worker script next to this module: the compiled `.js` in production. Under tsx or
 * jest the module is TypeScript source; Node 20 does not apply `--import tsx` hooks to a
 * worker's entry file, so a one-line bootstrap registers tsx (a development dependency) inside
 * the worker and then imports the `.ts` file.
 */
function startWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./mcm-worker.js', here));
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./mcm-worker.ts', here).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, execArgv: [] });
}

export class McmWorkerPool {
  readonly size: number;
  private readonly maxQueue: number;
  private readonly grace: (maxTimeMs: number) => number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: McmPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    this.maxQueue = options.maxQueue ?? 4 * this.size;
    this.grace = options.watchdogGraceMs ?? ((ms) => 2000 + ms / 2);
  }

  /**
   * Evaluates `request` in a worker thread; with `extra.tolerance`, Monte Carlo also reports the
   * fraction of its sample inside those limits.
   * @throws DomainError LIMS_UNCERTAINTY_MCM_BUSY when the queue is full, LIMS_SERVICE_UNAVAILABLE
   *   when the pool is closing; the engine's own coded errors (e.g. LIMS_UNCERTAINTY_ABORTED).
   */
  run(request: EvaluationRequest, limits: TaskLimits, extra: { readonly tolerance?: Tolerance } = {}): Promise<EvaluationResult> {
    if (this.closed) return Promise.reject(closingError());
    if (limits.signal?.aborted) return Promise.reject(abortedError());
    const idle = this.slots.some((s) => s.task === null) || this.slots.length < this.size;
    if (!idle && this.queue.length >= this.maxQueue) {
      return Promise.reject(
        new DomainError('LIMS_UNCERTAINTY_MCM_BUSY', `All ${this.size} Monte Carlo workers are busy and ${this.queue.length} evaluations are waiting; retry shortly.`, {
          retryAfterSeconds: 5,
        }),
      );
    }
    return new Promise<EvaluationResult>((resolve, reject) => {
      const task: Task = {
        id: this.nextId++,
        request,
        tolerance: extra.tolerance,
        limits,
        abort: new Int32Array(new SharedArrayBuffer(4)),
        resolve,
        reject,
        onAbort: () => this.cancel(task),
      };
      limits.signal?.addEventListener('abort', task.onAbort, { once: true });
      this.queue.push(task);
      this.dispatch();
    });
  }

  /** Refuses new work, fails queued tasks and terminates the workers (running tasks fail with 503). */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) this.settle(task, closingError());
    const workers = this.slots.splice(0).map((slot) => {
      if (slot.task) this.settle(slot.task, closingError());
      slot.task = null;
      return slot.worker.terminate();
    });
    await Promise.all(workers);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.task === null) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const task = this.queue.shift() as Task;
      slot.task = task;
      slot.worker.ref();
      task.watchdog = setTimeout(() => this.overrun(slot, task), task.limits.maxTimeMs + this.grace(task.limits.maxTimeMs));
      const message: WorkerTask = { id: task.id, request: task.request, ...(task.tolerance ? { tolerance: task.tolerance } : {}), abort: task.abort.buffer as SharedArrayBuffer };
      slot.worker.postMessage(message);
    }
  }

  private spawn(): Slot {
    const worker = startWorker();
    const slot: Slot = { worker, task: null };
    worker.on('message', (reply: WorkerReply) => {
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      slot.task = null;
      worker.unref();
      if (reply.ok) this.settle(task, null, reply.result);
      else this.settle(task, new WorkerTaskError(reply.error.code, reply.error.message, reply.error.details, reply.error.name));
      this.dispatch();
    });
    // A crash (out of memory, a bug outside the engine's error handling) loses the worker, not the service.
    const lost = (error: Error): void => {
      if (!this.slots.includes(slot)) return;
      this.remove(slot);
      if (slot.task) this.settle(slot.task, error);
      this.dispatch();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`Monte Carlo worker exited with code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private remove(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }

  /** The engine did not stop itself in time (e.g. a huge final sort): the worker is replaced. */
  private overrun(slot: Slot, task: Task): void {
    if (slot.task !== task) return;
    this.remove(slot);
    slot.task = null;
    void slot.worker.terminate();
    this.settle(task, new UncertaintyModelError('LIMS_UNCERTAINTY_ABORTED', `The evaluation did not finish within its time limit of ${task.limits.maxTimeMs} ms`, {
      reason: 'time',
      maxTimeMs: task.limits.maxTimeMs,
    }));
    this.dispatch();
  }

  private cancel(task: Task): void {
    const queued = this.queue.indexOf(task);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(task, abortedError());
    } else {
      // Running: the engine notices between chunks and answers LIMS_UNCERTAINTY_ABORTED.
      Atomics.store(task.abort, 0, 1);
    }
  }

  private settle(task: Task, error: Error | null, result?: EvaluationResult): void {
    clearTimeout(task.watchdog);
    task.limits.signal?.removeEventListener('abort', task.onAbort);
    Atomics.store(task.abort, 0, 1);
    if (error) task.reject(error);
    else task.resolve(result as EvaluationResult);
  }
}

const closingError = (): DomainError =>
  new DomainError('LIMS_SERVICE_UNAVAILABLE', 'The service is shutting down; the evaluation was not completed. Retry the request.', { retryAfterSeconds: 1 });

const abortedError = (): UncertaintyModelError =>
  new UncertaintyModelError('LIMS_UNCERTAINTY_ABORTED', 'The Monte Carlo evaluation was aborted', { reason: 'aborted' });
