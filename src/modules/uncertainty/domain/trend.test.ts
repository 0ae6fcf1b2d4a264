import { TREND_ERROR_CODES, TrendError, analyzeCharacteristicTrends, analyzeTrend, type TrendPoint } from './trend.js';

// Dates exactly 0, 1, 2, 3, 4 Julian years (365.25 d) after 2020-01-01T00:00Z.
const YEAR_DATES = ['2020-01-01', '2020-12-31T06:00:00Z', '2021-12-31T12:00:00Z', '2022-12-31T18:00:00Z', '2024-01-01'];

function points(deviations: readonly number[], uncertainties?: readonly number[]): TrendPoint[] {
  return deviations.map((d, i) => ({
    date: YEAR_DATES[i] as string,
    measured: 50 + d,
    nominal: 50,
    ...(uncertainties && { standardUncertainty: uncertainties[i] as number }),
  }));
}

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof TrendError ? error.code : 'not a TrendError';
  }
  return undefined;
}

describe('deviations', () => {
  it('are measured - nominal, in years since the earliest date, sorted by date', () => {
    const result = analyzeTrend([
      { date: '2022-01-01', measured: 10.004, nominal: 10 },
      { date: '2021-01-01', measured: 9.998, nominal: 10 },
    ]);
    expect(result.referenceDate).toBe('2021-01-01');
    expect(result.deviations.map((d) => d.date)).toEqual(['2021-01-01', '2022-01-01']);
    expect(result.deviations[0]?.deviation).toBeCloseTo(-0.002, 12);
    expect(result.deviations[1]?.years).toBeCloseTo(365 / 365.25, 14);
  });

  it('reads a date-time without offset as UTC', () => {
    const result = analyzeTrend([
      { date: '2024-01-01', measured: 1, nominal: 1 },
      { date: '2024-01-01T12:00', measured: 1, nominal: 1 },
    ]);
    expect(result.deviations[1]?.years).toBeCloseTo(0.5 / 365.25, 15);
  });
});

describe('trend line', () => {
  it('recovers an exact line', () => {
    const trend = analyzeTrend(points([0, 1, 2, 3, 4].map((t) => 0.002 + 0.0005 * t))).trend;
    expect(trend?.method).toBe('ordinary');
    expect(trend?.driftPerYear).toBeCloseTo(0.0005, 14);
    expect(trend?.intercept).toBeCloseTo(0.002, 14);
    expect(trend?.residualStandardDeviation).toBeCloseTo(0, 12);
    expect(trend?.degreesOfFreedom).toBe(3);
  });

  // Noise e = 1e-4 * [1, -2, 0, 2, -1] is orthogonal to [1, t], so the fit returns the true
  // line exactly; RSS = 10e-8, s^2 = RSS / 3, u(b) = sqrt(s^2 / sum (t - 2)^2) = sqrt(1e-8 / 3).
  const noise = [1, -2, 0, 2, -1].map((e) => 1e-4 * e);
  const noisy = [0, 1, 2, 3, 4].map((t, i) => 0.001 - 0.0003 * t + (noise[i] as number));

  it('fits a noisy line with known slope and residual scatter (ordinary)', () => {
    const trend = analyzeTrend(points(noisy)).trend;
    expect(trend?.driftPerYear).toBeCloseTo(-0.0003, 14);
    expect(trend?.intercept).toBeCloseTo(0.001, 14);
    expect(trend?.residualStandardDeviation).toBeCloseTo(Math.sqrt(10e-8 / 3), 14);
    expect(trend?.driftStandardUncertainty).toBeCloseTo(Math.sqrt(1e-8 / 3), 14);
    // Var(a) = s^2 (1/n + tbar^2 / Stt) = s^2 (1/5 + 4/10); cov = -s^2 tbar / Stt.
    expect(trend?.interceptStandardUncertainty).toBeCloseTo(Math.sqrt((10e-8 / 3) * 0.6), 14);
    expect(trend?.interceptDriftCovariance).toBeCloseTo((-(10e-8 / 3) * 2) / 10, 18);
    expect(trend?.uncertaintyBasis).toBe('residualScatter');
  });

  it('inflates the weighted drift uncertainty by the Birge ratio when the scatter exceeds u', () => {
    const result = analyzeTrend(points(noisy, [5e-5, 5e-5, 5e-5, 5e-5, 5e-5]));
    expect(result.trend?.method).toBe('weighted');
    expect(result.trend?.birgeRatio).toBeCloseTo(Math.sqrt(40 / 3), 10);
    expect(result.trend?.driftStandardUncertainty).toBeCloseTo(Math.sqrt(1e-8 / 3), 14);
    expect(result.notes.join(' ')).toContain('Birge ratio');
  });

  it('keeps the stated uncertainties when they explain the scatter', () => {
    const trend = analyzeTrend(points(noisy, [1e-3, 1e-3, 1e-3, 1e-3, 1e-3])).trend;
    expect(trend?.uncertaintyBasis).toBe('measurementUncertainty');
    expect(trend?.driftStandardUncertainty).toBeCloseTo(1e-3 / Math.sqrt(10), 15);
  });

  it('weights unequal uncertainties (hand-computed normal equations)', () => {
    // t = 0, 1, 2; y = 0, 1, 3; u = 1, 1, 2. X^T W X = [[2.25, 1.5], [1.5, 2]] has inverse
    // [[8/9, -2/3], [-2/3, 1]]; slope 4/3, intercept -1/9, chi^2 = 1/9 (Birge 1/3, no inflation).
    const trend = analyzeTrend(points([0, 1, 3], [1, 1, 2])).trend;
    expect(trend?.driftPerYear).toBeCloseTo(4 / 3, 12);
    expect(trend?.intercept).toBeCloseTo(-1 / 9, 12);
    expect(trend?.driftStandardUncertainty).toBeCloseTo(1, 12);
    expect(trend?.interceptStandardUncertainty).toBeCloseTo(Math.sqrt(8 / 9), 12);
    expect(trend?.interceptDriftCovariance).toBeCloseTo(-2 / 3, 12);
    expect(trend?.birgeRatio).toBeCloseTo(1 / 3, 12);
  });

  it('with two points propagates the measurement uncertainties: u(b) = sqrt(u1^2 + u2^2) / dt', () => {
    const result = analyzeTrend(points([0.001, 0.004], [0.003, 0.004]));
    expect(result.trend?.driftPerYear).toBeCloseTo(0.003, 14);
    expect(result.trend?.driftStandardUncertainty).toBeCloseTo(0.005, 14);
    expect(result.trend?.residualStandardDeviation).toBeNull();
    expect(result.trend?.uncertaintyBasis).toBe('measurementUncertainty');
  });

  it('with two points and no uncertainties gives a drift without uncertainty', () => {
    const result = analyzeTrend(points([0.001, 0.004]));
    expect(result.trend?.driftStandardUncertainty).toBeNull();
    expect(result.trend?.uncertaintyBasis).toBe('none');
    expect(result.notes).toHaveLength(1);
  });

  it('falls back to an unweighted fit when only some points have uncertainties', () => {
    const result = analyzeTrend([...points([0, 1]), { date: '2023-01-01', measured: 52, nominal: 50, standardUncertainty: 0.1 }]);
    expect(result.trend?.method).toBe('ordinary');
    expect(result.notes[0]).toContain('Only 1 of 3 points');
  });
});

describe('no trend', () => {
  it('says why with fewer than two points', () => {
    expect(analyzeTrend([])).toMatchObject({ n: 0, trend: null, noTrendReason: 'tooFewPoints', referenceDate: null });
    const one = analyzeTrend(points([0.002]));
    expect(one).toMatchObject({ n: 1, trend: null, noTrendReason: 'tooFewPoints' });
    expect(one.notes[0]).toContain('at least two');
  });

  it('says why when all test pieces share one date', () => {
    const result = analyzeTrend([
      { date: '2024-05-01', measured: 1, nominal: 1 },
      { date: '2024-05-01', measured: 2, nominal: 1 },
    ]);
    expect(result).toMatchObject({ trend: null, noTrendReason: 'singleDate' });
  });
});

describe('several characteristics and invalid input', () => {
  it('analyses each characteristic', () => {
    const results = analyzeCharacteristicTrends([
      { characteristic: 'D1', points: points([0, 0.001, 0.002]) },
      { characteristic: 'flatness', points: points([0.003]) },
    ]);
    expect(results.map((r) => r.characteristic)).toEqual(['D1', 'flatness']);
    expect(results[0]?.trend?.driftPerYear).toBeCloseTo(0.001, 14);
    expect(results[1]?.noTrendReason).toBe('tooFewPoints');
  });

  it.each([
    ['impossible calendar date', [{ date: '2024-02-30', measured: 1, nominal: 1 }], 'LIMS_UNCERTAINTY_TREND_DATE_INVALID'],
    ['non-ISO date', [{ date: '15.3.2024', measured: 1, nominal: 1 }], 'LIMS_UNCERTAINTY_TREND_DATE_INVALID'],
    ['NaN value', [{ date: '2024-03-15', measured: NaN, nominal: 1 }], 'LIMS_UNCERTAINTY_TREND_VALUE_INVALID'],
    ['zero uncertainty', [{ date: '2024-03-15', measured: 1, nominal: 1, standardUncertainty: 0 }], 'LIMS_UNCERTAINTY_TREND_UNCERTAINTY_INVALID'],
  ] as const)('rejects %s', (_name, pts, code) => {
    expect(errorCode(() => analyzeTrend(pts))).toBe(code);
    expect(TREND_ERROR_CODES).toContain(code);
  });

  it('names the characteristic in the error', () => {
    expect(() => analyzeCharacteristicTrends([{ characteristic: 'D2', points: [{ date: 'x', measured: 1, nominal: 1 }] }])).toThrow(/^D2: /);
  });
});
