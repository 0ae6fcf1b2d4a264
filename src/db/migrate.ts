import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './database.js';
import { migrationsFolder } from './project-root.js';

// Any constant works; it only has to be the same for every instance of the service.
const MIGRATION_LOCK = 7_170_025;

/**
 * Applies the committed SQL migrations. On PostgreSQL an advisory lock makes instances that start
 * together take turns, so a migration never runs twice.
 */
export async function runMigrations(database: Database): Promise<void> {
  const folder = migrationsFolder();
  if ('client' in database) {
    await migratePglite(drizzlePglite({ client: database.client as never }), { migrationsFolder: folder });
    return;
  }
  if (!('pool' in database)) throw new Error('unknown database driver');
  const client = await (database.pool as import('pg').Pool).connect();
  try {
    const db = drizzlePg({ client });
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await migratePg(db, { migrationsFolder: folder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    client.release();
  }
}
