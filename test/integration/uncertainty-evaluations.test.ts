import { END_GAUGE_H1, ENGINE_VERSION, additiveModel, evaluate as evaluateInProcess, type EvaluationRequest } from '../../src/modules/uncertainty/domain/index.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

let t: TestApp;
let technician: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  technician = await createUser(t, 'technician');
});
afterAll(() => t.close());

const evaluate = (payload: unknown, token?: string) => t.request({ method: 'POST', url: '/api/v1/uncertainty/evaluations', payload: payload as object, ...(token ? { token } : {}) });
const within = (actual: number, expected: number, tolerance: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);
type Row = { name: string; contribution: number; dof: number | null };

describe('POST /api/v1/uncertainty/evaluations', () => {
  test('reproduces the GUM H.1 end-gauge calibration (METROLOGY.md 1), infinite dof as null', async () => {
    const res = await evaluate(END_GAUGE_H1, technician.token);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.engineVersion).toBe(ENGINE_VERSION);
    const { gum } = body;
    within(gum.estimate, 50_000_838, 0.5); // 50.000 838 mm
    within(gum.standardUncertainty, 32, 0.5);
    within(gum.effectiveDofUnrounded, 16.7, 0.05);
    expect(gum.effectiveDof).toBe(16);
    within(gum.coverageFactor, 2.92, 0.005);
    // Published U99 = 93 nm is k times the rounded u_c = 32 nm; unrounded k u_c = 92.5 nm.
    expect(Math.round(gum.coverageFactor * Math.round(gum.standardUncertainty))).toBe(93);
    within(gum.expandedUncertainty, 92.47, 0.005);
    expect(gum.interval).toHaveLength(2);
    const rows = new Map((gum.budget as Row[]).map((r) => [r.name, r]));
    within(rows.get('ls')!.contribution, 25, 0.5);
    within(rows.get('dtheta')!.contribution, 16.6, 0.05);
    within(rows.get('dalpha')!.contribution, 2.9, 0.05);
    expect(rows.get('alpha_s')!.contribution).toBe(0);
    expect(rows.get('alpha_s')!.dof).toBeNull();
    expect(rows.get('ls')!.dof).toBe(18);
    expect(body.report).toMatchObject({ value: '50000838', expandedUncertainty: '92', method: 'gum', coverageProbability: 0.99 });
    expect(body.report.text.en).toContain('k = 2.92');
    expect(body.report.text.fi).toContain('k = 2,92');
    expect(body.mcm).toBeUndefined();
  });

  test('the response carries every field the engine computes (JSON.stringify also maps Infinity to null)', async () => {
    const request: EvaluationRequest = { ...END_GAUGE_H1, method: 'both', mcm: { trials: 10_000, seed: 99 } };
    const res = await evaluate(request);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(evaluateInProcess(request))));
  });

  test('with the second-order terms u_c is 34 nm (GUM H.1.7)', async () => {
    const res = await evaluate({ ...END_GAUGE_H1, secondOrder: true });
    expect(res.statusCode).toBe(200);
    within(res.json().gum.standardUncertainty, 34, 0.5);
  });

  test('an effective dof that is infinite comes back as null', async () => {
    const res = await evaluate(additiveModel('normal'));
    expect(res.statusCode).toBe(200);
    const { gum } = res.json();
    expect(gum.effectiveDof).toBeNull();
    expect(gum.effectiveDofUnrounded).toBeNull();
    within(gum.expandedUncertainty, 3.92, 0.005);
  });

  test('method both: Monte Carlo in a worker, the same seed gives the same numbers, and the GUM is validated', async () => {
    const request: EvaluationRequest = { ...additiveModel('normal'), method: 'both', mcm: { trials: 100_000, seed: 12345 } };
    const [first, second] = await Promise.all([evaluate(request), evaluate(request)]);
    expect(first.statusCode).toBe(200);
    const a = first.json();
    expect(second.json().mcm).toEqual(a.mcm);
    expect(a.mcm).toMatchObject({ trials: 100_000, seed: 12345, converged: true, coverageProbability: 0.95 });
    within(a.mcm.standardUncertainty, 2, 0.02);
    within(a.mcm.interval[1], 3.92, 0.1); // an end-point of 10^5 trials is good to a few hundredths
    // u = 2.0 to two significant digits gives delta = 0.05 (JCGM 101 7.9.2)
    expect(a.validation).toEqual({ agrees: expect.any(Boolean), tolerance: expect.closeTo(0.05, 12), dLow: expect.any(Number), dHigh: expect.any(Number) });
    expect(a.report.method).toBe(a.validation.agrees ? 'gum' : 'mcm');

    const other = (await evaluate({ ...request, mcm: { trials: 100_000, seed: 54321 } })).json();
    expect(other.mcm.estimate).not.toBe(a.mcm.estimate);
  });

  test('the H.1 model by Monte Carlo alone', async () => {
    const res = await evaluate({ ...END_GAUGE_H1, method: 'mcm', mcm: { trials: 100_000, seed: 7 } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.gum).toBeUndefined();
    within(body.mcm.estimate, 50_000_838, 1);
    // Monte Carlo u is larger than the GUM's 32 nm: Type A inputs are drawn from t distributions.
    within(body.mcm.standardUncertainty, 35, 3);
    expect(body.report.method).toBe('mcm');
  });

  test('a syntax error in the model is a 422 with its position', async () => {
    const res = await evaluate({ ...END_GAUGE_H1, model: 'ls + dbar * (d1 + ' });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('LIMS_UNCERTAINTY_MODEL_SYNTAX');
    expect(body.details).toEqual(expect.objectContaining({ position: expect.any(Number) }));
    expect(body.detail).toMatch(/position/);
  });

  test('errors raised inside the worker keep their code, message and details', async () => {
    const request = { ...additiveModel('rectangular'), method: 'mcm', mcm: { trials: 1000, seed: 1 }, correlations: [{ between: ['X1', 'X2'], coefficient: 0.5 }] };
    const res = await evaluate(request);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'LIMS_UNCERTAINTY_CORRELATION_NON_NORMAL', detail: expect.stringContaining('X1') });

    const slow = await evaluate({ ...END_GAUGE_H1, method: 'mcm', mcm: { trials: 10_000_000, maxTimeMs: 1 } });
    expect(slow.statusCode).toBe(422);
    expect(slow.json()).toMatchObject({ code: 'LIMS_UNCERTAINTY_ABORTED', details: { reason: 'time', maxTimeMs: 1 } });
  });

  test('an unknown field is a 400 naming it, also inside a distribution, without noise from the other types', async () => {
    const top = await evaluate({ ...END_GAUGE_H1, metod: 'gum' });
    expect(top.statusCode).toBe(400);
    expect(top.json().errors).toEqual([{ field: '/body/metod', message: expect.stringMatching(/not a known field/) }]);

    const inputs = [{ name: 'x', estimate: 1, distribution: { type: 'normal', standardUncertainy: 0.1 } }];
    const typo = await evaluate({ model: 'x', inputs });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().errors).toEqual([{ field: '/body/inputs/0/distribution/standardUncertainy', message: expect.stringMatching(/not a known field/) }]);

    const unknownType = await evaluate({ model: 'x', inputs: [{ name: 'x', estimate: 1, distribution: { type: 'uniform', halfWidth: 1 } }] });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json().errors).toEqual([{ field: '/body/inputs/0/distribution/type', message: expect.stringMatching(/must be one of: normal, rectangular/) }]);
  });

  test('Monte Carlo limits above the server maxima are refused', async () => {
    const res = await evaluate({ ...END_GAUGE_H1, method: 'mcm', mcm: { trials: 20_000_000, maxTimeMs: 60_000 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['/body/mcm/maxTimeMs', '/body/mcm/trials']);
  });

  test('staff including auditors may evaluate; customers may not', async () => {
    const auditor = await createUser(t, 'auditor');
    expect((await evaluate(additiveModel('normal'), auditor.token)).statusCode).toBe(200);
    const customer = await createUser(t, 'customer');
    const res = await evaluate(additiveModel('normal'), customer.token);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('LIMS_AUTH_FORBIDDEN');
  });

  test('the service stays responsive while a long Monte Carlo run is in progress', async () => {
    // Warm up: start the worker (and its TypeScript loader) so that the long run below is computing.
    expect((await evaluate({ ...END_GAUGE_H1, method: 'mcm', mcm: { trials: 1000, seed: 1 } })).statusCode).toBe(200);
    let mcmDone = false;
    const long = evaluate({ ...END_GAUGE_H1, method: 'mcm', mcm: { trials: 2_000_000, seed: 2 } }).then((res) => {
      mcmDone = true;
      return res;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const live = await t.request({ method: 'GET', url: '/health/live', token: null });
    expect(live.statusCode).toBe(200);
    expect(mcmDone).toBe(false);
    expect((await long).statusCode).toBe(200);
  });
});
