import { characteristicProblem, characteristicsProblem, itemProblem, type CharacteristicInput, type InstrumentInput } from './job-content.js';

const size = (overrides: Partial<CharacteristicInput> = {}): CharacteristicInput => ({ identifier: '1', type: 'diameter', nominal: '25.000', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.01' }, ...overrides });
const instrument = (overrides: Partial<InstrumentInput> = {}): InstrumentInput => ({ type: 'Micrometer', measuringRange: { lower: '0', upper: '25', unit: 'mm' }, resolution: '0.001', service: 'inspection', ...overrides });

describe('characteristic rules', () => {
  test.each([
    ['a sized diameter with ±', size()],
    ['deviations below zero', size({ tolerance: { kind: 'deviations', upper: '-0.020', lower: '-0.041' } })],
    ['limits around the nominal', size({ tolerance: { kind: 'limits', lower: '24.99', upper: '25.01' } })],
    ['limits without a nominal', size({ nominal: undefined, type: 'length', tolerance: { kind: 'limits', lower: '9.9', upper: '10.1' } }) as CharacteristicInput],
    ['position with datums', size({ type: 'position', nominal: undefined, tolerance: { kind: 'geometric', value: '0.05' }, datums: ['A', 'B', 'C'] })],
  ])('accepts %s', (_name, c) => {
    expect(characteristicProblem(c)).toBeNull();
  });

  test.each([
    ['deviations reversed', size({ tolerance: { kind: 'deviations', upper: '0', lower: '0.01' } }), /lower deviation 0.01 must be less than the upper deviation 0/],
    ['equal deviations', size({ tolerance: { kind: 'deviations', upper: '0.01', lower: '0.010' } }), /lower deviation/],
    ['limits reversed', size({ tolerance: { kind: 'limits', lower: '25.01', upper: '24.99' } }), /lower limit 25.01 must be less than the upper limit 24.99/],
    ['nominal outside its limits', size({ tolerance: { kind: 'limits', lower: '25.01', upper: '25.02' } }), /outside the limits/],
    ['zero ±', size({ tolerance: { kind: 'symmetric', value: '0.000' } }), /more than zero/],
    ['a size without a nominal', size({ nominal: undefined }) as CharacteristicInput, /needs a nominal/],
    ['a size with a geometric tolerance', size({ tolerance: { kind: 'geometric', value: '0.01' } }), /needs a size tolerance/],
    ['a form tolerance given as ±', size({ type: 'flatness', tolerance: { kind: 'symmetric', value: '0.01' } }), /single geometric tolerance value/],
    ['datums on a size', size({ datums: ['A'] }), /datum references belong to geometric tolerances/],
    ['a negative geometric zone', size({ type: 'runout', tolerance: { kind: 'geometric', value: '-0.01' } }), /more than zero/],
  ])('refuses %s', (_name, c, message) => {
    expect(characteristicProblem(c)).toMatch(message);
  });

  test('identifiers are unique on an item, also against those already stored', () => {
    expect(characteristicsProblem([size(), size()])).toMatch(/1 appears twice/);
    expect(characteristicsProblem([size({ identifier: '7' })], ['7'])).toMatch(/7 appears twice/);
    expect(characteristicsProblem([size({ identifier: '8' })], ['7'])).toBeNull();
  });
});

describe('item rules per job kind', () => {
  test('instrument jobs need instruments with a sensible range and resolution', () => {
    expect(itemProblem('instrument_calibration', { description: 'M', instrument: instrument() })).toBeNull();
    expect(itemProblem('instrument_calibration', { description: 'M' })).toMatch(/needs the instrument's details/);
    expect(itemProblem('instrument_calibration', { description: 'M', instrument: instrument({ measuringRange: { lower: '25', upper: '25', unit: 'mm' } }) })).toMatch(/lower end 25 must be less/);
    expect(itemProblem('instrument_calibration', { description: 'M', instrument: instrument({ resolution: '0' }) })).toMatch(/resolution must be more than zero/);
    expect(itemProblem('instrument_calibration', { description: 'M', instrument: instrument(), characteristics: [size()] })).toMatch(/no drawing characteristics/);
  });

  test('product and reference jobs measure pieces', () => {
    expect(itemProblem('product_quality_control', { description: 'P', characteristics: [size()] })).toBeNull();
    expect(itemProblem('reference_measurement', { description: 'NAS 979 piece' })).toBeNull();
    expect(itemProblem('reference_measurement', { description: 'P', instrument: instrument() })).toMatch(/measures pieces, not instruments/);
  });
});
