import { convertQuantity, meanInUnit } from '../../results/index.js';
import { parseMpe, summarizeResult, type EvaluationFacts, type SummaryInput } from './result-summary.js';

const result = (over: Partial<SummaryInput['result']> = {}): SummaryInput['result'] => ({
  id: 'r1',
  itemId: 'i1',
  measuredAt: '2026-12-04T09:00:00.000Z',
  pointNominal: null,
  pointUnit: null,
  temperature: '20.1',
  humidity: '45',
  environmentDeviation: false,
  deviationJustification: null,
  ...over,
});
const evaluation = (over: Partial<EvaluationFacts> = {}): EvaluationFacts => ({
  id: 'e1',
  unit: 'mm',
  value: '25.0112',
  expandedUncertainty: '0.0012',
  coverageFactor: 2,
  coverageProbability: 0.9545,
  method: 'gum',
  effectiveDof: null,
  mcmInterval: null,
  conformity: null,
  ...over,
});
const shaft = { id: 'c1', identifier: '1', type: 'diameter', nominal: '25.000', unit: 'mm', limits: { lower: '25.000', upper: '25.021' }, tolerance: '+0.021/0' };
const summarize = (input: Partial<SummaryInput>) =>
  summarizeResult({ result: result(), readings: [], characteristic: null, method: { code: 'M', accredited: true }, evaluation: null, mpe: null, decisionRule: null, inspection: false, ...input }, convertQuantity, meanInUnit);

describe('result summary', () => {
  test('a characteristic: the evaluated value, its deviation from nominal to the digit of U, and the stored decision', () => {
    const s = summarize({
      characteristic: shaft,
      readings: ['25.0110', '25.0112', '25.0114'].map((value) => ({ value, unit: 'mm' })),
      evaluation: evaluation({ conformity: { decision: 'pass', decisionRule: 'guarded_acceptance', guardBandFactor: 1, probabilityOfConformity: 0.998, limits: shaft.limits, unit: 'mm' } }),
    });
    expect(s.mean).toEqual({ value: '25.0112', unit: 'mm' });
    expect(s.value).toEqual({ value: '25.0112', unit: 'mm' });
    expect(s.deviation).toEqual({ value: '0.0112', unit: 'mm' });
    expect(s.uncertainty).toMatchObject({ expanded: '0.0012', coverageFactor: 2, method: 'gum', interval: null });
    expect(s.conformity).toMatchObject({ decision: 'pass', basis: 'tolerance', probabilityOfConformity: 0.998 });
  });

  test('U in µm is converted exactly into the result unit', () => {
    const s = summarize({ characteristic: shaft, readings: [{ value: '25.011', unit: 'mm' }], evaluation: evaluation({ unit: 'µm', value: '25011.2', expandedUncertainty: '1.2' }) });
    expect(s.uncertainty?.expanded).toBe('0.0012');
    expect(s.value.value).toBe('25.0112');
  });

  test('a calibration point: the error of indication is the mean indication minus the reference, stated to the digit of U', () => {
    const s = summarize({
      result: result({ pointNominal: '25', pointUnit: 'mm' }),
      readings: ['25.001', '25.002'].map((value) => ({ value, unit: 'mm' })),
      evaluation: evaluation({ value: '0.0015', expandedUncertainty: '0.00080' }),
      mpe: '±2 µm',
      decisionRule: 'simple_acceptance',
    });
    expect(s.referenceValue).toEqual({ value: '25', unit: 'mm' });
    expect(s.value.value).toBe('25.0015');
    expect(s.deviation?.value).toBe('0.00150');
    expect(s.conformity).toMatchObject({ decision: 'pass', basis: 'mpe', limits: { lower: '-0.002', upper: '0.002' } });
  });

  test('against the MPE, guarded acceptance needs |E| + U within the MPE (exact decimals)', () => {
    const at = (reading: string, rule: string) =>
      summarize({ result: result({ pointNominal: '10', pointUnit: 'mm' }), readings: [{ value: reading, unit: 'mm' }], evaluation: evaluation({ expandedUncertainty: '0.0008' }), mpe: '±2 µm', decisionRule: rule }).conformity?.decision;
    expect(at('10.0012', 'guarded_acceptance')).toBe('pass'); // 0.0012 + 0.0008 = 0.0020
    expect(at('10.0013', 'guarded_acceptance')).toBe('fail');
    expect(at('9.9980', 'simple_acceptance')).toBe('pass');
    expect(at('9.9979', 'simple_acceptance')).toBe('fail');
  });

  test('an asymmetric Monte Carlo interval is stated by its end points', () => {
    const s = summarize({ characteristic: shaft, readings: [{ value: '25.01', unit: 'mm' }], evaluation: evaluation({ method: 'mcm', coverageFactor: null, mcmInterval: [25.0101, 25.0128], expandedUncertainty: '0.0016' }) });
    expect(s.uncertainty).toMatchObject({ method: 'mcm', coverageFactor: null, interval: ['25.0101', '25.0128'] });
  });

  test('an inspection claims no uncertainty, even when one was evaluated', () => {
    const s = summarize({ result: result({ pointNominal: '100', pointUnit: 'mm' }), readings: [{ value: '100.02', unit: 'mm' }], evaluation: evaluation(), inspection: true });
    expect(s.uncertainty).toBeNull();
    expect(s.deviation?.value).toBe('0.02');
  });

  test('MPE texts', () => {
    expect(parseMpe('±2 µm')).toEqual({ value: '2', unit: 'µm' });
    expect(parseMpe('± 0,02 mm')).toEqual({ value: '0.02', unit: 'mm' });
    expect(parseMpe('class 1')).toBeNull();
  });
});
