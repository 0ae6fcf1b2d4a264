import { UNCERTAINTY_ERROR_CODES, UncertaintyModelError } from './errors.js';
import { ENGINE_VERSION, evaluate } from './evaluate.js';
import { END_GAUGE_H1, additiveModel } from './jcgm-examples.js';
import type { EvaluationRequest } from './request-types.js';

function codeOf(request: unknown): string {
  try {
    evaluate(request as EvaluationRequest);
  } catch (e) {
    if (e instanceof UncertaintyModelError) return e.code;
    throw e;
  }
  return 'none';
}

describe('evaluate()', () => {
  it('evaluates GUM H.1 by default and prepares the certificate figures', () => {
    const r = evaluate(END_GAUGE_H1);
    expect(r.engineVersion).toBe(ENGINE_VERSION);
    expect(r.mcm).toBeUndefined();
    expect(r.gum?.effectiveDof).toBe(16);
    expect(r.gum?.budget).toHaveLength(9);
    expect(r.report).toMatchObject({ value: '50000838', expandedUncertainty: '92', decimalPlaces: 0, method: 'gum' });
    expect(r.report.text.en).toContain('k = 2.92');
    expect(r.report.text.en).toContain('ν_eff = 16');
    expect(r.report.text.fi).toContain('k = 2,92');
    expect(r.report.text.fi).toContain('99 %:n');
    expect(r.warnings).toEqual([]);
  });

  it('runs both methods, validates the GUM and reports it when validated', () => {
    const r = evaluate({ ...additiveModel('normal'), method: 'both', mcm: { trials: 200_000, seed: 5 } });
    expect(r.mcm).toMatchObject({ trials: 200_000, seed: 5, converged: true });
    expect(r.validation?.agrees).toBe(true);
    expect(r.validation?.tolerance).toBeCloseTo(0.05, 12);
    expect(r.report.method).toBe('gum');
    expect(r.report.expandedUncertainty).toBe('3.9');
  });

  it('reports the Monte Carlo result when it does not validate the GUM (end gauge, JCGM 101 9.5)', () => {
    const r = evaluate({ ...END_GAUGE_H1, method: 'both', mcm: { trials: 200_000, seed: 7 } });
    expect(r.validation?.agrees).toBe(false);
    expect(r.report.method).toBe('mcm');
    expect(r.report.text.en).toContain('Monte Carlo');
    expect(r.warnings.some((w) => w.includes('does not validate'))).toBe(true);
    // the non-linear terms make the Monte Carlo u larger than the first-order GUM 32 nm
    expect(r.mcm?.standardUncertainty).toBeGreaterThan(33);
    expect(r.mcm?.standardUncertainty).toBeLessThan(35);
  });

  it('runs Monte Carlo alone and states U as the larger half of the interval', () => {
    const r = evaluate({ ...additiveModel('rectangular'), method: 'mcm', mcm: { trials: 50_000, seed: 1 } });
    expect(r.gum).toBeUndefined();
    expect(r.validation).toBeUndefined();
    expect(r.report.method).toBe('mcm');
    const m = r.mcm as NonNullable<typeof r.mcm>;
    const half = Math.max(m.estimate - m.interval[0], m.interval[1] - m.estimate);
    expect(r.report.coverageFactor).toBeCloseTo(half / m.standardUncertainty, 12);
  });

  it('passes warnings through (unused inputs)', () => {
    const r = evaluate({
      model: 'a',
      inputs: [
        { name: 'a', estimate: 1, distribution: { type: 'normal', standardUncertainty: 0.1 } },
        { name: 'b', estimate: 1, distribution: { type: 'normal', standardUncertainty: 0.1 } },
      ],
    });
    expect(r.warnings).toEqual([expect.stringContaining("'b' is not used")]);
    expect(r.gum?.budget[1]?.contribution).toBe(0);
  });

  it('says when Monte Carlo options are given to a GUM-only evaluation', () => {
    const r = evaluate({ ...additiveModel('normal'), mcm: { trials: 1000 } });
    expect(r.warnings).toEqual([expect.stringContaining("'mcm' options are not used")]);
  });

  it('accepts an abort flag at run time', () => {
    expect(() => evaluate({ ...additiveModel('normal'), method: 'mcm' }, { signal: { aborted: true } })).toThrow(/aborted/);
  });

  it.each([
    ['an unknown top-level field', { ...additiveModel('normal'), coverage: 0.95 }, 'LIMS_UNCERTAINTY_INVALID_INPUT'],
    ['an unknown mcm field', { ...additiveModel('normal'), method: 'mcm', mcm: { trails: 1000 } }, 'LIMS_UNCERTAINTY_INVALID_INPUT'],
    ['an unknown method', { ...additiveModel('normal'), method: 'bayes' }, 'LIMS_UNCERTAINTY_INVALID_INPUT'],
    ['p outside (0, 1)', { ...additiveModel('normal'), coverageProbability: 95 }, 'LIMS_UNCERTAINTY_INVALID_INPUT'],
    ['no inputs', { model: '1', inputs: [] }, 'LIMS_UNCERTAINTY_INVALID_INPUT'],
    ['a non-string model', { model: 3, inputs: additiveModel('normal').inputs }, 'LIMS_UNCERTAINTY_INVALID_INPUT'],
    ['second order with Monte Carlo only', { ...additiveModel('normal'), method: 'mcm', secondOrder: true }, 'LIMS_UNCERTAINTY_INVALID_INPUT'],
    ['a syntax error', { ...additiveModel('normal'), model: 'X1 + (X2' }, 'LIMS_UNCERTAINTY_MODEL_SYNTAX'],
    ['an unknown name', { ...additiveModel('normal'), model: 'X1 + X5' }, 'LIMS_UNCERTAINTY_UNKNOWN_NAME'],
    ['a wrong arity', { ...additiveModel('normal'), model: 'atan2(X1)' }, 'LIMS_UNCERTAINTY_ARITY'],
    ['a domain error at the estimates', { ...additiveModel('normal'), model: 'ln(X1)' }, 'LIMS_UNCERTAINTY_DOMAIN'],
  ])('rejects %s', (_, request, code) => {
    expect(codeOf(request)).toBe(code);
  });

  it('raises only catalogued error codes', () => {
    expect(new Set(UNCERTAINTY_ERROR_CODES).size).toBe(UNCERTAINTY_ERROR_CODES.length);
    expect(UNCERTAINTY_ERROR_CODES).toEqual(expect.arrayContaining(['LIMS_UNCERTAINTY_MODEL_SYNTAX', 'LIMS_UNCERTAINTY_CORRELATION_NOT_PSD']));
    const error = new UncertaintyModelError('LIMS_UNCERTAINTY_DOMAIN', 'x', { position: 1 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'UncertaintyModelError', code: 'LIMS_UNCERTAINTY_DOMAIN', details: { position: 1 } });
  });
});
