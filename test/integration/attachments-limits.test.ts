import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { FileBlobStore, sweepOrphans } from '../../src/modules/attachments/index.js';
import { activeAgreement, createCustomer } from '../harness/commercial.js';
import { BRACKET, FORM_TYPE, attachmentsFolder, form, sha256, streamedForm, upload } from '../harness/attachments.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

/** Size limit, failed uploads, the orphan sweep, and memory that stays flat however large the file. */

const LIMIT = 64 * 1024;
const pdfHead = Buffer.from('%PDF-1.7\n% generated filler follows\n');

async function customerWithJob(t: TestApp): Promise<{ customer: TestUser; jobId: string }> {
  const companyId = await createCustomer(t, { name: 'Rajoitettu Oy' });
  await activeAgreement(t, companyId);
  const customer = await createUser(t, 'customer', { companyId });
  const job = await t.request({ method: 'POST', url: '/api/v1/jobs', token: customer.token, payload: { kind: 'product_quality_control', items: [BRACKET] } });
  return { customer, jobId: job.json().id };
}

describe(`with ATTACHMENT_MAX_BYTES=${LIMIT}`, () => {
  let t: TestApp;
  const folder = attachmentsFolder();
  let customer: TestUser;
  let jobId: string;
  const rows = async () => (await t.request({ method: 'GET', url: `/api/v1/jobs/${jobId}/attachments`, token: customer.token })).json().items;

  beforeAll(async () => {
    t = await createTestApp({ env: { ATTACHMENTS_DIR: folder.dir, ATTACHMENT_MAX_BYTES: String(LIMIT) } });
    ({ customer, jobId } = await customerWithJob(t));
  });
  afterAll(async () => {
    await t.close();
    folder.remove();
  });

  test('a file of exactly the limit is taken; one byte more is 413 and leaves no row and no file', async () => {
    const exact = Buffer.concat([pdfHead, Buffer.alloc(LIMIT - pdfHead.length, 0x20)]);
    expect((await upload(t, customer, jobId, form({ category: 'drawing' }, { name: 'exact.pdf', content: exact }))).statusCode).toBe(201);
    const over = Buffer.concat([exact, Buffer.from(' ')]);
    const res = await upload(t, customer, jobId, form({ category: 'drawing' }, { name: 'over.pdf', content: over }));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'LIMS_ATTACHMENT_TOO_LARGE', details: { maxBytes: LIMIT } });
    expect(res.json().detail).toMatch(/larger than 65536 bytes/);
    expect((await rows()).map((a: { fileName: string }) => a.fileName)).toEqual(['exact.pdf']);
    expect(folder.stored()).toEqual([sha256(exact)]);
    expect(folder.staging()).toEqual([]);
  });

  test('a request announcing far more than the limit is refused before it is read', async () => {
    const body = streamedForm({ category: 'drawing' }, 'huge.pdf', pdfHead, LIMIT + 2 * 1024 * 1024);
    const res = await upload(t, customer, jobId, body, { 'content-length': String(LIMIT + 2 * 1024 * 1024 + 400) });
    expect(res.statusCode).toBe(413);
    expect(folder.staging()).toEqual([]);
  });

  test('an upload cut off in the middle of the file stores nothing', async () => {
    const whole = form({ category: 'drawing' }, { name: 'cut.pdf', content: Buffer.concat([pdfHead, Buffer.alloc(20_000, 0x41)]) });
    const res = await upload(t, customer, jobId, whole.subarray(0, 10_000));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'LIMS_ATTACHMENT_FORM_INVALID' });
    expect(res.json().detail).toMatch(/ended before the file was complete; nothing was stored/);
    expect((await rows()).map((a: { fileName: string }) => a.fileName)).toEqual(['exact.pdf']);
    expect(folder.staging()).toEqual([]);
  });

  test('a form that stops right after the file, without its closing boundary, stores nothing', async () => {
    const before = await rows();
    const whole = form({ category: 'drawing' }, { name: 'unclosed.pdf', content: Buffer.concat([pdfHead, Buffer.alloc(5_000, 0x42)]) });
    const closing = whole.lastIndexOf('--\r\n'); // `...file\r\n--<boundary>--\r\n`
    const unclosed = [
      whole.subarray(0, closing), // the delimiter without the `--` that closes the form
      Buffer.concat([whole.subarray(0, closing), Buffer.from('\r\n')]), // a next part announced, then nothing
    ];
    for (const body of unclosed) {
      const res = await upload(t, customer, jobId, body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'LIMS_ATTACHMENT_FORM_INVALID', detail: expect.stringMatching(/nothing was stored/) });
    }
    expect(await rows()).toEqual(before);
    expect(folder.staging()).toEqual([]);
  });

  test('a client that fails while sending leaves no row and no file', async () => {
    const head = form({ category: 'drawing' }, { name: 'broken.pdf', content: pdfHead }).subarray(0, -40);
    const failing = new Readable({
      read() {
        this.push(head);
        this.destroy(new Error('connection reset by peer'));
      },
    });
    await upload(t, customer, jobId, failing).catch(() => undefined);
    expect((await rows()).map((a: { fileName: string }) => a.fileName)).toEqual(['exact.pdf']);
    expect(folder.staging()).toEqual([]);
  });

  test('the sweep removes content no row names and stale staging copies, and keeps the rest', async () => {
    const content = Buffer.concat([pdfHead, Buffer.from('to be deleted')]);
    const doomed = (await upload(t, customer, jobId, form({ category: 'drawing' }, { name: 'doomed.pdf', content }))).json();
    expect((await t.request({ method: 'DELETE', url: `/api/v1/attachments/${doomed.id}`, token: customer.token })).statusCode).toBe(204);
    expect(folder.stored()).toContain(sha256(content));
    const store = new FileBlobStore(folder.dir);
    // A copy a crashed upload left behind.
    const leftover = await store.stage(Readable.from([Buffer.from('half an upload')]), { maxBytes: LIMIT, headBytes: 16 });
    expect(folder.staging()).toEqual([leftover.key]);

    // Within the grace period nothing goes: an upload may be on its way.
    expect(await sweepOrphans(t.database.db, store)).toEqual({ staging: 0, content: 0 });
    const later = new Date(Date.now() + 7 * 3600_000);
    expect(await sweepOrphans(t.database.db, store, later)).toEqual({ staging: 1, content: 1 });
    expect(folder.stored()).toEqual((await rows()).map((a: { sha256: string }) => a.sha256));
    expect(folder.staging()).toEqual([]);
  });

  test('content whose file is missing from the store is a clear 500, and no download is audited', async () => {
    const content = Buffer.concat([pdfHead, Buffer.from('lost')]);
    const a = (await upload(t, customer, jobId, form({ category: 'drawing' }, { name: 'lost.pdf', content }))).json();
    await new FileBlobStore(folder.dir).remove(a.sha256);
    const res = await t.request({ method: 'GET', url: `/api/v1/attachments/${a.id}/content`, token: customer.token });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'LIMS_ATTACHMENT_CONTENT_MISSING' });
    const events = await t.database.db.execute(sql`select action from audit_events where entity_id = ${a.id}`);
    expect((events as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual(['attachment.upload']);
  });
});

describe('memory while a large file streams in', () => {
  let t: TestApp;
  const folder = attachmentsFolder();
  afterAll(async () => {
    await t?.close();
    folder.remove();
  });

  test('200 MB generated on the fly go through the upload with heap and buffers growing far less than the file', async () => {
    t = await createTestApp({ env: { ATTACHMENTS_DIR: folder.dir } });
    const { customer, jobId } = await customerWithJob(t);
    const size = 200 * 1024 * 1024;
    const used = () => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const baseline = used();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, used())), 5);
    try {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/jobs/${jobId}/attachments`,
        token: customer.token,
        headers: { 'content-type': FORM_TYPE },
        payload: streamedForm({ category: 'drawing', confidential: 'false' }, 'big-scan.pdf', pdfHead, size),
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ sizeBytes: size, format: 'pdf' });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, used());
    expect(peak - baseline).toBeLessThan(size / 3);
  }, 120_000);
});
