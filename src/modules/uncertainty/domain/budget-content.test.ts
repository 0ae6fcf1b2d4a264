import { BudgetError, undeclaredNames, validateBudgetContent, type BudgetContent } from './budget-content.js';
import { UncertaintyModelError } from './errors.js';

/** A micrometer measurement: readings, the micrometer's calibration, thermal expansion at the lab temperature. */
const micrometer: BudgetContent = {
  model: 'R + d_mic - R * alpha * dT',
  output: { name: 'L', unit: 'mm' },
  inputs: [
    { name: 'R', unit: 'mm', description: 'Mean of the readings', source: { type: 'readings' } },
    { name: 'd_mic', unit: 'mm', description: 'Indication error of the micrometer', source: { type: 'equipment', equipmentType: 'micrometer', estimateFrom: 'zero' } },
    { name: 'alpha', unit: '1/K', description: 'Expansion coefficient of steel', source: { type: 'fixed', estimate: 11.5e-6, distribution: { type: 'rectangular', halfWidth: 1e-6 } } },
    { name: 'dT', unit: 'K', description: 'Deviation from 20 °C', source: { type: 'environment', quantity: 'temperature', reference: '20', distribution: { type: 'rectangular', halfWidth: 0.5 } } },
  ],
};

function codeOf(content: BudgetContent): string {
  try {
    validateBudgetContent(content);
    return 'none';
  } catch (e) {
    if (e instanceof BudgetError || e instanceof UncertaintyModelError) return e.code;
    throw e;
  }
}

describe('budget validation on save', () => {
  test('a complete budget is valid without warnings', () => {
    expect(validateBudgetContent(micrometer)).toEqual({ warnings: [] });
  });

  test('every undeclared model name is named at once', () => {
    expect(undeclaredNames('R + d_mic + x1 * sqrt(x2) + pi', ['R', 'd_mic'])).toEqual(['x1', 'x2']);
    try {
      validateBudgetContent({ ...micrometer, model: 'R + d_mic + cosine_err + drift' });
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(BudgetError);
      expect((e as BudgetError).code).toBe('LIMS_BUDGET_UNKNOWN_NAMES');
      expect((e as BudgetError).details).toEqual({ names: ['cosine_err', 'drift'] });
      expect((e as BudgetError).message).toContain("'cosine_err', 'drift'");
    }
  });

  test('an input the model does not use is a warning, not an error', () => {
    const { warnings } = validateBudgetContent({ ...micrometer, model: 'R + d_mic' });
    expect(warnings).toEqual(["Input 'alpha' is not used by the model; its contribution is zero.", "Input 'dT' is not used by the model; its contribution is zero."]);
  });

  test('the output may not reuse an input name; syntax errors and bad parameters come from the engine', () => {
    expect(codeOf({ ...micrometer, output: { name: 'R', unit: 'mm' } })).toBe('LIMS_BUDGET_INVALID');
    expect(codeOf({ ...micrometer, model: 'R + (d_mic' })).toBe('LIMS_UNCERTAINTY_MODEL_SYNTAX');
    expect(codeOf({ ...micrometer, model: 'R + foo(d_mic)' })).toBe('LIMS_UNCERTAINTY_UNKNOWN_NAME');
    const badFixed = { ...micrometer.inputs[2]!, source: { type: 'fixed', distribution: { type: 'normal', standardUncertainty: 1e-6 } } } as const;
    expect(codeOf({ ...micrometer, inputs: [micrometer.inputs[0]!, micrometer.inputs[1]!, badFixed, micrometer.inputs[3]!] })).toBe('LIMS_UNCERTAINTY_INVALID_INPUT');
    const pooledAlone = { ...micrometer.inputs[0]!, source: { type: 'readings', pooledStandardDeviation: 0.001 } } as const;
    expect(codeOf({ ...micrometer, inputs: [pooledAlone, ...micrometer.inputs.slice(1)] })).toBe('LIMS_UNCERTAINTY_INVALID_INPUT');
  });

  test('an environment input needs a distribution centred on the reading', () => {
    const limits = { ...micrometer.inputs[3]!, source: { type: 'environment', quantity: 'temperature', distribution: { type: 'rectangular', lower: 19.5, upper: 20.5 } } } as const;
    expect(codeOf({ ...micrometer, inputs: [...micrometer.inputs.slice(0, 3), limits] })).toBe('LIMS_BUDGET_INVALID');
    const gamma = { ...micrometer.inputs[3]!, source: { type: 'environment', quantity: 'temperature', distribution: { type: 'gamma', shape: 2, scale: 1 } } } as const;
    expect(codeOf({ ...micrometer, inputs: [...micrometer.inputs.slice(0, 3), gamma] })).toBe('LIMS_BUDGET_INVALID');
  });

  test('correlations must name declared inputs', () => {
    expect(codeOf({ ...micrometer, correlations: [{ between: ['R', 'nope'], coefficient: 0.5 }] })).toBe('LIMS_UNCERTAINTY_INVALID_INPUT');
  });
});
