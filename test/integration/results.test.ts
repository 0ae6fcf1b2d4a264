import { sql } from 'drizzle-orm';
import { addCalendarDays, todayInFinland } from '../../src/shared/finnish-calendar.js';
import { activeAgreement, createCustomer, thisYear } from '../harness/commercial.js';
import { authorize, calibratedEquipment, measuringJob, releasedMethod, type MeasuringJob } from '../harness/lab.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

let t: TestApp;
let qm: TestUser;
let tech: TestUser;
let reviewer: TestUser;
let expired: TestUser;
let customerA: TestUser;
let customerB: TestUser;
let mic: string;
let overdue: string;
let versionId: string;
let job: MeasuringJob;

const post = (url: string, user: TestUser, payload: object) => t.request({ method: 'POST', url: `/api/v1${url}`, payload, token: user.token });
const get = (url: string, user: TestUser) => t.request({ method: 'GET', url: `/api/v1${url}`, token: user.token });
const result = (overrides: Record<string, unknown> = {}) => ({
  characteristicId: job.characteristicIds[0],
  methodVersionId: versionId,
  equipmentIds: [mic],
  measuredAt: new Date().toISOString(),
  environment: { temperature: '20.2', humidity: '45' },
  readings: [
    { value: '25.0110', unit: 'mm' },
    { value: '25.0112', unit: 'mm' },
  ],
  ...overrides,
});
const record = (user: TestUser, overrides: Record<string, unknown> = {}) => post(`/job-items/${job.itemId}/results`, user, result(overrides));

beforeAll(async () => {
  t = await createTestApp();
  qm = await createUser(t, 'quality_manager');
  tech = await createUser(t, 'technician');
  reviewer = await createUser(t, 'technician');
  expired = await createUser(t, 'technician');
  const coA = await createCustomer(t, { name: 'Akseli Oy' });
  customerA = await createUser(t, 'customer', { companyId: coA });
  await activeAgreement(t, coA);
  const coB = await createCustomer(t, { name: 'Bore Oy' });
  customerB = await createUser(t, 'customer', { companyId: coB });
  mic = await calibratedEquipment(t, qm, 'KTK-CMM-001', `${thisYear() - 1}-01-10`, 36);
  overdue = await calibratedEquipment(t, qm, 'KTK-MIC-OLD', `${thisYear() - 3}-01-10`, 12);
  const method = await releasedMethod(t, qm, 'KTK-M-012');
  versionId = method.versionId;
  await authorize(t, qm, tech, method.methodId, ['measure', 'review']);
  await authorize(t, qm, reviewer, method.methodId, ['measure', 'review']);
  await authorize(t, qm, expired, method.methodId, ['measure'], '2024-12-31');
  job = await measuringJob(t, customerA, qm, tech);
});
afterAll(() => t.close());

describe('refusals name the reason', () => {
  test('overdue equipment is refused, naming the item and why', async () => {
    const res = await record(tech, { equipmentIds: [mic, overdue] });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LIMS_RESULT_EQUIPMENT_NOT_USABLE');
    expect(res.json().detail).toContain('KTK-MIC-OLD (calibration_overdue)');
  });

  test('a technician whose authorization expired is refused', async () => {
    const res = await record(expired);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'LIMS_RESULT_NOT_AUTHORIZED' });
    expect(res.json().detail).toContain('expired');
  });

  test("environment outside the method's limits is refused unless recorded as a justified deviation, which is flagged", async () => {
    const hot = { environment: { temperature: '20.6', humidity: '45' } };
    const refused = await record(tech, hot);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('LIMS_RESULT_ENVIRONMENT_OUT_OF_LIMITS');
    expect(refused.json().detail).toContain('temperature 20.6');
    const justified = await record(tech, { ...hot, characteristicId: job.characteristicIds[1], readings: [{ value: '120.004', unit: 'mm' }], deviation: { justification: 'Air conditioning failed; part soaked 4 h, length corrected for expansion' } });
    expect(justified.statusCode).toBe(201);
    expect(justified.json().deviation).toMatchObject({ justification: expect.stringContaining('Air conditioning'), violations: [{ quantity: 'temperature', reading: '20.6', lower: '19.5', upper: '20.5', kind: 'above' }] });
  });

  test('a reading unit that does not fit the characteristic is refused; another length unit fits', async () => {
    const res = await record(tech, { readings: [{ value: '25.011', unit: 'deg' }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('LIMS_RESULT_UNIT_MISMATCH');
    expect(res.json().detail).toContain('deg');
  });

  test('a job that is not in measurement takes no results', async () => {
    const accepted = await measuringJob(t, customerA, qm, tech, { start: false });
    const res = await post(`/job-items/${accepted.itemId}/results`, tech, result({ characteristicId: accepted.characteristicIds[0] }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LIMS_RESULT_JOB_NOT_IN_MEASUREMENT');
  });
});

describe('calibration points of an instrument', () => {
  test('readings are the displayed values at a calibration point; a point in another dimension is refused', async () => {
    const instrument = await measuringJob(t, customerA, qm, tech, { instrument: true });
    const body = result({ characteristicId: undefined, calibrationPoint: { nominal: '12.5', unit: 'mm' }, readings: [{ value: '12.501', unit: 'mm' }, { value: '12.5010', unit: 'mm' }] });
    const res = await post(`/job-items/${instrument.itemId}/results`, tech, body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ characteristicId: null, calibrationPoint: { nominal: '12.5', unit: 'mm' }, readings: [{ value: '12.501' }, { value: '12.5010' }] });
    const angle = await post(`/job-items/${instrument.itemId}/results`, tech, { ...body, calibrationPoint: { nominal: '12.5', unit: 'deg' } });
    expect(angle.json().code).toBe('LIMS_RESULT_UNIT_MISMATCH');
    const onPiece = await record(tech, { characteristicId: undefined, calibrationPoint: { nominal: '12.5', unit: 'mm' } });
    expect(onPiece.json().code).toBe('LIMS_RESULT_INVALID');
    const future = await record(tech, { measuredAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.json().code).toBe('LIMS_RESULT_INVALID');
  });

  test('a measurement before the items were received is refused (a mistyped date), on or after that day it is taken', async () => {
    const received = await measuringJob(t, customerA, qm, tech, { start: false });
    const receivedOn = addCalendarDays(todayInFinland(), -2);
    await post(`/jobs/${received.jobId}/receive`, tech, { receivedOn, condition: 'Clean' });
    await post(`/jobs/${received.jobId}/start-measurement`, tech, {});
    const at = (day: string) => `${day}T12:00:00+02:00`;
    // Its own CMM, so that the reverse-impact test below counts only the results it logs.
    const cmm = await calibratedEquipment(t, qm, 'KTK-CMM-002', `${thisYear() - 1}-01-10`, 36);
    const body = (day: string) => result({ characteristicId: received.characteristicIds[0], measuredAt: at(day), equipmentIds: [cmm] });
    const before = await post(`/job-items/${received.itemId}/results`, tech, body(addCalendarDays(receivedOn, -365)));
    expect(before.statusCode).toBe(422);
    expect(before.json()).toMatchObject({ code: 'LIMS_RESULT_INVALID', detail: expect.stringContaining(`were received on ${receivedOn}; check the date`) });
    expect((await post(`/job-items/${received.itemId}/results`, tech, body(receivedOn))).statusCode).toBe(201);
  });
});

describe('corrections, four eyes and release', () => {
  let first: string;
  test('readings are stored exactly as typed; a correction keeps both, marking the current one', async () => {
    const res = await record(tech);
    expect(res.statusCode).toBe(201);
    first = res.json().id;
    expect(res.json().readings).toEqual([
      { repeat: 1, value: '25.0110', unit: 'mm' },
      { repeat: 2, value: '25.0112', unit: 'mm' },
    ]);
    const fixed = await post(`/results/${first}/corrections`, tech, { ...result({ readings: [{ value: '25.0120', unit: 'mm' }] }), reason: 'Digits swapped' });
    expect(fixed.statusCode).toBe(201);
    expect(fixed.json()).toMatchObject({ correctsId: first, correctionReason: 'Digits swapped', current: true });
    const list = (await get(`/job-items/${job.itemId}/results`, tech)).json().items;
    expect(list.find((r: { id: string }) => r.id === first)).toMatchObject({ current: false, correctedById: fixed.json().id, readings: [{ value: '25.0110' }, { value: '25.0112' }] });
    const again = await post(`/results/${first}/corrections`, tech, { ...result(), reason: 'again' });
    expect(again.json().code).toBe('LIMS_RESULT_ALREADY_CORRECTED');
    const elsewhere = await post(`/results/${fixed.json().id}/corrections`, tech, { ...result({ characteristicId: job.characteristicIds[1] }), reason: 'wrong target' });
    expect(elsewhere.json().code).toBe('LIMS_RESULT_INVALID');
  });

  test('the database itself refuses to overwrite or delete raw records', async () => {
    for (const statement of [sql`UPDATE result_readings SET value = 1`, sql`DELETE FROM results`, sql`DELETE FROM result_equipment`]) {
      const error = await t.database.db.execute(statement).then(
        () => null,
        (e: Error) => e,
      );
      expect(String((error?.cause as Error | undefined)?.message ?? error)).toMatch(/append-only/);
    }
  });

  test('customers see nothing before the release', async () => {
    const res = await get(`/jobs/${job.jobId}/results`, customerA);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([expect.objectContaining({ itemId: job.itemId, state: 'pending', releasedAt: null, results: [] })]);
    // The full record (authors, equipment) is the lab's.
    expect((await get(`/job-items/${job.itemId}/results`, customerA)).statusCode).toBe(403);
  });

  test('the author cannot review; a second authorized person releases, and released results are locked', async () => {
    const own = await post(`/job-items/${job.itemId}/results/release`, tech, {});
    expect(own.statusCode).toBe(409);
    expect(own.json().code).toBe('LIMS_RESULT_REVIEWER_IS_AUTHOR');
    const unauthorized = await post(`/job-items/${job.itemId}/results/release`, expired, {});
    expect(unauthorized.json()).toMatchObject({ code: 'LIMS_RESULT_NOT_AUTHORIZED' });
    const released = await post(`/job-items/${job.itemId}/results/release`, reviewer, { remarks: 'Checked' });
    expect(released.statusCode).toBe(200);
    expect(released.json().release).toMatchObject({ reviewedBy: reviewer.id, remarks: 'Checked' });
    const current = released.json().items.find((r: { current: boolean; correctsId: string | null }) => r.current && r.correctsId);
    const locked = await post(`/results/${current.id}/corrections`, tech, { ...result(), reason: 'late' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('LIMS_RESULT_RELEASED');
    expect((await record(tech)).json().code).toBe('LIMS_RESULT_RELEASED');
    const audit = await t.request({ method: 'GET', url: `/api/v1/audit/events?entityType=job_item&entityId=${job.itemId}` });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain('result.release');
  });

  test("customers read released results of their own jobs only; another company's item is 404", async () => {
    const own = await get(`/jobs/${job.jobId}/results`, customerA);
    expect(own.statusCode).toBe(200);
    expect(own.json().items[0].results.length).toBeGreaterThan(0);
    const other = await get(`/jobs/${job.jobId}/results`, customerB);
    expect(other.statusCode).toBe(404);
    expect((await post(`/job-items/${job.itemId}/results`, customerA, result())).statusCode).toBe(403);
  });
});

describe('reverse impact', () => {
  test('a standard found out of tolerance lists every result measured with it, corrected ones included', async () => {
    const calibrations = (await get(`/equipment/${mic}/calibrations`, qm)).json().items;
    const withdrawn = await post(`/equipment/${mic}/calibrations/${calibrations[0].id}/withdrawal`, qm, { kind: 'out_of_tolerance', withdrawnOn: `${thisYear() - 1}-01-10`, reason: 'Probe found out of tolerance' });
    expect(withdrawn.statusCode).toBe(200);
    const impact = await get(`/equipment/${mic}/impact?since=${thisYear() - 1}-01-10`, qm);
    expect(impact.statusCode).toBe(200);
    const listed = impact.json().records.filter((r: { kind: string }) => r.kind === 'result');
    const recorded = (await get(`/job-items/${job.itemId}/results`, qm)).json().items;
    // The shaft's results (the corrected one too) and the micrometer's calibration point.
    expect(listed.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(recorded.map((r: { id: string }) => r.id)));
    expect(listed).toHaveLength(recorded.length + 1);
    expect(listed[0]).toMatchObject({ source: 'results', equipmentId: mic });
  });
});
