import { thisYear } from '../harness/commercial.js';
import { call, createMachineTool, createPiece, customerWithAgreement, nasPiece, referenceJob } from '../harness/reference.js';
import { bench, resultBody, type Bench } from '../harness/results.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';
import { todayInFinland } from '../../src/shared/finnish-calendar.js';

let t: TestApp;
let qm: TestUser;
let tech: TestUser;
let auditor: TestUser;
let customerA: TestUser;
let customerB: TestUser;
let b: Bench;
let pieceId: string;
let machineId: string;

interface Item {
  id: string;
  characteristics: { id: string; identifier: string }[];
}
interface Row {
  identifier: string;
  status: string;
  company: { value: string; expandedUncertainty: string | null } | null;
  lab: { value: string; released: boolean; expandedUncertainty: string | null; uncertaintySource: string | null } | null;
  difference: string | null;
  en: number | null;
  zeta: number | null;
  verdict: string | null;
  zetaVerdict: string | null;
  requiredExpandedUncertainty: number | null;
}

const req = (method: 'GET' | 'POST', url: string, user: TestUser, payload?: object) => t.request({ method, url: `/api/v1${url}`, token: user.token, ...(payload ? { payload } : {}) });
const idOf = (item: Item, identifier: string) => item.characteristics.find((c) => c.identifier === identifier)!.id;
const rowOf = (rows: Row[], identifier: string) => rows.find((r) => r.identifier === identifier)!;

/** A reference-measurement job of customer A picking the NAS piece, accepted, received and in measurement. */
async function measuringReferenceJob(item: object): Promise<{ jobId: string; item: Item }> {
  const job = await referenceJob(t, customerA, { testPieceId: pieceId, ...item });
  await call(t, 'POST', `/jobs/${job.id}/accept`, qm, { method: 'KTK-M-020 NAS 979', price: '330.00', deliveryDate: `${thisYear() + 1}-01-15` });
  await call(t, 'POST', `/jobs/${job.id}/receive`, tech, { receivedOn: todayInFinland(), condition: 'Clean' });
  await call(t, 'POST', `/jobs/${job.id}/start-measurement`, tech);
  return { jobId: job.id, item: job.items[0] };
}

/** The lab records D1 and F1 of the piece with the readings given (mm). */
async function labMeasures(item: Item, d1: string[], f1: string[]): Promise<void> {
  for (const [identifier, readings] of [['D1', d1], ['F1', f1]] as const) {
    await call(t, 'POST', `/job-items/${item.id}/results`, tech, resultBody(b, { characteristicId: idOf(item, identifier) }, readings.map((value) => ({ value, unit: 'mm' }))));
  }
}

const release = (item: Item) => call(t, 'POST', `/job-items/${item.id}/results/release`, b.reviewer, { remarks: 'Checked' });

beforeAll(async () => {
  t = await createTestApp();
  qm = await createUser(t, 'quality_manager');
  tech = await createUser(t, 'technician');
  auditor = await createUser(t, 'auditor');
  b = await bench(t, qm, tech, await createUser(t, 'technician'));
  customerA = await customerWithAgreement(t, 'Akseli Oy');
  customerB = await customerWithAgreement(t, 'Bore Oy');
  pieceId = (await createPiece(t, qm, nasPiece('NAS979-A'))).id;
  machineId = await createMachineTool(t, customerA);
});
afterAll(() => t.close());

describe("the company's results and their comparison with the lab's", () => {
  let jobId: string;
  let item: Item;
  let firstId: string;

  beforeAll(async () => {
    ({ jobId, item } = await measuringReferenceJob({ serialNumber: 'S-1', machineToolId: machineId, manufacturedOn: '2025-03-03' }));
  });

  test('the customer gives its values and uncertainty; a second result for the characteristic is refused; a correction makes a chain', async () => {
    const first = await req('POST', `/jobs/${jobId}/company-results`, customerA, { characteristicId: idOf(item, 'D1'), values: ['108.004', '108.0060'], unit: 'mm', expandedUncertainty: '0.004', coverageFactor: '2', measuredOn: '2025-03-05' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ values: ['108.004', '108.0060'], expandedUncertainty: '0.004', coverageFactor: '2', current: true, correctsId: null });
    firstId = first.json().id;
    const again = await req('POST', `/jobs/${jobId}/company-results`, customerA, { characteristicId: idOf(item, 'D1'), values: ['108.1'], unit: 'mm' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'LIMS_COMPANY_RESULT_EXISTS', detail: expect.stringContaining(firstId) });
    const correction = await call(t, 'POST', `/company-results/${firstId}/corrections`, customerA, { values: ['108.005'], unit: 'mm', expandedUncertainty: '0.004', reason: 'Probe re-qualified' });
    expect(correction).toMatchObject({ correctsId: firstId, correctionReason: 'Probe re-qualified', values: ['108.005'] });
    const twice = await req('POST', `/company-results/${firstId}/corrections`, customerA, { values: ['108.006'], unit: 'mm', reason: 'Again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('LIMS_COMPANY_RESULT_ALREADY_CORRECTED');
    const list = (await call(t, 'GET', `/jobs/${jobId}/company-results`, customerA)).items;
    expect(list.map((r: { id: string; current: boolean; correctedById: string | null }) => [r.id, r.current, r.correctedById])).toEqual([
      [firstId, false, correction.id],
      [correction.id, true, null],
    ]);
    const audit = await call(t, 'GET', `/audit/events?entityType=company_result&entityId=${correction.id}`, qm);
    expect(audit.items.map((e: { action: string; reason: string | null }) => [e.action, e.reason])).toEqual([['company_result.correct', 'Probe re-qualified']]);
  });

  test('staff give a result on the company\'s behalf, in a unit of the same scale; other units, other companies and auditors are refused', async () => {
    expect((await req('POST', `/jobs/${jobId}/company-results`, tech, { characteristicId: idOf(item, 'F1'), values: ['3', '5'], unit: 'µm' })).statusCode).toBe(201);
    const angle = await req('POST', `/jobs/${jobId}/company-results`, customerA, { characteristicId: idOf(item, 'D1'), values: ['1'], unit: 'deg' });
    expect(angle.json()).toMatchObject({ code: 'LIMS_COMPANY_RESULT_INVALID', detail: expect.stringContaining('deg') });
    expect((await req('GET', `/jobs/${jobId}/company-results`, customerB)).statusCode).toBe(404);
    expect((await req('POST', `/company-results/${firstId}/corrections`, customerB, { values: ['1'], unit: 'mm', reason: 'x' })).statusCode).toBe(404);
    expect((await req('GET', `/jobs/${jobId}/comparison`, customerB)).statusCode).toBe(404);
    expect((await req('POST', `/jobs/${jobId}/company-results`, auditor, { characteristicId: idOf(item, 'F1'), values: ['1'], unit: 'mm' })).statusCode).toBe(403);
  });

  test('before release the customer sees the lab side pending; staff see the current result marked unreleased', async () => {
    await labMeasures(item, ['108.0010', '108.0012'], ['0.0030']);
    const seen = (await call(t, 'GET', `/jobs/${jobId}/comparison`, customerA)).rows as Row[];
    expect(seen.map((r) => [r.identifier, r.status, r.lab])).toEqual([
      ['D1', 'lab_result_pending', null],
      ['F1', 'lab_result_pending', null],
    ]);
    const staff = rowOf((await call(t, 'GET', `/jobs/${jobId}/comparison`, qm)).rows, 'D1');
    expect(staff.lab).toMatchObject({ value: '108.0011', released: false, expandedUncertainty: null, uncertaintySource: null });
    expect(staff).toMatchObject({ status: 'lab_uncertainty_missing', difference: '0.0039', en: null });
  });

  test('after release: the difference, En, zeta and the verdict, checked by hand', async () => {
    await call(t, 'POST', `/jobs/${jobId}/lab-uncertainties`, tech, { characteristicId: idOf(item, 'D1'), expandedUncertainty: '0.0016', coverageFactor: '2', basis: 'KTK-M-020 CMC' });
    await release(item);
    const d1 = rowOf((await call(t, 'GET', `/jobs/${jobId}/comparison`, customerA)).rows, 'D1');
    expect(d1.company).toMatchObject({ value: '108.005', expandedUncertainty: '0.004' });
    expect(d1.lab).toMatchObject({ value: '108.0011', released: true, expandedUncertainty: '0.0016', uncertaintySource: 'stated' });
    // d = 108.005 - 108.0011 = 0.0039; En = 0.0039 / sqrt(0.004^2 + 0.0016^2) = 0.0039 / 0.00430813 = 0.905265
    expect(d1).toMatchObject({ status: 'compared', difference: '0.0039', verdict: 'satisfactory', zetaVerdict: 'satisfactory' });
    expect(d1.en).toBeCloseTo(0.0039 / Math.sqrt(0.004 ** 2 + 0.0016 ** 2), 12);
    expect(d1.en).toBeCloseTo(0.905265, 6);
    // zeta with k = 2 on both sides: 0.0039 / sqrt(0.002^2 + 0.0008^2) = 1.810530
    expect(d1.zeta).toBeCloseTo(1.81053, 5);
  });

  test('without a company uncertainty: the expanded uncertainty the company would need, sqrt(d^2 - U_lab^2)', async () => {
    await call(t, 'POST', `/jobs/${jobId}/lab-uncertainties`, tech, { characteristicId: idOf(item, 'F1'), expandedUncertainty: '0.0006', basis: 'KTK-M-020 CMC, flatness' });
    const f1 = rowOf((await call(t, 'GET', `/jobs/${jobId}/comparison`, customerA)).rows, 'F1');
    // The company's 3 and 5 µm average 0.004 mm; the lab's 0.0030 mm: d = 0.0010, U_needed = sqrt(0.001^2 - 0.0006^2) = 0.0008
    expect(f1).toMatchObject({ status: 'company_uncertainty_missing', difference: '0.0010', en: null, verdict: null });
    expect(f1.company).toMatchObject({ value: '0.004', expandedUncertainty: null });
    expect(f1.requiredExpandedUncertainty).toBeCloseTo(0.0008, 12);
  });

  test('once the job is closed the company results no longer change', async () => {
    for (const action of ['send-to-review', 'report', 'close']) await call(t, 'POST', `/jobs/${jobId}/${action}`, action === 'send-to-review' ? tech : qm);
    const late = await req('POST', `/company-results/${firstId}/corrections`, customerA, { values: ['108.0'], unit: 'mm', reason: 'Late' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('LIMS_COMPANY_RESULT_JOB_FINISHED');
  });

  test("a stored uncertainty evaluation of the lab's result takes precedence over a stated uncertainty", async () => {
    const budget = await call(t, 'POST', '/uncertainty-budgets', qm, {
      code: 'REF-UB-1',
      title: 'Diameter of a test piece',
      model: 'R - E_mic',
      output: { name: 'D', unit: 'mm' },
      inputs: [
        { name: 'R', unit: 'mm', description: 'Mean of the readings', source: { type: 'readings' } },
        { name: 'E_mic', unit: 'mm', description: 'Indication error', source: { type: 'equipment', equipmentType: 'micrometer', estimateFrom: 'certifiedValue' } },
      ],
    });
    await call(t, 'POST', `/uncertainty-budgets/${budget.id}/versions/${budget.versions[0].id}/release`, qm, {});
    const method = await call(t, 'POST', '/methods', qm, { code: 'KTK-M-021', title: 'NAS pieces', scope: 'Test pieces', accredited: false, cmcEntries: [], environment: { temperature: { nominal: '20', tolerance: '0.5' }, humidity: { min: '30', max: '60' } }, requiredEquipmentTypes: ['micrometer'], uncertaintyBudgetTemplateId: 'REF-UB-1' });
    const versionId = method.versions[0].id;
    await call(t, 'POST', `/methods/${method.id}/versions/${versionId}/release`, qm, { effectiveFrom: '2024-01-01' });
    await call(t, 'POST', `/staff/${tech.id}/authorizations`, qm, { methodId: method.id, capabilities: ['measure'], validFrom: '2024-01-01' });
    const { jobId: evaluatedJob, item: piece } = await measuringReferenceJob({ serialNumber: 'S-E' });
    await call(t, 'POST', `/jobs/${evaluatedJob}/company-results`, customerA, { characteristicId: idOf(piece, 'D1'), values: ['108.004'], unit: 'mm', expandedUncertainty: '0.004' });
    const readings = ['108.0010', '108.0012', '108.0014'].map((value) => ({ value, unit: 'mm' }));
    const labResult = await call(t, 'POST', `/job-items/${piece.id}/results`, tech, resultBody({ ...b, versionId }, { characteristicId: idOf(piece, 'D1') }, readings));
    await call(t, 'POST', `/jobs/${evaluatedJob}/lab-uncertainties`, tech, { characteristicId: idOf(piece, 'D1'), expandedUncertainty: '0.0016', basis: 'CMC' });
    const evaluation = await call(t, 'POST', `/results/${labResult.id}/uncertainty-evaluations`, tech, { method: 'gum' });
    const d1 = rowOf((await call(t, 'GET', `/jobs/${evaluatedJob}/comparison`, qm)).rows, 'D1');
    // The lab's value is the evaluated measurand (the mean 108.0012 corrected by the micrometer's error), not the bare mean.
    const { report } = evaluation.outputs;
    expect(report.value).not.toBe('108.0012');
    expect(d1.lab).toMatchObject({ value: report.value, uncertaintySource: 'evaluation', expandedUncertainty: report.expandedUncertainty, coverageFactor: report.coverageFactor });
    expect(d1.en).toBeCloseTo((108.004 - Number(report.value)) / Math.hypot(0.004, Number(report.expandedUncertainty)), 9);
  });

  test('a job of another kind has no company results', async () => {
    const pqc = await call(t, 'POST', '/jobs', customerA, { kind: 'product_quality_control', items: [{ description: 'Shaft', characteristics: nasPiece('x').characteristics }] });
    const res = await req('POST', `/jobs/${pqc.id}/company-results`, customerA, { characteristicId: pqc.items[0].characteristics[0].id, values: ['1'], unit: 'mm' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('LIMS_REFERENCE_NOT_REFERENCE_JOB');
  });
});

describe("a machine tool's trend over its test pieces", () => {
  test('per characteristic the deviations from nominal by manufacturing day and the drift per year, against a hand computation', async () => {
    const machine = await createMachineTool(t, customerA, 'Okuma MB-46');
    // Four pieces machined a year of 365 days apart; D1 deviates 0.001, 0.004, 0.005, 0.008 mm.
    const d1 = ['108.001', '108.004', '108.005', '108.008'];
    for (const [i, value] of d1.entries()) {
      const { item } = await measuringReferenceJob({ machineToolId: machine, serialNumber: `T-${i + 1}`, manufacturedOn: `${2021 + i}-01-01` });
      await labMeasures(item, [value], ['0.003']);
      await release(item);
    }
    const { item: unreleased } = await measuringReferenceJob({ machineToolId: machine, serialNumber: 'T-5', manufacturedOn: '2025-01-01' });
    await labMeasures(unreleased, ['108.100'], ['0.003']);
    const other = await createPiece(t, qm, { ...nasPiece('BAS-B'), kind: 'bas' });
    await referenceJob(t, customerA, { testPieceId: other.id, machineToolId: machine, manufacturedOn: '2025-02-01' });

    const trend = await call(t, 'GET', `/machine-tools/${machine}/trend`, customerA);
    expect(trend.series.map((s: { testPiece: { code: string } }) => s.testPiece.code)).toEqual(['BAS-B', 'NAS979-A']);
    const nas = trend.series[1];
    expect(nas.pieces.map((p: { serialNumber: string; released: boolean }) => [p.serialNumber, p.released])).toEqual([
      ['T-1', true],
      ['T-2', true],
      ['T-3', true],
      ['T-4', true],
      ['T-5', false],
    ]);
    const series = nas.characteristics.find((c: { identifier: string }) => c.identifier === 'D1');
    expect(series.points.map((p: { manufacturedOn: string; deviation: string }) => [p.manufacturedOn, p.deviation])).toEqual([
      ['2021-01-01', '0.001'],
      ['2022-01-01', '0.004'],
      ['2023-01-01', '0.005'],
      ['2024-01-01', '0.008'],
    ]);
    // Least squares over t = 0..3 steps of 365 days: slope 0.011 / 5 = 0.0022 mm per step; residuals
    // -0.0002, 0.0006, -0.0006, 0.0002 give s^2 = 8e-7 / 2 and u(slope) = sqrt(s^2 / 5) = sqrt(8e-8) per step.
    // A Julian year is 365.25 / 365 steps.
    const perYear = 365.25 / 365;
    expect(series.analysis.n).toBe(4);
    expect(series.analysis.trend.method).toBe('ordinary');
    expect(series.analysis.trend.driftPerYear).toBeCloseTo(0.0022 * perYear, 12);
    expect(series.analysis.trend.driftStandardUncertainty).toBeCloseTo(Math.sqrt(8e-8) * perYear, 12);
    const flatness = nas.characteristics.find((c: { identifier: string }) => c.identifier === 'F1');
    expect(flatness.points.map((p: { deviation: string }) => p.deviation)).toEqual(['0.003', '0.003', '0.003', '0.003']);
    expect(flatness.analysis.trend.driftPerYear).toBeCloseTo(0, 12);
    expect(trend.series[0].characteristics[0].analysis).toMatchObject({ n: 0, trend: null, noTrendReason: 'tooFewPoints' });

    const onlyNas = await call(t, 'GET', `/machine-tools/${machine}/trend?testPieceId=${pieceId}`, qm);
    expect(onlyNas.series.map((s: { testPiece: { code: string } }) => s.testPiece.code)).toEqual(['NAS979-A']);
    expect((await req('GET', `/machine-tools/${machine}/trend`, customerB)).statusCode).toBe(404);
  });
});
