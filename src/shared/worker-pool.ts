/**
 * A pool of worker threads for CPU-bound work (uncertainty evaluations, reading import files), so
 * that no request holds the event loop. Every task is bounded: a watchdog terminates a worker that
 * overruns the task's time limit, a worker may have a heap limit (running out of it costs that
 * worker, not the service), and the queue is bounded, so a burst of long requests is refused with
 * 503 instead of piling up. Workers start on first use and stop after a while idle, which gives
 * back the memory a large task grew. The start and end of every task are published on the
 * diagnostics channel `lims:worker-task` (WorkerTaskEvent).
 */
import { channel } from 'node:diagnostics_channel';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DomainError } from './errors/index.js';
import type { TaskMessage, TaskReply } from './worker-tasks.js';

export const WORKER_TASK_CHANNEL = 'lims:worker-task';
const taskEvents = channel(WORKER_TASK_CHANNEL);

/** How a task ended: its result, an error it raised, or the pool stopped it. */
export type TaskOutcome = 'ok' | 'error' | 'aborted' | 'time' | 'memory' | 'crashed' | 'closed';

/** Published on WORKER_TASK_CHANNEL when a worker starts a task and when the task ends. */
export interface WorkerTaskEvent {
  readonly pool: string;
  readonly task: string;
  readonly id: number;
  readonly phase: 'start' | 'end';
  readonly outcome?: TaskOutcome;
}

/** The errors a pool answers with, in the codes of the module that owns it. */
export interface WorkerPoolErrors {
  /** Every worker is busy and `waiting` tasks are queued (a 503 with Retry-After). */
  busy(size: number, waiting: number): Error;
  /** The task overran its time limit; its worker was terminated. */
  timeLimit(maxTimeMs: number): Error;
  /** The task ran its worker out of heap (`maxHeapMb`); the worker was lost. */
  memoryLimit(maxHeapMb: number): Error;
  /** The caller aborted the task (e.g. the client went away). */
  aborted(): Error;
}

export interface WorkerPoolOptions {
  /** Names the pool in messages and task events. */
  readonly name: string;
  /** The worker script; see workerEntry. */
  readonly entry: URL;
  readonly errors: WorkerPoolErrors;
  /** Worker threads; default max(1, available parallelism - 1), leaving a core for requests. */
  readonly size?: number;
  /** Tasks that may wait for a free worker before new ones are refused; default 4 per worker. */
  readonly maxQueue?: number;
  /** Extra time beyond a task's limit before its worker is terminated; default 2 s + 50 %. */
  readonly watchdogGraceMs?: (maxTimeMs: number) => number;
  /** An idle worker stops after this long; default 30 s. */
  readonly idleMs?: number;
  /** Heap limit of each worker (old generation), in MiB; default Node's. */
  readonly maxHeapMb?: number;
}

export interface TaskLimits {
  /** Wall-clock limit; the watchdog terminates the worker at this plus the pool's grace. */
  readonly maxTimeMs: number;
  /** Overrides the pool's grace for this task (0: the limit is exact, for work that cannot stop itself). */
  readonly graceMs?: number;
  /** Aborts a queued task, and asks a running one to stop. */
  readonly signal?: AbortSignal;
  /** What the task is, for the task events (e.g. `gum`, `csv`). */
  readonly label?: string;
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

interface Task<P, R> {
  readonly id: number;
  readonly payload: P;
  readonly limits: TaskLimits;
  readonly abort: Int32Array;
  readonly resolve: (result: R) => void;
  readonly reject: (error: Error) => void;
  readonly onAbort: () => void;
  watchdog?: NodeJS.Timeout;
  started?: boolean;
}

interface Slot<P, R> {
  readonly worker: Worker;
  task: Task<P, R> | null;
  idle?: NodeJS.Timeout;
  /** Why the worker was lost while running a task (set before 'exit' arrives). */
  failure?: { error: Error; outcome: TaskOutcome };
}

export const defaultPoolSize = (): number => Math.max(1, availableParallelism() - 1);

/**
 * The worker script `name` beside the calling module: `.js` when compiled, `.ts` under tsx or jest.
 * @example workerEntry(import.meta.url, 'evaluation-worker')
 */
export const workerEntry = (callerUrl: string, name: string): URL => new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);

/**
 * Starts a worker. Node 20 does not apply `--import tsx` hooks to a worker's entry file, so for a
 * TypeScript entry (tsx, jest) a one-line bootstrap registers tsx (a development dependency) inside
 * the worker and then imports it.
 */
function startWorker(entry: URL, maxHeapMb: number | undefined): Worker {
  const resourceLimits = maxHeapMb === undefined ? undefined : { maxOldGenerationSizeMb: maxHeapMb };
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { ...(resourceLimits && { resourceLimits }) });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, execArgv: [], ...(resourceLimits && { resourceLimits }) });
}

const closingError = (name: string): DomainError =>
  new DomainError('LIMS_SERVICE_UNAVAILABLE', `The service is shutting down; the ${name} task was not completed. Retry the request.`, { retryAfterSeconds: 1 });

export class WorkerPool<P, R> {
  readonly name: string;
  readonly size: number;
  private readonly maxQueue: number;
  private readonly grace: (maxTimeMs: number) => number;
  private readonly idleMs: number;
  private readonly slots: Slot<P, R>[] = [];
  private readonly queue: Task<P, R>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {
    this.name = options.name;
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    this.maxQueue = options.maxQueue ?? 4 * this.size;
    this.grace = options.watchdogGraceMs ?? ((ms) => 2000 + ms / 2);
    this.idleMs = options.idleMs ?? 30_000;
  }

  /**
   * Runs `payload` in a worker thread.
   * @throws the pool's `busy` error when the queue is full, its `timeLimit`, `memoryLimit` or
   *   `aborted` errors, DomainError LIMS_SERVICE_UNAVAILABLE when the pool is closing, and the
   *   task's own errors (a WorkerTaskError carrying their code and details).
   */
  run(payload: P, limits: TaskLimits): Promise<R> {
    if (this.closed) return Promise.reject(closingError(this.name));
    if (limits.signal?.aborted) return Promise.reject(this.options.errors.aborted());
    const idle = this.slots.some((s) => s.task === null) || this.slots.length < this.size;
    if (!idle && this.queue.length >= this.maxQueue) return Promise.reject(this.options.errors.busy(this.size, this.queue.length));
    return new Promise<R>((resolve, reject) => {
      const task: Task<P, R> = {
        id: this.nextId++,
        payload,
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

  /** Refuses new work, fails queued and running tasks with 503 and terminates the workers. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) this.settle(task, 'closed', closingError(this.name));
    const workers = this.slots.splice(0).map((slot) => {
      clearTimeout(slot.idle);
      if (slot.task) this.settle(slot.task, 'closed', closingError(this.name));
      slot.task = null;
      return slot.worker.terminate();
    });
    await Promise.all(workers);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.task === null) ?? (this.slots.length < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const task = this.queue.shift() as Task<P, R>;
      clearTimeout(slot.idle);
      slot.task = task;
      slot.worker.ref();
      const { maxTimeMs, graceMs } = task.limits;
      task.watchdog = setTimeout(() => this.overrun(slot, task), maxTimeMs + (graceMs ?? this.grace(maxTimeMs)));
      task.started = true;
      this.publish(task, 'start');
      const message: TaskMessage<P> = { id: task.id, payload: task.payload, abort: task.abort.buffer as SharedArrayBuffer };
      slot.worker.postMessage(message);
    }
  }

  private spawn(): Slot<P, R> {
    const worker = startWorker(this.options.entry, this.options.maxHeapMb);
    const slot: Slot<P, R> = { worker, task: null };
    worker.on('message', (reply: TaskReply<R>) => {
      const task = slot.task;
      if (!task || task.id !== reply.id) return;
      this.release(slot);
      if (reply.ok) this.settle(task, 'ok', null, reply.result);
      else this.settle(task, 'error', new WorkerTaskError(reply.error.code, reply.error.message, reply.error.details, reply.error.name));
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      slot.failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { error: this.options.errors.memoryLimit(this.options.maxHeapMb ?? 0), outcome: 'memory' } : { error, outcome: 'crashed' };
    });
    // A crash (out of memory, a bug outside the task's error handling) loses the worker, not the service.
    worker.on('exit', (code) => {
      if (!this.slots.includes(slot)) return;
      this.remove(slot);
      const failure = slot.failure ?? { error: new Error(`${this.name} worker exited with code ${code}`), outcome: 'crashed' as const };
      if (slot.task) this.settle(slot.task, failure.outcome, failure.error);
      slot.task = null;
      this.dispatch();
    });
    this.slots.push(slot);
    return slot;
  }

  /** The worker is free: it no longer holds the process open, and stops if nothing comes for a while. */
  private release(slot: Slot<P, R>): void {
    slot.task = null;
    slot.worker.unref();
    slot.idle = setTimeout(() => {
      if (slot.task !== null || !this.slots.includes(slot)) return;
      this.remove(slot);
      void slot.worker.terminate();
    }, this.idleMs);
    slot.idle.unref();
  }

  private remove(slot: Slot<P, R>): void {
    clearTimeout(slot.idle);
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots.splice(index, 1);
  }

  /** The task did not finish in time (or could not stop itself): its worker is replaced. */
  private overrun(slot: Slot<P, R>, task: Task<P, R>): void {
    if (slot.task !== task) return;
    this.remove(slot);
    slot.task = null;
    void slot.worker.terminate();
    this.settle(task, 'time', this.options.errors.timeLimit(task.limits.maxTimeMs));
    this.dispatch();
  }

  private cancel(task: Task<P, R>): void {
    const queued = this.queue.indexOf(task);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      this.settle(task, 'aborted', this.options.errors.aborted());
    } else {
      // Running: a task that polls its signal stops and answers; one that cannot is bounded by the watchdog.
      Atomics.store(task.abort, 0, 1);
    }
  }

  private settle(task: Task<P, R>, outcome: TaskOutcome, error: Error | null, result?: R): void {
    clearTimeout(task.watchdog);
    task.limits.signal?.removeEventListener('abort', task.onAbort);
    Atomics.store(task.abort, 0, 1);
    if (task.started) this.publish(task, 'end', outcome);
    if (error) task.reject(error);
    else task.resolve(result as R);
  }

  private publish(task: Task<P, R>, phase: 'start' | 'end', outcome?: TaskOutcome): void {
    if (!taskEvents.hasSubscribers) return;
    const event: WorkerTaskEvent = { pool: this.name, task: task.limits.label ?? this.name, id: task.id, phase, ...(outcome && { outcome }) };
    taskEvents.publish(event);
  }
}
