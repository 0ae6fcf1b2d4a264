import { activeAgreement, createCustomer, thisYear } from '../harness/commercial.js';
import { authorize, calibratedEquipment, measuringJob, releasedMethod } from '../harness/lab.js';
import { largeQif } from '../harness/large-files.js';
import { validQif } from '../harness/qif-fixtures.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

/**
 * Hostile or broken files at both imports that read XML (a piece's characteristics from QIF, results
 * from QIF Results) and at the CSV import: each is a 4xx problem document with a stable code that
 * names the limit, never a 500, and nothing is written.
 */

let t: TestApp;
let customer: TestUser;
let tech: TestUser;
let qm: TestUser;
let versionId: string;

const ROOT = '<QIFDocument xmlns="http://qifstandards.org/xsd/qif3" versionQIF="3.0.0">';
const qif = (inner: string, prolog = '') => `<?xml version="1.0" encoding="UTF-8"?>${prolog}${ROOT}${inner}</QIFDocument>`;
const LAUGHS = '<!DOCTYPE QIFDocument [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>';

/** The XML files, with the code and the limit (if any) each must be refused with. */
const hostileXml: [string, string, { code: string; limit?: string }][] = [
  ['entity expansion (billion laughs)', qif('<QPId>&d;&d;&d;&d;&d;&d;&d;&d;</QPId>', LAUGHS), { code: 'LIMS_QIF_DTD_REFUSED' }],
  ['an external entity', qif('<QPId>&x;</QPId>', '<!DOCTYPE QIFDocument [<!ENTITY x SYSTEM "file:///etc/passwd">]>'), { code: 'LIMS_QIF_DTD_REFUSED' }],
  ['an entity declared inside the document', qif('<!DOCTYPE x [<!ENTITY y "z">]><QPId>&y;</QPId>'), { code: 'LIMS_QIF_DTD_REFUSED' }],
  ['100,000 nested elements', qif(`${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`), { code: 'LIMS_IMPORT_LIMIT_EXCEEDED', limit: 'xmlDepth' }],
  ['an attribute of 20,000 characters', qif(`<QPId note="${'x'.repeat(20_000)}">1</QPId>`), { code: 'LIMS_IMPORT_LIMIT_EXCEEDED', limit: 'xmlAttributeLength' }],
  ['a text of 1,000,001 characters', qif(`<QPId>${'x'.repeat(1_000_001)}</QPId>`), { code: 'LIMS_IMPORT_LIMIT_EXCEEDED', limit: 'xmlTextLength' }],
];

beforeAll(async () => {
  t = await createTestApp({ env: { IMPORT_LIMIT_BYTES: String(4 * 1024 * 1024) } });
  qm = await createUser(t, 'quality_manager');
  tech = await createUser(t, 'technician');
  const company = await createCustomer(t, { name: 'Raja Oy' });
  customer = await createUser(t, 'customer', { companyId: company });
  await activeAgreement(t, company);
  await calibratedEquipment(t, qm, 'KTK-CMM-001', `${thisYear() - 1}-01-10`, 36);
  const method = await releasedMethod(t, qm, 'KTK-M-012');
  versionId = method.versionId;
  await authorize(t, qm, tech, method.methodId, ['measure']);
});
afterAll(() => t.close());

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json: () => Record<string, unknown> }, status: number, expected: { code: string; limit?: string }) => {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as { code: string; details?: { limit?: string; max?: number } };
  expect({ status: res.statusCode, code: body.code, limit: body.details?.limit }).toEqual({ status, code: expected.code, limit: expected.limit });
  if (expected.limit) expect(body.details?.max).toEqual(expect.any(Number));
};

async function submittedItem(): Promise<{ jobId: string; itemId: string }> {
  const res = await t.request({ method: 'POST', url: '/api/v1/jobs', payload: { kind: 'product_quality_control', items: [{ description: 'Cover 12-004' }] }, token: customer.token });
  return { jobId: res.json().id, itemId: res.json().items[0].id };
}

describe("a piece's characteristics from QIF", () => {
  test.each(hostileXml)('%s is refused with a 422 naming it, and nothing is written', async (_name, xml, expected) => {
    const { jobId, itemId } = await submittedItem();
    const res = await t.request({ method: 'POST', url: `/api/v1/jobs/${jobId}/items/${itemId}/characteristics/qif`, payload: xml, headers: { 'content-type': 'application/xml' }, token: customer.token });
    expectProblem(res, 422, expected);
    const job = await t.request({ method: 'GET', url: `/api/v1/jobs/${jobId}`, token: customer.token });
    expect(job.json().items[0].characteristics).toEqual([]);
  });

  test('a file that takes longer to read than IMPORT_TIME_LIMIT_MS is refused naming the time limit', async () => {
    const slow = await createTestApp({ env: { IMPORT_TIME_LIMIT_MS: '100', IMPORT_LIMIT_BYTES: String(8 * 1024 * 1024) } });
    try {
      const company = await createCustomer(slow, { name: 'Hidas Oy' });
      const owner = await createUser(slow, 'customer', { companyId: company });
      await activeAgreement(slow, company);
      const job = (await slow.request({ method: 'POST', url: '/api/v1/jobs', payload: { kind: 'product_quality_control', items: [{ description: 'Frame' }] }, token: owner.token })).json();
      const url = `/api/v1/jobs/${job.id}/items/${job.items[0].id}/characteristics/qif`;
      // Megabytes of XML cannot be read in 100 ms, whatever the machine.
      const res = await slow.request({ method: 'POST', url, payload: largeQif(6 * 1024 * 1024), headers: { 'content-type': 'application/xml' }, token: owner.token });
      expectProblem(res, 422, { code: 'LIMS_IMPORT_LIMIT_EXCEEDED', limit: 'time' });
      expect(res.json().details.max).toBe(100);
    } finally {
      await slow.close();
    }
  });
});

describe('results from QIF Results and CSV', () => {
  const importFile = (jobId: string, body: string, type: string) =>
    t.request({ method: 'POST', url: `/api/v1/jobs/${jobId}/results/import?dryRun=true`, payload: body, headers: { 'content-type': type }, token: tech.token });

  test.each(hostileXml)('QIF: %s is refused with a 422 naming it', async (_name, xml, expected) => {
    const job = await measuringJob(t, customer, qm, tech);
    expectProblem(await importFile(job.jobId, xml, 'application/xml'), 422, expected);
  });

  test('CSV: a header of 200,000 columns is refused naming the column limit (it overflowed the stack)', async () => {
    const job = await measuringJob(t, customer, qm, tech);
    const header = Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(',');
    const res = await importFile(job.jobId, `${header}\r\n`, 'text/csv');
    expectProblem(res, 422, { code: 'LIMS_IMPORT_LIMIT_EXCEEDED', limit: 'csvColumns' });
    expect(res.json().details).toMatchObject({ max: 1000, line: 1 });
  });

  test('CSV: a line of over 65,536 characters is refused naming the line length limit and the line', async () => {
    const job = await measuringJob(t, customer, qm, tech);
    const head = 'item;characteristic;value;unit;measured_at;equipment;method_version;remarks';
    const good = ['1', '1', '25,011', 'mm', new Date().toISOString(), 'KTK-CMM-001', versionId, 'ok'].join(';');
    const res = await importFile(job.jobId, `${head}\r\n${good}\r\n${good.replace(';ok', `;"${'x'.repeat(70_000)}"`)}\r\n`, 'text/csv');
    expectProblem(res, 422, { code: 'LIMS_IMPORT_LIMIT_EXCEEDED', limit: 'csvLineLength' });
    expect(res.json().details).toMatchObject({ max: 65_536, line: 3 });
  });

  test('a file within the limits is still read, its predefined XML entities decoded', async () => {
    const { jobId, itemId } = await submittedItem();
    const withEntities = validQif.part.replace('<Name>Bore</Name>', '<Name>Bore &amp; chamfer</Name>');
    const res = await t.request({ method: 'POST', url: `/api/v1/jobs/${jobId}/items/${itemId}/characteristics/qif`, payload: withEntities, headers: { 'content-type': 'application/xml' }, token: customer.token });
    expect(res.statusCode).toBe(201);
    expect(res.json().characteristics[0].notes).toBe('QIF name Bore & chamfer');
  });
});
