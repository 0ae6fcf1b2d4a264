import { readFileSync } from 'node:fs';
import { activeAgreement, createCustomer, thisYear } from '../harness/commercial.js';
import { authorize, calibratedEquipment, measuringJob, releasedMethod } from '../harness/lab.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';
import { todayInFinland } from '../../src/shared/finnish-calendar.js';

let t: TestApp;
const calls: string[] = [];

/** Calls `template` with its {placeholders} filled in, and remembers the template for the comparison with the doc. */
async function call(user: TestUser, method: 'GET' | 'POST', template: string, params: Record<string, string>, payload?: object) {
  calls.push(`${method} ${template}`);
  const url = template.replace(/\{(\w+)\}/g, (_, k: string) => params[k]!);
  return t.request({ method, url: `/api/v1${url}`, token: user.token, ...(payload ? { payload } : {}) });
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

test("a technician's day runs exactly as docs/technicians-day.md lists it", async () => {
  const qm = await createUser(t, 'quality_manager');
  const tech = await createUser(t, 'technician');
  const colleague = await createUser(t, 'technician');
  const companyId = await createCustomer(t, { name: 'Akseli Oy' });
  const customer = await createUser(t, 'customer', { companyId });
  await activeAgreement(t, companyId);
  const equipmentId = await calibratedEquipment(t, qm, 'KTK-CMM-001', `${thisYear() - 1}-01-10`, 36);
  const { methodId, versionId } = await releasedMethod(t, qm, 'KTK-M-012');
  await authorize(t, qm, tech, methodId, ['measure']);
  await authorize(t, qm, colleague, methodId, ['measure', 'review']);
  const { jobId } = await measuringJob(t, customer, qm, tech, { start: false });
  const p: Record<string, string> = { jobId, equipmentId, methodId, versionId };

  expect((await call(tech, 'POST', '/jobs/{jobId}/receive', p, { receivedOn: todayInFinland(), condition: 'Clean, no visible damage' })).json().status).toBe('items_received');
  expect((await call(tech, 'POST', '/jobs/{jobId}/start-measurement', p)).json().status).toBe('in_measurement');
  const job = (await call(tech, 'GET', '/jobs/{jobId}', p)).json();
  p.itemId = job.items[0].id;
  const [c1, c2] = job.items[0].characteristics.map((c: { id: string }) => c.id);
  expect((await call(tech, 'GET', '/equipment/{equipmentId}', p)).json().usability.usable).toBe(true);
  expect((await call(tech, 'POST', '/methods/{methodId}/versions/{versionId}/environment-check', p, { temperature: ['20.2'], humidity: ['45'] })).statusCode).toBe(200);

  const body = (characteristicId: string, values: string[]) => ({
    characteristicId,
    methodVersionId: versionId,
    equipmentIds: [equipmentId],
    measuredAt: new Date().toISOString(),
    environment: { temperature: '20.2', humidity: '45' },
    readings: values.map((value) => ({ value, unit: 'mm' })),
  });
  const first = await call(tech, 'POST', '/job-items/{itemId}/results', p, body(c1, ['25.0110', '25.0121']));
  expect(first.statusCode).toBe(201);
  expect((await call(tech, 'POST', '/job-items/{itemId}/results', p, body(c2, ['120.004']))).statusCode).toBe(201);
  p.resultId = first.json().id;
  const fixed = await call(tech, 'POST', '/results/{resultId}/corrections', p, { ...body(c1, ['25.0110', '25.0112']), reason: 'Second repeat typed wrong' });
  expect(fixed.json()).toMatchObject({ correctsId: p.resultId, current: true });
  expect((await call(tech, 'POST', '/jobs/{jobId}/send-to-review', p)).json().status).toBe('results_under_review');

  const released = await call(colleague, 'POST', '/job-items/{itemId}/results/release', p, { remarks: 'Checked against the drawing' });
  expect(released.json().release).toMatchObject({ reviewedBy: colleague.id });
  const seen = (await call(customer, 'GET', '/jobs/{jobId}/results', p)).json();
  expect(seen.items[0].state).toBe('released');
  expect(seen.items[0].results.filter((r: { current: boolean }) => r.current).map((r: { readings: { value: string }[] }) => r.readings.map((x) => x.value))).toEqual([['120.004'], ['25.0110', '25.0112']]);

  const doc = readFileSync(new URL('../../docs/technicians-day.md', import.meta.url), 'utf8');
  const documented = [...doc.matchAll(/^\d+\. `(GET|POST) ([^`]+)`/gm)].map((m) => `${m[1]} ${m[2]}`);
  expect(calls).toEqual(documented);
});
