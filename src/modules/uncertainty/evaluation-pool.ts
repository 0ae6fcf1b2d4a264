/**
 * The worker threads that run uncertainty evaluations (GUM and Monte Carlo) off the request
 * thread: a second-order GUM over 200 inputs is seconds of work, Monte Carlo up to its time limit.
 * Every task is bounded: Monte Carlo stops itself at the task's time limit (checked per chunk of
 * trials) and the pool's watchdog terminates a worker that overruns it anyway; the queue is
 * bounded, so a burst of long requests is refused with 503 instead of piling up.
 */
import { DomainError } from '../../shared/errors/index.js';
import { WorkerPool, workerEntry, type TaskLimits } from '../../shared/worker-pool.js';
import { UncertaintyModelError, type EvaluationRequest, type EvaluationResult, type Tolerance } from './domain/index.js';

/** What the worker evaluates. */
export interface EvaluationTask {
  readonly request: EvaluationRequest;
  /** Tolerance limits whose in-sample fraction Monte Carlo reports (the sample stays in the worker). */
  readonly tolerance?: Tolerance;
}

export interface EvaluationPoolOptions {
  /** Worker threads; default max(1, available parallelism - 1), leaving a core for requests. */
  readonly size?: number;
  /** Tasks that may wait for a free worker before new ones are refused; default 4 per worker. */
  readonly maxQueue?: number;
  /** Extra time beyond a task's limit before its worker is terminated; default 2 s + 50 %. */
  readonly watchdogGraceMs?: (maxTimeMs: number) => number;
}

export type { TaskLimits };

const timeError = (maxTimeMs: number) =>
  new UncertaintyModelError('LIMS_UNCERTAINTY_ABORTED', `The evaluation did not finish within its time limit of ${maxTimeMs} ms`, { reason: 'time', maxTimeMs });

export class EvaluationPool {
  private readonly pool: WorkerPool<EvaluationTask, EvaluationResult>;

  constructor(options: EvaluationPoolOptions = {}) {
    this.pool = new WorkerPool({
      name: 'uncertainty',
      entry: workerEntry(import.meta.url, 'evaluation-worker'),
      ...options,
      errors: {
        busy: (size, waiting) =>
          new DomainError('LIMS_UNCERTAINTY_MCM_BUSY', `All ${size} evaluation workers are busy and ${waiting} evaluations are waiting; retry shortly.`, { retryAfterSeconds: 5 }),
        timeLimit: timeError,
        memoryLimit: () => new UncertaintyModelError('LIMS_UNCERTAINTY_ABORTED', 'The evaluation ran out of memory in its worker', { reason: 'memory' }),
        aborted: () => new UncertaintyModelError('LIMS_UNCERTAINTY_ABORTED', 'The evaluation was aborted', { reason: 'aborted' }),
      },
    });
  }

  get size(): number {
    return this.pool.size;
  }

  /**
   * Evaluates `request` in a worker thread; with `extra.tolerance`, Monte Carlo also reports the
   * fraction of its sample inside those limits.
   * @throws DomainError LIMS_UNCERTAINTY_MCM_BUSY when the queue is full, LIMS_SERVICE_UNAVAILABLE
   *   when the pool is closing; LIMS_UNCERTAINTY_ABORTED (reason `time` or `aborted`); the
   *   engine's own coded errors.
   */
  run(request: EvaluationRequest, limits: TaskLimits, extra: { readonly tolerance?: Tolerance } = {}): Promise<EvaluationResult> {
    const label = request.method ?? 'gum';
    return this.pool.run({ request, ...(extra.tolerance ? { tolerance: extra.tolerance } : {}) }, { label, ...limits });
  }

  /** Refuses new work, fails queued and running evaluations with 503 and terminates the workers. */
  close(): Promise<void> {
    return this.pool.close();
  }
}
