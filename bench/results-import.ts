/**
 * Results import of a CMM's CSV file: 1000 results of 3 repeats each (3000 rows, two items of 500
 * characteristics) through `POST /jobs/{id}/results/import`: parsed, mapped, checked by the rules
 * of single logging, written in one transaction with an audit event per result. The bare baseline
 * writes the same rows (results, readings, equipment links) into the same tables with three
 * multi-row INSERTs in one transaction, with no rules and no audit: what the database alone costs.
 * Median of 3 runs each, a fresh job per run. Runs on the embedded database (or TEST_DATABASE_URL).
 */
import { activeAgreement, createCustomer, thisYear } from '../test/harness/commercial.js';
import { authorize, calibratedEquipment, releasedMethod } from '../test/harness/lab.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../test/harness/test-app.js';
import { resultEquipment, resultReadings, results } from '../src/modules/results/results.tables.js';
import { todayInFinland } from '../src/shared/finnish-calendar.js';

const CHARACTERISTICS = 500;
const ITEMS = 2;
const REPEATS = 3;
const RUNS = 3;

export interface ImportFigures {
  results: number;
  rows: number;
  dryRunMs: number;
  limsMs: number;
  baselineMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function call(t: TestApp, method: 'POST', url: string, user: TestUser, payload?: object | string, headers?: Record<string, string>) {
  const res = await t.request({ method, url: `/api/v1${url}`, token: user.token, ...(payload === undefined ? {} : { payload }), ...(headers ? { headers } : {}) });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json();
}

const item = (n: number) => ({
  description: `Housing ${n}`,
  characteristics: Array.from({ length: CHARACTERISTICS }, (_, i) => ({ identifier: String(i + 1), type: 'length', nominal: `${10 + i}.000`, unit: 'mm', tolerance: { kind: 'symmetric', value: '0.05' } })),
});

interface Job {
  id: string;
  items: { id: string; characteristics: { id: string; nominal: string }[] }[];
}

async function measuringJob(t: TestApp, customer: TestUser, qm: TestUser, tech: TestUser): Promise<Job> {
  const job: Job = await call(t, 'POST', '/jobs', customer, { kind: 'product_quality_control', items: Array.from({ length: ITEMS }, (_, n) => item(n + 1)) });
  await call(t, 'POST', `/jobs/${job.id}/accept`, qm, { method: 'KTK-M-012 CMM measurement', price: '4500.00', deliveryDate: `${thisYear() + 1}-01-15` });
  await call(t, 'POST', `/jobs/${job.id}/receive`, tech, { receivedOn: todayInFinland(), condition: 'Clean' });
  await call(t, 'POST', `/jobs/${job.id}/start-measurement`, tech);
  return job;
}

/** The readings of result `i` of characteristic `c`: nominal plus a few micrometres. */
const reading = (nominal: string, repeat: number) => (Number(nominal) + 0.001 * (repeat + 1)).toFixed(4);

function csvOf(job: Job, versionId: string, measuredAt: string): string {
  const lines = ['item;characteristic;value;unit;measured_at;equipment;method_version;temperature;humidity'];
  job.items.forEach((it, n) =>
    it.characteristics.forEach((c, i) => {
      for (let r = 0; r < REPEATS; r++) lines.push([n + 1, i + 1, reading(c.nominal, r).replace('.', ','), 'mm', measuredAt, 'KTK-CMM-001', versionId, '20,1', '45'].join(';'));
    }),
  );
  return `${lines.join('\r\n')}\r\n`;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function runResultsImportBench(): Promise<ImportFigures> {
  const t = await createTestApp();
  try {
    const qm = await createUser(t, 'quality_manager');
    const tech = await createUser(t, 'technician');
    const companyId = await createCustomer(t, { name: 'Tuonti Oy' });
    await activeAgreement(t, companyId);
    const customer = await createUser(t, 'customer', { companyId });
    const equipmentId = await calibratedEquipment(t, qm, 'KTK-CMM-001', `${thisYear() - 1}-01-10`, 36);
    const { methodId, versionId } = await releasedMethod(t, qm, 'KTK-M-012');
    await authorize(t, qm, tech, methodId, ['measure']);
    // Now: on the receipt day in Finland whatever the hour (the service allows minutes of clock difference).
    const measuredAt = new Date().toISOString();

    const dry: number[] = [];
    const lims: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const job = await measuringJob(t, customer, qm, tech);
      const csv = csvOf(job, versionId, measuredAt);
      const post = (query: string) => call(t, 'POST', `/jobs/${job.id}/results/import${query}`, tech, csv, { 'content-type': 'text/csv' });
      dry.push(await timed(() => post('?dryRun=true')));
      lims.push(await timed(() => post('')));

      const other = await measuringJob(t, customer, qm, tech);
      baseline.push(
        await timed(() =>
          t.database.db.transaction(async (tx) => {
            const targets = other.items.flatMap((it) => it.characteristics.map((c) => ({ itemId: it.id, c })));
            const rows = await tx
              .insert(results)
              .values(targets.map(({ itemId, c }) => ({ jobId: other.id, itemId, characteristicId: c.id, methodVersionId: versionId, measuredAt: new Date(measuredAt), temperature: '20.1', humidity: '45', environmentDeviation: false, environmentViolations: [], recordedBy: tech.id })))
              .returning({ id: results.id });
            await tx.insert(resultReadings).values(rows.flatMap((r, k) => Array.from({ length: REPEATS }, (_, rep) => ({ resultId: r.id, repeatNo: rep + 1, value: reading(targets[k]!.c.nominal, rep), unit: 'mm' }))));
            await tx.insert(resultEquipment).values(rows.map((r) => ({ resultId: r.id, equipmentId })));
          }),
        ),
      );
    }
    const count = ITEMS * CHARACTERISTICS;
    return { results: count, rows: count * REPEATS, dryRunMs: median(dry), limsMs: median(lims), baselineMs: median(baseline) };
  } finally {
    await t.close();
  }
}
