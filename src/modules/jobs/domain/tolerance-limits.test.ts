import { toleranceLimits } from './tolerance-limits.js';

describe('specification limits of a drawn tolerance', () => {
  test('± and deviations apply to the nominal, exactly', () => {
    expect(toleranceLimits('25.000', { kind: 'symmetric', value: '0.05' })).toEqual({ lower: '24.950', upper: '25.050' });
    expect(toleranceLimits('25.000', { kind: 'deviations', upper: '0.021', lower: '-0.007' })).toEqual({ lower: '24.993', upper: '25.021' });
    expect(toleranceLimits(null, { kind: 'symmetric', value: '0.05' })).toBeNull();
  });

  test('explicit limits are kept as typed; a geometric tolerance is one-sided', () => {
    expect(toleranceLimits(null, { kind: 'limits', lower: '9.90', upper: '10.10' })).toEqual({ lower: '9.90', upper: '10.10' });
    expect(toleranceLimits(null, { kind: 'geometric', value: '0.02' })).toEqual({ upper: '0.02' });
  });
});
