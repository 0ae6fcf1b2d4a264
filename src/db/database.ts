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

/** Opens the embedded PostgreSQL (PGlite). `dataDir` 'memory://' keeps it in memory (tests). */
export async function openEmbedded(dataDir: string): Promise<Database & { client: PGlite }> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
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

/** Opens a node-postgres pool that fails fast (never hangs) when the server is down or the pool is exhausted. */
export function openPostgres(options: PostgresOptions): Database & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    connectionTimeoutMillis: options.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    // A query that cannot finish in time is cancelled by the server instead of holding a connection.
    statement_timeout: 60_000,
    application_name: 'ktk-lims',
  });
  // An idle client that loses its connection (server restart) must not crash the process; the pool
  // discards it and opens a new one on the next checkout.
  pool.on('error', (err) => options.logger?.warn({ err }, 'idle database connection lost'));
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
