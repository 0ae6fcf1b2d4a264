import fc from 'fast-check';
import { GAUGE_RR_ERROR_CODES, GaugeRrError, gaugeRrAverageRange, type GaugeRrInput } from './gauge-rr.js';
import { gaugeRrAnova } from './gauge-rr-anova.js';

/**
 * The classic AIAG MSA 4th ed. study (10 parts, appraisers A, B, C, 3 trials), rows
 * (appraiser, trial), columns parts 1..10. The same numbers appear in many public
 * implementations and in McNeese (2015), "Three Ways to Analyze a Gage R&R Study".
 */
const AIAG_ROWS: Record<'A' | 'B' | 'C', number[][]> = {
  A: [
    [0.29, -0.56, 1.34, 0.47, -0.8, 0.02, 0.59, -0.31, 2.26, -1.36],
    [0.41, -0.68, 1.17, 0.5, -0.92, -0.11, 0.75, -0.2, 1.99, -1.25],
    [0.64, -0.58, 1.27, 0.64, -0.84, -0.21, 0.66, -0.17, 2.01, -1.31],
  ],
  B: [
    [0.08, -0.47, 1.19, 0.01, -0.56, -0.2, 0.47, -0.63, 1.8, -1.68],
    [0.25, -1.22, 0.94, 1.03, -1.2, 0.22, 0.55, 0.08, 2.12, -1.62],
    [0.07, -0.68, 1.34, 0.2, -1.28, 0.06, 0.83, -0.34, 2.19, -1.5],
  ],
  C: [
    [0.04, -1.38, 0.88, 0.14, -1.46, -0.29, 0.02, -0.46, 1.77, -1.49],
    [-0.11, -1.13, 1.09, 0.2, -1.07, -0.67, 0.01, -0.56, 1.45, -1.77],
    [-0.15, -0.96, 0.67, 0.11, -1.45, -0.49, 0.21, -0.49, 1.87, -2.16],
  ],
};
const AIAG: GaugeRrInput = {
  measurements: Array.from({ length: 10 }, (_, part) => (['A', 'B', 'C'] as const).map((op) => AIAG_ROWS[op].map((trial) => trial[part] as number))),
};

/** A published value with d decimals matches when |computed - published| <= tolerance (METROLOGY.md convention, widened where noted). */
function expectNear(actual: number | null | undefined, published: number, tolerance: number): void {
  expect(Math.abs((actual as number) - published)).toBeLessThanOrEqual(tolerance);
}

/** measurements[part][operator][trial] = part + operator + interaction + noise[trial]. */
function construct(partEffects: number[], operatorEffects: number[], interaction: number[][], noise: number[]): GaugeRrInput {
  return {
    measurements: partEffects.map((pe, i) =>
      operatorEffects.map((oe, j) => noise.map((e) => pe + oe + ((interaction[i] as number[])[j] as number) + e)),
    ),
  };
}

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof GaugeRrError ? error.code : 'not a GaugeRrError';
  }
  return undefined;
}

describe('average-and-range method: AIAG MSA 4th ed. worked example', () => {
  const result = gaugeRrAverageRange(AIAG);

  it('reproduces the data-sheet intermediates Rbar, Xdiff and Rp', () => {
    expect(result.operatorAverageRanges.map((r) => Number(r.toFixed(3)))).toEqual([0.184, 0.513, 0.328]);
    expectNear(result.averageRange, 0.3417, 0.00005);
    expect(result.operatorAverages.map((x) => Number(x.toFixed(4)))).toEqual([0.1903, 0.0683, -0.2543]);
    expectNear(result.operatorAverageDifference, 0.4446, 0.0001);
    expectNear(result.partRange, 3.511, 0.0005);
    expect(result.constants).toEqual({ k1: 0.5908, k2: 0.5231, k3: 0.3146 });
  });

  it('reproduces EV, AV, GRR, PV, TV within 5e-5 (the manual rounds its intermediates)', () => {
    expectNear(result.repeatability.sigma, 0.20188, 0.00005);
    // The manual's AV = 0.22963 uses Xdiff rounded to 0.4446; unrounded it is 0.22967.
    expectNear(result.reproducibility.sigma, 0.22963, 0.00005);
    expectNear(result.grr.sigma, 0.30575, 0.00005);
    expectNear(result.partVariation.sigma, 1.10456, 0.00005);
    expectNear(result.totalVariation.sigma, 1.1461, 0.00005);
  });

  it('reproduces %EV, %AV, %GRR, %PV of TV and ndc = 5', () => {
    expectNear(result.repeatability.percentOfTotalVariation, 17.62, 0.01);
    expectNear(result.reproducibility.percentOfTotalVariation, 20.04, 0.005);
    expectNear(result.grr.percentOfTotalVariation, 26.68, 0.005);
    expectNear(result.partVariation.percentOfTotalVariation, 96.38, 0.005);
    expect(result.ndc).toBe(5);
    expect(result.ndcAdequate).toBe(true);
    expect(result.verdict).toBe('conditionallyAcceptable');
  });

  it('applies 6 sigma for %Tol and a known process variation for TV', () => {
    const withTol = gaugeRrAverageRange({ ...AIAG, tolerance: 5 });
    expect(withTol.grr.percentOfTolerance).toBeCloseTo((100 * 6 * withTol.grr.sigma) / 5, 12);
    expect(withTol.toleranceVerdict).toBe('unacceptable');
    const withProcess = gaugeRrAverageRange({ ...AIAG, processVariation: 9 });
    expect(withProcess.totalVariation.sigma).toBe(1.5);
    expect(withProcess.partVariation.sigma).toBeCloseTo(Math.sqrt(2.25 - withProcess.grr.sigma ** 2), 12);
    expect(withProcess.totalVariationBasis).toBe('processVariation');
  });
});

describe('ANOVA method: AIAG MSA 4th ed. worked example', () => {
  const result = gaugeRrAnova(AIAG);

  it('reproduces the ANOVA table (SS and MS of the manual; F and p re-derived with SciPy)', () => {
    const [part, operator, interaction, repeatability, total] = result.fullTable;
    expectNear(part?.sumOfSquares, 88.3619, 0.00005);
    expectNear(operator?.sumOfSquares, 3.1673, 0.00005);
    expectNear(interaction?.sumOfSquares, 0.359, 0.00005);
    expectNear(repeatability?.sumOfSquares, 2.7589, 0.00005);
    expectNear(total?.sumOfSquares, 94.6471, 0.00005);
    expect([part, operator, interaction, repeatability, total].map((r) => r?.degreesOfFreedom)).toEqual([9, 2, 18, 60, 89]);
    expectNear(part?.meanSquare, 9.81799, 0.000005);
    expectNear(operator?.meanSquare, 1.58363, 0.000005);
    expectNear(interaction?.f, 0.433721, 0.0000005);
    expectNear(result.interactionPValue as number, 0.974106404329, 1e-10);
    expectNear(operator?.f, 79.406049, 0.000005);
  });

  it('pools the non-significant interaction and reproduces the variance components', () => {
    expect(result.interactionPooled).toBe(true);
    expect(result.table.map((r) => r.source)).toEqual(['part', 'operator', 'repeatability', 'total']);
    expectNear(result.table[2]?.meanSquare, 0.039973, 0.0000005);
    expectNear(result.table[1]?.f, 39.617246, 0.000005);
    expectNear(result.varianceComponents.repeatability, 0.04, 0.00005);
    expectNear(result.varianceComponents.reproducibility, 0.0515, 0.00005);
    expectNear(result.varianceComponents.part, 1.0864, 0.00005);
    expect(result.varianceComponents.interaction).toBe(0);
    expectNear(result.repeatability.sigma, 0.199933, 0.0000005);
    expectNear(result.reproducibility.sigma, 0.226838, 0.0000005);
    expectNear(result.grr.sigma, 0.302372, 0.000001);
    expectNear(result.partVariation.sigma, 1.042327, 0.000001);
    expectNear(result.totalVariation.sigma, 1.0853, 0.00005);
    expectNear(result.grr.percentOfTotalVariation, 27.86, 0.005);
    expect(result.ndc).toBe(4);
    expect(result.ndcAdequate).toBe(false);
  });
});

describe('ANOVA decomposition on constructed data', () => {
  // 3 parts (0, 1, 3), 2 operators (0, 0.2), trial noise -0.1, +0.1 in every cell:
  // SS_e = 12 * 0.01 = 0.12 (df 6), SS_op = 6 * (0.1^2 + 0.1^2) = 0.12 (df 1),
  // part means 0.1, 1.1, 3.1 about 1.4333: SS_part = 4 * 4.6667 = 18.6667 (df 2).
  const noInteraction = construct([0, 1, 3], [0, 0.2], [[0, 0], [0, 0], [0, 0]], [-0.1, 0.1]);

  it('without interaction: exact sums of squares, pooled, hand-computed components', () => {
    const r = gaugeRrAnova(noInteraction);
    const ss = r.fullTable.map((row) => row.sumOfSquares);
    [56 / 3, 0.12, 0, 0.12, 56 / 3 + 0.24].forEach((expected, i) => expect(ss[i]).toBeCloseTo(expected, 12));
    expect(r.interactionPooled).toBe(true);
    // Pooled MS = 0.12 / 8 = 0.015; operator = (0.12 - 0.015) / 6; part = (28/3 - 0.015) / 4.
    expect(r.varianceComponents.repeatability).toBeCloseTo(0.015, 14);
    expect(r.varianceComponents.operator).toBeCloseTo(0.0175, 14);
    expect(r.varianceComponents.part).toBeCloseTo((28 / 3 - 0.015) / 4, 12);
  });

  it('with a strong interaction: not pooled, p = (1 + d1 F / d2)^(-d2/2) for d1 = 2', () => {
    // Interaction +-0.5 (rows and columns sum to 0): SS_int = 2 * 4 * 0.25 = 2, MS_int = 1, F = 50.
    const r = gaugeRrAnova(construct([0, 1, 3], [0, 0.2], [[0.5, -0.5], [-0.5, 0.5], [0, 0]], [-0.1, 0.1]));
    expect(r.fullTable[2]?.f).toBeCloseTo(50, 10);
    expect(r.interactionPValue).toBeCloseTo((1 + 100 / 6) ** -3, 15);
    expect(r.interactionPooled).toBe(false);
    expect(r.varianceComponents.interaction).toBeCloseTo(0.49, 12);
    expect(r.varianceComponents.operator).toBe(0); // (0.12 - 1) / 6 < 0 is set to 0
    expect(r.varianceComponents.part).toBeCloseTo((28 / 3 - 1) / 4, 12);
    expect(r.reproducibility.sigma).toBeCloseTo(0.7, 12);
  });

  it('pools a moderate interaction at alpha = 0.05 but not at alpha = 0.25', () => {
    // Interaction +-0.1: MS_int = 0.04, F = 2, p = (5/3)^-3 = 0.216.
    const data = construct([0, 1, 3], [0, 0.2], [[0.1, -0.1], [-0.1, 0.1], [0, 0]], [-0.1, 0.1]);
    const strict = gaugeRrAnova(data);
    expect(strict.interactionPValue).toBeCloseTo(0.216, 14);
    expect(strict.interactionPooled).toBe(true);
    const lenient = gaugeRrAnova(data, { interactionAlpha: 0.25 });
    expect(lenient.interactionPooled).toBe(false);
    expect(lenient.interactionAlpha).toBe(0.25);
  });

  it('partitions the total sum of squares for any balanced data that varies', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 4 }),
        // Readings of a gauge with 0.001 resolution: a double down to 5e-324 is no reading, and its
        // squares underflow to zero, which the study refuses as "no variation".
        fc.array(fc.integer({ min: -10_000, max: 10_000 }).map((n) => n / 1000), { minLength: 96, maxLength: 96 }),
        (p, o, r, values) => {
          const measurements = Array.from({ length: p }, (_, i) => Array.from({ length: o }, (_, j) => Array.from({ length: r }, (_, t) => values[(i * o + j) * r + t] as number)));
          // Identical measurements have no variation to partition (refused, tested under invalid studies).
          fc.pre(new Set(measurements.flat(2)).size > 1);
          const rows = gaugeRrAnova({ measurements }).fullTable;
          const parts = rows.slice(0, 4).reduce((s, row) => s + row.sumOfSquares, 0);
          expect(parts).toBeCloseTo(rows[4]?.sumOfSquares as number, 8);
        },
      ),
    );
  });
});

describe('invalid studies', () => {
  const cell = [1, 2];
  it.each([
    ['unequal trial counts', () => gaugeRrAnova({ measurements: [[cell, cell], [cell, [1, 2, 3]]] }), 'LIMS_UNCERTAINTY_GAUGE_RR_SHAPE_INVALID'],
    ['unequal operator counts', () => gaugeRrAnova({ measurements: [[cell, cell], [cell]] }), 'LIMS_UNCERTAINTY_GAUGE_RR_SHAPE_INVALID'],
    ['one part', () => gaugeRrAnova({ measurements: [[cell, cell]] }), 'LIMS_UNCERTAINTY_GAUGE_RR_TOO_SMALL'],
    ['one trial', () => gaugeRrAnova({ measurements: [[[1], [2]], [[3], [4]]] }), 'LIMS_UNCERTAINTY_GAUGE_RR_TOO_SMALL'],
    ['NaN value', () => gaugeRrAnova({ measurements: [[cell, [1, NaN]], [cell, cell]] }), 'LIMS_UNCERTAINTY_GAUGE_RR_VALUE_INVALID'],
    ['11 parts for average and range', () => gaugeRrAverageRange({ measurements: Array.from({ length: 11 }, (_, i) => [[i, i + 0.1], [i, i + 0.2]]) }), 'LIMS_UNCERTAINTY_GAUGE_RR_OUTSIDE_TABLES'],
    ['4 trials for average and range', () => gaugeRrAverageRange({ measurements: [[[1, 2, 3, 4], [1, 2, 3, 4]], [[1, 2, 3, 5], [1, 2, 3, 4]]] }), 'LIMS_UNCERTAINTY_GAUGE_RR_OUTSIDE_TABLES'],
    ['alpha = 1', () => gaugeRrAnova(AIAG, { interactionAlpha: 1 }), 'LIMS_UNCERTAINTY_GAUGE_RR_OPTION_INVALID'],
    ['zero tolerance', () => gaugeRrAnova({ ...AIAG, tolerance: 0 }), 'LIMS_UNCERTAINTY_GAUGE_RR_OPTION_INVALID'],
    ['identical values', () => gaugeRrAnova({ measurements: [[cell.map(() => 1), cell.map(() => 1)], [cell.map(() => 1), cell.map(() => 1)]] }), 'LIMS_UNCERTAINTY_GAUGE_RR_NO_VARIATION'],
  ] as const)('rejects %s', (_name, fn, code) => {
    expect(errorCode(fn)).toBe(code);
    expect(GAUGE_RR_ERROR_CODES).toContain(code);
  });

  it('allows more than 10 parts with the ANOVA method', () => {
    const measurements = Array.from({ length: 12 }, (_, i) => [[i, i + 0.1], [i + 0.05, i + 0.12]]);
    expect(gaugeRrAnova({ measurements }).shape).toEqual({ parts: 12, operators: 2, trials: 2 });
  });
});
