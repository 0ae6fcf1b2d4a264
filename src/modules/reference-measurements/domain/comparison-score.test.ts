import { scoreComparison } from './comparison-score.js';

describe("scoring a company's value against the lab's", () => {
  test('En and zeta from both expanded uncertainties, against a hand computation', () => {
    // d = 25.0040 - 25.0010 = 0.0030; En = 0.003 / sqrt(0.004^2 + 0.002^2) = 0.003 / 0.0044721 = 0.67082
    // zeta with k = 2 on both sides: 0.003 / sqrt(0.002^2 + 0.001^2) = 1.34164
    const s = scoreComparison({ value: '25.0040', expandedUncertainty: '0.004', coverageFactor: 2 }, { value: '25.0010', expandedUncertainty: '0.002', coverageFactor: 2 });
    expect(s.status).toBe('compared');
    expect(s.difference).toBe('0.0030');
    expect(s.en).toBeCloseTo(0.67082, 5);
    expect(s.zeta).toBeCloseTo(1.34164, 5);
    expect(s.verdict).toBe('satisfactory');
    expect(s.zetaVerdict).toBe('satisfactory');
  });

  test('|En| above 1 is unsatisfactory', () => {
    const s = scoreComparison({ value: '10.012', expandedUncertainty: '0.003', coverageFactor: null }, { value: '10.000', expandedUncertainty: '0.004', coverageFactor: null });
    expect(s.en).toBeCloseTo(0.012 / 0.005, 10);
    expect(s.verdict).toBe('unsatisfactory');
  });

  test('without a company uncertainty: the uncertainty that would give |En| = 1, sqrt(d^2 - U_lab^2)', () => {
    const s = scoreComparison({ value: '10.005', expandedUncertainty: null, coverageFactor: null }, { value: '10.000', expandedUncertainty: '0.003', coverageFactor: 2 });
    expect(s.status).toBe('company_uncertainty_missing');
    expect(s.en).toBeNull();
    expect(s.requiredExpandedUncertainty).toBeCloseTo(0.004, 12);
  });

  test("without the lab's uncertainty: the difference only", () => {
    const s = scoreComparison({ value: '1.5', expandedUncertainty: '0.1', coverageFactor: 2 }, { value: '1.25', expandedUncertainty: null, coverageFactor: null });
    expect(s).toEqual({ status: 'lab_uncertainty_missing', difference: '0.25', en: null, zeta: null, verdict: null, zetaVerdict: null, requiredExpandedUncertainty: null });
  });
});
