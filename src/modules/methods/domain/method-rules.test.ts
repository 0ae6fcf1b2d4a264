import { checkEnvironment, versionInForce, versionProblems } from './method-rules.js';

describe('checkEnvironment', () => {
  const limits = { temperature: { nominal: '20', tolerance: '0.5' }, humidity: { min: '30', max: '60' } };

  test('readings on the limits pass: the limits are inclusive and exact', () => {
    expect(checkEnvironment(limits, { temperature: ['19.5', '20.5', '20.000'], humidity: '60.0' })).toEqual([]);
  });

  test('a reading a hundredth outside is a violation, named with its limits', () => {
    expect(checkEnvironment(limits, { temperature: ['20.51', '19.49'], humidity: '29.99' })).toEqual([
      { quantity: 'temperature', reading: '20.51', lower: '19.5', upper: '20.5', kind: 'above' },
      { quantity: 'temperature', reading: '19.49', lower: '19.5', upper: '20.5', kind: 'below' },
      { quantity: 'humidity', reading: '29.99', lower: '30', upper: '60', kind: 'below' },
    ]);
  });

  test('no float rounding: 20.1 + 0.2 style values are compared as decimals', () => {
    expect(checkEnvironment({ temperature: { nominal: '20.1', tolerance: '0.2' }, humidity: null }, { temperature: '20.3' })).toEqual([]);
  });

  test('a required reading that is missing is a violation; a limit not set needs no reading', () => {
    expect(checkEnvironment({ temperature: null, humidity: { min: '30', max: '60' } }, { temperature: '25' })).toEqual([
      { quantity: 'humidity', reading: null, lower: '30', upper: '60', kind: 'missing' },
    ]);
    expect(checkEnvironment({ temperature: null, humidity: null }, {})).toEqual([]);
  });

  test('a reading that is not a decimal is refused', () => {
    expect(() => checkEnvironment(limits, { temperature: '20,1', humidity: '40' })).toThrow(/not a decimal/);
  });
});

describe('versionProblems', () => {
  test('an accredited method needs a CMC and limits come in pairs', () => {
    expect(versionProblems({ accredited: true, cmcEntries: [], temperatureNominal: '20' })).toEqual([
      'an accredited method needs its CMC (cmcText or cmcEntries)',
      'give both temperatureNominal and temperatureTolerance, or neither',
    ]);
    expect(versionProblems({ accredited: false, cmcEntries: [], humidityMin: '70', humidityMax: '30' })).toEqual(['humidityMin is above humidityMax']);
  });
});

describe('versionInForce', () => {
  const versions = [
    { id: 'v1', versionNumber: 1, effectiveFrom: '2024-01-01' },
    { id: 'v2', versionNumber: 2, effectiveFrom: '2025-03-01' },
  ];
  test('the latest version effective on the day', () => {
    expect(versionInForce(versions, '2023-12-31')).toBeNull();
    expect(versionInForce(versions, '2025-02-28')?.id).toBe('v1');
    expect(versionInForce(versions, '2025-03-01')?.id).toBe('v2');
  });
});
