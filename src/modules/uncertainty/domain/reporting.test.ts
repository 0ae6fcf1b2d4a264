import { formatCoverageFactor, formatCoveragePercent, roundResult, uncertaintyStatement } from './reporting.js';

describe('rounding for the certificate (EA-4/02, GUM 7.2.6)', () => {
  it.each([
    // U, expected U, why
    [0.0231, '0.023', 'nearest, lowered by 0.4 %'],
    [0.01048, '0.010', 'nearest lowers by 4.6 %, within the 5 % allowance'],
    [0.010501, '0.011', 'nearest is upwards'],
    [1.049, '1.0', 'nearest lowers by 4.7 %'],
    [0.0996, '0.10', 'carry into a new digit keeps two significant digits'],
    [99.6, '100', 'carry across the decimal point'],
    [1234, '1200', 'coarser than units'],
    [1.45, '1.5', 'half rounds up on the decimal reading, though the double is 1.44999...'],
    [92.46657, '92', 'GUM H.1 U99'],
    [0.0018, '0.0018', 'already two digits'],
  ])('U = %s -> %s (%s)', (u, expected) => {
    expect(roundResult(0, u).expandedUncertainty).toBe(expected);
  });

  it('never lowers U by more than 5 % with two digits (worst case 10.4999 -> 10)', () => {
    const r = roundResult(0, 0.104999);
    expect(r.expandedUncertainty).toBe('0.10');
    expect(r.roundedUp).toBe(false);
  });

  it.each([
    [0.0231, '0.03', true],
    [0.0104, '0.01', false],
    [0.0149, '0.02', true],
    [0.026, '0.03', false],
  ])('with one significant digit U = %s -> %s (rounded up: %s)', (u, expected, up) => {
    const r = roundResult(0, u, 1);
    expect(r.expandedUncertainty).toBe(expected);
    expect(r.roundedUp).toBe(up);
  });

  it('rounds the value to the last digit of U, padding with zeros, half away from zero', () => {
    expect(roundResult(0.1234567, 0.0231)).toMatchObject({ value: '0.123', decimalPlaces: 3, place: -3 });
    expect(roundResult(12.3, 0.0231).value).toBe('12.300');
    expect(roundResult(10.25, 1.1).value).toBe('10.3');
    expect(roundResult(-10.25, 1.1).value).toBe('-10.3');
    expect(roundResult(-0.0004, 0.0231).value).toBe('0.000');
    expect(roundResult(50_000_838.47, 1234)).toMatchObject({ value: '50000800', expandedUncertainty: '1200', decimalPlaces: 0, place: 2 });
    expect(roundResult(50_000_838.0, 92.46657)).toMatchObject({ value: '50000838', expandedUncertainty: '92', decimalPlaces: 0 });
    expect(roundResult(1234.56, 99.6)).toMatchObject({ value: '1230', expandedUncertainty: '100', place: 1 });
  });

  it('reports an exact value (U = 0) unrounded, and refuses a negative or non-finite U', () => {
    expect(roundResult(1.25, 0)).toMatchObject({ value: '1.25', expandedUncertainty: '0', decimalPlaces: 2 });
    expect(() => roundResult(1, -0.1)).toThrow(/expanded uncertainty/);
    expect(() => roundResult(1, NaN)).toThrow();
    expect(() => roundResult(Infinity, 0.1)).toThrow();
  });
});

describe('certificate statement', () => {
  it('is the standard EA-4/02 sentence for k = 2 and a normal distribution', () => {
    const text = uncertaintyStatement({ coverageFactor: 2.0000001, coverageProbability: 0.9545, effectiveDof: Infinity });
    expect(text.en).toBe(
      'The reported expanded uncertainty of measurement is stated as the standard uncertainty of measurement multiplied by the coverage factor k = 2, which for a normal distribution corresponds to a coverage probability of approximately 95 %.',
    );
    expect(text.fi).toBe(
      'Ilmoitettu laajennettu mittausepävarmuus on standardiepävarmuus kerrottuna kattavuuskertoimella k = 2, mikä normaalijakaumalle vastaa noin 95 %:n kattavuustodennäköisyyttä.',
    );
  });

  it('fills in k, p and the effective dof of a t distribution, with a decimal comma in Finnish', () => {
    const text = uncertaintyStatement({ coverageFactor: 2.9208, coverageProbability: 0.99, effectiveDof: 16 });
    expect(text.en).toContain('coverage factor k = 2.92, which for a t-distribution with ν_eff = 16 effective degrees of freedom corresponds to a coverage probability of approximately 99 %.');
    expect(text.fi).toContain('kattavuuskertoimella k = 2,92, mikä t-jakaumalle');
    expect(text.fi).toContain('ν_eff = 16');
    expect(text.fi).toContain('noin 99 %:n kattavuustodennäköisyyttä.');
  });

  it('describes a Monte Carlo result without a coverage factor', () => {
    const text = uncertaintyStatement({ coverageFactor: NaN, coverageProbability: 0.95, method: 'mcm' });
    expect(text.en).toContain('Monte Carlo method (JCGM 101:2008)');
    expect(text.en).toContain('approximately 95 %');
    expect(text.fi).toContain('Monte Carlo -menetelmällä');
  });

  it('formats k and p compactly', () => {
    expect(formatCoverageFactor(2)).toBe('2');
    expect(formatCoverageFactor(2.025)).toBe('2.03');
    expect(formatCoverageFactor(1.96, ',')).toBe('1,96');
    expect(formatCoveragePercent(0.9545)).toBe('95');
    expect(formatCoveragePercent(0.9973, ',')).toBe('99,7');
    expect(formatCoveragePercent(0.68)).toBe('68');
  });
});
