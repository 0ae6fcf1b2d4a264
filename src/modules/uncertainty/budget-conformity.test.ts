import type { CharacteristicSpec } from '../jobs/index.js';
import { conformityPlan } from './budget-conformity.js';

const diameter: CharacteristicSpec = {
  id: 'c-1',
  identifier: '1',
  nominal: '25.000',
  unit: 'mm',
  tolerance: { kind: 'deviations', upper: '0.021', lower: '0' },
  limits: { lower: '25.000', upper: '25.021' },
  decisionRule: 'guarded_acceptance',
};

describe('the conformity decision planned for a budget evaluation', () => {
  test("the limits are those of the characteristic when the output is in the characteristic's unit", () => {
    const warnings: string[] = [];
    const plan = conformityPlan(diameter, { unit: 'mm' }, warnings);
    expect(plan).toMatchObject({ tolerance: { lower: 25, upper: 25.021 }, rule: { kind: 'guarded', guardBandFactor: 1 }, context: { limits: { lower: '25.000', upper: '25.021' }, unit: 'mm' } });
    expect(warnings).toEqual([]);
  });

  test("the limits are converted exactly into the output's unit when it differs", () => {
    const plan = conformityPlan(diameter, { unit: 'µm' }, []);
    expect(plan).toMatchObject({ tolerance: { lower: 25000, upper: 25021 }, context: { limits: { lower: '25000.000', upper: '25021.000' }, unit: 'µm' } });
    const flatness = conformityPlan({ ...diameter, tolerance: { kind: 'geometric', value: '0.005' }, limits: { upper: '0.005' } }, { unit: 'µm' }, []);
    expect(flatness).toMatchObject({ tolerance: { upper: 5 }, context: { limits: { upper: '5.000' } } });
    expect(flatness!.tolerance).not.toHaveProperty('lower');
  });

  test('no decision, with the reason as a warning, when the units do not convert or the job has no rule', () => {
    const warnings: string[] = [];
    expect(conformityPlan(diameter, { unit: 'deg' }, warnings)).toBeNull();
    expect(conformityPlan({ ...diameter, decisionRule: null }, { unit: 'mm' }, warnings)).toBeNull();
    expect(warnings).toEqual([
      'No conformity decision for characteristic 1: the budget\'s output is in deg, into which the tolerance in mm does not convert.',
      'No conformity decision for characteristic 1: the job has no decision rule.',
    ]);
  });
});
