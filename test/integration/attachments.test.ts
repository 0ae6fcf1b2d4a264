import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { activeAgreement, createCustomer, thisYear } from '../harness/commercial.js';
import { QIF_SAMPLES, testWithQif } from '../harness/qif.js';
import { BRACKET, SAMPLES, attachmentsFolder, form, pngFile, sha256, stepFile, upload } from '../harness/attachments.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

let t: TestApp;
const folder = attachmentsFolder();
let customerA: TestUser;
let customerB: TestUser;
let customerC: TestUser;
let coC: string;
let technician: TestUser;
let qm: TestUser;
let auditor: TestUser;

const api = (method: 'GET' | 'POST' | 'DELETE', url: string, user: TestUser, payload?: object) =>
  t.request({ method, url: `/api/v1${url}`, token: user.token, ...(payload ? { payload } : {}) });
const newJob = async (customer: TestUser) => {
  const res = await api('POST', '/jobs', customer, { kind: 'product_quality_control', items: [BRACKET] });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
};
const accept = (jobId: string) => api('POST', `/jobs/${jobId}/accept`, qm, { method: 'KTK-M-012 CMM measurement', price: '450.00', deliveryDate: `${thisYear() + 1}-01-15` });
const drawing = (content: Buffer, name = 'drawing.pdf', fields: Record<string, string> = {}) => form({ category: 'drawing', ...fields }, { name, content });
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n% ${text}\n%%EOF\n`);
const auditOf = async (id: string) => (await api('GET', `/audit/events?entityType=attachment&entityId=${id}`, qm)).json().items.map((e: { action: string }) => e.action);

beforeAll(async () => {
  t = await createTestApp({ env: { ATTACHMENTS_DIR: folder.dir } });
  const coA = await createCustomer(t, { name: 'Akseli Oy' });
  await activeAgreement(t, coA);
  customerA = await createUser(t, 'customer', { companyId: coA });
  const coB = await createCustomer(t, { name: 'Bore Oy' });
  await activeAgreement(t, coB);
  customerB = await createUser(t, 'customer', { companyId: coB });
  // Company C's NDA covers drawings only.
  coC = await createCustomer(t, { name: 'Cad Oy' });
  await activeAgreement(t, coC, { nda: { kind: 'one_way', covers: ['drawings'] } });
  customerC = await createUser(t, 'customer', { companyId: coC });
  technician = await createUser(t, 'technician');
  qm = await createUser(t, 'quality_manager');
  auditor = await createUser(t, 'auditor');
});
afterAll(async () => {
  await t.close();
  folder.remove();
});

describe('type detection from the content', () => {
  let jobId: string;
  beforeAll(async () => {
    jobId = await newJob(customerA);
  });

  test.each(SAMPLES)('%s is stored with its type and header details, and downloads byte for byte', async (_label, name, content, format, mediaType, details) => {
    const res = await upload(t, customerA, jobId, form({ category: 'cad_model', confidential: 'false' }, { name, content }));
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ jobId, fileName: name, format, mediaType, sizeBytes: content.length, sha256: sha256(content), revision: 1, current: true, confidential: false, warnings: [] });
    expect(a.formatDetails).toMatchObject(details);

    const down = await api('GET', `/attachments/${a.id}/content`, customerA);
    expect(down.statusCode).toBe(200);
    expect(down.rawPayload.equals(content)).toBe(true);
    expect(down.headers).toMatchObject({ 'content-type': mediaType, etag: `"${sha256(content)}"`, 'content-length': String(content.length) });
    expect(down.headers['content-disposition']).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
  });

  testWithQif('the NIST CTC 01 PMI model is QIF 3', async () => {
    const content = readFileSync(join(QIF_SAMPLES, 'nist_ctc_01_asme1_ap242.qif'));
    const res = await upload(t, customerA, jobId, form({ category: 'pmi' }, { name: 'nist_ctc_01_asme1_ap242.qif', content, type: 'application/xml' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ format: 'qif', confidential: true, declaredMediaType: 'application/xml', formatDetails: { version: '3.0.0', major: 3, namespace: 'http://qifstandards.org/xsd/qif3' } });
  });

  test('an unknown type is refused with the accepted types listed, and nothing is kept', async () => {
    const before = (await api('GET', `/jobs/${jobId}/attachments`, customerA)).json().items.length;
    const storedBefore = folder.stored().length;
    const res = await upload(t, customerA, jobId, drawing(Buffer.from('PK\x03\x04 a zip archive', 'latin1'), 'drawing.pdf'));
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'LIMS_ATTACHMENT_TYPE_UNSUPPORTED' });
    expect(res.json().detail).toMatch(/read from the content, not the name\). Accepted: STEP .*QIF .*PDF, PNG, JPEG, TIFF, GIF and DXF/);
    expect((await api('GET', `/jobs/${jobId}/attachments`, customerA)).json().items).toHaveLength(before);
    expect(folder.stored()).toHaveLength(storedBefore);
    expect(folder.staging()).toEqual([]);
  });

  test('a name that says another type is a warning; the content decides', async () => {
    const res = await upload(t, customerA, jobId, drawing(stepFile('AUTOMOTIVE_DESIGN'), 'bracket.pdf'));
    expect(res.json()).toMatchObject({ format: 'step', mediaType: 'model/step', fileName: 'bracket.pdf' });
    expect(res.json().warnings).toEqual([expect.stringMatching(/bracket.pdf suggests PDF, but the content is STEP/)]);
  });
});

test('the same bytes twice are stored once, under two attachments', async () => {
  const [one, two] = [await newJob(customerA), await newJob(customerA)];
  const content = pdf('dedup 40-123 rev. D');
  const first = (await upload(t, customerA, one, drawing(content))).json();
  const second = (await upload(t, customerA, two, drawing(content, 'same-drawing.pdf'))).json();
  expect(second.id).not.toBe(first.id);
  expect([first.sha256, second.sha256]).toEqual([sha256(content), sha256(content)]);
  expect(folder.stored().filter((f) => f === sha256(content))).toHaveLength(1);
  expect((await api('GET', `/attachments/${second.id}/content`, customerA)).rawPayload.equals(content)).toBe(true);
});

describe('confidential files and the NDA', () => {
  test('a confidential upload needs an NDA in force covering the category', async () => {
    const jobId = await newJob(customerC);
    const model = (confidential: string) => form({ category: 'cad_model', confidential }, { name: 'housing.stp', content: stepFile('CONFIG_CONTROL_DESIGN') });
    const refused = await upload(t, customerC, jobId, model('true'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'LIMS_NDA_REQUIRED' });
    expect(refused.json().detail).toMatch(/covering cad_models/);
    expect((await upload(t, customerC, jobId, model('false'))).statusCode).toBe(201);
    // Confidential is the default; the drawing is covered.
    expect((await upload(t, customerC, jobId, drawing(pdf('C drawing')))).json()).toMatchObject({ confidential: true });
  });

  test('every download of a confidential file is audited; a customer needs the NDA still in force, staff do not', async () => {
    const jobId = await newJob(customerC);
    const secret = (await upload(t, customerC, jobId, drawing(pdf('C secret drawing')))).json();
    const open = (await upload(t, customerC, jobId, drawing(pdf('C public drawing'), 'public.pdf', { confidential: 'false' }))).json();
    expect((await api('GET', `/attachments/${secret.id}/content`, customerC)).statusCode).toBe(200);
    expect((await api('GET', `/attachments/${secret.id}/content`, technician)).statusCode).toBe(200);
    expect((await api('GET', `/attachments/${open.id}/content`, customerC)).statusCode).toBe(200);
    expect(await auditOf(secret.id)).toEqual(['attachment.download', 'attachment.download', 'attachment.upload']);
    expect(await auditOf(open.id)).toEqual(['attachment.upload']);

    // The company's NDA ends.
    for (const nda of (await t.request({ method: 'GET', url: `/api/v1/ndas?companyId=${coC}` })).json().items) {
      if (nda.status === 'active') expect((await t.request({ method: 'POST', url: `/api/v1/ndas/${nda.id}/terminate`, payload: { reason: 'Sopimus päättyi.' } })).statusCode).toBe(200);
    }
    const refused = await api('GET', `/attachments/${secret.id}/content`, customerC);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/released to the company only under an NDA in force/);
    expect((await api('GET', `/attachments/${open.id}/content`, customerC)).statusCode).toBe(200);
    expect((await api('GET', `/attachments/${secret.id}/content`, auditor)).statusCode).toBe(200);
    expect(await auditOf(secret.id)).toHaveLength(4);
  });
});

test("customers see only their own company's files: another company's ids are 404", async () => {
  const jobId = await newJob(customerA);
  const a = (await upload(t, customerA, jobId, drawing(pdf('A only')))).json();
  for (const [method, url] of [['GET', `/jobs/${jobId}/attachments`], ['GET', `/attachments/${a.id}`], ['GET', `/attachments/${a.id}/content`], ['DELETE', `/attachments/${a.id}`]] as const) {
    const res = await api(method, url, customerB);
    expect({ url, method, status: res.statusCode, code: res.json().code }).toEqual({ url, method, status: 404, code: 'LIMS_NOT_FOUND' });
  }
  expect((await upload(t, customerB, jobId, drawing(pdf('B into A')))).statusCode).toBe(404);
  expect((await api('GET', `/attachments/${a.id}`, customerA)).json()).toMatchObject({ id: a.id, uploadedBy: null });
  expect((await api('GET', `/attachments/${a.id}`, qm)).json()).toMatchObject({ id: a.id, uploadedBy: customerA.id });
  expect((await upload(t, auditor, jobId, drawing(pdf('auditor')))).statusCode).toBe(403);
});

describe('delete while submitted, supersede afterwards', () => {
  test('a file of a submitted job can be deleted', async () => {
    const jobId = await newJob(customerA);
    const a = (await upload(t, customerA, jobId, drawing(pdf('wrong drawing')))).json();
    expect((await api('DELETE', `/attachments/${a.id}`, customerA)).statusCode).toBe(204);
    expect((await api('GET', `/attachments/${a.id}`, customerA)).statusCode).toBe(404);
    expect(await auditOf(a.id)).toEqual(['attachment.delete', 'attachment.upload']);
    expect((await api('DELETE', `/attachments/${a.id}`, technician)).statusCode).toBe(403);
  });

  test('after acceptance files are kept; a new revision supersedes the old one', async () => {
    const jobId = await newJob(customerA);
    const rev1 = (await upload(t, customerA, jobId, drawing(pdf('rev A')))).json();
    expect((await accept(jobId)).statusCode).toBe(200);

    const refused = await api('DELETE', `/attachments/${rev1.id}`, customerA);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'LIMS_ATTACHMENT_RETAINED' });
    expect(refused.json().detail).toMatch(new RegExp(`new revision with the form field supersedes = ${rev1.id}`));
    // The database refuses it too.
    await expect(t.database.db.execute(sql`delete from attachments where id = ${rev1.id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`update attachments set file_name = 'x' where id = ${rev1.id}`)).rejects.toThrow();

    const newFile = await upload(t, customerA, jobId, drawing(pdf('another file')));
    expect(newFile.json()).toMatchObject({ code: 'LIMS_ATTACHMENT_JOB_ACCEPTED' });
    const rev2 = await upload(t, customerA, jobId, drawing(pdf('rev B'), 'drawing-b.pdf', { supersedes: rev1.id, description: 'Hole 3 moved' }));
    expect(rev2.statusCode).toBe(201);
    expect(rev2.json()).toMatchObject({ revision: 2, supersedesId: rev1.id, current: true, description: 'Hole 3 moved' });
    const list = (await api('GET', `/jobs/${jobId}/attachments`, customerA)).json().items;
    expect(list.map((a: { id: string; current: boolean; supersededById: string | null }) => [a.id, a.current, a.supersededById])).toEqual([
      [rev1.id, false, rev2.json().id],
      [rev2.json().id, true, null],
    ]);
    expect(await auditOf(rev1.id)).toEqual(['attachment.supersede', 'attachment.upload']);

    const twice = await upload(t, customerA, jobId, drawing(pdf('rev B2'), 'b2.pdf', { supersedes: rev1.id }));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toMatch(new RegExp(`supersede the current revision ${rev2.json().id}`));
    const otherJob = await newJob(customerA);
    expect((await upload(t, customerA, otherJob, drawing(pdf('x'), 'x.pdf', { supersedes: rev1.id }))).json()).toMatchObject({ code: 'LIMS_ATTACHMENT_SUPERSEDES_INVALID' });
    // The lab adds files after acceptance.
    expect((await upload(t, technician, jobId, form({ category: 'other', confidential: 'false' }, { name: 'setup.png', content: pngFile(10, 10) }))).statusCode).toBe(201);
  });

  test('a finished job takes no files', async () => {
    const jobId = await newJob(customerA);
    await api('POST', `/jobs/${jobId}/cancel`, customerA, { reason: 'Ordered twice' });
    expect((await upload(t, qm, jobId, drawing(pdf('late')))).json()).toMatchObject({ code: 'LIMS_ATTACHMENT_JOB_CLOSED' });
  });
});

describe('the upload form', () => {
  let jobId: string;
  beforeAll(async () => {
    jobId = await newJob(customerA);
  });

  test.each([
    ['a field after the file', form({ category: 'drawing' }, { name: 'a.pdf', content: pdf('a') }, { description: 'late' }), /came after the file/],
    ['no file', form({ category: 'drawing' }), /no file part/],
    ['a file part named otherwise', form({ category: 'drawing' }, { name: 'a.pdf', content: pdf('a'), field: 'upload' }), /must be named "file"/],
    ['a field twice', form([['category', 'drawing'], ['category', 'pmi']], { name: 'a.pdf', content: pdf('a') }), /appears twice/],
  ])('%s is refused, saying how to send the form', async (_name, payload, message) => {
    const res = await upload(t, customerA, jobId, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('LIMS_ATTACHMENT_FORM_INVALID');
    expect(res.json().detail).toMatch(message);
    expect(res.json().detail).toMatch(/text fields .* first, then the file as the last part/);
  });

  test('fields are validated against the schema before the file is read, naming each bad field', async () => {
    const res = await upload(t, customerA, jobId, form({ category: 'blueprint', confidential: 'maybe', colour: 'blue' }, { name: 'a.pdf', content: pdf('a') }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['/body/category', '/body/colour', '/body/confidential']);
  });

  test('a JSON body is 415', async () => {
    const res = await t.request({ method: 'POST', url: `/api/v1/jobs/${jobId}/attachments`, payload: { category: 'drawing' }, token: customerA.token });
    expect(res.statusCode).toBe(415);
    expect(res.json().detail).toMatch(/multipart\/form-data/);
  });

  test('an Idempotency-Key replays the first upload; the same key with other content is refused', async () => {
    const content = pdf('idempotent upload');
    const key = { 'idempotency-key': 'attach-1' };
    const first = await upload(t, customerA, jobId, drawing(content), key);
    const again = await upload(t, customerA, jobId, drawing(content), key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    expect((await upload(t, customerA, jobId, drawing(pdf('other content')), key)).json().code).toBe('LIMS_IDEMPOTENCY_KEY_REUSED');
    // A retried supersede replays its answer instead of being refused as superseding twice.
    const rev2 = drawing(pdf('idempotent rev 2'), 'r2.pdf', { supersedes: first.json().id });
    const superseded = await upload(t, customerA, jobId, rev2, { 'idempotency-key': 'attach-2' });
    const retried = await upload(t, customerA, jobId, rev2, { 'idempotency-key': 'attach-2' });
    expect([superseded.statusCode, retried.statusCode, retried.json().id]).toEqual([201, 201, superseded.json().id]);
    const items = (await api('GET', `/jobs/${jobId}/attachments`, customerA)).json().items;
    expect(items.filter((a: { sha256: string }) => a.sha256 === sha256(content))).toHaveLength(1);
  });
});

test('the OpenAPI document describes the multipart upload and the binary download', async () => {
  const doc = (await t.request({ method: 'GET', url: '/openapi.json', token: null })).json();
  const post = doc.paths['/api/v1/jobs/{jobId}/attachments'].post;
  expect(post.requestBody.content['multipart/form-data'].schema.properties.file).toMatchObject({ type: 'string', format: 'binary' });
  expect(post.description).toMatch(/Roles: customer/);
  expect(doc.paths['/api/v1/attachments/{id}/content'].get.responses['200'].content['application/octet-stream'].schema).toEqual({ type: 'string', format: 'binary' });
});
