import fc from 'fast-check';
import { buildCorrelation } from './correlation.js';
import { UncertaintyModelError } from './errors.js';
import { compileModel } from './expression-compiler.js';
import { coverageFactor, evaluateGum, welchSatterthwaite, type GumOptions, type GumResult } from './gum.js';
import { prepareInput } from './inputs.js';
import { END_GAUGE_H1 } from './jcgm-examples.js';
import type { CorrelationRequest, EvaluationRequest, InputRequest } from './request-types.js';

/** Tolerance convention of METROLOGY.md: a value printed with d decimals matches within 0.5 * 10^-d. */
function expectPublished(computed: number, published: string): void {
  const decimals = published.includes('.') ? (published.split('.')[1] as string).length : 0;
  expect(Math.abs(computed - Number(published))).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
}

function gum(request: EvaluationRequest, options: GumOptions = {}): GumResult {
  const inputs = request.inputs.map(prepareInput);
  const names = inputs.map((i) => i.name);
  const { model } = compileModel(request.model, names);
  return evaluateGum(model, inputs, buildCorrelation(names, request.correlations), {
    coverageProbability: request.coverageProbability,
    ...options,
  });
}

const normalInput = (name: string, estimate: number, u: number, extra: Partial<InputRequest> = {}): InputRequest => ({
  name,
  estimate,
  distribution: { type: 'normal', standardUncertainty: u },
  ...extra,
});

describe('GUM H.1 end gauge (METROLOGY.md section 1)', () => {
  const result = gum(END_GAUGE_H1);
  const row = (name: string) => result.budget.find((r) => r.name === name);

  it('reproduces l, u_c, the effective dof and k99', () => {
    expectPublished(result.estimate / 1e6, '50.000838'); // mm
    expectPublished(result.standardUncertainty, '32');
    expectPublished(result.effectiveDofUnrounded, '16.7');
    expect(result.effectiveDof).toBe(16);
    expectPublished(result.coverageFactor, '2.92');
  });

  it('reproduces U99 = 93 nm, which the GUM forms from the rounded u_c = 32 nm', () => {
    // 2.92 * 32 = 93.4 -> 93 nm. Unrounded, k * u_c = 2.9208 * 31.66 = 92.5 nm, 0.5 nm lower:
    // the difference is the GUM's intermediate rounding, not a different evaluation.
    expect(Math.round(result.coverageFactor * Math.round(result.standardUncertainty))).toBe(93);
    expect(result.expandedUncertainty).toBeCloseTo(92.47, 2);
    expect(result.interval[1] - result.estimate).toBeCloseTo(result.expandedUncertainty, 6);
  });

  it('reproduces the budget contributions |c_i| u(x_i)', () => {
    expectPublished(row('ls')?.contribution as number, '25');
    const dParts = ['dbar', 'd1', 'd2'].map((n) => row(n)?.contribution as number);
    expectPublished(Math.hypot(...dParts), '9.7'); // u(d), d = dbar + d1 + d2
    expectPublished(welchSatterthwaite(dParts, [24, 5, 8]), '25.6'); // dof of d
    expectPublished(row('dalpha')?.contribution as number, '2.9');
    expectPublished(row('dtheta')?.contribution as number, '16.6');
    expect(row('alpha_s')?.contribution).toBe(0);
    expect(row('thetabar')?.contribution).toBe(0);
    expect(row('Delta')?.contribution).toBe(0);
    expectPublished(Math.hypot(row('thetabar')?.standardUncertainty as number, row('Delta')?.standardUncertainty as number), '0.41');
    expect(row('dalpha')?.dof).toBeCloseTo(50, 9);
    expect(row('ls')?.unit).toBe('nm');
    const shares = result.budget.reduce((s, r) => s + r.varianceShare, 0);
    expect(shares).toBeCloseTo(1, 12);
  });

  it('reproduces u_c = 34 nm with the second-order terms (GUM H.1.7)', () => {
    expectPublished(gum(END_GAUGE_H1, { secondOrder: true }).standardUncertainty, '34');
  });
});

describe('Welch-Satterthwaite and coverage factors (METROLOGY.md sections 3 and 4)', () => {
  it('gives 12.8 effective dof for 0.57 (9 dof) and 0.25 (infinite dof)', () => {
    expectPublished(welchSatterthwaite([0.57, 0.25], [9, Infinity]), '12.8');
    expect(welchSatterthwaite([1, 2], [Infinity, Infinity])).toBe(Infinity);
  });

  it.each([
    [1, '13.97'], [2, '4.53'], [3, '3.31'], [4, '2.87'], [5, '2.65'], [10, '2.28'],
    [20, '2.13'], [50, '2.05'], [100, '2.025'], [Infinity, '2.000'],
  ])('k(p = 95.45 %%, %s dof) = %s', (nu, k) => {
    expectPublished(coverageFactor(0.9545, nu), k);
  });

  it.each([[16, '2.12'], [20, '2.09'], [Infinity, '1.96']])('k(p = 95 %%, %s dof) = %s', (nu, k) => {
    expectPublished(coverageFactor(0.95, nu), k);
  });

  it('uses the truncated effective dof for k, and never fewer than 1', () => {
    const r = gum({ model: 'a + b', inputs: [normalInput('a', 0, 0.57, { dof: 9 }), normalInput('b', 0, 0.25)], coverageProbability: 0.95 });
    expect(r.effectiveDof).toBe(12);
    expect(r.coverageFactor).toBeCloseTo(coverageFactor(0.95, 12), 12);
    const tiny = gum({ model: 'a', inputs: [normalInput('a', 0, 1, { dof: 0.5 })] });
    expect(tiny.effectiveDof).toBe(1);
    expect(tiny.warnings[0]).toContain('below 1');
  });
});

describe('GUM analytic cases', () => {
  it('linear model: u_c^2 = sum c_i^2 u_i^2', () => {
    const r = gum({ model: '2 * a - 3 * b + 5', inputs: [normalInput('a', 1, 0.1), normalInput('b', 2, 0.2)] });
    expect(r.estimate).toBe(1);
    expect(r.standardUncertainty).toBeCloseTo(Math.hypot(0.2, 0.6), 14);
    expect(r.budget.map((b) => b.sensitivity)).toEqual([2, -3]);
    expect(r.effectiveDof).toBe(Infinity);
    expectPublished(r.coverageFactor, '2.000');
  });

  it('product model: relative variances add', () => {
    const r = gum({ model: 'a * b / c', inputs: [normalInput('a', 2, 0.02), normalInput('b', 5, 0.1), normalInput('c', 4, 0.02)] });
    const rel = r.standardUncertainty / r.estimate;
    expect(rel ** 2).toBeCloseTo(0.01 ** 2 + 0.02 ** 2 + 0.005 ** 2, 14);
  });

  it('full positive correlation adds standard uncertainties; full negative cancels them', () => {
    const inputs = [normalInput('a', 1, 0.3), normalInput('b', 2, 0.4)];
    const corr = (r: number): CorrelationRequest[] => [{ between: ['a', 'b'], coefficient: r }];
    expect(gum({ model: 'a + b', inputs, correlations: corr(1) }).standardUncertainty).toBeCloseTo(0.7, 12);
    expect(gum({ model: 'a + b', inputs, correlations: corr(0.5) }).standardUncertainty).toBeCloseTo(Math.sqrt(0.09 + 0.16 + 0.12), 12);
    expect(gum({ model: 'a - b', inputs, correlations: corr(1) }).standardUncertainty).toBeCloseTo(0.1, 12);
    const equal = [normalInput('a', 1, 0.3), normalInput('b', 2, 0.3)];
    expect(gum({ model: 'a - b', inputs: equal, correlations: corr(1) }).standardUncertainty).toBeLessThan(1e-8);
  });

  it('second-order terms of a product of zero-estimate inputs equal u1 u2 (GUM 5.1.2 note)', () => {
    const r = gum({ model: 'a * b', inputs: [normalInput('a', 0, 0.3), normalInput('b', 0, 0.2)] }, { secondOrder: true });
    expect(r.standardUncertainty).toBeCloseTo(0.06, 14);
  });

  it('refuses second-order terms with correlations and t inputs without finite variance', () => {
    const inputs = [normalInput('a', 1, 0.3), normalInput('b', 2, 0.4)];
    expect(() => gum({ model: 'a * b', inputs, correlations: [{ between: ['a', 'b'], coefficient: 0.2 }] }, { secondOrder: true })).toThrow(UncertaintyModelError);
    const t2 = { name: 't', estimate: 0, distribution: { type: 'studentT', scale: 1, dof: 2 } } as const;
    expect(() => gum({ model: 't', inputs: [t2] })).toThrow(/no finite standard uncertainty/);
  });

  it('reports a non-differentiable point as a domain error naming the input', () => {
    expect(() => gum({ model: 'sqrt(a)', inputs: [normalInput('a', 0, 0.1)] })).toThrow(/sensitivity coefficient of 'a' is not finite/);
  });
});

describe('GUM invariants', () => {
  const positive = fc.double({ min: 0.01, max: 10, noNaN: true });
  it('scaling an input u scales its contribution and leaves the others alone', () => {
    fc.assert(
      fc.property(positive, positive, positive, fc.double({ min: 0.1, max: 10, noNaN: true }), (u1, u2, x, factor) => {
        const request = (s: number): EvaluationRequest => ({
          model: 'a * exp(b / 10) + sin(a)',
          inputs: [normalInput('a', x, u1 * s), normalInput('b', 1, u2)],
        });
        const base = gum(request(1)).budget;
        const scaled = gum(request(factor)).budget;
        expect(scaled[0]?.contribution).toBeCloseTo((base[0]?.contribution as number) * factor, 9);
        expect(scaled[1]?.contribution).toBe(base[1]?.contribution);
      }),
      { numRuns: 50 },
    );
  });
});
