import fc from 'fast-check';
import { CONFORMITY_ERROR_CODES, ConformityError, decideConformity, type ConformityInput } from './conformity.js';
import { normalCdf } from './special-functions.js';

/** Builds an input with u = 0.25 (U = 0.5 at k = 2), upper limit 10 and guarded acceptance w = U. */
function buildInput(overrides: Partial<ConformityInput> = {}): ConformityInput {
  return {
    measuredValue: 9,
    uncertainty: { u: 0.25 },
    tolerance: { upper: 10 },
    rule: { kind: 'guarded' },
    decisionType: 'binary',
    ...overrides,
  };
}

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof ConformityError ? error.code : 'not a ConformityError';
  }
  return undefined;
}

describe('specific risk (JCGM 106, METROLOGY.md section 5)', () => {
  it('a result exactly at AL with w = U = 2u is accepted with false-accept probability 1 - Phi(2) = 2.275 %', () => {
    const result = decideConformity(buildInput({ measuredValue: 9.5 }));
    expect(result.acceptanceLimits).toEqual({ upper: 9.5 });
    expect(result.guardBand).toBe(0.5);
    expect(result.decision).toBe('pass');
    expect(result.specificRisk.kind).toBe('falseAcceptance');
    expect(result.specificRisk.probability).toBeCloseTo(0.0227501319481792, 14);
    expect(result.riskText.en).toBe('Probability of false acceptance for this result: 2.3 % (JCGM 106:2012).');
    expect(result.riskText.fi).toBe('Virheellisen hyväksynnän todennäköisyys tälle tulokselle: 2,3 % (JCGM 106:2012).');
  });

  it('a rejected result reports the probability of false rejection p_c', () => {
    const result = decideConformity(buildInput({ measuredValue: 10.5 }));
    expect(result.decision).toBe('fail');
    expect(result.specificRisk).toEqual({ kind: 'falseRejection', probability: result.probabilityOfConformity });
    expect(result.probabilityOfConformity).toBeCloseTo(1 - normalCdf(2), 14);
  });

  it('two-sided p_c = Phi((TU - y)/u) - Phi((TL - y)/u)', () => {
    const result = decideConformity(buildInput({ measuredValue: 9.8, tolerance: { lower: 9, upper: 10 }, uncertainty: { U: 0.3, k: 2 } }));
    const expected = normalCdf((10 - 9.8) / 0.15) - normalCdf((9 - 9.8) / 0.15);
    expect(result.probabilityOfConformity).toBeCloseTo(expected, 14);
    expect(result.standardUncertainty).toBeCloseTo(0.15, 15);
  });

  it('keeps tiny risks accurate instead of rounding them to zero', () => {
    const result = decideConformity(buildInput({ measuredValue: 5 }));
    expect(result.specificRisk.probability).toBeCloseTo(normalCdf(-20), 100);
    expect(result.specificRisk.probability).toBeGreaterThan(0);
    expect(result.riskText.en).toContain('< 0.01 %');
  });

  it('uses the in-tolerance fraction of a Monte Carlo sample when one is given', () => {
    const sample = Float64Array.from([9.7, 10.2, 9.1, 9.9, 10.0, 9.4, 10.4, 9.6]);
    const result = decideConformity(buildInput({ measuredValue: 9.4, monteCarloSample: sample }));
    expect(result.probabilityBasis).toBe('monteCarlo');
    expect(result.probabilityOfConformityMonteCarlo).toBe(6 / 8);
    expect(result.specificRisk).toEqual({ kind: 'falseAcceptance', probability: 0.25 });
    expect(result.probabilityOfConformityNormal).toBeCloseTo(normalCdf(0.6 / 0.25), 14);
  });
});

describe('decision zones', () => {
  // Upper limit 10, w = U = 0.5: AL = 9.5, conditional zones [9.5, 10] and (10, 10.5).
  it.each([
    [9.49, 'pass', 'pass'],
    [9.5, 'pass', 'pass'],
    [9.51, 'fail', 'conditionalPass'],
    [10, 'fail', 'conditionalPass'],
    [10.01, 'fail', 'conditionalFail'],
    [10.49, 'fail', 'conditionalFail'],
    [10.5, 'fail', 'fail'],
    [10.51, 'fail', 'fail'],
  ])('upper limit: y = %p gives %p (binary) and %p (non-binary)', (y, binary, nonBinary) => {
    expect(decideConformity(buildInput({ measuredValue: y })).decision).toBe(binary);
    expect(decideConformity(buildInput({ measuredValue: y, decisionType: 'nonBinary' })).decision).toBe(nonBinary);
  });

  it.each([
    [2.51, 'pass', 'pass'],
    [2.5, 'pass', 'pass'],
    [2.49, 'fail', 'conditionalPass'],
    [2, 'fail', 'conditionalPass'],
    [1.99, 'fail', 'conditionalFail'],
    [1.5, 'fail', 'fail'],
    [1.2, 'fail', 'fail'],
  ])('lower limit 2: y = %p gives %p (binary) and %p (non-binary)', (y, binary, nonBinary) => {
    const input = buildInput({ measuredValue: y, tolerance: { lower: 2 } });
    expect(decideConformity(input).decision).toBe(binary);
    expect(decideConformity({ ...input, decisionType: 'nonBinary' }).decision).toBe(nonBinary);
  });

  it.each([
    [1.5, 'fail'],
    [1.75, 'conditionalFail'],
    [2.25, 'conditionalPass'],
    [2.5, 'pass'],
    [5, 'pass'],
    [9.5, 'pass'],
    [9.75, 'conditionalPass'],
    [10.25, 'conditionalFail'],
    [10.5, 'fail'],
  ])('two-sided 2 ... 10: y = %p gives %p (non-binary)', (y, decision) => {
    const input = buildInput({ measuredValue: y, tolerance: { lower: 2, upper: 10 }, decisionType: 'nonBinary' });
    expect(decideConformity(input).decision).toBe(decision);
  });

  it('simple acceptance compares with the tolerance limit itself', () => {
    const simple = buildInput({ rule: { kind: 'simple' } });
    expect(decideConformity({ ...simple, measuredValue: 10 }).decision).toBe('pass');
    expect(decideConformity({ ...simple, measuredValue: 10.001 }).decision).toBe('fail');
    expect(decideConformity({ ...simple, measuredValue: 10.001, decisionType: 'nonBinary' }).decision).toBe('fail');
    expect(decideConformity({ ...simple, measuredValue: 10 }).specificRisk.probability).toBeCloseTo(0.5, 14);
  });

  it('uses the guard band factor r in w = r U', () => {
    const result = decideConformity(buildInput({ measuredValue: 9.74, rule: { kind: 'guarded', guardBandFactor: 0.5 } }));
    expect(result.guardBand).toBe(0.25);
    expect(result.acceptanceLimits).toEqual({ upper: 9.75 });
    expect(result.decision).toBe('pass');
  });

  it('treats decimal inputs lying exactly on a limit as on the limit', () => {
    // 10.1 - 0.2 is 9.899999999999999 in binary; 9.9 must still be at AL.
    const input = buildInput({ measuredValue: 9.9, tolerance: { upper: 10.1 }, uncertainty: { U: 0.2 } });
    expect(decideConformity(input).decision).toBe('pass');
  });

  it('mirroring the value and the tolerance about zero swaps nothing but the side', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: 0.01, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.constantFrom('binary' as const, 'nonBinary' as const),
        (y, u, r, decisionType) => {
          const rule = { kind: 'guarded' as const, guardBandFactor: r };
          const a = decideConformity({ measuredValue: y, uncertainty: { u }, tolerance: { upper: 3 }, rule, decisionType });
          const b = decideConformity({ measuredValue: -y, uncertainty: { u }, tolerance: { lower: -3 }, rule, decisionType });
          expect(b.decision).toBe(a.decision);
          expect(b.probabilityOfConformity).toBeCloseTo(a.probabilityOfConformity, 14);
          expect(b.specificRisk.probability).toBeCloseTo(a.specificRisk.probability, 14);
        },
      ),
    );
  });

  it('guarded acceptance with w = U = 2u bounds the false-accept risk of every accepted result by 1 - Phi(2)', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 15, noNaN: true }), (y) => {
        const result = decideConformity(buildInput({ measuredValue: y, tolerance: { lower: 0, upper: 10 } }));
        if (result.accepted) expect(result.specificRisk.probability).toBeLessThanOrEqual(normalCdf(-2) * (1 + 1e-12));
        else expect(result.specificRisk.kind).toBe('falseRejection');
      }),
    );
  });
});

describe('rule description and statements', () => {
  it('describes guarded acceptance with w = U in English and Finnish', () => {
    const result = decideConformity(buildInput());
    expect(result.ruleDescription).toEqual({
      kind: 'guarded',
      guardBandFactor: 1,
      guardBand: 0.5,
      decisionType: 'binary',
      coverageFactor: 2,
      references: ['ILAC-G8:09/2019', 'ISO 14253-1:2017', 'JCGM 106:2012'],
    });
    expect(result.statement.en).toBe(
      'Conformity is stated using the decision rule of guarded acceptance with a guard band w = U (ILAC-G8:09/2019, ISO 14253-1). U denotes the expanded measurement uncertainty (k = 2).',
    );
    expect(result.statement.fi).toContain('päätössäännöllä, suojakaista w = U (ILAC-G8:09/2019, ISO 14253-1)');
    expect(result.statement.fi).toContain('U tarkoittaa laajennettua mittausepävarmuutta (k = 2).');
  });

  it('names simple acceptance and non-binary conditional zones', () => {
    const simple = decideConformity(buildInput({ rule: { kind: 'simple' } }));
    expect(simple.statement.en).toContain('decision rule of simple acceptance (guard band w = 0)');
    expect(simple.statement.fi).toContain('yksinkertaisen hyväksynnän päätössäännöllä (suojakaista w = 0)');
    const nonBinary = decideConformity(buildInput({ decisionType: 'nonBinary', rule: { kind: 'guarded', guardBandFactor: 0.5 } }));
    expect(nonBinary.statement.en).toContain('w = 0.5 U');
    expect(nonBinary.statement.en).toContain('conditional pass or conditional fail');
    expect(nonBinary.statement.fi).toContain('w = 0,5 U');
    expect(nonBinary.statement.fi).toContain('ehdollisesti hyväksyttyinä tai ehdollisesti hylättyinä');
  });

  it('labels decisions in both languages', () => {
    const result = decideConformity(buildInput({ measuredValue: 9.8, decisionType: 'nonBinary' }));
    expect(result.decisionText).toEqual({ en: 'Conditional pass', fi: 'Ehdollisesti hyväksytty' });
  });
});

describe('invalid input', () => {
  it.each([
    ['u = 0', { uncertainty: { u: 0 } }, 'LIMS_UNCERTAINTY_UNCERTAINTY_INVALID'],
    ['negative U', { uncertainty: { U: -1 } }, 'LIMS_UNCERTAINTY_UNCERTAINTY_INVALID'],
    ['no uncertainty', { uncertainty: {} }, 'LIMS_UNCERTAINTY_UNCERTAINTY_INVALID'],
    ['U inconsistent with k u', { uncertainty: { u: 0.25, U: 0.6, k: 2 } }, 'LIMS_UNCERTAINTY_UNCERTAINTY_INVALID'],
    ['lower >= upper', { tolerance: { lower: 10, upper: 10 } }, 'LIMS_UNCERTAINTY_TOLERANCE_INVALID'],
    ['no limits', { tolerance: {} }, 'LIMS_UNCERTAINTY_TOLERANCE_INVALID'],
    ['infinite limit', { tolerance: { upper: Infinity } }, 'LIMS_UNCERTAINTY_TOLERANCE_INVALID'],
    ['NaN measured value', { measuredValue: NaN }, 'LIMS_UNCERTAINTY_MEASURED_VALUE_INVALID'],
    ['negative guard band factor', { rule: { kind: 'guarded', guardBandFactor: -1 } }, 'LIMS_UNCERTAINTY_GUARD_BAND_INVALID'],
    ['guard bands covering the zone', { tolerance: { lower: 9.5, upper: 10.5 } }, 'LIMS_UNCERTAINTY_GUARD_BAND_TOO_WIDE'],
    ['empty sample', { monteCarloSample: new Float64Array(0) }, 'LIMS_UNCERTAINTY_SAMPLE_INVALID'],
  ] as const)('rejects %s', (_name, overrides, code) => {
    expect(errorCode(() => decideConformity(buildInput(overrides as Partial<ConformityInput>)))).toBe(code);
    expect(CONFORMITY_ERROR_CODES).toContain(code);
  });

  it('accepts u and U together and derives k', () => {
    const result = decideConformity(buildInput({ uncertainty: { u: 0.2, U: 0.5 } }));
    expect(result.coverageFactor).toBeCloseTo(2.5, 15);
    expect(result.guardBand).toBe(0.5);
  });
});
