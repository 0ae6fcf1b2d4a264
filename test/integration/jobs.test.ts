import { activeAgreement, createCustomer, terms, thisYear } from '../harness/commercial.js';
import { bench, recordAllResults, releaseAll, type Bench } from '../harness/results.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';
import { todayInFinland } from '../../src/shared/finnish-calendar.js';

let t: TestApp;
let coA: string;
let customerA: TestUser;
let coB: string;
let customerB: TestUser;
let technician: TestUser;
let qm: TestUser;
/** Equipment, method and authorizations for the results that review and reporting need. */
let lab: Bench;

const today = () => todayInFinland();
const deliveryDate = () => `${thisYear() + 1}-01-15`;

const shaft = {
  description: 'Shaft 40-123, rev. C',
  characteristics: [
    { identifier: '1', type: 'diameter', nominal: '25.000', unit: 'mm', tolerance: { kind: 'deviations', upper: '0.021', lower: '0' } },
    { identifier: '2', type: 'length', nominal: '120.0', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.05' } },
    { identifier: '3', type: 'cylindricity', unit: 'mm', tolerance: { kind: 'geometric', value: '0.005' } },
    { identifier: '4', type: 'runout', unit: 'mm', tolerance: { kind: 'geometric', value: '0.010' }, datums: ['A', 'B'], notes: 'Radial runout' },
  ],
};
const micrometer = {
  description: 'Micrometer 0–25 mm',
  instrument: { type: 'Outside micrometer', manufacturer: 'Mitutoyo', model: '103-137', serialNumber: '7012345', measuringRange: { lower: '0', upper: '25', unit: 'mm' }, resolution: '0.001', mpe: '±2 µm', service: 'accredited_calibration' },
};

const post = (url: string, user: TestUser | null, payload?: object, headers?: Record<string, string>) =>
  t.request({ method: 'POST', url: `/api/v1${url}`, ...(payload === undefined ? {} : { payload }), ...(user ? { token: user.token } : {}), ...(headers ? { headers } : {}) });
const get = (url: string, user: TestUser | null) => t.request({ method: 'GET', url: `/api/v1${url}`, ...(user ? { token: user.token } : {}) });
const accept = (id: string, user: TestUser | null = qm) => post(`/jobs/${id}/accept`, user, { method: 'KTK-M-012 CMM measurement of prismatic parts', price: '450.00', deliveryDate: deliveryDate() });

beforeAll(async () => {
  t = await createTestApp();
  coA = await createCustomer(t, { name: 'Akseli Oy' });
  customerA = await createUser(t, 'customer', { companyId: coA });
  expect((await activeAgreement(t, coA)).json().status).toBe('active');
  coB = await createCustomer(t, { name: 'Bore Oy' });
  customerB = await createUser(t, 'customer', { companyId: coB });
  expect((await activeAgreement(t, coB, { services: ['instrument_calibration'], terms: terms({ pricing: { discounts: {}, fixedPrices: {} } }) })).json().status).toBe('active');
  technician = await createUser(t, 'technician');
  qm = await createUser(t, 'quality_manager');
  lab = await bench(t, qm, technician, qm);
});
afterAll(() => t.close());

describe('a product quality control job', () => {
  let id: string;

  test('the customer submits it once, even when the request is retried with the same Idempotency-Key', async () => {
    const body = { kind: 'product_quality_control', customerReference: 'PO 4500123', items: [shaft] };
    const first = await post('/jobs', customerA, body, { 'idempotency-key': 'job-submit-1' });
    expect(first.statusCode).toBe(201);
    const job = first.json();
    id = job.id;
    expect(job).toMatchObject({ companyId: coA, kind: 'product_quality_control', status: 'submitted', allowedActions: ['cancel'], contractReview: null });
    expect(job.number).toMatch(new RegExp(`^T-${thisYear()}-\\d{5}$`));
    // Exact decimals as typed: trailing zeros are kept.
    expect(job.items[0].characteristics.map((c: { nominal: string | null }) => c.nominal)).toEqual(['25.000', '120.0', null, null]);
    expect(job.items[0].characteristics[0].tolerance).toEqual({ kind: 'deviations', upper: '0.021', lower: '0' });
    expect(job.items[0].characteristics[3]).toMatchObject({ tolerance: { kind: 'geometric', value: '0.010' }, datums: ['A', 'B'], notes: 'Radial runout' });

    const replay = await post('/jobs', customerA, body, { 'idempotency-key': 'job-submit-1' });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(id);
    const list = await get('/jobs', customerA);
    expect(list.json().items.filter((j: { customerReference: string }) => j.customerReference === 'PO 4500123')).toHaveLength(1);
  });

  test('job numbers are gapless per year', async () => {
    const second = await post('/jobs', customerA, { kind: 'reference_measurement' });
    const n = (s: string) => Number(s.slice(-5));
    expect(n(second.json().number)).toBe(n((await get(`/jobs/${id}`, customerA)).json().number) + 1);
    expect((await post(`/jobs/${second.json().id}/cancel`, customerA, { reason: 'Submitted by mistake' })).json()).toMatchObject({ status: 'cancelled', statusReason: 'Submitted by mistake' });
  });

  test('the customer adds items and characteristics until the job is accepted', async () => {
    const added = await post(`/jobs/${id}/items`, customerA, { description: 'Flange 40-124' });
    expect(added.statusCode).toBe(201);
    const flange = added.json().items[1];
    expect(flange).toMatchObject({ lineNo: 2, description: 'Flange 40-124', instrument: null, characteristics: [] });
    // Accepting a piece with nothing to measure fails contract review.
    expect((await accept(id)).json()).toMatchObject({ code: 'LIMS_JOB_INVALID', detail: expect.stringMatching(/Item 2 .* has no characteristics/) });

    const chars = await post(`/jobs/${id}/items/${flange.id}/characteristics`, customerA, {
      characteristics: [
        { identifier: '10', type: 'distance', nominal: '80', unit: 'mm', tolerance: { kind: 'limits', lower: '79.95', upper: '80.05' } },
        { identifier: '11', type: 'flatness', unit: 'mm', tolerance: { kind: 'geometric', value: '0.02' } },
      ],
    });
    expect(chars.statusCode).toBe(201);
    expect(chars.json().items[1].characteristics.map((c: { identifier: string }) => c.identifier)).toEqual(['10', '11']);
    const twice = await post(`/jobs/${id}/items/${flange.id}/characteristics`, customerA, { characteristics: [{ identifier: '10', type: 'angle', nominal: '90', unit: 'deg', tolerance: { kind: 'symmetric', value: '0.5' } }] });
    expect(twice.json()).toMatchObject({ code: 'LIMS_JOB_INVALID', detail: expect.stringMatching(/10 appears twice/) });
  });

  test('content is validated by schema and by domain rules', async () => {
    const bad = (c: Record<string, unknown>) => post('/jobs', customerA, { kind: 'product_quality_control', items: [{ description: 'Bad', characteristics: [c] }] });
    const lowerAbove = await bad({ identifier: '1', type: 'diameter', nominal: '10', unit: 'mm', tolerance: { kind: 'deviations', upper: '-0.02', lower: '0.01' } });
    expect(lowerAbove.statusCode).toBe(422);
    expect(lowerAbove.json().detail).toMatch(/lower deviation 0.01 must be less than the upper deviation -0.02/);
    expect((await bad({ identifier: '1', type: 'flatness', nominal: '10', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.1' } })).json().detail).toMatch(/single geometric tolerance/);
    expect((await bad({ identifier: '1', type: 'length', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.1' } })).json().detail).toMatch(/needs a nominal/);
    expect((await bad({ identifier: '1', type: 'length', nominal: 10.5, unit: 'mm', tolerance: { kind: 'symmetric', value: '0.1' } })).statusCode).toBe(400);
    expect((await bad({ identifier: '1', type: 'length', nominal: '10', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.1' }, colour: 'red' })).statusCode).toBe(400);
    const instrumentInProductJob = await post('/jobs', customerA, { kind: 'product_quality_control', items: [micrometer] });
    expect(instrumentInProductJob.json()).toMatchObject({ code: 'LIMS_JOB_INVALID' });
  });

  test('the lab accepts it after contract review and walks it through to closed', async () => {
    expect((await accept(id, customerA)).statusCode).toBe(403);
    const accepted = await accept(id);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      contractReview: { method: 'KTK-M-012 CMM measurement of prismatic parts', decisionRule: 'guarded_acceptance', price: '450.00', deliveryDate: deliveryDate(), reviewedBy: qm.id },
    });
    const late = await post(`/jobs/${id}/items`, customerA, { description: 'Late piece' });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('LIMS_JOB_NOT_EDITABLE');
    // After acceptance only the lab cancels.
    expect((await post(`/jobs/${id}/cancel`, customerA, { reason: 'Changed our mind' })).statusCode).toBe(403);

    const received = await post(`/jobs/${id}/receive`, technician, { receivedOn: today(), condition: 'Clean, no visible damage', remarks: 'Original packaging' });
    expect(received.json()).toMatchObject({ status: 'items_received', receipt: { receivedOn: today(), condition: 'Clean, no visible damage', remarks: 'Original packaging' } });
    expect((await post(`/jobs/${id}/start-measurement`, technician)).json().status).toBe('in_measurement');
    await recordAllResults(t, lab, id);
    expect((await post(`/jobs/${id}/send-to-review`, technician)).json().status).toBe('results_under_review');
    expect((await post(`/jobs/${id}/report`, technician)).statusCode).toBe(403);
    const back = await post(`/jobs/${id}/return-to-measurement`, qm, { reason: 'Temperature record missing' });
    expect(back.json()).toMatchObject({ status: 'in_measurement', statusReason: 'Temperature record missing' });
    expect((await post(`/jobs/${id}/send-to-review`, technician)).json().status).toBe('results_under_review');
    await releaseAll(t, lab, id);
    expect((await post(`/jobs/${id}/report`, qm)).json().status).toBe('reported');
    const closed = await post(`/jobs/${id}/close`, qm);
    expect(closed.json()).toMatchObject({ status: 'closed', allowedActions: [] });
    expect((await get(`/jobs/${id}`, customerA)).json().status).toBe('closed');

    const audit = await get(`/audit/events?entityType=job&entityId=${id}&limit=100`, null);
    expect(audit.statusCode).toBe(200);
    expect(audit.json().items.map((e: { action: string }) => e.action).reverse()).toEqual([
      'job.submit',
      'job.item.add',
      'job.characteristics.add',
      'job.accept',
      'job.receive_items',
      'job.start_measurement',
      'job.send_to_review',
      'job.return_to_measurement',
      'job.send_to_review',
      'job.report',
      'job.close',
    ]);
  });
});

describe('an instrument calibration job', () => {
  test('staff submit it on behalf of the company and the lab walks it through', async () => {
    const res = await post('/jobs', null, { companyId: coB, kind: 'instrument_calibration', items: [micrometer] });
    expect(res.statusCode).toBe(201);
    const job = res.json();
    expect(job.items[0].instrument).toEqual(micrometer.instrument);
    const caliper = { description: 'Caliper', instrument: { type: 'Vernier caliper', measuringRange: { lower: '0', upper: '150', unit: 'mm' }, resolution: '0.02', service: 'inspection' } };
    expect((await post(`/jobs/${job.id}/items`, customerB, caliper)).json().items[1].instrument).toEqual(caliper.instrument);
    const reversed = await post(`/jobs/${job.id}/items`, customerB, { description: 'Bad', instrument: { ...caliper.instrument, measuringRange: { lower: '150', upper: '0', unit: 'mm' } } });
    expect(reversed.json()).toMatchObject({ code: 'LIMS_JOB_INVALID', detail: expect.stringMatching(/lower end 150 must be less than the upper end 0/) });
    expect((await post(`/jobs/${job.id}/items/${job.items[0].id}/characteristics`, customerB, { characteristics: [shaft.characteristics[0]] })).json().code).toBe('LIMS_JOB_INVALID');

    expect((await accept(job.id, null)).json().status).toBe('accepted');
    expect((await post(`/jobs/${job.id}/receive`, qm, { receivedOn: today(), condition: 'In its case' })).json().receipt).toEqual({ receivedOn: today(), condition: 'In its case', remarks: null });
    for (const [step, status] of [
      ['start-measurement', 'in_measurement'],
      ['send-to-review', 'results_under_review'],
      ['report', 'reported'],
      ['close', 'closed'],
    ] as const) {
      // Review needs a calibration point on every instrument; reporting, every item released.
      if (step === 'send-to-review') await recordAllResults(t, lab, job.id);
      if (step === 'report') await releaseAll(t, lab, job.id);
      expect((await post(`/jobs/${job.id}/${step}`, qm)).json().status).toBe(status);
    }
  });
});

describe('refusals', () => {
  test('a rejected job stays rejected, with its reason', async () => {
    const job = (await post('/jobs', customerA, { kind: 'product_quality_control', items: [shaft] })).json();
    expect((await post(`/jobs/${job.id}/reject`, technician, { reason: 'x' })).statusCode).toBe(403);
    const rejected = await post(`/jobs/${job.id}/reject`, null, { reason: 'Cylindricity 0.005 mm is below our capability' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', statusReason: 'Cylindricity 0.005 mm is below our capability' });
    const again = await accept(job.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('The job is rejected; it cannot accept. Allowed next states from rejected: none (the job is finished).');
  });

  test('an illegal transition is a 409 naming the current state and the allowed next states', async () => {
    const job = (await post('/jobs', customerA, { kind: 'product_quality_control', items: [shaft] })).json();
    const res = await post(`/jobs/${job.id}/start-measurement`, technician);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'LIMS_JOB_ILLEGAL_TRANSITION',
      detail: 'The job is submitted; it cannot start measurement. Allowed next states from submitted: accepted, rejected, cancelled.',
    });
    expect((await get(`/jobs/${job.id}`, customerA)).json().status).toBe('submitted');
  });

  test('a job needs an active agreement of the company that covers its service', async () => {
    const res = await post('/jobs', customerB, { kind: 'product_quality_control', items: [shaft] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'LIMS_JOB_NO_AGREEMENT', detail: expect.stringMatching(/no active agreement in force on .* that covers product_quality_control/) });
    const noAgreement = await createCustomer(t, { name: 'Uusi Oy' });
    expect((await post('/jobs', null, { companyId: noAgreement, kind: 'instrument_calibration' })).json().code).toBe('LIMS_JOB_NO_AGREEMENT');
  });
  test('contract review refuses a job whose agreement has ended since submission', async () => {
    const co = await createCustomer(t, { name: 'Päättyvä Oy' });
    const agreement = (await activeAgreement(t, co)).json();
    const job = (await post('/jobs', null, { companyId: co, kind: 'product_quality_control', items: [shaft] })).json();
    expect(job.agreementId).toBe(agreement.id);
    expect((await post(`/agreements/${agreement.id}/terminate`, null, { reason: 'Asiakas lopetti toimintansa.' })).statusCode).toBe(200);
    const res = await accept(job.id);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'LIMS_JOB_NO_AGREEMENT', detail: expect.stringMatching(/Reject the job/) });
    expect((await get(`/jobs/${job.id}`, qm)).json().status).toBe('submitted');
  });
});

describe('isolation between companies', () => {
  test("a company never sees or touches another company's jobs; staff see all", async () => {
    const jobA = (await post('/jobs', customerA, { kind: 'product_quality_control', items: [shaft] })).json();
    for (const res of [
      await get(`/jobs/${jobA.id}`, customerB),
      await post(`/jobs/${jobA.id}/items`, customerB, { description: 'Intruder' }),
      await post(`/jobs/${jobA.id}/items/${jobA.items[0].id}/characteristics`, customerB, { characteristics: [shaft.characteristics[0]] }),
      await post(`/jobs/${jobA.id}/cancel`, customerB, { reason: 'Not mine' }),
      await get('/jobs/00000000-0000-4000-8000-000000000000', customerB),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    expect((await post('/jobs', customerB, { companyId: coA, kind: 'instrument_calibration' })).statusCode).toBe(404);

    const listB = (await get(`/jobs?companyId=${coA}`, customerB)).json();
    expect(listB).toMatchObject({ items: [], total: 0 });
    expect((await get('/jobs', customerB)).json().items.every((j: { companyId: string }) => j.companyId === coB)).toBe(true);
    expect((await get('/jobs', technician)).json().items.map((j: { companyId: string }) => j.companyId)).toEqual(expect.arrayContaining([coA, coB]));
    expect((await get(`/jobs/${jobA.id}`, technician)).json().allowedActions).toEqual([]);
  });

  test('the list filters by status and pages', async () => {
    const submitted = (await get(`/jobs?status=submitted&companyId=${coA}`, qm)).json();
    expect(submitted.total).toBeGreaterThanOrEqual(2);
    expect(submitted.items.every((j: { status: string }) => j.status === 'submitted')).toBe(true);
    const page1 = (await get('/jobs?status=submitted&limit=1', customerA)).json();
    const page2 = (await get('/jobs?status=submitted&limit=1&offset=1', customerA)).json();
    expect(page1).toMatchObject({ total: submitted.total, limit: 1, offset: 0 });
    expect(page1.items).toHaveLength(1);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    expect((await get('/jobs?status=lost', qm)).statusCode).toBe(400);
  });

  test('the list filters by submission day', async () => {
    const todays = (await get(`/jobs?submittedFrom=${today()}&submittedTo=${today()}`, customerA)).json();
    expect(todays.total).toBe((await get('/jobs', customerA)).json().total);
    expect((await get(`/jobs?submittedTo=${thisYear() - 1}-12-31`, customerA)).json()).toMatchObject({ items: [], total: 0 });
    expect((await get(`/jobs?submittedFrom=${thisYear() + 1}-01-01`, qm)).json().total).toBe(0);
  });
});
