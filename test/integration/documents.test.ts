import { sql } from 'drizzle-orm';
import { dccSchemaErrors } from '../harness/dcc.js';
import { pdfText } from '../harness/pdf-text.js';
import { call, documentLab, releasedJob, SIGNER_PASSWORD, type DocumentLab } from '../harness/documents.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

let t: TestApp;
let lab: DocumentLab;
let other: TestUser;

beforeAll(async () => {
  t = await createTestApp({ env: { ACCREDITATION_NUMBER: 'K123' } });
  lab = await documentLab(t);
  other = (await documentLab(t, { code: 'KTK-K-002', customerName: 'Toinen Oy' })).customer;
});
afterAll(() => t.close());

const post = (url: string, user: TestUser, payload: object = {}) => t.request({ method: 'POST', url: `/api/v1${url}`, token: user.token, payload });
const get = (url: string, user: TestUser) => t.request({ method: 'GET', url: `/api/v1${url}`, token: user.token });
const issue = (id: string, user = lab.qm, password = SIGNER_PASSWORD) => post(`/documents/${id}/issue`, user, { password, meaning: 'Hyväksytty julkaistavaksi / Approved for issue' });
const pdfOf = async (id: string, language: string, user = lab.qm) => {
  const res = await get(`/documents/${id}/pdf?language=${language}`, user);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return res.rawPayload;
};

describe('calibration certificate, end to end', () => {
  let jobId: string;
  let documentId: string;
  let number: string;

  test('a draft is made only from released results, in Finnish with the companion asked for', async () => {
    ({ jobId } = await releasedJob(t, lab, 'instrument'));
    const res = await post(`/jobs/${jobId}/documents`, lab.qm, { type: 'calibration_certificate', companions: ['en'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ jobId, type: 'calibration_certificate', state: 'draft', number: null, languages: ['fi', 'en'] });
    documentId = res.json().id;
  });

  test('the draft preview is watermarked and unnumbered', async () => {
    const { text } = await pdfText(await pdfOf(documentId, 'fi'));
    expect(text).toContain('LUONNOS / DRAFT');
    expect(text).toContain('Kalibrointitodistus');
    expect(text).not.toMatch(/K-\d{4}-\d{4}/);
  });

  test('signing needs the right password and a quality manager authorized to issue', async () => {
    expect((await issue(documentId, lab.qm, 'wrong password!')).json().code).toBe('LIMS_SIGNATURE_WRONG_PASSWORD');
    const noPassword = await createUser(t, 'quality_manager');
    const res = await issue(documentId, noPassword);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('LIMS_SIGNATURE_NO_PASSWORD');
    const unauthorized = await createUser(t, 'quality_manager', { password: SIGNER_PASSWORD });
    expect((await issue(documentId, unauthorized)).json().code).toBe('LIMS_SIGNATURE_NOT_AUTHORIZED');
    expect((await issue(documentId, lab.tech)).statusCode).toBe(403);
    expect((await get(`/documents/${documentId}`, lab.qm)).json().state).toBe('draft');
  });

  test('issuing numbers it, stores every file with its SHA-256, signs it and reports the job', async () => {
    const res = await issue(documentId);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    number = body.number;
    expect(number).toMatch(/^K-\d{4}-\d{4}$/);
    expect(body).toMatchObject({ state: 'issued', issuedAt: expect.any(String) });
    expect(body.signature).toMatchObject({ name: expect.any(String), function: 'quality_manager', meaning: 'Hyväksytty julkaistavaksi / Approved for issue', authentication: 'password' });
    expect(body.files.map((f: { kind: string; language: string }) => `${f.kind}:${f.language}`).sort()).toEqual(['dcc:fi', 'pdf:en', 'pdf:fi']);
    const bound = (files: { kind: string; language: string; sha256: string }[]) => files.map((f) => `${f.kind}:${f.language}:${f.sha256}`).sort();
    expect(bound(body.signature.files)).toEqual(bound(body.files));
    expect((await get(`/jobs/${jobId}`, lab.qm)).json().status).toBe('reported');
  });

  test('the original and the companion state the same numbers, each in its own language', async () => {
    const fi = (await pdfText(await pdfOf(documentId, 'fi'))).text;
    const en = (await pdfText(await pdfOf(documentId, 'en'))).text;
    const original = (await get(`/documents/${documentId}`, lab.qm)).json().files.find((f: { language: string; kind: string }) => f.kind === 'pdf' && f.language === 'fi');
    expect(fi).toContain(`Nro ${number}`);
    expect(fi).toMatch(/Sivu 1 \/ \d/);
    expect(en).toMatch(/Page 1 of \d/);
    expect(en).toContain(`This is a translation of document No. ${number}`);
    expect(en).toContain(original.sha256);
    // Error of indication at 25 mm: 25.0011 - 25 = +0.0011 mm, with a decimal comma in Finnish.
    expect(fi).toContain('+0,0011');
    expect(en).toContain('+0.0011');
    expect(fi).toContain('VTT MIKES');
    expect(en).toContain('national metrology institute VTT MIKES');
    expect(fi).toContain('FINAS');
    expect(en).toContain('accredited by the FINAS accreditation service');
    expect(fi).toContain('Tulokset koskevat vain kalibroituja');
    expect(en).toContain('guarded acceptance');
    expect(fi).toContain('KTK-K-001');
  });

  test('an issued document cannot be changed, not even in SQL', async () => {
    await expect(t.database.db.execute(sql`UPDATE documents SET number = 'K-1999-0001' WHERE id = ${documentId}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`UPDATE document_files SET sha256 = 'x' WHERE document_id = ${documentId}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM documents WHERE id = ${documentId}`)).rejects.toThrow();
    expect((await issue(documentId)).json().code).toBe('LIMS_DOCUMENT_NOT_DRAFT');
  });

  test('the customer lists and downloads its own issued documents (audited); another company sees nothing', async () => {
    const list = (await get(`/documents?jobId=${jobId}`, lab.customer)).json();
    expect(list.items.map((d: { number: string }) => d.number)).toEqual([number]);
    await pdfOf(documentId, 'en', lab.customer);
    const events = (await get(`/audit/events?entityType=document&entityId=${documentId}`, lab.qm)).json().items;
    expect(events.map((e: { action: string }) => e.action)).toContain('document.download');
    expect((await get(`/documents/${documentId}`, other)).statusCode).toBe(404);
    expect((await get(`/documents?jobId=${jobId}`, other)).json().items).toEqual([]);
  });

  test('the customer reads the result summaries the certificate states', async () => {
    const res = await get(`/jobs/${jobId}/results`, lab.customer);
    expect({ status: res.statusCode, body: res.statusCode === 200 ? null : res.json() }).toEqual({ status: 200, body: null });
    const view = res.json();
    const summaries = view.items[0].results.map((r: { summary: { referenceValue: { value: string }; deviation: { value: string }; uncertainty: { coverageFactor: number } } }) => r.summary);
    const at25 = summaries.find((s: { referenceValue: { value: string } }) => s.referenceValue.value === '25');
    expect(at25.deviation).toEqual({ value: '0.00110', unit: 'mm' });
    expect(at25.uncertainty.coverageFactor).toBeCloseTo(2, 3);
  });

  test('public verification by number and by bytes; a tampered PDF does not match', async () => {
    const res = await t.request({ method: 'GET', url: `/verify/${number}`, token: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ number, type: 'calibration_certificate', status: 'valid', laboratory: expect.any(String) });
    expect(JSON.stringify(res.json())).not.toContain('Äijälä');
    const pdf = await pdfOf(documentId, 'fi');
    const match = await t.request({ method: 'POST', url: '/verify', token: null, headers: { 'content-type': 'application/pdf' }, payload: pdf });
    expect(match.json()).toEqual({ match: true, number, language: 'fi', status: 'valid' });
    const tampered = Buffer.from(pdf);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 100) ^ 1, tampered.length - 100);
    expect((await t.request({ method: 'POST', url: '/verify', token: null, headers: { 'content-type': 'application/pdf' }, payload: tampered })).json()).toEqual({ match: false });
    const unknown = await t.request({ method: 'GET', url: '/verify/K-1999-9999', token: null });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });

  test('the DCC is served as XML and attached to the PDF', async () => {
    const res = await get(`/documents/${documentId}/dcc`, lab.customer);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    expect(res.body).toContain(number);
    expect(await dccSchemaErrors(res.body)).toEqual([]);
    const pdf = (await pdfOf(documentId, 'fi')).toString('latin1');
    expect(pdf).toContain('/AFRelationship');
  });

  test('an amendment replaces it with a reason; the old one becomes superseded', async () => {
    const draft = await post(`/documents/${documentId}/amendments`, lab.qm, { reason: 'Sarjanumero korjattu / serial number corrected' });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ state: 'draft', supersedes: { id: documentId, number } });
    expect((await post(`/documents/${documentId}/amendments`, lab.qm, { reason: 'again' })).json().code).toBe('LIMS_DOCUMENT_AMENDMENT_EXISTS');
    const issued = (await issue(draft.json().id)).json();
    expect(issued.number).not.toBe(number);
    const fi = (await pdfText(await pdfOf(issued.id, 'fi'))).text;
    expect(fi).toContain(`Korvaa asiakirjan ${number}`);
    const old = (await t.request({ method: 'GET', url: `/verify/${number}`, token: null })).json();
    expect(old).toMatchObject({ status: 'superseded', supersededBy: issued.number });

    const revoked = await post(`/documents/${issued.id}/revoke`, lab.qm, { reason: 'Issued in error', password: SIGNER_PASSWORD });
    expect(revoked.json().state).toBe('revoked');
    expect((await t.request({ method: 'GET', url: `/verify/${issued.number}`, token: null })).json().status).toBe('revoked');
  });
});

describe('the other document types', () => {
  const issueType = async (kind: 'product' | 'inspection' | 'reference', type: string, companions: string[]) => {
    const { jobId } = await releasedJob(t, lab, kind);
    const draft = await call(t, 'POST', `/jobs/${jobId}/documents`, lab.qm, { type, companions });
    const issued = await issue(draft.id);
    expect(issued.statusCode).toBe(200);
    const texts: Record<string, string> = {};
    for (const language of ['fi', ...companions]) texts[language] = (await pdfText(await pdfOf(draft.id, language))).text;
    return { issued: issued.json(), texts, jobId };
  };

  test('a measurement report: per characteristic the nominal, tolerance, measured value, U and decision with p_c', async () => {
    const { issued, texts } = await issueType('product', 'measurement_report', ['sv']);
    expect(issued.number).toMatch(/^M-\d{4}-\d{4}$/);
    expect(issued.files.map((f: { kind: string }) => f.kind)).not.toContain('dcc');
    expect(texts.fi).toContain('Mittausraportti');
    expect(texts.sv).toContain('Mätrapport');
    expect(texts.fi).toContain('+0,021/0');
    expect(texts.fi).toMatch(/p_c [<>]? ?\d/);
    // Length 2 (120 ± 0.05 mm) was measured at 120.0615 mm: it does not conform.
    expect(texts.fi).toContain('Hylätty');
    expect(texts.sv).toContain('Sida 1 av');
    expect((await get(`/documents/${issued.id}/dcc`, lab.qm)).json().code).toBe('LIMS_DOCUMENT_NO_DCC');
  });

  test('an inspection report: displayed against measured values, no uncertainty, clearly not a calibration', async () => {
    const { issued, texts } = await issueType('inspection', 'inspection_report', ['et']);
    expect(issued.number).toMatch(/^T-/);
    expect(texts.fi).toContain('Tarkastusraportti');
    expect(texts.fi).toContain('Tämä on tarkastus, ei kalibrointi');
    expect(texts.et).toContain('See on kontroll, mitte kalibreerimine');
    expect(texts.fi).toContain('+0,02 mm');
    expect(texts.fi).not.toContain('Mittausepävarmuus');
    expect(texts.fi).not.toContain('(k =');
  });

  test("a reference-measurement report: the company's and the lab's values side by side with En", async () => {
    const { issued, texts } = await issueType('reference', 'reference_measurement_report', ['en']);
    expect(issued.number).toMatch(/^R-/);
    expect(texts.en).toContain("Comparison of the company's and the laboratory's results");
    expect(texts.en).toContain('D1 (mm)');
    expect(texts.en).toContain('108.005 ± 0.004');
    expect(texts.en).toMatch(/satisfactory/);
    expect(texts.en).toContain('Drift of the machine tool');
  });
});

describe('refusals', () => {
  test('a document needs released results, naming the items that are not', async () => {
    const { measuringJob } = await import('../harness/lab.js');
    const job = await measuringJob(t, lab.customer, lab.qm, lab.tech);
    const res = await post(`/jobs/${job.jobId}/documents`, lab.qm, { type: 'measurement_report' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'LIMS_DOCUMENT_ITEMS_NOT_RELEASED', details: { items: [{ itemId: job.itemId, lineNo: 1 }] } });
    expect((await post(`/jobs/${job.jobId}/documents`, lab.qm, { type: 'calibration_certificate' })).json().code).toBe('LIMS_DOCUMENT_TYPE_MISMATCH');
    expect((await post(`/jobs/${job.jobId}/documents`, lab.qm, { type: 'measurement_report', extra: 1 })).statusCode).toBe(400);
    expect((await post(`/jobs/${job.jobId}/documents`, lab.customer, { type: 'measurement_report' })).statusCode).toBe(403);
  });

  test('customers never see drafts', async () => {
    const { jobId } = await releasedJob(t, lab, 'product');
    const draft = (await call(t, 'POST', `/jobs/${jobId}/documents`, lab.qm, { type: 'measurement_report' })) as { id: string };
    expect((await get(`/documents/${draft.id}`, lab.customer)).statusCode).toBe(404);
    expect((await get(`/documents/${draft.id}/pdf`, lab.customer)).statusCode).toBe(404);
  });
});

describe('numbering', () => {
  test('numbers are gapless per type and year under concurrent issuing', async () => {
    const drafts: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { jobId } = await releasedJob(t, lab, 'product');
      drafts.push((await call(t, 'POST', `/jobs/${jobId}/documents`, lab.qm, { type: 'measurement_report' })).id);
    }
    const answers = await Promise.all(drafts.map((id) => issue(id)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    const numbers = answers.map((a) => Number(a.json().number.split('-')[2])).sort((a, b) => a - b);
    expect(numbers).toEqual([numbers[0], numbers[0]! + 1, numbers[0]! + 2, numbers[0]! + 3]);
    expect(answers.every((a) => a.json().number.startsWith('M-'))).toBe(true);
  });
});
