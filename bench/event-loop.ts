/**
 * Event-loop bench: the compiled service (`node dist/src/server.js`, on PostgreSQL) answers a tight
 * loop of GET /health/live, one request after another, first with nothing else running (the
 * baseline), then while three 10 MiB QIF models are uploaded at once and a 200-input second-order
 * GUM evaluation runs, and then while a 9 MiB results CSV is dry-run. Prints the p99 and maximum of
 * /health/live in each phase and the growth of the service's resident memory (peak RSS during the
 * load minus RSS before it). Needs `npm run build` first (npm run bench does it) and a PostgreSQL
 * server: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); it creates and
 * drops a database of its own.
 *
 * Run alone: npm run build && npx tsx bench/event-loop.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { activeAgreement, createCustomer, thisYear } from '../test/harness/commercial.js';
import { authorize, calibratedEquipment, measuringJob, releasedMethod } from '../test/harness/lab.js';
import { admin } from './api.js';
import { largeQif, largeResultsCsv, secondOrderGum } from '../test/harness/large-files.js';
import { createUser, type TestApp } from '../test/harness/test-app.js';

const PORT = 38_111;
const BASE = `http://127.0.0.1:${PORT}`;
const TOKEN = 'bench-event-loop-token-0123456789abcdefghij';
const MIB = 1024 * 1024;
const IMPORT_LIMIT = 10 * MIB;
const BASELINE_MS = 3000;

export interface LoopPhase {
  requests: number;
  p99: number;
  max: number;
}

export interface EventLoopFigures {
  baseline: LoopPhase;
  load: LoopPhase & { uploadsMs: number[]; gumMs: number; rssBeforeMiB: number; rssPeakMiB: number };
  csv: LoopPhase & { sizeMiB: number; rows: number; dryRunMs: number; rssPeakMiB: number };
}


/** The test harness's request over HTTP to the running service, so its builders set the bench up. */
function overHttp(): TestApp {
  const request = async (options: { method?: string; url?: string; payload?: unknown; headers?: Record<string, string>; token?: string | null }) => {
    const json = options.payload !== undefined && typeof options.payload !== 'string' && !Buffer.isBuffer(options.payload);
    const res = await fetch(`${BASE}${options.url}`, {
      method: options.method ?? 'GET',
      headers: {
        ...(options.token === null ? {} : { authorization: `Bearer ${options.token ?? TOKEN}` }),
        ...(json ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      ...(options.payload !== undefined ? { body: json ? JSON.stringify(options.payload) : (options.payload as string) } : {}),
    });
    const body = await res.text();
    return { statusCode: res.status, body, headers: Object.fromEntries(res.headers), json: () => JSON.parse(body) };
  };
  return { request } as unknown as TestApp;
}

async function startService(databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/src/server.js'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LIMS_BOOTSTRAP_ADMIN_TOKEN: TOKEN, IMPORT_LIMIT_BYTES: String(IMPORT_LIMIT) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}`);
    if (await fetch(`${BASE}/health/ready`).then((r) => r.ok, () => false)) return child;
    if (performance.now() - started > 60_000) throw new Error('the service did not become ready within 60 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const rssMiB = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** GET /health/live one after another until `done` settles (at least `minMs`); the latencies in ms. */
async function healthLoop(done: Promise<unknown>, minMs = 0): Promise<LoopPhase> {
  let finished = false;
  const stop = () => void (finished = true);
  done.then(stop, stop);
  const latencies: number[] = [];
  const started = performance.now();
  while (!finished || performance.now() - started < minMs) {
    const t0 = performance.now();
    const res = await fetch(`${BASE}/health/live`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`/health/live answered ${res.status}`);
    latencies.push(performance.now() - t0);
  }
  const sorted = latencies.sort((a, b) => a - b);
  return { requests: sorted.length, p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!, max: sorted[sorted.length - 1]! };
}

/** Samples the service's RSS every 25 ms until `done` settles; the peak in MiB. */
async function peakRss(pid: number, done: Promise<unknown>): Promise<number> {
  let finished = false;
  const stop = () => void (finished = true);
  done.then(stop, stop);
  let peak = rssMiB(pid);
  while (!finished) {
    peak = Math.max(peak, rssMiB(pid));
    await new Promise((r) => setTimeout(r, 25));
  }
  return Math.max(peak, rssMiB(pid));
}

async function timedStatus(work: Promise<{ statusCode: number; body: string }>, expected: number, what: string): Promise<number> {
  const started = performance.now();
  const res = await work;
  if (res.statusCode !== expected) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return performance.now() - started;
}

export async function runEventLoopBench(): Promise<EventLoopFigures> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `lims_bench_loop_${process.pid}`;
  await admin(serverUrl, `create database ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  let child: ChildProcess | undefined;
  try {
    child = await startService(url.toString());
    const pid = child.pid!;
    const t = overHttp();
    const companyId = await createCustomer(t, { name: 'Kuorma Oy' });
    await activeAgreement(t, companyId);
    const customer = await createUser(t, 'customer', { companyId });
    const qm = await createUser(t, 'quality_manager');
    const tech = await createUser(t, 'technician');
    const job = (await t.request({ method: 'POST', url: '/api/v1/jobs', payload: { kind: 'product_quality_control', items: [1, 2, 3].map((n) => ({ description: `Housing 70-00${n}` })) }, token: customer.token })).json();
    const qif = largeQif(IMPORT_LIMIT - 64 * 1024);
    const gum = secondOrderGum(200);

    const baseline = await healthLoop(Promise.resolve(), BASELINE_MS);
    const rssBeforeMiB = rssMiB(pid);
    const uploads = job.items.map((item: { id: string }) =>
      timedStatus(t.request({ method: 'POST', url: `/api/v1/jobs/${job.id}/items/${item.id}/characteristics/qif`, payload: qif, headers: { 'content-type': 'application/xml' }, token: customer.token }), 201, 'QIF upload'),
    );
    const evaluation = timedStatus(t.request({ method: 'POST', url: '/api/v1/uncertainty/evaluations', payload: gum, token: qm.token }), 200, 'GUM evaluation');
    const all = Promise.all([...uploads, evaluation]);
    const [loaded, rssPeakMiB] = await Promise.all([healthLoop(all), peakRss(pid, all)]);
    const times = await all;

    await calibratedEquipment(t, qm, 'KTK-CMM-001', `${thisYear() - 1}-01-10`, 36);
    const method = await releasedMethod(t, qm, 'KTK-M-012');
    await authorize(t, qm, tech, method.methodId, ['measure']);
    const measuring = await measuringJob(t, customer, qm, tech);
    const csv = largeResultsCsv(9 * MIB, method.versionId, new Date().toISOString());
    const dryRun = timedStatus(t.request({ method: 'POST', url: `/api/v1/jobs/${measuring.jobId}/results/import?dryRun=true`, payload: csv, headers: { 'content-type': 'text/csv' }, token: tech.token }), 200, 'CSV dry run');
    const [csvLoop, csvPeak] = await Promise.all([healthLoop(dryRun), peakRss(pid, dryRun)]);

    return {
      baseline,
      load: { ...loaded, uploadsMs: times.slice(0, 3), gumMs: times[3]!, rssBeforeMiB, rssPeakMiB },
      csv: { ...csvLoop, sizeMiB: csv.length / MIB, rows: csv.trim().split('\r\n').length - 1, dryRunMs: await dryRun, rssPeakMiB: csvPeak },
    };
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
    }
    await admin(serverUrl, `drop database if exists ${dbName} with (force)`);
  }
}

/** Prints the figures; used by bench/run.ts and when run alone. */
export function printEventLoopFigures(f: EventLoopFigures): void {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const mib = (x: number) => `${x.toFixed(0)} MiB`;
  console.log('\nEvent loop: GET /health/live one after another against the compiled service (PostgreSQL)');
  console.log(`  baseline, nothing else running:            p99 ${ms(f.baseline.p99)}, max ${ms(f.baseline.max)} (${f.baseline.requests} requests)`);
  console.log(`  3 x 10 MiB QIF uploads + 200-input GUM:    p99 ${ms(f.load.p99)}, max ${ms(f.load.max)} (${f.load.requests} requests), ratio to baseline ${(f.load.p99 / f.baseline.p99).toFixed(2)}`);
  console.log(`    uploads ${f.load.uploadsMs.map((x) => (x / 1000).toFixed(1)).join(' s, ')} s; GUM second order, 200 inputs ${(f.load.gumMs / 1000).toFixed(1)} s`);
  console.log(`    service RSS ${mib(f.load.rssBeforeMiB)} before, peak ${mib(f.load.rssPeakMiB)}: growth ${mib(f.load.rssPeakMiB - f.load.rssBeforeMiB)}`);
  console.log(`  ${f.csv.sizeMiB.toFixed(1)} MiB CSV dry run (${f.csv.rows} rows, ${(f.csv.dryRunMs / 1000).toFixed(1)} s): p99 ${ms(f.csv.p99)}, max ${ms(f.csv.max)} (${f.csv.requests} requests), ratio ${(f.csv.p99 / f.baseline.p99).toFixed(2)}; peak RSS ${mib(f.csv.rssPeakMiB)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printEventLoopFigures(await runEventLoopBench());
