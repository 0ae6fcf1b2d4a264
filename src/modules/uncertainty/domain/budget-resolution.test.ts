import { BudgetError, type BudgetContent } from './budget-content.js';
import { resolveBudget, type CalibrationFacts, type ResultFacts } from './budget-resolution.js';
import { evaluate } from './evaluate.js';

const budget: BudgetContent = {
  model: 'R + d_mic - L0 * alpha * dT',
  output: { name: 'L', unit: 'mm' },
  inputs: [
    { name: 'R', unit: 'mm', description: 'Mean of the readings', source: { type: 'readings' } },
    { name: 'd_mic', unit: 'mm', description: 'Indication error of the micrometer', source: { type: 'equipment', equipmentType: 'micrometer', estimateFrom: 'certifiedValue' } },
    { name: 'L0', unit: 'mm', description: 'Nominal length', source: { type: 'nominal' } },
    { name: 'alpha', unit: '1/K', description: 'Expansion coefficient', source: { type: 'fixed', estimate: 11.5e-6, distribution: { type: 'rectangular', halfWidth: 1e-6 } } },
    { name: 'dT', unit: 'K', description: 'Deviation from 20 °C', source: { type: 'environment', quantity: 'temperature', reference: '20', distribution: { type: 'rectangular', halfWidth: 0.5 } } },
  ],
};

const calibration: CalibrationFacts = {
  id: 'cal-1',
  certificateNumber: 'MIKES-123',
  calibratedOn: '2025-01-10',
  nextDueOn: '2027-01-10',
  withdrawnOn: null,
  values: [
    { quantity: 'indication error', nominal: '0', value: '0.0000', unit: 'mm', expandedUncertainty: '0.0010', coverageFactor: '2' },
    { quantity: 'indication error', nominal: '25', value: '0.0010', unit: 'mm', expandedUncertainty: '0.0015', coverageFactor: '2' },
  ],
};

const facts: ResultFacts = {
  measuredOn: '2026-03-02',
  readings: [
    { value: '25.0110', unit: 'mm' },
    { value: '25.0112', unit: 'mm' },
    { value: '25.0114', unit: 'mm' },
  ],
  temperature: '20.2',
  humidity: '45',
  nominal: { value: '25.000', unit: 'mm' },
  equipment: [
    { id: 'eq-1', code: 'KTK-MIC-001', type: 'micrometer', calibration },
    { id: 'eq-2', code: 'KTK-TH-001', type: 'thermometer', calibration: null },
  ],
};

function codeOf(f: () => unknown): string {
  try {
    f();
    return 'none';
  } catch (e) {
    if (e instanceof BudgetError) return e.code;
    throw e;
  }
}

describe('resolving a budget for a result', () => {
  test('each source gives its input, with where the numbers came from', () => {
    const { request, inputsUsed, warnings } = resolveBudget(budget, facts, { method: 'gum' });
    expect(warnings).toEqual([]);
    expect(request).toEqual({
      model: budget.model,
      method: 'gum',
      inputs: [
        { name: 'R', unit: 'mm', readings: [25.011, 25.0112, 25.0114] },
        { name: 'd_mic', unit: 'mm', estimate: 0.001, distribution: { type: 'normal', expandedUncertainty: 0.0015, coverageFactor: 2 } },
        { name: 'L0', unit: 'mm', estimate: 25, distribution: { type: 'normal', standardUncertainty: 0 } },
        { name: 'alpha', unit: '1/K', estimate: 11.5e-6, distribution: { type: 'rectangular', halfWidth: 1e-6 } },
        { name: 'dT', unit: 'K', estimate: 0.2, distribution: { type: 'rectangular', halfWidth: 0.5 } },
      ],
    });
    // The certificate states two values; the one at the result's nominal (25 = 25.000) is taken.
    expect(inputsUsed[1]!.from).toMatchObject({ equipmentCode: 'KTK-MIC-001', certificateNumber: 'MIKES-123', nominal: '25', value: '0.0010', expandedUncertainty: '0.0015' });
    expect(inputsUsed[0]!.from).toEqual({ readings: [{ repeat: 1, value: '25.0110', unit: 'mm' }, { repeat: 2, value: '25.0112', unit: 'mm' }, { repeat: 3, value: '25.0114', unit: 'mm' }] });
    expect(inputsUsed[4]!.from).toEqual({ quantity: 'temperature', reading: '20.2', reference: '20', value: '0.2' });
  });

  test('the resolved request evaluates to the hand-computed result', () => {
    const { request } = resolveBudget(budget, facts);
    const r = evaluate(request);
    // y = 25.0112 + 0.0010 - 25 * 11.5e-6 * 0.2 = 25.0121425
    expect(r.gum!.estimate).toBeCloseTo(25.0121425, 10);
    // u^2 = (0.0002/sqrt 3)^2 + 0.00075^2 + (25 * 0.2 * 1e-6/sqrt 3)^2 + (25 * 11.5e-6 * 0.5/sqrt 3)^2
    const u = Math.sqrt((0.0002 / Math.sqrt(3)) ** 2 + 0.00075 ** 2 + ((25 * 0.2 * 1e-6) / Math.sqrt(3)) ** 2 + ((25 * 11.5e-6 * 0.5) / Math.sqrt(3)) ** 2);
    expect(r.gum!.standardUncertainty).toBeCloseTo(u, 12);
  });

  test('equipment: none or several of the type are refused, naming what was used', () => {
    const none = { ...facts, equipment: [facts.equipment[1]!] };
    expect(codeOf(() => resolveBudget(budget, none))).toBe('LIMS_BUDGET_INPUT_UNAVAILABLE');
    expect(() => resolveBudget(budget, none)).toThrow('no equipment of type micrometer was used for the result (used: KTK-TH-001 (thermometer))');
    const two = { ...facts, equipment: [...facts.equipment, { id: 'eq-3', code: 'KTK-MIC-002', type: 'micrometer', calibration }] };
    expect(codeOf(() => resolveBudget(budget, two))).toBe('LIMS_BUDGET_EQUIPMENT_AMBIGUOUS');
    expect(() => resolveBudget(budget, two)).toThrow('KTK-MIC-001, KTK-MIC-002');
  });

  test('equipment: the calibration must be in force and not withdrawn at the measurement; a later withdrawal is a warning', () => {
    const at = (c: Partial<CalibrationFacts>) => ({ ...facts, equipment: [{ ...facts.equipment[0]!, calibration: { ...calibration, ...c } }] });
    expect(() => resolveBudget(budget, at({ withdrawnOn: '2026-03-01' }))).toThrow('withdrawn on 2026-03-01, before the measurement on 2026-03-02');
    expect(() => resolveBudget(budget, at({ nextDueOn: '2026-03-01' }))).toThrow('was due on 2026-03-01');
    expect(resolveBudget(budget, at({ withdrawnOn: '2026-04-01' })).warnings).toEqual(['Calibration MIKES-123 of KTK-MIC-001 was withdrawn on 2026-04-01, after this measurement; check the reverse impact.']);
    const uncalibrated = { ...facts, equipment: [{ ...facts.equipment[0]!, calibration: null }] };
    expect(() => resolveBudget(budget, uncalibrated)).toThrow('KTK-MIC-001 had no calibration in force on 2026-03-02');
  });

  test("equipment: the certified value is picked at the result's nominal, whichever units state them", () => {
    const inMicrometres: CalibrationFacts = { ...calibration, values: calibration.values.map((v) => ({ ...v, nominal: v.nominal === '0' ? '0' : '25000', unit: 'µm', value: v.nominal === '0' ? '0.0' : '1.0', expandedUncertainty: '1.5' })) };
    const resolved = resolveBudget(budget, { ...facts, equipment: [{ ...facts.equipment[0]!, calibration: inMicrometres }] });
    expect(resolved.inputsUsed[1]!.from).toMatchObject({ nominal: '25000', unit: 'µm', value: '1.0', converted: { unit: 'mm', value: '0.001' } });
  });

  test('equipment: several certified values and no matching nominal need a quantity', () => {
    const offNominal = { ...facts, nominal: { value: '12.5', unit: 'mm' } };
    expect(() => resolveBudget(budget, offNominal)).toThrow("name the 'quantity' in the budget");
  });

  test("equipment: a standard's certified value, or its deviation from nominal, is the estimate", () => {
    const gaugeBlock: CalibrationFacts = { ...calibration, values: [{ quantity: 'central length', nominal: '25', value: '25.00012', unit: 'mm', expandedUncertainty: '0.00006', coverageFactor: '2' }] };
    const withBlock = { ...facts, equipment: [{ id: 'gb', code: 'KTK-GB-025', type: 'gauge_block', calibration: gaugeBlock }] };
    const input = (estimateFrom: 'certifiedValue' | 'deviationFromNominal') => ({ model: 'Ls', output: { name: 'L', unit: 'mm' }, inputs: [{ name: 'Ls', unit: 'mm', description: 'Gauge block', source: { type: 'equipment', equipmentType: 'gauge_block', estimateFrom } as const }] });
    expect(resolveBudget(input('certifiedValue'), withBlock).request.inputs[0]).toMatchObject({ estimate: 25.00012, distribution: { expandedUncertainty: 0.00006, coverageFactor: 2 } });
    expect(resolveBudget(input('deviationFromNominal'), withBlock).request.inputs[0]!.estimate).toBe(0.00012);
  });

  test("readings, certified values and the nominal are converted exactly into the input's unit; the values as typed stay beside", () => {
    const inMicrometres = { ...facts, readings: [{ value: '25011.0', unit: 'µm' }, { value: '25011.2', unit: 'um' }], nominal: { value: '25000', unit: 'µm' } };
    const micrometreCertificate: CalibrationFacts = { ...calibration, values: [{ quantity: 'indication error', nominal: '25', value: '1.0', unit: 'µm', expandedUncertainty: '1.5', coverageFactor: '2' }] };
    const resolved = resolveBudget(budget, { ...inMicrometres, equipment: [{ ...facts.equipment[0]!, calibration: micrometreCertificate }] });
    expect(resolved.request.inputs.slice(0, 3)).toEqual([
      { name: 'R', unit: 'mm', readings: [25.011, 25.0112] },
      { name: 'd_mic', unit: 'mm', estimate: 0.001, distribution: { type: 'normal', expandedUncertainty: 0.0015, coverageFactor: 2 } },
      { name: 'L0', unit: 'mm', estimate: 25, distribution: { type: 'normal', standardUncertainty: 0 } },
    ]);
    expect(resolved.inputsUsed[0]!.from).toEqual({ readings: [{ repeat: 1, value: '25011.0', unit: 'µm' }, { repeat: 2, value: '25011.2', unit: 'um' }], converted: { unit: 'mm', values: ['25.011', '25.0112'] } });
    expect(resolved.inputsUsed[1]!.from).toMatchObject({ value: '1.0', unit: 'µm', expandedUncertainty: '1.5', converted: { unit: 'mm', value: '0.001', expandedUncertainty: '0.0015' } });
    expect(resolved.inputsUsed[2]!.from).toEqual({ nominal: '25000', unit: 'µm', converted: { unit: 'mm', value: '25' } });
    // The same result logged in millimetres gives the same engine request.
    expect(resolved.request.inputs).toEqual(resolveBudget(budget, facts).request.inputs.map((i, k) => (k === 0 ? { ...i, readings: [25.011, 25.0112] } : i)));
  });

  test('units that do not convert into the input\'s are refused; missing environment readings are named', () => {
    const inDegrees = { ...facts, readings: [{ value: '25.0110', unit: 'deg' }] };
    expect(codeOf(() => resolveBudget(budget, inDegrees))).toBe('LIMS_BUDGET_UNIT_MISMATCH');
    expect(() => resolveBudget(budget, inDegrees)).toThrow("Input 'R': a reading is in deg, which does not convert into the budget's mm");
    expect(() => resolveBudget(budget, { ...facts, temperature: null })).toThrow("Input 'dT': the result has no temperature reading");
    const nominalOnly: BudgetContent = { model: 'L0', output: { name: 'L', unit: 'mm' }, inputs: [budget.inputs[2]!] };
    expect(() => resolveBudget(nominalOnly, { ...facts, nominal: null })).toThrow("Input 'L0': the result has neither a characteristic nominal nor a calibration point");
  });

  test('Monte Carlo options are kept only for a method that uses them', () => {
    expect(resolveBudget(budget, facts, { method: 'gum', mcm: { trials: 1000 } }).request.mcm).toBeUndefined();
    expect(resolveBudget(budget, facts, { method: 'both', mcm: { trials: 1000, seed: 7 } }).request).toMatchObject({ method: 'both', mcm: { trials: 1000, seed: 7 } });
  });
});
