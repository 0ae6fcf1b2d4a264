import { activeAgreement, createCustomer } from '../harness/commercial.js';
import { brokenQif, validQif } from '../harness/qif-fixtures.js';
import { describeWithQif, qifSample } from '../harness/qif.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

let t: TestApp;
let customerA: TestUser;
let customerB: TestUser;
let technician: TestUser;
let qm: TestUser;

interface Characteristic {
  identifier: string;
  qifId: string | null;
  [key: string]: unknown;
}

const post = (url: string, user: TestUser | null, payload: object) => t.request({ method: 'POST', url: `/api/v1${url}`, payload, ...(user ? { token: user.token } : {}) });
const get = (url: string, user: TestUser | null = null) => t.request({ method: 'GET', url: `/api/v1${url}`, ...(user ? { token: user.token } : {}) });

/** Sends a QIF document to a job item's QIF import. */
const importQif = (jobId: string, itemId: string, body: string | Buffer, user: TestUser | null, contentType = 'application/xml') =>
  t.request({ method: 'POST', url: `/api/v1/jobs/${jobId}/items/${itemId}/characteristics/qif`, payload: body, headers: { 'content-type': contentType }, ...(user ? { token: user.token } : {}) });

/** A submitted product job of customer A with two empty pieces. */
async function newJob(): Promise<{ id: string; items: string[] }> {
  const res = await post('/jobs', customerA, { kind: 'product_quality_control', items: [{ description: 'Bracket 70-001' }, { description: 'Bracket 70-001, second piece' }] });
  expect(res.statusCode).toBe(201);
  return { id: res.json().id, items: res.json().items.map((i: { id: string }) => i.id) };
}

const characteristicsOf = async (jobId: string, itemId: string): Promise<Characteristic[]> =>
  (await get(`/jobs/${jobId}`)).json().items.find((i: { id: string }) => i.id === itemId).characteristics;

const auditActions = async (jobId: string): Promise<{ action: string; after: Record<string, unknown> }[]> =>
  (await get(`/audit/events?entityType=job&entityId=${jobId}&limit=100`)).json().items;

beforeAll(async () => {
  t = await createTestApp();
  const coA = await createCustomer(t, { name: 'Akseli Oy' });
  customerA = await createUser(t, 'customer', { companyId: coA });
  expect((await activeAgreement(t, coA)).json().status).toBe('active');
  const coB = await createCustomer(t, { name: 'Bore Oy' });
  customerB = await createUser(t, 'customer', { companyId: coB });
  technician = await createUser(t, 'technician');
  qm = await createUser(t, 'quality_manager');
});
afterAll(() => t.close());

describe('importing characteristics from a small QIF file', () => {
  test('every characteristic with its QIF item id, in one audited step; the job shows the QIF ids', async () => {
    const job = await newJob();
    const res = await importQif(job.id, job.items[0]!, validQif.part, qm, 'text/xml');
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ jobId: job.id, itemId: job.items[0], source: { format: 'QIF', versionQIF: '3.0.0', qpId: '0f3c6a3e-2d6b-4b8e-9a51-5a4b2c1d0e01' } });
    expect(body.characteristics.map((c: Characteristic) => [c.identifier, c.qifId])).toEqual([['1', '12'], ['2', '22'], ['3', '32'], ['4', '42'], ['5', '52']]);
    expect(body.characteristics[0]).toMatchObject({ type: 'diameter', nominal: '10', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.1' }, notes: 'QIF name Bore' });
    expect(body.characteristics[3]).toMatchObject({ type: 'position', tolerance: { kind: 'geometric', value: '0.2' }, datums: ['A', 'B(M)'] });
    expect(body.characteristics[4]).toMatchObject({ type: 'angle', nominal: '45', unit: 'deg' });

    const stored = await characteristicsOf(job.id, job.items[0]!);
    expect(stored).toEqual(body.characteristics);
    expect(await characteristicsOf(job.id, job.items[1]!)).toEqual([]);
    const events = (await auditActions(job.id)).filter((e) => e.action === 'job.characteristics.import_qif');
    expect(events).toHaveLength(1);
    expect(events[0]!.after).toMatchObject({ itemId: job.items[0], source: { format: 'QIF', versionQIF: '3.0.0' }, characteristics: expect.arrayContaining([expect.objectContaining({ identifier: '1', qifId: '12' })]) });
  });

  test('characteristics entered as JSON have no QIF id', async () => {
    const job = await newJob();
    const res = await post(`/jobs/${job.id}/items/${job.items[0]}/characteristics`, customerA, {
      characteristics: [{ identifier: '9', type: 'length', nominal: '50', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.1' } }],
    });
    expect(res.json().items[0].characteristics[0]).toMatchObject({ identifier: '9', qifId: null });
  });

  test('importing characteristics the item already has (by identifier or QIF id) refuses the file with the list and writes nothing', async () => {
    const job = await newJob();
    expect((await importQif(job.id, job.items[0]!, validQif.part, customerA)).statusCode).toBe(201);
    const again = await importQif(job.id, job.items[0]!, validQif.part, customerA);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'LIMS_QIF_DUPLICATE_CHARACTERISTICS', detail: expect.stringContaining('nothing was imported') });
    expect(again.json().details.problems).toHaveLength(10);
    expect(again.json().details.problems[0]).toEqual({ id: '12', identifier: '1', reason: 'the item already has a characteristic 1' });
    expect(again.json().details.problems[1]).toEqual({ id: '12', identifier: '1', reason: 'the item already has the characteristic of QIF id 12' });
    expect(await characteristicsOf(job.id, job.items[0]!)).toHaveLength(5);
    // The same file into the other piece is fine: QIF ids are unique per piece.
    expect((await importQif(job.id, job.items[1]!, validQif.part, customerA)).statusCode).toBe(201);
  });

  test('a file that cannot be imported is refused with a clear error and nothing is written', async () => {
    const job = await newJob();
    const item = job.items[0]!;
    const refused = async (xml: string | Buffer, status: number, code: string) => {
      const res = await importQif(job.id, item, xml, customerA);
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status, code });
      return res.json();
    };
    expect((await refused(brokenQif.notXml, 422, 'LIMS_QIF_NOT_XML')).detail).toMatch(/not well-formed XML/);
    expect((await refused(brokenQif.unclosed, 422, 'LIMS_QIF_NOT_XML')).detail).toMatch(/line 4/);
    expect((await refused(brokenQif.wrongRoot, 422, 'LIMS_QIF_NOT_QIF3')).detail).toMatch(/root element is PartReport, not QIFDocument/);
    expect((await refused(brokenQif.qif2, 422, 'LIMS_QIF_NOT_QIF3')).detail).toMatch(/QIF version 2\.1\.0; only QIF 3/);
    expect((await refused(validQif.noCharacteristics, 422, 'LIMS_QIF_NO_CHARACTERISTICS')).detail).toMatch(/no characteristics/);
    expect((await refused(Buffer.from([0x3c, 0x51, 0xff, 0xfe, 0x3e]), 422, 'LIMS_QIF_NOT_XML')).detail).toMatch(/not UTF-8/);
    const unsupported = await refused(validQif.unsupported, 422, 'LIMS_QIF_UNSUPPORTED_CHARACTERISTICS');
    expect(unsupported.details.problems.map((p: { id: string }) => p.id)).toEqual(['22', '32', '42', '52']);
    expect(unsupported.details.problems[0].reason).toMatch(/QIF Straightness characteristics have no characteristic type/);
    const invalid = await refused(brokenQif.danglingReference, 422, 'LIMS_QIF_INVALID');
    expect(invalid.details.problems).toContainEqual({ id: '12', element: 'DiameterCharacteristicItem', reason: expect.stringContaining('characteristic nominal 99') });

    expect(await characteristicsOf(job.id, item)).toEqual([]);
    expect((await auditActions(job.id)).map((e) => e.action)).toEqual(['job.submit']);
  });

  test('only QIF media types are read', async () => {
    const job = await newJob();
    const json = await t.request({ method: 'POST', url: `/api/v1/jobs/${job.id}/items/${job.items[0]}/characteristics/qif`, payload: { qif: validQif.part }, token: customerA.token });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('LIMS_UNSUPPORTED_MEDIA_TYPE');
    expect((await importQif(job.id, job.items[0]!, validQif.part, customerA, 'application/qif+xml; charset=utf-8')).statusCode).toBe(201);
  });
});

describe('who may import', () => {
  test("another company's customer gets 404 for the job and its items, whatever the file", async () => {
    const job = await newJob();
    for (const xml of [validQif.part, brokenQif.notXml]) {
      const res = await importQif(job.id, job.items[0]!, xml, customerB);
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 404, code: 'LIMS_NOT_FOUND' });
    }
    expect(await characteristicsOf(job.id, job.items[0]!)).toEqual([]);
  });

  test('an item of another job is 404 under this job', async () => {
    const one = await newJob();
    const other = await newJob();
    expect((await importQif(one.id, other.items[0]!, validQif.part, customerA)).statusCode).toBe(404);
  });

  test('technicians may not add characteristics; nobody may once the lab has accepted the job', async () => {
    const job = await newJob();
    const byTechnician = await importQif(job.id, job.items[0]!, validQif.part, technician);
    expect({ status: byTechnician.statusCode, code: byTechnician.json().code }).toEqual({ status: 403, code: 'LIMS_AUTH_FORBIDDEN' });
    for (const item of job.items) expect((await importQif(job.id, item, validQif.nominalsOnly, customerA)).statusCode).toBe(201);
    const accepted = await post(`/jobs/${job.id}/accept`, qm, { method: 'KTK-M-012 CMM measurement of prismatic parts', price: '450.00', deliveryDate: `${new Date().getUTCFullYear() + 1}-01-15` });
    expect(accepted.json().status).toBe('accepted');
    for (const user of [customerA, qm]) {
      const late = await importQif(job.id, job.items[0]!, validQif.part, user);
      expect({ status: late.statusCode, code: late.json().code }).toEqual({ status: 409, code: 'LIMS_JOB_NOT_EDITABLE' });
    }
    expect((await characteristicsOf(job.id, job.items[0]!)).map((c) => c.qifId)).toEqual(['11', '21']);
  });
});

describeWithQif('importing the NIST CTC 01 model', () => {
  test('its 14 PMI characteristics, keyed by their QIF nominal ids', async () => {
    const job = await newJob();
    const res = await importQif(job.id, job.items[0]!, qifSample('nist_ctc_01_asme1_ap242.qif'), customerA, 'application/qif+xml');
    expect(res.statusCode).toBe(201);
    const created: Characteristic[] = res.json().characteristics;
    expect(created).toHaveLength(14);
    const byBalloon = new Map(created.map((c) => [c.identifier, c]));
    expect(byBalloon.get('14')).toMatchObject({ qifId: '1443', type: 'position', tolerance: { kind: 'geometric', value: '0.75' }, datums: ['A', 'B', 'C'], notes: 'QIF name Position.1' });
    expect(byBalloon.get('11')).toMatchObject({ qifId: '1485', type: 'diameter', nominal: '35', tolerance: { kind: 'limits', lower: '34.8', upper: '35.2' } });
    expect(byBalloon.get('6')).toMatchObject({ qifId: '1491', type: 'angle', nominal: '60', unit: 'deg', tolerance: { kind: 'symmetric', value: '0.5' } });
    expect(byBalloon.get('2')).toMatchObject({ qifId: '1470', type: 'flatness', datums: [] });
    expect(await characteristicsOf(job.id, job.items[0]!)).toHaveLength(14);
  });
});

describe('the body limit', () => {
  test('a QIF file over IMPORT_LIMIT_BYTES is refused before it is read', async () => {
    const small = await createTestApp({ env: { IMPORT_LIMIT_BYTES: '2048' } });
    try {
      const co = await createCustomer(small, { name: 'Pieni Oy' });
      const customer = await createUser(small, 'customer', { companyId: co });
      await activeAgreement(small, co);
      const job = await small.request({ method: 'POST', url: '/api/v1/jobs', payload: { kind: 'product_quality_control', items: [{ description: 'Plate' }] }, token: customer.token });
      const { id, items } = job.json();
      expect(Buffer.byteLength(validQif.part)).toBeGreaterThan(2048);
      const res = await small.request({ method: 'POST', url: `/api/v1/jobs/${id}/items/${items[0].id}/characteristics/qif`, payload: validQif.part, headers: { 'content-type': 'application/xml' }, token: customer.token });
      expect({ status: res.statusCode, code: res.json().code }).toEqual({ status: 413, code: 'LIMS_PAYLOAD_TOO_LARGE' });
    } finally {
      await small.close();
    }
  });
});
