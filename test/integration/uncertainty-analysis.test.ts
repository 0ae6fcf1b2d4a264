import {
  analyzeCharacteristicTrends,
  compareSeries,
  decideConformity,
  gaugeRrAnova,
  gaugeRrAverageRange,
} from '../../src/modules/uncertainty/domain/index.js';
import { createTestApp, createUser, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (path: string, payload: object, token?: string) =>
  t.request({ method: 'POST', url: `/api/v1/uncertainty/${path}`, payload, ...(token ? { token } : {}) });

describe('POST /api/v1/uncertainty/conformity', () => {
  // Tolerance 10.000 +- 0.015, U = 0.004 (k = 2, u = 0.002), guarded acceptance w = U.
  const base = { expandedUncertainty: 0.004, tolerance: { lower: 9.985, upper: 10.015 }, rule: { kind: 'guarded', guardBandFactor: 1 }, decisionType: 'nonBinary' };

  test('a result exactly at the acceptance limit passes with a false-accept risk of 1 - Phi(2) = 2.3 % (METROLOGY.md 5)', async () => {
    const res = await post('conformity', { ...base, measuredValue: 10.011 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ decision: 'pass', accepted: true, standardUncertainty: 0.002, coverageFactor: 2, probabilityBasis: 'normal' });
    expect(body.acceptanceLimits.lower).toBeCloseTo(9.989, 12);
    expect(body.acceptanceLimits.upper).toBeCloseTo(10.011, 12);
    expect(body.specificRisk.kind).toBe('falseAcceptance');
    expect(body.specificRisk.probability).toBeCloseTo(0.0227501, 6);
    expect(body.statement.en).toContain('guarded acceptance');
    expect(body.ruleDescription.references).toContain('ILAC-G8:09/2019');
  });

  test.each([
    [9.99, 'pass', 'falseAcceptance', 0.0062097], // 1 - p_c = Phi(-2.5) + Phi(-12.5)
    [10.013, 'conditionalPass', 'falseAcceptance', 0.1586553], // Phi(-1)
    [10.016, 'conditionalFail', 'falseRejection', 0.3085375], // Phi(-0.5)
    [10.02, 'fail', 'falseRejection', 0.0062097], // Phi(-2.5)
  ])('non-binary zones: %f is %s', async (measuredValue, decision, kind, risk) => {
    const body = (await post('conformity', { ...base, measuredValue })).json();
    expect(body.decision).toBe(decision);
    expect(body.specificRisk.kind).toBe(kind);
    expect(body.specificRisk.probability).toBeCloseTo(risk, 6);
  });

  test('invalid limits are a 422 with the catalogue code', async () => {
    const res = await post('conformity', { ...base, measuredValue: 10, tolerance: { lower: 10.1, upper: 9.9 } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'LIMS_UNCERTAINTY_TOLERANCE_INVALID', details: { lower: 10.1, upper: 9.9 } });
    const simpleWithBand = await post('conformity', { ...base, measuredValue: 10, rule: { kind: 'simple', guardBandFactor: 1 } });
    expect(simpleWithBand.json().code).toBe('LIMS_UNCERTAINTY_GUARD_BAND_INVALID');
  });
});

describe('POST /api/v1/uncertainty/comparisons', () => {
  test('En, zeta and the uncertainty a company without one would need', async () => {
    const res = await post('comparisons', {
      rows: [
        { id: 'D1', value: 25.004, expandedUncertainty: 0.004, referenceValue: 25.001, referenceExpandedUncertainty: 0.003 },
        { id: 'D2', value: 40.012, referenceValue: 40.002, referenceExpandedUncertainty: 0.006 },
      ],
    });
    expect(res.statusCode).toBe(200);
    const [d1, d2] = res.json().rows;
    expect(d1.difference).toBeCloseTo(0.003, 12);
    expect(d1.en).toBeCloseTo(0.6, 9); // 0.003 / sqrt(0.004^2 + 0.003^2)
    expect(d1.zeta).toBeCloseTo(1.2, 9); // 0.003 / sqrt(0.002^2 + 0.0015^2)
    expect(d1).toMatchObject({ id: 'D1', enVerdict: 'satisfactory', zetaVerdict: 'satisfactory' });
    expect(d1.minimumExpandedUncertainty).toBeCloseTo(0, 8); // |d| = U_ref (to rounding in binary)
    expect(d2.en).toBeUndefined();
    expect(d2.minimumExpandedUncertainty).toBeCloseTo(0.008, 9); // sqrt(0.010^2 - 0.006^2)
    const { estimate, scoredCount, satisfactoryEnCount } = res.json();
    expect({ scoredCount, satisfactoryEnCount }).toEqual({ scoredCount: 1, satisfactoryEnCount: 1 });
    // sqrt(mean(d^2) - mean(u_ref^2)) = sqrt((9e-6 + 1e-4) / 2 - (2.25e-6 + 9e-6) / 2)
    expect(estimate.standardUncertainty).toBeCloseTo(Math.sqrt(5.45e-5 - 5.625e-6), 9);
    expect(estimate.n).toBe(2);
  });

  test('a coverage factor of zero is a 422', async () => {
    const res = await post('comparisons', { rows: [{ value: 1, expandedUncertainty: 0.1, coverageFactor: 0, referenceValue: 1, referenceExpandedUncertainty: 0.1 }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('LIMS_UNCERTAINTY_COMPARISON_UNCERTAINTY_INVALID');
  });
});

describe('POST /api/v1/uncertainty/trends', () => {
  test('drift per year per characteristic, and no trend from a single piece', async () => {
    const res = await post('trends', {
      characteristics: [
        { characteristic: 'D1', points: [{ date: '2024-01-01', measured: 25.003, nominal: 25 }, { date: '2023-01-01', measured: 25.001, nominal: 25 }] },
        { characteristic: 'flatness', points: [{ date: '2024-01-01', measured: 0.004, nominal: 0 }] },
      ],
    });
    expect(res.statusCode).toBe(200);
    const [d1, flatness] = res.json().characteristics;
    expect(d1.referenceDate).toBe('2023-01-01');
    expect(d1.trend.driftPerYear).toBeCloseTo(0.002 / (365 / 365.25), 9);
    expect(d1.trend).toMatchObject({ method: 'ordinary', driftStandardUncertainty: null, uncertaintyBasis: 'none', degreesOfFreedom: 0 });
    expect(flatness).toMatchObject({ characteristic: 'flatness', trend: null, noTrendReason: 'tooFewPoints' });
  });

  test('an impossible date is a 422 naming the characteristic', async () => {
    const res = await post('trends', { characteristics: [{ characteristic: 'D1', points: [{ date: '2024-02-30', measured: 1, nominal: 1 }] }] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'LIMS_UNCERTAINTY_TREND_DATE_INVALID', details: { characteristic: 'D1', index: 0 } });
  });
});

describe('POST /api/v1/uncertainty/gauge-rr', () => {
  // measurements[part][operator][trial]
  const measurements = [
    [[1.0, 1.2], [1.1, 1.3]],
    [[2.0, 2.2], [2.1, 2.1]],
  ];

  test('average and range: EV = Rbar K1, AV clipped to 0, PV = Rp K3, ndc', async () => {
    const res = await post('gauge-rr', { method: 'averageRange', measurements, tolerance: 5 });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const ev = 0.15 * 0.8862; // Rbar = mean(0.2, 0.1)
    const pv = 0.95 * 0.7071; // Rp = 2.1 - 1.15
    expect(body.repeatability.sigma).toBeCloseTo(ev, 9);
    expect(body.reproducibility.sigma).toBe(0); // (0.05 K2)^2 < EV^2 / (n r)
    expect(body.partVariation.sigma).toBeCloseTo(pv, 9);
    expect(body.grr.percentOfTotalVariation).toBeCloseTo((100 * ev) / Math.hypot(ev, pv), 9);
    expect(body.grr.percentOfTolerance).toBeCloseTo((100 * 6 * ev) / 5, 9);
    expect(body).toMatchObject({ method: 'averageRange', ndc: Math.floor((1.41 * pv) / ev), verdict: 'conditionallyAcceptable', constants: { k1: 0.8862, k2: 0.7071, k3: 0.7071 } });
  });

  test('ANOVA: sums of squares, and the interaction pooled when not significant', async () => {
    const res = await post('gauge-rr', { method: 'anova', measurements });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const ss = Object.fromEntries(body.fullTable.map((r: { source: string; sumOfSquares: number }) => [r.source, r.sumOfSquares]));
    expect(ss.part).toBeCloseTo(1.805, 9);
    expect(ss.operator).toBeCloseTo(0.005, 9);
    expect(ss.interaction).toBeCloseTo(0.005, 9);
    expect(ss.repeatability).toBeCloseTo(0.06, 9);
    expect(ss.total).toBeCloseTo(1.875, 9);
    expect(body.interactionPooled).toBe(true);
    expect(body.repeatability.sigma).toBeCloseTo(Math.sqrt(0.065 / 5), 9); // pooled mean square
    expect(body.partVariation.sigma).toBeCloseTo(Math.sqrt((1.805 - 0.013) / 4), 9);
  });

  test('an unbalanced study and an option of the other method are 422s', async () => {
    const unbalanced = await post('gauge-rr', { method: 'anova', measurements: [[[1, 2], [1, 2]], [[1, 2], [1]]] });
    expect(unbalanced.statusCode).toBe(422);
    expect(unbalanced.json()).toMatchObject({ code: 'LIMS_UNCERTAINTY_GAUGE_RR_SHAPE_INVALID', details: { part: 2, operator: 2 } });
    const option = await post('gauge-rr', { method: 'averageRange', measurements, interactionAlpha: 0.25 });
    expect(option.json().code).toBe('LIMS_UNCERTAINTY_GAUGE_RR_OPTION_INVALID');
  });
});

test('customers may not use the compute endpoints', async () => {
  const customer = await createUser(t, 'customer');
  for (const path of ['evaluations', 'conformity', 'comparisons', 'trends', 'gauge-rr']) {
    const res = await post(path, {}, customer.token);
    expect({ path, status: res.statusCode }).toEqual({ path, status: 403 });
  }
});

test('responses carry every field the engine computes', async () => {
  const same = async (path: string, payload: object, expected: unknown) => {
    const res = await post(path, payload);
    expect({ path, body: res.json() }).toEqual({ path, body: JSON.parse(JSON.stringify(expected)) });
  };
  const tolerance = { lower: 9.985, upper: 10.015 };
  await same('conformity', { measuredValue: 10.013, expandedUncertainty: 0.004, tolerance, rule: { kind: 'guarded' }, decisionType: 'nonBinary' },
    decideConformity({ measuredValue: 10.013, uncertainty: { U: 0.004 }, tolerance, rule: { kind: 'guarded' }, decisionType: 'nonBinary' }));
  const rows = [{ id: 'a', value: 1.002, expandedUncertainty: 0.002, referenceValue: 1, referenceExpandedUncertainty: 0.001 }, { value: 2, referenceValue: 2.001, referenceExpandedUncertainty: 0.001 }];
  await same('comparisons', { rows }, compareSeries(rows));
  const characteristics = [{ characteristic: 'D1', points: [1, 2, 3].map((i) => ({ date: `202${i}-03-01`, measured: 25 + 0.001 * i * i, nominal: 25, standardUncertainty: 0.0005 })) }];
  await same('trends', { characteristics }, { characteristics: analyzeCharacteristicTrends(characteristics) });
  const measurements = [[[1.0, 1.2], [1.1, 1.3]], [[2.0, 2.2], [2.1, 2.1]], [[3.1, 3.0], [2.9, 3.2]]];
  await same('gauge-rr', { method: 'averageRange', measurements, tolerance: 5 }, gaugeRrAverageRange({ measurements, tolerance: 5 }));
  await same('gauge-rr', { method: 'anova', measurements, processVariation: 4, interactionAlpha: 0.25 }, gaugeRrAnova({ measurements, processVariation: 4 }, { interactionAlpha: 0.25 }));
});
