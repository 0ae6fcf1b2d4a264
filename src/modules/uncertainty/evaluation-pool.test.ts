import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { secondOrderGum } from '../../../test/harness/large-files.js';
import { WORKER_TASK_CHANNEL, type WorkerTaskEvent } from '../../shared/worker-pool.js';
import { END_GAUGE_H1, additiveModel, evaluate, type EvaluationRequest } from './domain/index.js';
import { EvaluationPool } from './evaluation-pool.js';

// Long enough to still be running when the test acts on it; every run is stopped early.
const long: EvaluationRequest = { ...END_GAUGE_H1, method: 'mcm', mcm: { trials: 10_000_000, seed: 3 } };
const short: EvaluationRequest = { ...additiveModel('normal'), method: 'mcm', mcm: { trials: 1000, seed: 1 } };

describe('EvaluationPool', () => {
  let pool: EvaluationPool;
  afterEach(() => pool.close());

  test('evaluates in a worker and gives the same numbers for the same seed', async () => {
    pool = new EvaluationPool({ size: 1 });
    const [a, b] = await Promise.all([pool.run(short, { maxTimeMs: 10_000 }), pool.run(short, { maxTimeMs: 10_000 })]);
    expect(a.mcm?.trials).toBe(1000);
    expect(b.mcm).toEqual(a.mcm);
  });

  test('refuses work beyond the queue with 503, and an aborted run stops with LIMS_UNCERTAINTY_ABORTED', async () => {
    pool = new EvaluationPool({ size: 1, maxQueue: 0 });
    const controller = new AbortController();
    const running = pool.run(long, { maxTimeMs: 20_000, signal: controller.signal });
    await expect(pool.run(short, { maxTimeMs: 1000 })).rejects.toMatchObject({ code: 'LIMS_UNCERTAINTY_MCM_BUSY', details: { retryAfterSeconds: 5 } });
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'LIMS_UNCERTAINTY_ABORTED', details: { reason: 'aborted' } });
    // The worker is free again.
    expect((await pool.run(short, { maxTimeMs: 10_000 })).mcm?.seed).toBe(1);
  });

  test('a queued task that is aborted never runs', async () => {
    pool = new EvaluationPool({ size: 1 });
    const first = new AbortController();
    const running = pool.run(long, { maxTimeMs: 20_000, signal: first.signal });
    const queued = new AbortController();
    const waiting = pool.run(short, { maxTimeMs: 1000, signal: queued.signal });
    queued.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'LIMS_UNCERTAINTY_ABORTED' });
    first.abort();
    await expect(running).rejects.toMatchObject({ code: 'LIMS_UNCERTAINTY_ABORTED' });
  });

  test('the watchdog terminates a worker that overruns its limit, and a new worker takes over', async () => {
    // The request carries no time limit of its own, so only the watchdog can stop it.
    pool = new EvaluationPool({ size: 1, watchdogGraceMs: () => 0 });
    await expect(pool.run(long, { maxTimeMs: 200 })).rejects.toMatchObject({ code: 'LIMS_UNCERTAINTY_ABORTED', details: { reason: 'time', maxTimeMs: 200 } });
    expect((await pool.run(short, { maxTimeMs: 10_000 })).mcm?.trials).toBe(1000);
  });

  test('closing fails running and queued work with 503 and refuses new work', async () => {
    pool = new EvaluationPool({ size: 1 });
    const running = expect(pool.run(long, { maxTimeMs: 20_000 })).rejects.toMatchObject({ code: 'LIMS_SERVICE_UNAVAILABLE' });
    const queued = expect(pool.run(short, { maxTimeMs: 1000 })).rejects.toMatchObject({ code: 'LIMS_SERVICE_UNAVAILABLE' });
    await pool.close();
    await running;
    await queued;
    await expect(pool.run(short, { maxTimeMs: 1000 })).rejects.toMatchObject({ code: 'LIMS_SERVICE_UNAVAILABLE' });
  });

  test('the GUM runs in a worker too (the pool reports the task) and gives what the engine gives', async () => {
    pool = new EvaluationPool({ size: 1 });
    const events: WorkerTaskEvent[] = [];
    const listen = (event: unknown) => void events.push(event as WorkerTaskEvent);
    subscribe(WORKER_TASK_CHANNEL, listen);
    try {
      const request = secondOrderGum(12);
      expect(await pool.run(request, { maxTimeMs: 20_000 })).toEqual(evaluate(request));
    } finally {
      unsubscribe(WORKER_TASK_CHANNEL, listen);
    }
    expect(events.map(({ pool: name, task, phase, outcome }) => ({ name, task, phase, outcome }))).toEqual([
      { name: 'uncertainty', task: 'gum', phase: 'start', outcome: undefined },
      { name: 'uncertainty', task: 'gum', phase: 'end', outcome: 'ok' },
    ]);
  });

  test('a long second-order GUM stops when aborted, and past an exact time limit its worker is terminated', async () => {
    pool = new EvaluationPool({ size: 1 });
    const controller = new AbortController();
    const running = pool.run(secondOrderGum(200), { maxTimeMs: 20_000, signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'LIMS_UNCERTAINTY_ABORTED', details: { reason: 'aborted' } });
    await expect(pool.run(secondOrderGum(200), { maxTimeMs: 100, graceMs: 0 })).rejects.toMatchObject({ code: 'LIMS_UNCERTAINTY_ABORTED', details: { reason: 'time', maxTimeMs: 100 } });
    expect((await pool.run(short, { maxTimeMs: 10_000 })).mcm?.trials).toBe(1000);
  });
});
