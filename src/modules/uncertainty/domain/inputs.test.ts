import type { Distribution } from './distributions.js';
import { UncertaintyModelError } from './errors.js';
import { prepareInput } from './inputs.js';
import { Xoshiro256 } from './random.js';
import type { InputRequest } from './request-types.js';
import { studentTQuantile } from './special-functions.js';

function sampleMoments(d: Distribution, n = 200_000, seed = 1): { mean: number; std: number } {
  const out = new Float64Array(n);
  const scratch = new Float64Array(n);
  d.sample(new Xoshiro256(seed), out, n, scratch);
  const mean = out.reduce((a, b) => a + b, 0) / n;
  const std = Math.sqrt(out.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return { mean, std };
}

function codeOf(request: unknown): string {
  try {
    prepareInput(request as InputRequest);
  } catch (e) {
    if (e instanceof UncertaintyModelError) return e.code;
    throw e;
  }
  return 'accepted';
}

describe('Type B distributions (JCGM 101 6.4)', () => {
  const h = 2;
  const cases: Array<[string, InputRequest, number, number]> = [
    ['normal', { name: 'x', estimate: 5, distribution: { type: 'normal', standardUncertainty: 0.3 } }, 5, 0.3],
    ['rectangular', { name: 'x', estimate: 5, distribution: { type: 'rectangular', halfWidth: h } }, 5, h / Math.sqrt(3)],
    ['triangular', { name: 'x', distribution: { type: 'triangular', lower: 3, upper: 7 } }, 5, h / Math.sqrt(6)],
    ['trapezoidal', { name: 'x', estimate: 5, distribution: { type: 'trapezoidal', halfWidth: h, beta: 0.5 } }, 5, h * Math.sqrt(1.25 / 6)],
    ['curvilinear', { name: 'x', estimate: 5, distribution: { type: 'curvilinearTrapezoid', halfWidth: h, halfWidthUncertainty: 0.5 } }, 5, Math.sqrt(4 / 3 + 0.25 / 9)],
    ['arcsine', { name: 'x', distribution: { type: 'arcsine', lower: 3, upper: 7 } }, 5, h / Math.SQRT2],
    ['studentT', { name: 'x', estimate: 5, distribution: { type: 'studentT', scale: 0.4, dof: 8 } }, 5, 0.4 * Math.sqrt(8 / 6)],
    ['exponential', { name: 'x', distribution: { type: 'exponential', mean: 1.5 } }, 1.5, 1.5],
    ['gamma', { name: 'x', distribution: { type: 'gamma', shape: 3, scale: 0.5 } }, 1.5, Math.sqrt(3) * 0.5],
  ];

  it.each(cases)('%s: estimate and u follow the formula, and the samples agree', (_, request, estimate, u) => {
    const input = prepareInput(request);
    expect(input.estimate).toBeCloseTo(estimate, 12);
    expect(input.standardUncertainty).toBeCloseTo(u, 12);
    expect(input.dof).toBe(Infinity);
    const sampled = sampleMoments(input.distribution);
    // Five standard errors of the mean and (generously, for heavy tails) 1.5 % in the std dev.
    expect(Math.abs(sampled.mean - estimate)).toBeLessThan((5 * u) / Math.sqrt(200_000));
    expect(Math.abs(sampled.std / u - 1)).toBeLessThan(0.015);
  });

  it('keeps samples inside the limits of bounded distributions', () => {
    for (const type of ['rectangular', 'triangular', 'arcsine'] as const) {
      const input = prepareInput({ name: 'x', distribution: { type, lower: -1, upper: 3 } });
      const out = new Float64Array(50_000);
      input.distribution.sample(new Xoshiro256(3), out, out.length, new Float64Array(out.length));
      expect(Math.min(...out)).toBeGreaterThanOrEqual(-1);
      expect(Math.max(...out)).toBeLessThanOrEqual(3);
    }
  });

  it('converts an expanded uncertainty with k, or with p through the t quantile of the dof (GUM H.1)', () => {
    expect(prepareInput({ name: 'ls', estimate: 0, distribution: { type: 'normal', expandedUncertainty: 75, coverageFactor: 3 } }).standardUncertainty).toBe(25);
    const d1 = prepareInput({ name: 'd1', estimate: 0, dof: 5, distribution: { type: 'normal', expandedUncertainty: 10, coverageProbability: 0.95 } });
    expect(d1.standardUncertainty).toBeCloseTo(10 / studentTQuantile(0.975, 5), 12);
    expect(d1.standardUncertainty).toBeCloseTo(3.9, 1);
    const normalK = prepareInput({ name: 'x', estimate: 0, distribution: { type: 'normal', expandedUncertainty: 1.96, coverageProbability: 0.95 } });
    expect(normalK.standardUncertainty).toBeCloseTo(1, 3);
  });

  it('derives dof from the relative reliability of u (GUM G.4.2)', () => {
    const input = (rel: number): number =>
      prepareInput({ name: 'x', estimate: 0, relativeUncertaintyOfU: rel, distribution: { type: 'rectangular', halfWidth: 1 } }).dof;
    expect(input(0.25)).toBeCloseTo(8, 12);
    expect(input(0.1)).toBeCloseTo(50, 12);
    expect(input(0.5)).toBeCloseTo(2, 12);
  });
});

describe('Type A inputs', () => {
  it('uses the mean, s/sqrt(n) and n - 1 dof, and samples a t distribution (JCGM 101 6.4.9)', () => {
    const input = prepareInput({ name: 'x', readings: [10.1, 10.3, 9.9, 10.2, 10.0] });
    expect(input.estimate).toBeCloseTo(10.1, 12);
    expect(input.standardUncertainty).toBeCloseTo(Math.sqrt(0.025) / Math.sqrt(5), 12);
    expect(input.dof).toBe(4);
    expect(input.evaluation).toBe('A');
    expect(input.distribution.type).toBe('studentT');
  });

  it('uses a pooled standard deviation with its own dof (GUM H.1: 13 nm, mean of 5, 24 dof)', () => {
    const input = prepareInput({ name: 'dbar', readings: [205, 212, 215, 218, 225], pooledStandardDeviation: 13, pooledDof: 24 });
    expect(input.estimate).toBe(215);
    expect(input.standardUncertainty).toBeCloseTo(5.8, 1);
    expect(input.dof).toBe(24);
  });
});

describe('input validation', () => {
  it.each([
    ['unknown input field', { name: 'x', estimate: 1, distribution: { type: 'normal', standardUncertainty: 1 }, uncertainty: 2 }],
    ['unknown distribution field', { name: 'x', estimate: 1, distribution: { type: 'normal', standardUncertainty: 1, halfWidth: 2 } }],
    ['unknown distribution type', { name: 'x', estimate: 1, distribution: { type: 'lognormal' } }],
    ['no distribution', { name: 'x', estimate: 1 }],
    ['both Type A and B', { name: 'x', readings: [1, 2], distribution: { type: 'normal', standardUncertainty: 1 } }],
    ['one reading', { name: 'x', readings: [1] }],
    ['pooled s without dof', { name: 'x', readings: [1], pooledStandardDeviation: 1 }],
    ['dof on Type A', { name: 'x', readings: [1, 2], dof: 3 }],
    ['estimate off the mean', { name: 'x', readings: [1, 2], estimate: 1.4 }],
    ['u and U together', { name: 'x', estimate: 1, distribution: { type: 'normal', standardUncertainty: 1, expandedUncertainty: 2, coverageFactor: 2 } }],
    ['U without k or p', { name: 'x', estimate: 1, distribution: { type: 'normal', expandedUncertainty: 2 } }],
    ['negative u', { name: 'x', estimate: 1, distribution: { type: 'normal', standardUncertainty: -1 } }],
    ['halfWidth without estimate', { name: 'x', distribution: { type: 'rectangular', halfWidth: 1 } }],
    ['halfWidth and limits', { name: 'x', estimate: 0, distribution: { type: 'rectangular', halfWidth: 1, lower: -1, upper: 1 } }],
    ['lower above upper', { name: 'x', distribution: { type: 'rectangular', lower: 2, upper: 1 } }],
    ['estimate off the midpoint', { name: 'x', estimate: 0.5, distribution: { type: 'rectangular', lower: -1, upper: 1 } }],
    ['beta above 1', { name: 'x', estimate: 0, distribution: { type: 'trapezoidal', halfWidth: 1, beta: 1.5 } }],
    ['limit uncertainty above the half-width', { name: 'x', estimate: 0, distribution: { type: 'curvilinearTrapezoid', halfWidth: 1, halfWidthUncertainty: 2 } }],
    ['dof and reliability', { name: 'x', estimate: 0, dof: 3, relativeUncertaintyOfU: 0.2, distribution: { type: 'rectangular', halfWidth: 1 } }],
    ['estimate off the gamma mean', { name: 'x', estimate: 3, distribution: { type: 'gamma', shape: 2, scale: 1 } }],
    ['a string estimate', { name: 'x', estimate: '1.0', distribution: { type: 'normal', standardUncertainty: 1 } }],
    ['a non-string name', { name: 3, estimate: 1, distribution: { type: 'normal', standardUncertainty: 1 } }],
  ])('rejects %s', (_, request) => {
    expect(codeOf(request)).toBe('LIMS_UNCERTAINTY_INVALID_INPUT');
  });

  it('names the input and field in the error', () => {
    try {
      prepareInput({ name: 'ls', estimate: 1, distribution: { type: 'normal', standardUncertainty: 1, stdUnc: 2 } } as unknown as InputRequest);
      throw new Error('accepted');
    } catch (e) {
      expect((e as UncertaintyModelError).details).toEqual({ input: 'ls', field: 'stdUnc' });
      expect((e as Error).message).toContain("unknown field 'stdUnc'");
    }
  });
});
