import fc from 'fast-check';
import { buildCorrelation } from './correlation.js';
import { UncertaintyModelError } from './errors.js';
import { compileModel } from './expression-compiler.js';
import { prepareInput } from './inputs.js';
import { additiveModel } from './jcgm-examples.js';
import { coverageIntervals, numericalTolerance, shortestInterval, symmetricInterval, validateGumWithMcm } from './mcm-statistics.js';
import { runMonteCarlo, type McmOptions, type McmResult } from './monte-carlo.js';
import type { EvaluationRequest, InputRequest } from './request-types.js';

function mcm(request: EvaluationRequest, options: McmOptions = {}): McmResult {
  const inputs = request.inputs.map(prepareInput);
  const names = inputs.map((i) => i.name);
  const { model } = compileModel(request.model, names);
  const correlation = buildCorrelation(names, request.correlations);
  return runMonteCarlo({ model, inputs, correlation }, { seed: 1, coverageProbability: request.coverageProbability, ...options });
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof UncertaintyModelError) return e.code;
    throw e;
  }
  return 'none';
}

const normal = (name: string, estimate: number, u: number): InputRequest => ({
  name,
  estimate,
  distribution: { type: 'normal', standardUncertainty: u },
});

/**
 * Published value with d decimals, allowing also `se` Monte Carlo standard errors. The standard
 * error of an interval end-point is about sqrt(p' (1 - p') / M) / f(y) with f the output PDF at
 * the end-point (p' = 0.025, f ~ 0.029 here): 0.0054 for M = 10^6.
 */
function expectPublished(computed: number, published: string, se: number): void {
  const decimals = published.includes('.') ? (published.split('.')[1] as string).length : 0;
  expect(Math.abs(computed - Number(published))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 3 * se);
}

describe('JCGM 101 9.2 additive model (METROLOGY.md section 2)', () => {
  const M = 1_000_000;
  const endpointSe = Math.sqrt((0.025 * 0.975) / M) / 0.029;

  it.each(['normal', 'rectangular'] as const)('%s inputs: y = 0.00, u = 2.00', (type) => {
    const r = mcm(additiveModel(type), { trials: M });
    expectPublished(r.estimate, '0.00', 2 / Math.sqrt(M));
    expectPublished(r.standardUncertainty, '2.00', 2 / Math.sqrt(2 * M));
    expect(r.trials).toBe(M);
  });

  // For a symmetric output the width of a candidate interval changes only to second order as it
  // slides, so the shortest interval's end-points wander by several standard errors from run to
  // run while its width is stable. Its half-width is compared with the published value, its
  // centre only loosely; the probabilistically symmetric interval is compared end-point by end-point.
  it('normal inputs: shortest 95 % interval [-3.92, 3.92]', () => {
    const r = mcm(additiveModel('normal'), { trials: M, seed: 2 });
    expectPublished((r.interval[1] - r.interval[0]) / 2, '3.92', endpointSe);
    expect(Math.abs(r.interval[0] + r.interval[1])).toBeLessThan(0.1);
    expectPublished(r.symmetricInterval[0], '-3.92', endpointSe);
    expectPublished(r.symmetricInterval[1], '3.92', endpointSe);
  });

  it('rectangular inputs: shortest 95 % interval [-3.88, 3.88], narrower than the GUM +-3.92', () => {
    const r = mcm(additiveModel('rectangular'), { trials: M, seed: 3 });
    expectPublished((r.interval[1] - r.interval[0]) / 2, '3.88', endpointSe);
    expect(Math.abs(r.interval[0] + r.interval[1])).toBeLessThan(0.1);
    expectPublished(r.symmetricInterval[0], '-3.88', endpointSe);
    expectPublished(r.symmetricInterval[1], '3.88', endpointSe);
    // JCGM 101 9.2.3: with n_dig = 2 (delta = 0.05) the GUM interval +-3.92 is still validated.
    const validation = validateGumWithMcm({ estimate: 0, standardUncertainty: 2, expandedUncertainty: 1.96 * 2 }, r.symmetricInterval, 2);
    expect(validation.tolerance).toBeCloseTo(0.05, 12);
    expect(validation.agrees).toBe(true);
  });
});

describe('Monte Carlo analytic checks', () => {
  it('a linear model with normal inputs matches the GUM', () => {
    const r = mcm({ model: '3 * a - b / 2 + 1', inputs: [normal('a', 1, 0.2), normal('b', 4, 0.5)] }, { trials: 200_000 });
    const u = Math.hypot(0.6, 0.25);
    expect(Math.abs(r.estimate - 2)).toBeLessThan((4 * u) / Math.sqrt(200_000));
    expect(Math.abs(r.standardUncertainty / u - 1)).toBeLessThan(0.01);
    const validation = validateGumWithMcm({ estimate: 2, standardUncertainty: u, expandedUncertainty: 2 * u }, r.symmetricInterval, 1);
    expect(validation.agrees).toBe(true);
  });

  it('for a symmetric output the shortest and symmetric intervals have the same width', () => {
    const r = mcm(additiveModel('normal'), { trials: 200_000 });
    const shortest = r.interval[1] - r.interval[0];
    const symmetric = r.symmetricInterval[1] - r.symmetricInterval[0];
    expect(shortest).toBeLessThanOrEqual(symmetric);
    expect(symmetric - shortest).toBeLessThan(0.02);
    expect(Math.abs(r.symmetricInterval[0] + r.symmetricInterval[1])).toBeLessThan(0.05);
  });

  it('for a skewed output the shortest interval is shorter and shifted (exponential input)', () => {
    const r = mcm({ model: 'x', inputs: [{ name: 'x', distribution: { type: 'exponential', mean: 1 } }], coverageProbability: 0.95 }, { trials: 200_000 });
    expect(r.interval[0]).toBeLessThan(0.001); // shortest starts at the mode, 0
    expect(Math.abs(r.interval[1] - -Math.log(0.05))).toBeLessThan(0.05);
    expect(Math.abs(r.symmetricInterval[0] - -Math.log(0.975))).toBeLessThan(0.003);
  });

  it('draws Type A inputs from the t distribution (u = s/sqrt(n) * sqrt(nu/(nu - 2)))', () => {
    const readings = [10.1, 10.3, 9.9, 10.2, 10.0, 10.4, 9.8];
    const input = prepareInput({ name: 'x', readings });
    const r = mcm({ model: 'x', inputs: [{ name: 'x', readings }] }, { trials: 400_000 });
    expect(Math.abs(r.standardUncertainty / (input.standardUncertainty * Math.sqrt(6 / 4)) - 1)).toBeLessThan(0.02);
  });

  it('draws correlated normal inputs jointly', () => {
    const request: EvaluationRequest = {
      model: 'a + b',
      inputs: [normal('a', 0, 1), normal('b', 0, 2)],
      correlations: [{ between: ['a', 'b'], coefficient: -0.6 }],
    };
    const r = mcm(request, { trials: 200_000 });
    const u = Math.sqrt(1 + 4 - 2 * 0.6 * 2);
    expect(Math.abs(r.standardUncertainty / u - 1)).toBeLessThan(0.01);
  });

  it('refuses correlations involving a non-normal input', () => {
    const request: EvaluationRequest = {
      model: 'a + b',
      inputs: [normal('a', 0, 1), { name: 'b', estimate: 0, distribution: { type: 'rectangular', halfWidth: 1 } }],
      correlations: [{ between: ['a', 'b'], coefficient: 0.3 }],
    };
    expect(codeOf(() => mcm(request, { trials: 1000 }))).toBe('LIMS_UNCERTAINTY_CORRELATION_NON_NORMAL');
  });

  it('handles degenerate models: a bare input and a constant', () => {
    const bare = mcm({ model: 'a', inputs: [normal('a', 5, 0.5)] }, { trials: 5000 });
    expect(Math.abs(bare.standardUncertainty - 0.5)).toBeLessThan(0.03);
    const constant = mcm({ model: '2 * pi', inputs: [normal('a', 5, 0.5)] }, { trials: 5000 });
    expect(constant).toMatchObject({ estimate: 2 * Math.PI, standardUncertainty: 0, interval: [2 * Math.PI, 2 * Math.PI] });
  });

  it('reports draws outside the model domain as a domain error', () => {
    const request: EvaluationRequest = { model: 'ln(x)', inputs: [normal('x', 1, 0.5)] };
    let error: UncertaintyModelError | undefined;
    try {
      mcm(request, { trials: 10_000 });
    } catch (e) {
      error = e as UncertaintyModelError;
    }
    expect(error?.code).toBe('LIMS_UNCERTAINTY_DOMAIN');
    expect(error?.details.nonFiniteTrials).toBeGreaterThan(0);
  });
});

describe('Monte Carlo reproducibility and limits', () => {
  const request = additiveModel('rectangular');

  it('the same seed reproduces the result exactly; another seed does not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (seed) => {
        const a = mcm(request, { trials: 2000, seed });
        const b = mcm(request, { trials: 2000, seed });
        expect(b).toEqual(a);
        expect(a.seed).toBe(seed);
        expect(mcm(request, { trials: 2000, seed: seed === 0 ? 1 : seed - 1 }).estimate).not.toBe(a.estimate);
      }),
      { numRuns: 20 },
    );
  });

  it('chooses and reports a seed when none is given', () => {
    const r = mcm(request, { trials: 1000, seed: undefined });
    expect(mcm(request, { trials: 1000, seed: r.seed })).toEqual(r);
  });

  it('stops when aborted or out of time', () => {
    expect(codeOf(() => mcm(request, { trials: 10_000, signal: { aborted: true } }))).toBe('LIMS_UNCERTAINTY_ABORTED');
    expect(codeOf(() => mcm(request, { trials: 20_000_000, maxTrials: 20_000_000, maxTimeMs: 20 }))).toBe('LIMS_UNCERTAINTY_ABORTED');
  });

  it('rejects trial counts outside the limits', () => {
    expect(codeOf(() => mcm(request, { trials: 10 }))).toBe('LIMS_UNCERTAINTY_INVALID_INPUT');
    expect(codeOf(() => mcm(request, { trials: 2000, maxTrials: 1000 }))).toBe('LIMS_UNCERTAINTY_INVALID_INPUT');
    expect(codeOf(() => mcm(request, { trials: 1.5e3 + 0.5 }))).toBe('LIMS_UNCERTAINTY_INVALID_INPUT');
    expect(codeOf(() => mcm(request, { adaptive: true, trials: 1000 }))).toBe('LIMS_UNCERTAINTY_INVALID_INPUT');
  });

  it('adaptive procedure (JCGM 101 7.9) stops when results are stable to the stated digits', () => {
    const r = mcm(request, { adaptive: true, significantDigits: 2 });
    expect(r.converged).toBe(true);
    expect(r.adaptive?.batchSize).toBe(10_000);
    expect(r.adaptive?.tolerance).toBeCloseTo(0.05, 12); // u = 2.0 -> 20 x 10^-1
    expect(r.trials).toBe((r.adaptive?.batches as number) * 10_000);
    expect(r.adaptive?.batches).toBeGreaterThanOrEqual(2);
    expect(Math.abs(r.standardUncertainty - 2)).toBeLessThan(0.05);
  });

  it('adaptive procedure reports a run cut short by the trial cap', () => {
    const r = mcm(request, { adaptive: true, significantDigits: 4, maxTrials: 30_000 });
    expect(r.converged).toBe(false);
    expect(r.trials).toBe(30_000);
    expect(r.warnings.join(' ')).toContain('before reaching 4 significant digits');
  });
});

describe('coverage interval statistics', () => {
  it('numerical tolerance follows JCGM 101 7.9.2', () => {
    expect(numericalTolerance(2.0, 2)).toBeCloseTo(0.05, 15);
    expect(numericalTolerance(0.0123, 2)).toBeCloseTo(0.0005, 15);
    expect(numericalTolerance(0.0123, 1)).toBeCloseTo(0.005, 15);
    expect(numericalTolerance(31.66, 2)).toBeCloseTo(0.5, 15);
    expect(numericalTolerance(99.7, 2)).toBeCloseTo(5, 15); // 100 = 10 x 10^1
  });

  it('the partial-sort intervals equal those of a full sort, duplicates included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 50, maxLength: 3000 }),
        fc.constantFrom(0.5, 0.9, 0.95, 0.9545, 0.99),
        (ints, p) => {
          const values = Float64Array.from(ints, (v) => v / 7);
          const sorted = Float64Array.from(values).sort();
          const fast = coverageIntervals(values, p);
          expect(fast.shortest).toEqual(shortestInterval(sorted, p));
          expect(fast.symmetric).toEqual(symmetricInterval(sorted, p));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('uses q = round(pM) and the JCGM 101 7.7.1 index for the symmetric interval', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(symmetricInterval(sorted, 0.95)).toEqual([3, 98]); // r = 3, q = 95
    expect(shortestInterval(sorted, 0.95)).toEqual([1, 96]);
  });
});
