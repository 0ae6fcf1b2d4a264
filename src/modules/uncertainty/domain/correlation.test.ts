import { buildCorrelation, choleskyPsd } from './correlation.js';
import { UncertaintyModelError } from './errors.js';
import { compileModel } from './expression-compiler.js';
import { prepareInput } from './inputs.js';
import { runMonteCarlo } from './monte-carlo.js';
import type { CorrelationRequest } from './request-types.js';

const names = ['a', 'b', 'c', 'd'];

function errorOf(correlations: CorrelationRequest[]): UncertaintyModelError {
  try {
    buildCorrelation(names, correlations);
  } catch (e) {
    return e as UncertaintyModelError;
  }
  throw new Error('accepted');
}

describe('correlation matrix', () => {
  it('is absent when no non-zero coefficient is stated', () => {
    expect(buildCorrelation(names, [])).toBeNull();
    expect(buildCorrelation(names, [{ between: ['a', 'b'], coefficient: 0 }])).toBeNull();
  });

  it('is symmetric with a unit diagonal, and its Cholesky factor reproduces the members block', () => {
    const s = buildCorrelation(names, [
      { between: ['a', 'c'], coefficient: 0.5 },
      { between: ['d', 'c'], coefficient: -0.3 },
    ]);
    expect(s?.members).toEqual([0, 2, 3]);
    expect(s?.matrix[2]?.[0]).toBe(0.5);
    expect(s?.matrix[0]?.[2]).toBe(0.5);
    expect(s?.matrix[3]?.[2]).toBe(-0.3);
    expect(s?.matrix[1]?.[1]).toBe(1);
    const l = s?.cholesky as Float64Array[];
    const product = (i: number, j: number): number => l[i]!.reduce((sum, v, k) => sum + v * (l[j]![k] as number), 0);
    const members = s?.members as number[];
    members.forEach((mi, i) => members.forEach((mj, j) => expect(product(i, j)).toBeCloseTo(s?.matrix[mi]?.[mj] as number, 14)));
  });

  it('accepts a perfect correlation (positive semi-definite) and samples it exactly', () => {
    const inputs = [
      prepareInput({ name: 'a', estimate: 1, distribution: { type: 'normal', standardUncertainty: 0.2 } }),
      prepareInput({ name: 'b', estimate: 3, distribution: { type: 'normal', standardUncertainty: 0.4 } }),
    ];
    const correlation = buildCorrelation(['a', 'b'], [{ between: ['a', 'b'], coefficient: 1 }]);
    const { model } = compileModel('2 * a - b', ['a', 'b']);
    const r = runMonteCarlo({ model, inputs, correlation }, { trials: 10_000, seed: 4 });
    expect(r.standardUncertainty).toBeLessThan(1e-12);
    expect(r.estimate).toBeCloseTo(-1, 12);
  });

  it('rejects coefficients that cannot hold together, naming the inputs', () => {
    const error = errorOf([
      { between: ['a', 'b'], coefficient: 0.9 },
      { between: ['b', 'c'], coefficient: 0.9 },
      { between: ['a', 'c'], coefficient: -0.9 },
    ]);
    expect(error.code).toBe('LIMS_UNCERTAINTY_CORRELATION_NOT_PSD');
    expect(error.details.inputs).toEqual(['a', 'b', 'c']);
    expect(error.message).toContain('a, b, c');
  });

  it('rejects a singular block whose rows disagree', () => {
    expect(() => choleskyPsd([Float64Array.of(1, 1, 1), Float64Array.of(1, 1, 0), Float64Array.of(1, 0, 1)], ['x', 'y', 'z'])).toThrow(
      /not positive semi-definite/,
    );
  });

  it.each<[string, CorrelationRequest[]]>([
    ['an unknown input', [{ between: ['a', 'z'], coefficient: 0.1 }]],
    ['a self-correlation', [{ between: ['a', 'a'], coefficient: 0.1 }]],
    ['a coefficient above 1', [{ between: ['a', 'b'], coefficient: 1.1 }]],
    ['a missing coefficient', [{ between: ['a', 'b'] } as unknown as CorrelationRequest]],
    ['a pair stated twice', [{ between: ['a', 'b'], coefficient: 0.1 }, { between: ['b', 'a'], coefficient: 0.1 }]],
    ['a pair of three', [{ between: ['a', 'b', 'c'], coefficient: 0.1 } as unknown as CorrelationRequest]],
  ])('rejects %s', (_, correlations) => {
    expect(errorOf(correlations).code).toBe('LIMS_UNCERTAINTY_INVALID_INPUT');
  });
});
