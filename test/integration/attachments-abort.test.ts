import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { activeAgreement, createCustomer } from '../harness/commercial.js';
import { BOUNDARY, BRACKET, FORM_TYPE, attachmentsFolder } from '../harness/attachments.js';
import { createTestApp, createUser, type TestApp } from '../harness/test-app.js';

/**
 * Staging copies do not outlive their upload: a client that disconnects mid-file leaves nothing
 * behind, and copies left by a process that stopped mid-upload (killed at the end of its shutdown
 * grace) are removed when the service starts, not six hours later by the sweep.
 */
const folder = attachmentsFolder();
let t: TestApp;

beforeAll(async () => {
  // A copy left by a process that stopped mid-upload an hour ago.
  mkdirSync(join(folder.dir, 'staging'), { recursive: true });
  const left = join(folder.dir, 'staging', '00000000-0000-4000-8000-000000000000');
  writeFileSync(left, Buffer.alloc(1024));
  const anHourAgo = new Date(Date.now() - 3600_000);
  utimesSync(left, anHourAgo, anHourAgo);
  t = await createTestApp({ env: { ATTACHMENTS_DIR: folder.dir } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t.close();
  folder.remove();
});

/** Waits (without a deadline of its own: the test's timeout is the limit) until `check` holds. */
async function eventually(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((r) => setTimeout(r, 25));
}

test('staging copies left by an earlier process are removed at start', async () => {
  await eventually(() => folder.staging().length === 0);
  expect(existsSync(join(folder.dir, 'staging', '00000000-0000-4000-8000-000000000000'))).toBe(false);
});

test('an upload whose client disconnects mid-file leaves no staging copy and no row', async () => {
  const companyId = await createCustomer(t, { name: 'Katkeava Oy' });
  await activeAgreement(t, companyId);
  const customer = await createUser(t, 'customer', { companyId });
  const jobId = (await t.request({ method: 'POST', url: '/api/v1/jobs', token: customer.token, payload: { kind: 'product_quality_control', items: [BRACKET] } })).json().id;

  const port = (t.app.server.address() as { port: number }).port;
  const head =
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="category"\r\n\r\ndrawing\r\n` +
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`;
  const socket = connect(port, '127.0.0.1');
  socket.write(
    `POST /api/v1/jobs/${jobId}/attachments HTTP/1.1\r\nHost: lims\r\nAuthorization: Bearer ${customer.token}\r\n` +
      `Content-Type: ${FORM_TYPE}\r\nContent-Length: ${10 * 1024 * 1024}\r\n\r\n${head}`,
  );
  socket.write(Buffer.alloc(256 * 1024, 0x41));
  // The file has begun to arrive: its staging copy exists.
  await eventually(() => folder.staging().length === 1);
  socket.destroy();

  await eventually(() => folder.staging().length === 0);
  const rows = await t.request({ method: 'GET', url: `/api/v1/jobs/${jobId}/attachments`, token: customer.token });
  expect(rows.json().items).toEqual([]);
  expect(folder.stored()).toEqual([]);
});
