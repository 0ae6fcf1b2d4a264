import fc from 'fast-check';
import {
  COMPARISON_ERROR_CODES,
  ComparisonError,
  compareSeries,
  compareWithReference,
  enScore,
  estimateUncertaintyFromDifferences,
  minimumExpandedUncertainty,
  zetaScore,
  zScore,
} from './comparison.js';

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof ComparisonError ? error.code : 'not a ComparisonError';
  }
  return undefined;
}

describe('En, zeta and z scores (ISO 13528)', () => {
  it('En = d / sqrt(U_x^2 + U_ref^2) with |En| <= 1 satisfactory', () => {
    // d = 4 um, U_x = 3 um, U_ref = 4 um: En = 4 / 5 = 0.8.
    expect(enScore(10.004, 0.003, 10.0, 0.004).en).toBeCloseTo(0.8, 12);
    expect(enScore(10.004, 0.003, 10.0, 0.004).verdict).toBe('satisfactory');
    expect(enScore(10.0, 0.003, 10.005, 0.004)).toEqual({ en: expect.closeTo(-1, 12), verdict: 'satisfactory' });
    expect(enScore(10.0051, 0.003, 10.0, 0.004).verdict).toBe('unsatisfactory');
  });

  it.each([
    [2, 'satisfactory'],
    [-2, 'satisfactory'],
    [2.5, 'questionable'],
    [-2.99, 'questionable'],
    [3, 'unsatisfactory'],
    [-4, 'unsatisfactory'],
  ])('z = %p is %p', (z, verdict) => {
    expect(zScore(z, 0, 1)).toEqual({ z, verdict });
  });

  it('zeta uses standard uncertainties and the z verdicts', () => {
    // d = 0.5, u_x = 0.3, u_ref = 0.4: zeta = 1.
    expect(zetaScore(1.5, 0.3, 1, 0.4)).toEqual({ zeta: expect.closeTo(1, 12), verdict: 'satisfactory' });
    expect(zetaScore(1 + 0.5 * 2.5, 0.3, 1, 0.4).verdict).toBe('questionable');
    expect(zetaScore(1 - 0.5 * 3, 0.3, 1, 0.4).verdict).toBe('unsatisfactory');
  });

  it('En and zeta of the same comparison differ by the coverage factor (k = 2)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        (d, Ux, Uref) => {
          const row = compareWithReference({ value: d, expandedUncertainty: Ux, referenceValue: 0, referenceExpandedUncertainty: Uref });
          expect(row.zeta).toBeCloseTo(2 * (row.en as number), 10);
        },
      ),
    );
  });
});

describe('company without a stated uncertainty', () => {
  it('gives the minimum U for |En| <= 1: U_min = sqrt(d^2 - U_ref^2)', () => {
    expect(minimumExpandedUncertainty(5, 3)).toBeCloseTo(4, 14);
    expect(minimumExpandedUncertainty(-5, 3)).toBeCloseTo(4, 14);
    expect(minimumExpandedUncertainty(2, 3)).toBe(0);
    // With exactly U_min the company's En is exactly 1.
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 5, noNaN: true }), (d, Uref) => {
        const uMin = minimumExpandedUncertainty(d, Uref);
        if (uMin > 0) expect(Math.abs(enScore(d, uMin, 0, Uref).en)).toBeCloseTo(1, 10);
      }),
    );
  });

  it('scores only what it can: difference and minimum U, no En', () => {
    const row = compareWithReference({ id: 'P1', value: 25.0032, referenceValue: 25.0, referenceExpandedUncertainty: 0.0018 });
    expect(row.id).toBe('P1');
    expect(row.difference).toBeCloseTo(0.0032, 12);
    expect(row.en).toBeUndefined();
    expect(row.minimumExpandedUncertainty).toBeCloseTo(Math.sqrt(0.0032 ** 2 - 0.0018 ** 2), 12);
  });

  it('estimates u_company from the RMS of differences: sqrt(mean(d^2) - u_ref^2)', () => {
    // mean(d^2) = (9 + 16 + 9 + 16) / 4 = 12.5, u_ref = 1.5: u = sqrt(12.5 - 2.25) = sqrt(10.25).
    const estimate = estimateUncertaintyFromDifferences([3, -4, -3, 4], 1.5);
    expect(estimate.n).toBe(4);
    expect(estimate.meanDifference).toBe(0);
    expect(estimate.rmsDifference).toBeCloseTo(Math.sqrt(12.5), 14);
    expect(estimate.standardUncertainty).toBeCloseTo(Math.sqrt(10.25), 14);
    expect(estimate.expandedUncertainty).toBeCloseTo(2 * Math.sqrt(10.25), 14);
    expect(estimateUncertaintyFromDifferences([0.1, -0.1], 1).standardUncertainty).toBe(0);
  });

  it('counts a systematic offset as uncertainty', () => {
    expect(estimateUncertaintyFromDifferences([2, 2, 2], 0).standardUncertainty).toBeCloseTo(2, 14);
  });
});

describe('series of reference comparisons', () => {
  it('scores each row and summarises', () => {
    const series = compareSeries([
      { id: 'a', value: 10.002, expandedUncertainty: 0.003, referenceValue: 10.0, referenceExpandedUncertainty: 0.004 },
      { id: 'b', value: 20.009, expandedUncertainty: 0.003, referenceValue: 20.0, referenceExpandedUncertainty: 0.004 },
      { id: 'c', value: 29.998, referenceValue: 30.0, referenceExpandedUncertainty: 0.004 },
    ]);
    expect(series.rows.map((r) => r.enVerdict)).toEqual(['satisfactory', 'unsatisfactory', undefined]);
    expect(series.rows[1]?.en).toBeCloseTo(0.009 / 0.005, 9);
    expect(series.scoredCount).toBe(2);
    expect(series.satisfactoryEnCount).toBe(1);
    const meanSquare = (0.002 ** 2 + 0.009 ** 2 + 0.002 ** 2) / 3;
    expect(series.estimate.standardUncertainty).toBeCloseTo(Math.sqrt(meanSquare - 0.002 ** 2), 12);
  });
});

describe('invalid input', () => {
  it.each([
    ['no uncertainty on either side', () => enScore(1, 0, 1, 0), 'LIMS_UNCERTAINTY_COMPARISON_UNCERTAINTY_INVALID'],
    ['negative U', () => enScore(1, -1, 1, 1), 'LIMS_UNCERTAINTY_COMPARISON_UNCERTAINTY_INVALID'],
    ['NaN value', () => zetaScore(NaN, 1, 1, 1), 'LIMS_UNCERTAINTY_COMPARISON_VALUE_INVALID'],
    ['sigma_pt = 0', () => zScore(1, 1, 0), 'LIMS_UNCERTAINTY_COMPARISON_SIGMA_INVALID'],
    ['empty differences', () => estimateUncertaintyFromDifferences([], 1), 'LIMS_UNCERTAINTY_COMPARISON_EMPTY'],
    ['empty series', () => compareSeries([]), 'LIMS_UNCERTAINTY_COMPARISON_EMPTY'],
    ['mismatched u_ref list', () => estimateUncertaintyFromDifferences([1, 2], [1]), 'LIMS_UNCERTAINTY_COMPARISON_UNCERTAINTY_INVALID'],
    ['k = 0', () => compareWithReference({ value: 1, expandedUncertainty: 1, coverageFactor: 0, referenceValue: 1, referenceExpandedUncertainty: 1 }), 'LIMS_UNCERTAINTY_COMPARISON_UNCERTAINTY_INVALID'],
  ] as const)('rejects %s', (_name, fn, code) => {
    expect(errorCode(fn)).toBe(code);
    expect(COMPARISON_ERROR_CODES).toContain(code);
  });
});
