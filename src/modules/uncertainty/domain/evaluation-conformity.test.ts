import { fractionInTolerance } from './conformity.js';
import { evaluate } from './evaluate.js';
import { conformityOfEvaluation, reportedMeasurement } from './evaluation-conformity.js';
import { numericalTolerance } from './mcm-statistics.js';
import type { EvaluationRequest } from './request-types.js';

/** Y = X1 + X2 with normal inputs: the output PDF is exactly normal, N(10, 0.005^2). */
const linear: EvaluationRequest = {
  model: 'X1 + X2',
  inputs: [
    { name: 'X1', estimate: 10, distribution: { type: 'normal', standardUncertainty: 0.003 } },
    { name: 'X2', estimate: 0, distribution: { type: 'normal', standardUncertainty: 0.004 } },
  ],
  method: 'both',
  mcm: { trials: 400_000, seed: 2026 },
};
const tolerance = { lower: 9.99, upper: 10.006 };

describe('probability of conformity from a Monte Carlo sample', () => {
  test('for a linear model the sample fraction agrees with the normal p_c within the numerical tolerance', () => {
    const result = evaluate(linear, { tolerance });
    const decision = conformityOfEvaluation(result, tolerance, { kind: 'simple' }, 'binary');
    expect(decision.probabilityBasis).toBe('monteCarlo');
    // Normal: Phi(1.2) - Phi(-2) = 0.884930 - 0.022750
    expect(decision.probabilityOfConformityNormal).toBeCloseTo(0.86218, 5);
    const mc = decision.probabilityOfConformityMonteCarlo!;
    expect(mc).toBe(result.mcm!.probabilityInTolerance);
    // A proportion from M trials has standard error sqrt(p (1 - p) / M); the 2-digit tolerance of JCGM 101 7.9 is far wider.
    const standardError = Math.sqrt((mc * (1 - mc)) / 400_000);
    expect(Math.abs(mc - decision.probabilityOfConformityNormal)).toBeLessThan(Math.min(4 * standardError, numericalTolerance(0.1, 2)));
    expect(decision.probabilityOfConformity).toBe(mc);
    expect(decision.specificRisk).toEqual({ kind: 'falseAcceptance', probability: 1 - mc });
  });

  test('the fraction is counted in the worker-side run without returning the sample', () => {
    const withSample = evaluate({ ...linear, method: 'mcm' }, { tolerance });
    expect(withSample.mcm).not.toHaveProperty('sortedValues');
    expect(withSample.mcm!.probabilityInTolerance).toBeGreaterThan(0.85);
    expect(evaluate({ ...linear, method: 'mcm' }).mcm).not.toHaveProperty('probabilityInTolerance');
  });

  test('without a Monte Carlo run the normal p_c is used, from the GUM figures', () => {
    const result = evaluate({ ...linear, method: 'gum', mcm: undefined });
    const decision = conformityOfEvaluation(result, { upper: 10.006 }, { kind: 'guarded', guardBandFactor: 1 }, 'binary');
    expect(reportedMeasurement(result)).toEqual({ y: 10, u: result.gum!.standardUncertainty, U: result.gum!.expandedUncertainty });
    expect(decision.probabilityBasis).toBe('normal');
    // w = U = 2 x 0.005 = 0.010 > 0.006: y = 10 is beyond the acceptance limit 9.996.
    expect(decision.decision).toBe('fail');
  });

  test('fractionInTolerance counts the limits as inside and one-sided limits as open on the other side', () => {
    const sample = Float64Array.from([1, 2, 3, 4, 5]);
    expect(fractionInTolerance(sample, { lower: 2, upper: 4 })).toBe(0.6);
    expect(fractionInTolerance(sample, { upper: 1 })).toBe(0.2);
  });
});
