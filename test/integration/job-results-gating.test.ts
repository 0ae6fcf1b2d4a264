import { activeAgreement, createCustomer, thisYear } from '../harness/commercial.js';
import { bench, resultBody, type Bench } from '../harness/results.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';
import { todayInFinland } from '../../src/shared/finnish-calendar.js';

let t: TestApp;
let qm: TestUser;
let tech: TestUser;
let reviewer: TestUser;
let customerA: TestUser;
let customerB: TestUser;
let lab: Bench;

const post = (url: string, user: TestUser, payload?: object) => t.request({ method: 'POST', url: `/api/v1${url}`, token: user.token, ...(payload ? { payload } : {}) });
const get = (url: string, user: TestUser) => t.request({ method: 'GET', url: `/api/v1${url}`, token: user.token });

interface Job {
  id: string;
  number: string;
  items: { id: string; characteristics: { id: string; identifier: string }[] }[];
}

/** A job of `customer` with `items`, accepted, received and in measurement. */
async function jobInMeasurement(kind: string, items: object[]): Promise<Job> {
  const submitted = await post('/jobs', customerA, { kind, items });
  expect(submitted.statusCode).toBe(201);
  const job: Job = submitted.json();
  expect((await post(`/jobs/${job.id}/accept`, qm, { method: 'KTK-M-012', price: '450.00', deliveryDate: `${thisYear() + 1}-01-15` })).statusCode).toBe(200);
  expect((await post(`/jobs/${job.id}/receive`, tech, { receivedOn: todayInFinland(), condition: 'Clean' })).statusCode).toBe(200);
  expect((await post(`/jobs/${job.id}/start-measurement`, tech)).statusCode).toBe(200);
  return job;
}

const size = (identifier: string, nominal: string) => ({ identifier, type: 'diameter', nominal, unit: 'mm', tolerance: { kind: 'symmetric', value: '0.01' } });
const measure = (itemId: string, characteristicId: string, value: string) => post(`/job-items/${itemId}/results`, tech, resultBody(lab, { characteristicId }, [{ value, unit: 'mm' }]));
const point = (itemId: string, nominal: string, unit: string) => post(`/job-items/${itemId}/results`, tech, resultBody(lab, { calibrationPoint: { nominal, unit } }, [{ value: nominal, unit }]));

beforeAll(async () => {
  t = await createTestApp();
  qm = await createUser(t, 'quality_manager');
  tech = await createUser(t, 'technician');
  reviewer = await createUser(t, 'technician');
  const coA = await createCustomer(t, { name: 'Akseli Oy' });
  customerA = await createUser(t, 'customer', { companyId: coA });
  await activeAgreement(t, coA);
  customerB = await createUser(t, 'customer', { companyId: await createCustomer(t, { name: 'Bore Oy' }) });
  lab = await bench(t, qm, tech, reviewer);
});
afterAll(() => t.close());

describe('a product job goes to review only with every characteristic measured, and is reported only when every item is released', () => {
  let job: Job;
  let shaft: Job['items'][number];
  let flange: Job['items'][number];
  let corrected: string;

  beforeAll(async () => {
    job = await jobInMeasurement('product_quality_control', [
      { description: 'Shaft 40-123', characteristics: [size('1', '25.000'), size('2', '12.000')] },
      { description: 'Flange 77-2', characteristics: [size('A', '80.00')] },
    ]);
    [shaft, flange] = job.items as [Job['items'][number], Job['items'][number]];
  });

  test('nothing recorded: the refusal lists every characteristic of every item, and the job stays in measurement', async () => {
    const res = await post(`/jobs/${job.id}/send-to-review`, tech);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'LIMS_JOB_RESULTS_MISSING',
      detail: `Job ${job.number} cannot go to review: item 1 ("Shaft 40-123"): no current result for characteristics 1, 2; item 2 ("Flange 77-2"): no current result for characteristic A. Record these results, then send the job to review again.`,
    });
    expect(res.json().details.missing).toEqual([
      { itemId: shaft.id, lineNo: 1, description: 'Shaft 40-123', missing: 'characteristics', characteristics: shaft.characteristics.map((c) => ({ id: c.id, identifier: c.identifier })) },
      { itemId: flange.id, lineNo: 2, description: 'Flange 77-2', missing: 'characteristics', characteristics: [{ id: flange.characteristics[0]!.id, identifier: 'A' }] },
    ]);
    expect((await get(`/jobs/${job.id}`, tech)).json().status).toBe('in_measurement');
  });

  test('a corrected result still counts through its correction; only the unmeasured characteristic is listed', async () => {
    const first = await measure(shaft.id, shaft.characteristics[0]!.id, '25.0031');
    corrected = first.json().id;
    const fix = await post(`/results/${corrected}/corrections`, tech, { ...resultBody(lab, { characteristicId: shaft.characteristics[0]!.id }, [{ value: '25.0013', unit: 'mm' }]), reason: 'Digits swapped' });
    expect(fix.statusCode).toBe(201);
    expect((await measure(flange.id, flange.characteristics[0]!.id, '80.004')).statusCode).toBe(201);
    const res = await post(`/jobs/${job.id}/send-to-review`, tech);
    expect(res.statusCode).toBe(409);
    expect(res.json().details.missing).toEqual([{ itemId: shaft.id, lineNo: 1, description: 'Shaft 40-123', missing: 'characteristics', characteristics: [{ id: shaft.characteristics[1]!.id, identifier: '2' }] }]);
  });

  test('with every characteristic measured the job goes to review', async () => {
    expect((await measure(shaft.id, shaft.characteristics[1]!.id, '11.998')).statusCode).toBe(201);
    const res = await post(`/jobs/${job.id}/send-to-review`, tech);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('results_under_review');
  });

  test('reporting is refused while items are unreleased, naming exactly those items', async () => {
    const none = await post(`/jobs/${job.id}/report`, qm);
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('LIMS_JOB_RESULTS_NOT_RELEASED');
    expect(none.json().details.unreleased).toEqual([
      { itemId: shaft.id, lineNo: 1, description: 'Shaft 40-123' },
      { itemId: flange.id, lineNo: 2, description: 'Flange 77-2' },
    ]);
    expect((await post(`/job-items/${shaft.id}/results/release`, reviewer, { remarks: 'Checked against drawing rev. C' })).statusCode).toBe(200);
    const one = await post(`/jobs/${job.id}/report`, qm);
    expect(one.statusCode).toBe(409);
    expect(one.json().detail).toBe(
      `Job ${job.number} cannot be reported: the results of item 2 ("Flange 77-2") are not released. A second authorized person releases each item (POST /job-items/{id}/results/release), then report the job.`,
    );
    expect(one.json().details.unreleased).toEqual([{ itemId: flange.id, lineNo: 2, description: 'Flange 77-2' }]);
  });

  test('the customer sees the released item with its correction chain and the other item pending, without internal fields', async () => {
    const res = await get(`/jobs/${job.id}/results`, customerA);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ jobId: job.id, number: job.number, status: 'results_under_review' });
    expect(view.items.map((i: { description: string; state: string }) => [i.description, i.state])).toEqual([
      ['Shaft 40-123', 'released'],
      ['Flange 77-2', 'pending'],
    ]);
    const [released, pending] = view.items;
    expect(pending).toEqual({ itemId: flange.id, lineNo: 2, description: 'Flange 77-2', state: 'pending', releasedAt: null, results: [] });
    expect(released.releasedAt).toEqual(expect.any(String));
    expect(released.results.map((r: { characteristic: { identifier: string }; current: boolean; readings: { value: string }[] }) => [r.characteristic.identifier, r.current, r.readings[0]!.value])).toEqual([
      ['1', false, '25.0031'],
      ['1', true, '25.0013'],
      ['2', true, '11.998'],
    ]);
    expect(released.results[1]).toMatchObject({ correctsId: corrected, correctionReason: 'Digits swapped' });
    expect(released.results[0].correctedById).toBe(released.results[1].id);
    // Who recorded and released, the lab's equipment and method versions and working remarks stay in the lab.
    expect(JSON.stringify(view)).not.toMatch(/recordedBy|reviewedBy|equipmentIds|methodVersionId|remarks|Checked against drawing|80\.004/);
    expect(JSON.stringify(view)).not.toContain(tech.id);
  });

  test("another company's customer gets 404 for the job's results; the full item record is staff-only", async () => {
    expect((await get(`/jobs/${job.id}/results`, customerB)).statusCode).toBe(404);
    expect((await get(`/jobs/${job.id}/results`, customerB)).json().code).toBe('LIMS_NOT_FOUND');
    expect((await get(`/job-items/${shaft.id}/results`, customerA)).statusCode).toBe(403);
    expect((await get(`/job-items/${shaft.id}/results`, qm)).json().items[0]).toMatchObject({ recordedBy: tech.id });
  });

  test('once every item is released the job is reported', async () => {
    expect((await post(`/job-items/${flange.id}/results/release`, reviewer, {})).statusCode).toBe(200);
    const res = await post(`/jobs/${job.id}/report`, qm);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('reported');
    expect((await get(`/jobs/${job.id}/results`, customerA)).json().items.map((i: { state: string }) => i.state)).toEqual(['released', 'released']);
  });
});

describe('an instrument calibration job', () => {
  let job: Job;
  let micrometer: string;
  let dialGauge: string;

  beforeAll(async () => {
    job = await jobInMeasurement('instrument_calibration', [
      { description: 'Micrometer 0–25 mm', instrument: { type: 'Outside micrometer', measuringRange: { lower: '0', upper: '25', unit: 'mm' }, resolution: '0.001', service: 'accredited_calibration' } },
      { description: 'Dial gauge 0–10 mm', instrument: { type: 'Dial gauge', measuringRange: { lower: '0', upper: '10', unit: 'mm' }, resolution: '0.01', service: 'inspection' } },
    ]);
    [micrometer, dialGauge] = job.items.map((i) => i.id) as [string, string];
  });

  test('a calibration point outside the measuring range is refused with a 422 naming the point and the range', async () => {
    const above = await point(micrometer, '25.001', 'mm');
    expect(above.statusCode).toBe(422);
    expect(above.json()).toMatchObject({
      code: 'LIMS_RESULT_POINT_OUT_OF_RANGE',
      detail: 'Calibration point 25.001 mm is above the measuring range 0…25 mm of item 1 ("Micrometer 0–25 mm"). Choose a point within the range.',
      details: { calibrationPoint: { nominal: '25.001', unit: 'mm' }, measuringRange: { lower: '0', upper: '25', unit: 'mm' }, side: 'above' },
    });
    expect((await point(micrometer, '-0.5', 'mm')).json()).toMatchObject({ code: 'LIMS_RESULT_POINT_OUT_OF_RANGE', details: { side: 'below' } });
    // Converted exactly: 10 001 µm is past a 10 mm range end, 1 in (25.4 mm) past 25 mm.
    const micro = await point(dialGauge, '10001', 'µm');
    expect(micro.statusCode).toBe(422);
    expect(micro.json().detail).toContain('Calibration point 10001 µm is above the measuring range 0…10 mm');
    expect((await point(micrometer, '1', 'in')).json().code).toBe('LIMS_RESULT_POINT_OUT_OF_RANGE');
  });

  test('points within the range are accepted, at the range ends and in another unit of length', async () => {
    const end = await point(micrometer, '25', 'mm');
    expect(end.statusCode).toBe(201);
    expect((await point(micrometer, '0.5', 'in')).statusCode).toBe(201);
    const converted = await point(dialGauge, '10000', 'µm');
    expect(converted.statusCode).toBe(201);
    expect(converted.json().calibrationPoint).toEqual({ nominal: '10000', unit: 'µm' });
  });

  test('review needs a calibration point on every instrument, and lists those without one', async () => {
    const other = await jobInMeasurement('instrument_calibration', [
      { description: 'Caliper 0–150 mm', instrument: { type: 'Vernier caliper', measuringRange: { lower: '0', upper: '150', unit: 'mm' }, service: 'inspection' } },
      { description: 'Height gauge 0–300 mm', instrument: { type: 'Height gauge', measuringRange: { lower: '0', upper: '300', unit: 'mm' }, service: 'inspection' } },
    ]);
    expect((await point(other.items[0]!.id, '100', 'mm')).statusCode).toBe(201);
    const res = await post(`/jobs/${other.id}/send-to-review`, tech);
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('item 2 ("Height gauge 0–300 mm"): no calibration point');
    expect(res.json().details.missing).toEqual([{ itemId: other.items[1]!.id, lineNo: 2, description: 'Height gauge 0–300 mm', missing: 'calibration_point', characteristics: [] }]);
    expect((await post(`/jobs/${job.id}/send-to-review`, tech)).json().status).toBe('results_under_review');
  });
});
