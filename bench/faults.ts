/**
 * Database restarts under load: a PostgreSQL cluster of the bench's own (see
 * test/harness/pg-cluster.ts) is restarted (`pg_ctl restart -m fast`) five times while 8 clients
 * create companies through the service, each with an Idempotency-Key and retrying 503s as a client
 * should. Reports the restarts the process survived, acknowledged writes missing afterwards, keys
 * still answering 409 once their first request has ended, and the time from the server being back to
 * the service's /health/ready answering 200; the baseline is a bare pg.Pool's time to its first
 * successful query after the same restart.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { openPostgres } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { bootstrapAdmin } from '../src/modules/users/index.js';
import { clusterUnavailable, startCluster } from '../test/harness/pg-cluster.js';

const TOKEN = 'bench-faults-token-0123456789abcdefghijkl';
const RESTARTS = 5;

export interface FaultsResult {
  restarts: number;
  survived: number;
  acknowledged: number;
  lost: number;
  stuckKeys: number;
  readyMs: number[];
  bareMs: number[];
}

async function until(check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  while (!(await check().catch(() => false))) await new Promise((r) => setTimeout(r, 5));
  return performance.now() - started;
}

/** The figures, or why this machine cannot start a cluster of its own. */
export async function runFaultsBench(): Promise<FaultsResult | string> {
  const unavailable = await clusterUnavailable();
  if (unavailable) return unavailable;
  const cluster = await startCluster();
  const database = openPostgres({ url: cluster.url, poolMax: 10, connectTimeoutMs: 3000 });
  const bare = new pg.Pool({ connectionString: cluster.url, max: 2, connectionTimeoutMillis: 3000 });
  bare.on('error', () => undefined);
  let app: FastifyInstance | undefined;
  try {
    await runMigrations(database);
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'http://bench' }), database, logger: false });
    await app.ready();
    await bootstrapAdmin(database.db, TOKEN);
    const service = app;
    const post = (name: string, key: string) =>
      service.inject({ method: 'POST', url: '/api/v1/companies', payload: { name }, headers: { authorization: `Bearer ${TOKEN}`, 'idempotency-key': key } });

    const acknowledged = new Map<string, string>();
    let stuckKeys = 0;
    let writing = true;
    const writer = async (n: number) => {
      for (let i = 0; writing; i++) {
        const name = `Vikasieto ${n}-${i} Oy`;
        for (;;) {
          const res = await post(name, `faults-${n}-${i}`);
          if (res.statusCode === 201) {
            acknowledged.set(name, res.json().id);
            break;
          }
          if (res.statusCode === 409) stuckKeys++;
          else if (res.statusCode !== 503) throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
        }
      }
    };
    const load = Array.from({ length: 8 }, (_, n) => writer(n));
    const readyMs: number[] = [];
    const bareMs: number[] = [];
    let survived = 0;
    for (let round = 0; round < RESTARTS; round++) {
      await new Promise((r) => setTimeout(r, 500));
      await cluster.restart();
      const [service, baseline] = await Promise.all([
        until(async () => (await app!.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200),
        until(async () => (await bare.query('select 1'), true)),
      ]);
      readyMs.push(service);
      bareMs.push(baseline);
      if ((await app.inject({ method: 'GET', url: '/health/live' })).statusCode === 200) survived++;
    }
    writing = false;
    await Promise.all(load);
    const stored = await database.db.execute(sql`SELECT id, name FROM companies WHERE name LIKE 'Vikasieto %'`);
    const byName = new Map((stored as unknown as { rows: { id: string; name: string }[] }).rows.map((r) => [r.name, r.id]));
    const lost = [...acknowledged].filter(([name, id]) => byName.get(name) !== id).length;
    return { restarts: RESTARTS, survived, acknowledged: acknowledged.size, lost, stuckKeys, readyMs, bareMs };
  } finally {
    await app?.close();
    await database.close();
    await bare.end().catch(() => undefined);
    await cluster.stop();
  }
}
