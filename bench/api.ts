/**
 * API benchmark on PostgreSQL: the LIMS service against a bare Fastify + pg baseline doing the same
 * SQL in the same run. GET = token lookup + read one company; POST = token lookup + create a company
 * and append its audit event in one transaction (advisory lock, read the chain head, insert).
 *
 * Needs a PostgreSQL server: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
 * it creates and drops a database of its own.
 */
import { createHash, randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { openPostgres } from '../src/db/database.js';
import { runMigrations } from '../src/db/migrate.js';
import { bootstrapAdmin } from '../src/modules/users/index.js';

const TOKEN = 'bench-admin-token-0123456789abcdefghijklmnop';
const DURATION_S = 5;
const CONNECTIONS = 10;

export interface ApiFigures {
  name: string;
  lims: { rps: number; p99: number };
  baseline: { rps: number; p99: number };
}

/** Runs one statement on a PostgreSQL server (create or drop a bench database). */
export async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The bare baseline: the same queries the service runs for these two requests, nothing else. */
function baselineApp(pool: pg.Pool): FastifyInstance {
  const app = Fastify({ logger: false });
  const tokenHash = createHash('sha256').update(TOKEN).digest('hex');
  const authenticate = async () => {
    const { rows } = await pool.query(
      `select u.id, u.role, u.company_id from api_tokens t join users u on u.id = t.user_id
       where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and u.active limit 1`,
      [tokenHash],
    );
    return rows[0];
  };
  app.get<{ Params: { id: string } }>('/companies/:id', async (request) => {
    await authenticate();
    const { rows } = await pool.query('select id, name, created_at from companies where id = $1', [request.params.id]);
    return rows[0];
  });
  app.post<{ Body: { name: string } }>('/companies', async (request, reply) => {
    const actor = await authenticate();
    const client = await pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query('insert into companies (name) values ($1) returning id, name, created_at', [request.body.name]);
      await client.query('select pg_advisory_xact_lock(7170011)');
      const head = await client.query('select seq, hash from audit_events order by seq desc limit 1');
      const seq = (Number(head.rows[0]?.seq) || 0) + 1;
      const prev = head.rows[0]?.hash ?? '0'.repeat(64);
      const hash = createHash('sha256').update(prev + JSON.stringify(rows[0])).digest('hex');
      await client.query(
        `insert into audit_events (seq, occurred_at, actor_user_id, actor_role, action, entity_type, entity_id, after, request_id, prev_hash, hash)
         values ($1, now(), $2, $3, 'company.create', 'company', $4, $5, $6, $7, $8)`,
        [seq, actor.id, actor.role, rows[0].id, JSON.stringify(rows[0]), randomUUID(), prev, hash],
      );
      await client.query('commit');
      return reply.code(201).send(rows[0]);
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
  });
  return app;
}

async function load(url: string, method: 'GET' | 'POST', body?: string): Promise<{ rps: number; p99: number }> {
  const result = await autocannon({
    url,
    method,
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body ? { body } : {}),
  });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${method} ${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/** Runs GET and POST against the service and the baseline, each on its own fresh database. */
export async function runApiBench(): Promise<ApiFigures[]> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `lims_bench_${process.pid}`;
  await admin(serverUrl, `create database ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const database = openPostgres({ url: url.toString(), poolMax: 10, connectTimeoutMs: 3000 });
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  try {
    await runMigrations(database);
    await bootstrapAdmin(database.db, TOKEN);
    const lims = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: url.toString() }), database, logger: false });
    const bare = baselineApp(pool);
    const limsUrl = await lims.listen({ port: 0, host: '127.0.0.1' });
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    const { rows } = await pool.query(`insert into companies (name) values ('Bench Oy') returning id`);
    const id = rows[0].id as string;
    const body = JSON.stringify({ name: 'Kuormitus Oy' });
    const figures: ApiFigures[] = [
      { name: 'GET one company', lims: await load(`${limsUrl}/api/v1/companies/${id}`, 'GET'), baseline: await load(`${bareUrl}/companies/${id}`, 'GET') },
      { name: 'POST company + audit event', lims: await load(`${limsUrl}/api/v1/companies`, 'POST', body), baseline: await load(`${bareUrl}/companies`, 'POST', body) },
    ];
    await lims.close();
    await bare.close();
    return figures;
  } finally {
    await database.close();
    await pool.end();
    await admin(serverUrl, `drop database if exists ${dbName} with (force)`);
  }
}
