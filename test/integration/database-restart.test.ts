import { sql } from 'drizzle-orm';
import pg from 'pg';
import { onPostgres } from '../harness/test-database.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

/**
 * The PostgreSQL server drops every connection of the service (a restart or failover, here
 * `pg_terminate_backend`) while requests and transactions are open: the process stays up, requests
 * caught in it answer 503 (never 500), readiness comes back, and every acknowledged write is stored.
 * On the embedded database there is no server to lose.
 */
// Skipped on the embedded database: PGlite runs inside the process, there is no server connection to lose.
const describeOnPostgres = onPostgres() ? describe : describe.skip;

describeOnPostgres('losing the database connections', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const terminateAll = async () => {
    const admin = new pg.Client({ connectionString: t.testDb.url });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'ktk-lims'");
    } finally {
      await admin.end();
    }
  };

  /** Cuts every connection five times, with writes going on in between and after. */
  const cutFiveTimes = async () => {
    for (let round = 0; round < 5; round++) {
      await new Promise((r) => setTimeout(r, 300));
      await terminateAll();
    }
    await new Promise((r) => setTimeout(r, 300));
  };

  test('the service survives repeated loss of all its connections under concurrent writes', async () => {
    const acknowledged: string[] = [];
    const statuses = new Set<number>();
    let writing = true;
    const writer = async (n: number) => {
      for (let i = 0; writing; i++) {
        const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: `Kestävä ${n}-${i} Oy` } });
        statuses.add(res.statusCode);
        if (res.statusCode === 201) acknowledged.push(res.json().id);
      }
    };
    // Transactions that hold a connection between their queries when it is cut.
    const holder = async () => {
      while (writing) {
        await t.database.db
          .transaction(async (tx) => {
            await tx.execute(sql`SELECT 1`);
            await new Promise((r) => setTimeout(r, 50));
            await tx.execute(sql`SELECT 1`);
          })
          .catch(() => undefined);
      }
    };
    const load = [...Array.from({ length: 8 }, (_, n) => writer(n)), holder(), holder()];
    await cutFiveTimes();
    writing = false;
    await Promise.all(load);

    expect([...statuses].filter((s) => s !== 201 && s !== 503)).toEqual([]);
    const started = Date.now();
    let ready = 0;
    while (ready !== 200 && Date.now() - started < 2000) ready = (await t.request({ method: 'GET', url: '/health/ready', token: null })).statusCode;
    expect(ready).toBe(200);
    const stored = await t.database.db.execute<{ id: string }>(sql`SELECT id FROM companies`);
    const ids = new Set((stored as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    // No connection was stranded by a transaction whose BEGIN failed: the pool has them all back.
    const pool = (t.database as unknown as { pool: pg.Pool }).pool;
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });

  test('an Idempotency-Key cut off by the loss answers its retry with the stored answer or runs afresh, never stays stuck', async () => {
    const stuck: string[] = [];
    const done = new Map<string, { name: string; id: string }>();
    let writing = true;
    const writer = async (n: number) => {
      for (let i = 0; writing; i++) {
        const key = `restart-${n}-${i}`;
        const name = `Avaimellinen ${n}-${i} Oy`;
        // The client retries a 503 with the same key until it has an answer, as the README tells it to.
        for (;;) {
          const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name }, headers: { 'idempotency-key': key } });
          if (res.statusCode === 201) {
            done.set(key, { name, id: res.json().id });
            break;
          }
          // The first request has answered (the loop awaits it), so the key must not be in progress.
          if (res.statusCode === 409) stuck.push(key);
          if (res.statusCode !== 503) throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
        }
      }
    };
    const load = Array.from({ length: 6 }, (_, n) => writer(n));
    await cutFiveTimes();
    writing = false;
    await Promise.all(load);

    expect(stuck).toEqual([]);
    expect(done.size).toBeGreaterThan(0);
    const stored = await t.database.db.execute(sql`SELECT id, name FROM companies WHERE name LIKE 'Avaimellinen %'`);
    const rows = (stored as unknown as { rows: { id: string; name: string }[] }).rows;
    // Exactly once: every answered key has its company, and no retry made a second one.
    expect(rows.length).toBe(done.size);
    const byName = new Map(rows.map((r) => [r.name, r.id]));
    expect([...done.values()].filter((d) => byName.get(d.name) !== d.id)).toEqual([]);
    // And every key now replays its stored answer.
    const [someKey, first] = [...done.entries()][0]!;
    const replay = await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: first.name }, headers: { 'idempotency-key': someKey } });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().id).toBe(first.id);
  });
});
