import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** A drizzle database or an open transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema>;

export interface MinimalLogger {
  error(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

/** An open database, whichever driver is behind it. */
export interface Database {
  readonly kind: 'embedded' | 'postgres';
  readonly db: Db;
  /** Resolves when the database answers a trivial query within the time limit. */
  ping(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export interface PostgresOptions {
  url: string;
  poolMax: number;
  connectTimeoutMs: number;
  logger?: MinimalLogger;
}

/**
 * Opens the embedded PostgreSQL (PGlite). `dataDir` 'memory://' keeps it in memory (tests);
 * `image`, a data directory dumped with `dumpDataDir`, starts it from that copy (tests clone one
 * migrated database instead of migrating each).
 */
export async function openEmbedded(dataDir: string, image?: Blob): Promise<Database & { client: PGlite }> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, image ? { loadDataDir: image } : {});
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  let closed = false;
  return {
    kind: 'embedded',
    db,
    client,
    ping: (timeoutMs) => withTimeout(client.query('select 1'), timeoutMs).then(() => undefined),
    close: async () => {
      if (closed) return;
      closed = true;
      await client.close();
    },
  };
}

const GUARDED = Symbol('begin guarded');
type GuardedClient = pg.PoolClient & { [GUARDED]?: true };

/**
 * drizzle's transaction checks a client out and sends BEGIN before its try/finally, so a BEGIN that
 * fails (the connection was cut just before) never releases the client: after an outage the pool
 * runs dry and the service stays down although the database is back. This pool releases such a
 * client, with the error, so that it is discarded.
 */
class ReleasingPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    if (callback) return super.connect(callback);
    return super.connect().then(guardBegin);
  }
}

function guardBegin(client: GuardedClient): pg.PoolClient {
  if (client[GUARDED]) return client;
  client[GUARDED] = true;
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const first = args[0] as string | { text?: unknown } | undefined;
    const text = typeof first === 'string' ? first : first?.text;
    const result = query(...args);
    if (typeof text !== 'string' || !/^\s*begin\b/i.test(text) || !(result instanceof Promise)) return result;
    return result.catch((err: Error) => {
      client.release(err);
      throw err;
    });
  };
  return client;
}

/** Opens a node-postgres pool that fails fast (never hangs) when the server is down or the pool is exhausted. */
export function openPostgres(options: PostgresOptions): Database & { pool: pg.Pool } {
  const pool = new ReleasingPool({
    connectionString: options.url,
    max: options.poolMax,
    connectionTimeoutMillis: options.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    // A query that cannot finish in time is cancelled by the server instead of holding a connection.
    statement_timeout: 60_000,
    // A request that holds a transaction (an idempotent request) and then stalls must not hold its
    // locks forever: the server ends such a session.
    idle_in_transaction_session_timeout: 300_000,
    application_name: 'ktk-lims',
  });
  // An idle client that loses its connection (server restart) must not crash the process; the pool
  // discards it and opens a new one on the next checkout.
  pool.on('error', (err) => options.logger?.warn({ err }, 'idle database connection lost'));
  // A checked-out client (inside a transaction, between its queries) that loses its connection
  // emits 'error' on itself, which would crash the process. Listen on every client: its next query
  // then fails (the request answers 503, the transaction is gone with the connection) and the pool
  // discards the broken client when it is released.
  pool.on('connect', (client) => client.on('error', (err) => options.logger?.warn({ err }, 'database connection lost during use')));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  let closed = false;
  return {
    kind: 'postgres',
    db,
    pool,
    ping: (timeoutMs) => withTimeout(pool.query('select 1'), timeoutMs).then(() => undefined),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Opens the database the configuration asks for. */
export async function openDatabase(
  config: { databaseUrl: string | undefined; dataDir: string; dbPoolMax: number; dbConnectTimeoutMs: number },
  logger?: MinimalLogger,
): Promise<Database> {
  if (config.databaseUrl) {
    return openPostgres({
      url: config.databaseUrl,
      poolMax: config.dbPoolMax,
      connectTimeoutMs: config.dbConnectTimeoutMs,
      ...(logger ? { logger } : {}),
    });
  }
  return openEmbedded(config.dataDir);
}

export class TimeoutError extends Error {
  readonly code = 'ETIMEDOUT';
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`database did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A raw SQL helper shared by repositories: the current transaction's timestamp. */
export const nowSql = sql`now()`;
