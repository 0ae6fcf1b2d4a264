import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { LightMyRequestResponse } from 'fastify';
import { WORKER_TASK_CHANNEL, type WorkerTaskEvent } from '../../src/shared/worker-pool.js';
import { activeAgreement, createCustomer, thisYear } from '../harness/commercial.js';
import { authorize, calibratedEquipment, measuringJob, releasedMethod } from '../harness/lab.js';
import { READINGS_PER_RESULT, largeQif, largeResultsCsv, secondOrderGum } from '../harness/large-files.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

/**
 * Large QIF and CSV files and long GUM evaluations are worked on in worker threads, so the service
 * answers other requests meanwhile. Shown by order, not by time: the worker pool reports the task's
 * start (diagnostics channel), and a /health/live asked at that moment is answered before the
 * request that started the task.
 */

let t: TestApp;
let customer: TestUser;
let tech: TestUser;
let qm: TestUser;
let versionId: string;

beforeAll(async () => {
  t = await createTestApp({ env: { IMPORT_LIMIT_BYTES: String(8 * 1024 * 1024) } });
  qm = await createUser(t, 'quality_manager');
  tech = await createUser(t, 'technician');
  const company = await createCustomer(t, { name: 'Silmukka Oy' });
  customer = await createUser(t, 'customer', { companyId: company });
  await activeAgreement(t, company);
  await calibratedEquipment(t, qm, 'KTK-CMM-001', `${thisYear() - 1}-01-10`, 36);
  const method = await releasedMethod(t, qm, 'KTK-M-012');
  versionId = method.versionId;
  await authorize(t, qm, tech, method.methodId, ['measure']);
});
afterAll(() => t.close());

interface Observed {
  response: LightMyRequestResponse;
  live: LightMyRequestResponse | undefined;
  order: string[];
  events: Pick<WorkerTaskEvent, 'task' | 'phase' | 'outcome'>[];
}

/** Sends `work` and, when the worker pool `pool` starts its task, asks /health/live; what finished first, and the pool's events. */
async function whileInWorker(pool: string, work: () => Promise<LightMyRequestResponse>): Promise<Observed> {
  const order: string[] = [];
  const events: Observed['events'] = [];
  let live: Promise<LightMyRequestResponse> | undefined;
  const listen = (message: unknown) => {
    const event = message as WorkerTaskEvent;
    if (event.pool !== pool) return;
    events.push({ task: event.task, phase: event.phase, outcome: event.outcome });
    if (event.phase === 'start' && !live) {
      live = t.request({ method: 'GET', url: '/health/live', token: null }).then((res) => {
        order.push('health');
        return res;
      });
    }
  };
  subscribe(WORKER_TASK_CHANNEL, listen);
  try {
    const response = await work();
    order.push('request');
    return { response, live: await live, order, events };
  } finally {
    unsubscribe(WORKER_TASK_CHANNEL, listen);
  }
}

test('a QIF model of megabytes is read in a worker: /health/live is answered while it is read', async () => {
  const job = await t.request({ method: 'POST', url: '/api/v1/jobs', payload: { kind: 'product_quality_control', items: [{ description: 'Housing 70-002' }] }, token: customer.token });
  const { id, items } = job.json();
  const xml = largeQif(4 * 1024 * 1024);
  const seen = await whileInWorker('qif', () =>
    t.request({ method: 'POST', url: `/api/v1/jobs/${id}/items/${items[0].id}/characteristics/qif`, payload: xml, headers: { 'content-type': 'application/xml' }, token: customer.token }),
  );
  expect(seen.response.statusCode).toBe(201);
  expect(seen.response.json().characteristics.map((c: { qifId: string }) => c.qifId)).toEqual(['12', '22', '32', '42', '52']);
  expect(seen.events).toEqual([
    { task: 'qif-product', phase: 'start', outcome: undefined },
    { task: 'qif-product', phase: 'end', outcome: 'ok' },
  ]);
  expect(seen.live?.statusCode).toBe(200);
  expect(seen.order).toEqual(['health', 'request']);
});

test('a results CSV of tens of thousands of rows is read and mapped in a worker: /health/live is answered meanwhile', async () => {
  const job = await measuringJob(t, customer, qm, tech);
  const csv = largeResultsCsv(3 * 1024 * 1024, versionId, new Date().toISOString());
  const rows = csv.trim().split('\r\n').length - 1;
  const seen = await whileInWorker('results-csv', () =>
    t.request({ method: 'POST', url: `/api/v1/jobs/${job.jobId}/results/import?dryRun=true`, payload: csv, headers: { 'content-type': 'text/csv' }, token: tech.token }),
  );
  expect(seen.response.statusCode).toBe(200);
  const planned = seen.response.json().planned;
  expect(planned).toHaveLength(Math.ceil(rows / READINGS_PER_RESULT));
  expect(planned.reduce((sum: number, p: { readings: unknown[] }) => sum + p.readings.length, 0)).toBe(rows);
  expect(seen.events).toEqual([
    { task: 'csv', phase: 'start', outcome: undefined },
    { task: 'csv', phase: 'end', outcome: 'ok' },
  ]);
  expect(seen.order).toEqual(['health', 'request']);
});

test('a second-order GUM over 100 inputs runs in a worker: /health/live is answered meanwhile', async () => {
  const seen = await whileInWorker('uncertainty', () => t.request({ method: 'POST', url: '/api/v1/uncertainty/evaluations', payload: secondOrderGum(100), token: qm.token }));
  expect(seen.response.statusCode).toBe(200);
  expect(seen.response.json().gum.budget).toHaveLength(100);
  expect(seen.events).toEqual([
    { task: 'gum', phase: 'start', outcome: undefined },
    { task: 'gum', phase: 'end', outcome: 'ok' },
  ]);
  expect(seen.order).toEqual(['health', 'request']);
});
