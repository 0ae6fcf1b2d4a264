import { checkOutcome } from './check-outcome.js';

describe('intermediate check outcome', () => {
  test('the figures decide, exactly at the limit too', () => {
    expect(checkOutcome({ expected: '25.000', observed: '25.002', acceptanceLimit: '0.002' })).toEqual({ result: 'pass' });
    expect(checkOutcome({ expected: '25.000', observed: '24.9979', acceptanceLimit: '0.002' })).toEqual({ result: 'fail' });
    expect(checkOutcome({ expected: '25.000', observed: '26.000', acceptanceLimit: '0.002' })).toEqual({ result: 'fail' });
  });

  test('a stated result that contradicts the figures is refused', () => {
    const out = checkOutcome({ expected: '25.000', observed: '26.000', acceptanceLimit: '0.002', result: 'pass' });
    expect(out).toEqual({ problem: expect.stringContaining("the check fails, not 'pass'") });
    expect(checkOutcome({ expected: '25.000', observed: '25.001', acceptanceLimit: '0.002', result: 'pass' })).toEqual({ result: 'pass' });
  });

  test('a qualitative check states its result; figures come all together', () => {
    expect(checkOutcome({ result: 'fail' })).toEqual({ result: 'fail' });
    expect(checkOutcome({})).toHaveProperty('problem');
    expect(checkOutcome({ expected: '25.000', observed: '25.001', result: 'pass' })).toHaveProperty('problem');
    expect(checkOutcome({ expected: '25', observed: '25', acceptanceLimit: '-1' })).toHaveProperty('problem');
  });
});
