import { END_GAUGE_H1, additiveModel, type EvaluationRequest } from './domain/index.js';
import { McmWorkerPool } from './mcm-worker-pool.js';

// Long enough to still be running when the test acts on it; every run is stopped early.
const long: EvaluationRequest = { ...END_GAUGE_H1, method: 'mcm', mcm: { trials: 10_000_000, seed: 3 } };
const short: EvaluationRequest = { ...additiveModel('normal'), method: 'mcm', mcm: { trials: 1000, seed: 1 } };

describe('McmWorkerPool', () => {
  let pool: McmWorkerPool;
  afterEach(() => pool.close());

  test('evaluates in a worker and gives the same numbers for the same seed', async () => {
    pool = new McmWorkerPool({ size: 1 });
    const [a, b] = await Promise.all([pool.run(short, { maxTimeMs: 10_000 }), pool.run(short, { maxTimeMs: 10_000 })]);
    expect(a.mcm?.trials).toBe(1000);
    expect(b.mcm).toEqual(a.mcm);
  });

  test('refuses work beyond the queue with 503, and an aborted run stops with LIMS_UNCERTAINTY_ABORTED', async () => {
    pool = new McmWorkerPool({ size: 1, maxQueue: 0 });
    const controller = new AbortController();
    const running = pool.run(long, { maxTimeMs: 20_000, signal: controller.signal });
    await expect(pool.run(short, { maxTimeMs: 1000 })).rejects.toMatchObject({ code: 'LIMS_UNCERTAINTY_MCM_BUSY', details: { retryAfterSeconds: 5 } });
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'LIMS_UNCERTAINTY_ABORTED', details: { reason: 'aborted' } });
    // The worker is free again.
    expect((await pool.run(short, { maxTimeMs: 10_000 })).mcm?.seed).toBe(1);
  });

  test('a queued task that is aborted never runs', async () => {
    pool = new McmWorkerPool({ size: 1 });
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
    pool = new McmWorkerPool({ size: 1, watchdogGraceMs: () => 0 });
    await expect(pool.run(long, { maxTimeMs: 200 })).rejects.toMatchObject({ code: 'LIMS_UNCERTAINTY_ABORTED', details: { reason: 'time', maxTimeMs: 200 } });
    expect((await pool.run(short, { maxTimeMs: 10_000 })).mcm?.trials).toBe(1000);
  });

  test('closing fails running and queued work with 503 and refuses new work', async () => {
    pool = new McmWorkerPool({ size: 1 });
    const running = expect(pool.run(long, { maxTimeMs: 20_000 })).rejects.toMatchObject({ code: 'LIMS_SERVICE_UNAVAILABLE' });
    const queued = expect(pool.run(short, { maxTimeMs: 1000 })).rejects.toMatchObject({ code: 'LIMS_SERVICE_UNAVAILABLE' });
    await pool.close();
    await running;
    await queued;
    await expect(pool.run(short, { maxTimeMs: 1000 })).rejects.toMatchObject({ code: 'LIMS_SERVICE_UNAVAILABLE' });
  });
});
