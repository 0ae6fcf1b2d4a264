import { sql } from 'drizzle-orm';
import { activeAgreement, createCustomer, thisYear } from '../harness/commercial.js';
import { authorize, calibratedEquipment, measuringJob, releasedMethod, type MeasuringJob } from '../harness/lab.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';
import type { EvaluationView } from '../../src/modules/uncertainty/budget-evaluations.service.js';

const MCM_SEED = 20_261_129;
let t: TestApp;
let qm: TestUser;
let tech: TestUser;
let reviewer: TestUser;
let auditor: TestUser;
let customer: TestUser;
let mic: string;
let mic2: string;
let budgetedVersion: string;
let plainVersion: string;
let job: MeasuringJob;

const post = (url: string, user: TestUser, payload: object = {}) => t.request({ method: 'POST', url: `/api/v1${url}`, payload, token: user.token });
const patch = (url: string, user: TestUser, payload: object) => t.request({ method: 'PATCH', url: `/api/v1${url}`, payload, token: user.token });
const get = (url: string, user: TestUser) => t.request({ method: 'GET', url: `/api/v1${url}`, token: user.token });

/** Outside diameter with a micrometer, corrected by its certified indication error, with thermal expansion. */
const budget = {
  code: 'MIC-UB-1',
  title: 'Outside diameter measured with a micrometer',
  model: 'R - E_mic - L0 * alpha * dT',
  output: { name: 'D', unit: 'mm' },
  inputs: [
    { name: 'R', unit: 'mm', description: 'Mean of the readings', source: { type: 'readings' } },
    { name: 'E_mic', unit: 'mm', description: 'Indication error of the micrometer at 25 mm', source: { type: 'equipment', equipmentType: 'micrometer', estimateFrom: 'certifiedValue' } },
    { name: 'L0', unit: 'mm', description: 'Nominal diameter', source: { type: 'nominal' } },
    { name: 'alpha', unit: '1/K', description: 'Expansion coefficient of steel', source: { type: 'fixed', estimate: 11.5e-6, distribution: { type: 'rectangular', halfWidth: 1e-6 } } },
    { name: 'dT', unit: 'K', description: 'Deviation of the part from 20 °C', source: { type: 'environment', quantity: 'temperature', reference: '20', distribution: { type: 'rectangular', halfWidth: 0.5 } } },
  ],
};

const readings = [
  { value: '25.0110', unit: 'mm' },
  { value: '25.0112', unit: 'mm' },
  { value: '25.0114', unit: 'mm' },
];
const result = (overrides: Record<string, unknown> = {}) => ({
  characteristicId: job.characteristicIds[0],
  methodVersionId: budgetedVersion,
  equipmentIds: [mic],
  measuredAt: new Date().toISOString(),
  environment: { temperature: '20.2', humidity: '45' },
  readings,
  ...overrides,
});
const record = async (overrides: Record<string, unknown> = {}): Promise<string> => {
  const res = await post(`/job-items/${job.itemId}/results`, tech, result(overrides));
  if (res.statusCode !== 201) throw new Error(`result: ${res.statusCode} ${res.body}`);
  return res.json().id;
};

beforeAll(async () => {
  t = await createTestApp();
  qm = await createUser(t, 'quality_manager');
  tech = await createUser(t, 'technician');
  reviewer = await createUser(t, 'technician');
  auditor = await createUser(t, 'auditor');
  const company = await createCustomer(t, { name: 'Akseli Oy' });
  customer = await createUser(t, 'customer', { companyId: company });
  await activeAgreement(t, company); // decision rule: guarded acceptance
  mic = await calibratedEquipment(t, qm, 'KTK-MIC-001', `${thisYear() - 1}-01-10`, 36);
  mic2 = await calibratedEquipment(t, qm, 'KTK-MIC-002', `${thisYear() - 1}-01-10`, 36);
  const plain = await releasedMethod(t, qm, 'KTK-M-012');
  plainVersion = plain.versionId;
  const method = await post('/methods', qm, {
    code: 'KTK-M-020',
    title: 'Outside diameters with micrometers',
    scope: 'Shafts up to 100 mm',
    accredited: false,
    cmcEntries: [],
    environment: { temperature: { nominal: '20', tolerance: '0.5' }, humidity: { min: '30', max: '60' } },
    requiredEquipmentTypes: ['micrometer'],
    uncertaintyBudgetTemplateId: 'MIC-UB-1',
  });
  if (method.statusCode !== 201) throw new Error(`method: ${method.body}`);
  budgetedVersion = method.json().versions[0].id;
  await post(`/methods/${method.json().id}/versions/${budgetedVersion}/release`, qm, { effectiveFrom: '2024-01-01' });
  for (const person of [tech, reviewer]) {
    await authorize(t, qm, person, method.json().id, ['measure', 'review']);
    await authorize(t, qm, person, plain.methodId, ['measure', 'review']);
  }
  job = await measuringJob(t, customer, qm, tech);
});
afterAll(() => t.close());

describe('budget templates: draft, release, immutability', () => {
  let budgetId: string;
  let v1: string;

  test('quality managers create a budget; its first version is a validated draft', async () => {
    const res = await post('/uncertainty-budgets', qm, { ...budget, model: 'R - E_mic' });
    expect(res.statusCode).toBe(201);
    budgetId = res.json().id;
    v1 = res.json().versions[0].id;
    expect(res.json()).toMatchObject({ code: 'MIC-UB-1', versions: [{ versionNumber: 1, state: 'draft', model: 'R - E_mic', inputs: budget.inputs }] });
    // Inputs the model leaves out are kept, with a warning.
    expect(res.json().versions[0].warnings).toEqual(["Input 'L0' is not used by the model; its contribution is zero.", "Input 'alpha' is not used by the model; its contribution is zero.", "Input 'dT' is not used by the model; its contribution is zero."]);
    expect((await post('/uncertainty-budgets', qm, budget)).json().code).toBe('LIMS_BUDGET_CODE_TAKEN');
  });

  test('a draft is edited and validated again; release makes it immutable', async () => {
    const edited = await patch(`/uncertainty-budgets/${budgetId}/versions/${v1}`, qm, { model: budget.model, changeNote: 'Thermal expansion included' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ model: budget.model, warnings: [], changeNote: 'Thermal expansion included' });
    const released = await post(`/uncertainty-budgets/${budgetId}/versions/${v1}/release`, qm);
    expect(released.json()).toMatchObject({ state: 'released', releasedBy: qm.id });
    const late = await patch(`/uncertainty-budgets/${budgetId}/versions/${v1}`, qm, { model: 'R' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('LIMS_BUDGET_VERSION_RELEASED');
    const error = await t.database.db.execute(sql`UPDATE uncertainty_budget_versions SET content = '{}'::jsonb`).then(
      () => null,
      (e: Error) => e,
    );
    expect(String((error?.cause as Error | undefined)?.message ?? error)).toMatch(/released and immutable/);
  });

  test('a new version starts from the latest; one draft at a time; its release supersedes the previous one', async () => {
    const v2 = await post(`/uncertainty-budgets/${budgetId}/versions`, qm, { coverageProbability: 0.95, changeNote: '95 %' });
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ versionNumber: 2, state: 'draft', model: budget.model, coverageProbability: 0.95 });
    expect((await post(`/uncertainty-budgets/${budgetId}/versions`, qm, {})).json().code).toBe('LIMS_BUDGET_DRAFT_EXISTS');
    await post(`/uncertainty-budgets/${budgetId}/versions/${v2.json().id}/release`, qm);
    const after = await get(`/uncertainty-budgets/${budgetId}`, auditor);
    expect(after.json().versions.map((v: { state: string }) => v.state)).toEqual(['superseded', 'released']);
    // Back to k = 2 for the evaluations below.
    const v3 = await post(`/uncertainty-budgets/${budgetId}/versions`, qm, { coverageProbability: 0.9545 });
    await post(`/uncertainty-budgets/${budgetId}/versions/${v3.json().id}/release`, qm);
  });

  test('every change is in the audit trail', async () => {
    const events = await t.request({ method: 'GET', url: `/api/v1/audit/events?entityType=uncertainty_budget_version&entityId=${v1}` });
    expect(events.json().items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['uncertainty_budget.version.update', 'uncertainty_budget.version.release']));
    const created = await t.request({ method: 'GET', url: `/api/v1/audit/events?entityType=uncertainty_budget&entityId=${budgetId}` });
    expect(created.json().items[0]).toMatchObject({ action: 'uncertainty_budget.create', actorUserId: qm.id });
  });
});

describe('validation on save', () => {
  test('names the model uses that no input declares are all named', async () => {
    const res = await post('/uncertainty-budgets', qm, { ...budget, code: 'BAD-1', model: 'R - E_mic + cos_err + drift' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'LIMS_BUDGET_UNKNOWN_NAMES', details: { names: ['cos_err', 'drift'] } });
  });

  test('malformed sources and distributions are refused with the field named', async () => {
    const res = await post('/uncertainty-budgets', qm, { ...budget, code: 'BAD-2', inputs: [{ ...budget.inputs[0], source: { type: 'thermometer' } }] });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('source/type');
    const limits = { ...budget.inputs[4], source: { type: 'environment', quantity: 'temperature', distribution: { type: 'rectangular', lower: 19.5, upper: 20.5 } } };
    const env = await post('/uncertainty-budgets', qm, { ...budget, code: 'BAD-3', inputs: [...budget.inputs.slice(0, 4), limits] });
    expect(env.json().code).toBe('LIMS_BUDGET_INVALID');
    const syntax = await post('/uncertainty-budgets', qm, { ...budget, code: 'BAD-4', model: 'R - (E_mic' });
    expect(syntax.json().code).toBe('LIMS_UNCERTAINTY_MODEL_SYNTAX');
  });
});

describe('roles', () => {
  test('technicians read but may not keep budgets; auditors read; customers see nothing', async () => {
    expect((await post('/uncertainty-budgets', tech, { ...budget, code: 'T-1' })).statusCode).toBe(403);
    expect((await get('/uncertainty-budgets', auditor)).statusCode).toBe(200);
    expect((await get('/uncertainty-budgets', tech)).statusCode).toBe(200);
    expect((await get('/uncertainty-budgets', customer)).statusCode).toBe(403);
  });
});

describe('evaluating a budget for a logged result', () => {
  let resultId: string;
  let evaluation: EvaluationView;

  test('every input is resolved from its source and the evaluation is stored with exactly what was used', async () => {
    resultId = await record();
    // A fixed seed: three readings give the mean a t distribution with 2 degrees of freedom, whose
    // infinite variance makes the Monte Carlo mean wander across the rounding boundary between seeds.
    const res = await post(`/results/${resultId}/uncertainty-evaluations`, tech, { method: 'both', mcm: { trials: 100_000, seed: MCM_SEED } });
    expect(res.statusCode).toBe(201);
    evaluation = res.json();
    expect(evaluation).toMatchObject({ resultId, budget: { code: 'MIC-UB-1', versionNumber: 3 }, method: 'both', engineVersion: '1.0.0', evaluatedBy: tech.id });
    const calibration = (await get(`/equipment/${mic}/calibrations`, qm)).json().items[0];
    expect(evaluation.inputsUsed.map((i: { from: unknown }) => i.from)).toEqual([
      { readings: [{ repeat: 1, value: '25.0110', unit: 'mm' }, { repeat: 2, value: '25.0112', unit: 'mm' }, { repeat: 3, value: '25.0114', unit: 'mm' }] },
      { equipmentId: mic, equipmentCode: 'KTK-MIC-001', calibrationId: calibration.id, certificateNumber: 'KTK-MIC-001-CAL', calibratedOn: `${thisYear() - 1}-01-10`, estimateFrom: 'certifiedValue', quantity: 'indication error 25 mm', nominal: '25', value: '0.0010', unit: 'mm', expandedUncertainty: '0.0015', coverageFactor: '2' },
      { nominal: '25.000', unit: 'mm' },
      {},
      { quantity: 'temperature', reading: '20.2', reference: '20', value: '0.2' },
    ]);
    const seed = evaluation.outputs.mcm!.seed;
    expect(seed).toBe(MCM_SEED);
    expect(evaluation.request).toEqual({
      model: budget.model,
      coverageProbability: 0.9545,
      method: 'both',
      mcm: { trials: 100_000, seed },
      inputs: [
        { name: 'R', unit: 'mm', readings: [25.011, 25.0112, 25.0114] },
        { name: 'E_mic', unit: 'mm', estimate: 0.001, distribution: { type: 'normal', expandedUncertainty: 0.0015, coverageFactor: 2 } },
        { name: 'L0', unit: 'mm', estimate: 25, distribution: { type: 'normal', standardUncertainty: 0 } },
        { name: 'alpha', unit: '1/K', estimate: 11.5e-6, distribution: { type: 'rectangular', halfWidth: 1e-6 } },
        { name: 'dT', unit: 'K', estimate: 0.2, distribution: { type: 'rectangular', halfWidth: 0.5 } },
      ],
    });
  });

  test('the outputs agree with a hand computation', () => {
    // y = 25.0112 - 0.0010 - 25 mm x 11.5e-6 /K x 0.2 K
    expect(evaluation.outputs.gum!.estimate).toBeCloseTo(25.0101425, 9);
    const u = Math.sqrt((0.0002 / Math.sqrt(3)) ** 2 + (0.0015 / 2) ** 2 + ((25 * 0.2 * 1e-6) / Math.sqrt(3)) ** 2 + ((25 * 11.5e-6 * 0.5) / Math.sqrt(3)) ** 2);
    expect(evaluation.outputs.gum!.standardUncertainty).toBeCloseTo(u, 12);
    // Three readings give the mean a t distribution with 2 degrees of freedom: Monte Carlo does not
    // validate the GUM interval, so the certificate figures follow Monte Carlo (JCGM 101 8.2).
    expect(evaluation.outputs.validation!.agrees).toBe(false);
    expect(evaluation.warnings).toEqual(expect.arrayContaining([expect.stringContaining('Monte Carlo does not validate the GUM result')]));
    expect(evaluation.outputs.report).toMatchObject({ expandedUncertainty: '0.0016', method: 'mcm' });
    // The reported value is the Monte Carlo estimate, rounded to the last digit of U.
    expect(evaluation.outputs.report.value).toBe(evaluation.outputs.mcm!.estimate.toFixed(4));
    expect(Math.abs(evaluation.outputs.mcm!.estimate - 25.0101425)).toBeLessThan(0.00002);
    expect(evaluation.outputs.report.text.fi).toContain('Monte Carlo -menetelmällä');
  });

  test("the conformity decision uses the characteristic's tolerance, the job's guarded rule and the Monte Carlo sample", () => {
    // Diameter 25.000 +0.021/0: limits 25.000 and 25.021; guarded acceptance w = U.
    expect(evaluation.conformity).toMatchObject({
      characteristic: { id: job.characteristicIds[0], identifier: '1' },
      limits: { lower: '25.000', upper: '25.021' },
      decisionRule: 'guarded_acceptance',
      decision: 'pass',
      probabilityBasis: 'monteCarlo',
      ruleDescription: { kind: 'guarded', guardBandFactor: 1, decisionType: 'binary' },
    });
    expect(evaluation.conformity!.probabilityOfConformityMonteCarlo).toBe(evaluation.outputs.mcm!.probabilityInTolerance);
    expect(evaluation.conformity!.probabilityOfConformityNormal).toBeGreaterThan(0.99999);
  });

  test("readings logged in micrometres are converted exactly into the budget's millimetres: the same numbers result", async () => {
    const inMicrometres = ['25011', '25011.2', '25011.4'].map((value) => ({ value, unit: 'µm' }));
    const id = await record({ readings: inMicrometres });
    const res = await post(`/results/${id}/uncertainty-evaluations`, tech, { method: 'gum' });
    expect(res.statusCode).toBe(201);
    expect(res.json().inputsUsed[0].from).toEqual({
      readings: [{ repeat: 1, value: '25011', unit: 'µm' }, { repeat: 2, value: '25011.2', unit: 'µm' }, { repeat: 3, value: '25011.4', unit: 'µm' }],
      converted: { unit: 'mm', values: ['25.011', '25.0112', '25.0114'] },
    });
    expect(res.json().outputs.gum).toEqual(evaluation.outputs.gum);
  });

  test('staff read it back; a re-run with the current engine is identical', async () => {
    const one = await get(`/uncertainty-evaluations/${evaluation.id}`, auditor);
    expect(one.json()).toEqual(evaluation);
    const list = await get(`/results/${resultId}/uncertainty-evaluations`, reviewer);
    expect(list.json().items.map((e: { id: string }) => e.id)).toEqual([evaluation.id]);
    const rerun = await post(`/uncertainty-evaluations/${evaluation.id}/rerun`, auditor);
    expect(rerun.statusCode).toBe(200);
    expect(rerun.json()).toMatchObject({ evaluationId: evaluation.id, identical: true, differences: [], storedEngineVersion: '1.0.0', currentEngineVersion: '1.0.0' });
    expect(rerun.json().outputs.gum).toEqual(evaluation.outputs.gum);
  });

  test('the conformity endpoint takes a stored evaluation and reports the Monte Carlo p_c beside the normal one', async () => {
    const res = await post('/uncertainty/conformity', auditor, { evaluationId: evaluation.id, tolerance: { lower: 25.009, upper: 25.011 }, rule: { kind: 'simple' }, decisionType: 'binary' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ probabilityBasis: 'monteCarlo', evaluation: { reportedMethod: 'mcm', monteCarlo: { trials: 100_000, seed: evaluation.outputs.mcm!.seed } } });
    const pc = res.json().probabilityOfConformityMonteCarlo;
    // A count of trials inside the tolerance out of 100 000: with a t-distributed mean of three
    // readings the output is far from normal, so the two figures differ here.
    expect(Math.abs(pc * 100_000 - Math.round(pc * 100_000))).toBeLessThan(1e-6);
    expect(res.json().probabilityOfConformity).toBe(pc);
    expect(res.json().probabilityOfConformityNormal).not.toBe(pc);
    // The stored request given inline (same seed) gives the same sample, hence the same fraction.
    const inline = await post('/uncertainty/conformity', auditor, { evaluation: evaluation.request, tolerance: { lower: 25.009, upper: 25.011 }, rule: { kind: 'simple' }, decisionType: 'binary' });
    expect(inline.json().probabilityOfConformityMonteCarlo).toBe(pc);
    const mixed = await post('/uncertainty/conformity', auditor, { evaluationId: evaluation.id, measuredValue: 25.01, expandedUncertainty: 0.001, tolerance: { upper: 25.02 }, rule: { kind: 'simple' }, decisionType: 'binary' });
    expect(mixed.json().code).toBe('LIMS_EVALUATION_REQUEST_INVALID');
  });

  test('the stored evaluation is append-only', async () => {
    const error = await t.database.db.execute(sql`DELETE FROM uncertainty_evaluations`).then(
      () => null,
      (e: Error) => e,
    );
    expect(String((error?.cause as Error | undefined)?.message ?? error)).toMatch(/append-only/);
  });

  test('auditors and customers may not evaluate; customers may not read evaluations', async () => {
    expect((await post(`/results/${resultId}/uncertainty-evaluations`, auditor)).statusCode).toBe(403);
    expect((await post(`/results/${resultId}/uncertainty-evaluations`, customer)).statusCode).toBe(403);
    expect((await get(`/uncertainty-evaluations/${evaluation.id}`, customer)).statusCode).toBe(403);
  });

  test('an evaluation is audited', async () => {
    const events = await t.request({ method: 'GET', url: `/api/v1/audit/events?entityType=uncertainty_evaluation&entityId=${evaluation.id}` });
    expect(events.json().items).toEqual([expect.objectContaining({ action: 'uncertainty_evaluation.create', actorUserId: tech.id })]);
  });
});

describe('refusals name the reason', () => {
  test('the method version names no budget', async () => {
    const id = await record({ methodVersionId: plainVersion, characteristicId: job.characteristicIds[1], readings: [{ value: '120.004', unit: 'mm' }] });
    const res = await post(`/results/${id}/uncertainty-evaluations`, tech);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'LIMS_BUDGET_NOT_NAMED' });
  });

  test('a draft version is not evaluated, named or chosen', async () => {
    const draft = await post('/uncertainty-budgets', qm, { ...budget, code: 'MIC-UB-DRAFT' });
    const id = await record();
    const chosen = await post(`/results/${id}/uncertainty-evaluations`, tech, { budgetVersionId: draft.json().versions[0].id });
    expect(chosen.statusCode).toBe(422);
    expect(chosen.json().code).toBe('LIMS_BUDGET_NOT_RELEASED');
    const method = await post('/methods', qm, { code: 'KTK-M-021', title: 'Micrometers, new budget', scope: 'Shafts', accredited: false, cmcEntries: [], uncertaintyBudgetTemplateId: 'MIC-UB-DRAFT' });
    await post(`/methods/${method.json().id}/versions/${method.json().versions[0].id}/release`, qm, { effectiveFrom: '2024-01-01' });
    await authorize(t, qm, tech, method.json().id, ['measure']);
    await authorize(t, qm, reviewer, method.json().id, ['review']);
    const named = await record({ methodVersionId: method.json().versions[0].id });
    const res = await post(`/results/${named}/uncertainty-evaluations`, tech);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'LIMS_BUDGET_NOT_RELEASED', detail: 'Budget MIC-UB-DRAFT has no released version; a quality manager must release one first.' });
  });

  test('two micrometers on one result make the equipment input ambiguous', async () => {
    const id = await record({ equipmentIds: [mic, mic2] });
    const res = await post(`/results/${id}/uncertainty-evaluations`, tech);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'LIMS_BUDGET_EQUIPMENT_AMBIGUOUS', details: { input: 'E_mic', equipment: ['KTK-MIC-001', 'KTK-MIC-002'] } });
  });

  test('a corrected result is refused, its correction is evaluated', async () => {
    const id = await record();
    const fixed = await post(`/results/${id}/corrections`, tech, { ...result({ readings: [{ value: '25.0120', unit: 'mm' }, { value: '25.0122', unit: 'mm' }] }), reason: 'Digits swapped' });
    const res = await post(`/results/${id}/uncertainty-evaluations`, tech);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'LIMS_EVALUATION_RESULT_CORRECTED', details: { correctedById: fixed.json().id } });
    expect((await post(`/results/${fixed.json().id}/uncertainty-evaluations`, tech)).statusCode).toBe(201);
  });

  test("a released item's results are locked", async () => {
    const id = await record();
    const released = await post(`/job-items/${job.itemId}/results/release`, reviewer, { remarks: 'Checked' });
    expect(released.statusCode).toBe(200);
    const res = await post(`/results/${id}/uncertainty-evaluations`, tech);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LIMS_RESULT_RELEASED');
  });
});
