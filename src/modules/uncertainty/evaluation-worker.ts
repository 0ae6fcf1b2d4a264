/**
 * Worker-thread entry point: evaluates uncertainty requests (GUM and Monte Carlo) with the pure
 * engine, one at a time, so that the request thread stays free. Started by EvaluationPool; never
 * imported by other code.
 */
import { serveTasks } from '../../shared/worker-tasks.js';
import { evaluate } from './domain/index.js';
import type { EvaluationTask } from './evaluation-pool.js';

// The pool sets the signal when the client goes away or the service shuts down; Monte Carlo checks
// it between chunks of trials, the GUM's second-order terms per input.
serveTasks((task: EvaluationTask, signal) => evaluate(task.request, { signal, ...(task.tolerance ? { tolerance: task.tolerance } : {}) }));
