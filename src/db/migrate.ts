import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { readMigrationFiles } from 'drizzle-orm/migrator';
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
      // The service's role in a two-role setup may not create drizzle's schema, which the migrator
      // does first: with every migration applied it needs no DDL, so it is not called (docs/operations.md).
      if (await allApplied(db, folder)) return;
      await migratePg(db, { migrationsFolder: folder }).catch((err: unknown) => {
        throw notAllowedToMigrate(err) ?? err;
      });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
  } finally {
    client.release();
  }
}

/** True when the database has applied the newest committed migration. */
async function allApplied(db: Pick<NodePgDatabase, 'execute'>, folder: string): Promise<boolean> {
  const newest = Math.max(...readMigrationFiles({ migrationsFolder: folder }).map((m) => m.folderMillis));
  try {
    const { rows } = await db.execute<{ last: string | null }>(sql`select max(created_at) as last from drizzle.__drizzle_migrations`);
    return Number(rows[0]?.last ?? 0) >= newest;
  } catch {
    return false; // no migrations table yet (or not readable): let the migrator decide
  }
}

/** A clear error when the connected role may not apply pending migrations. */
function notAllowedToMigrate(err: unknown): Error | null {
  const cause = (err as { cause?: { code?: string } } | null)?.cause ?? err;
  if ((cause as { code?: string } | null)?.code !== '42501') return null;
  return new Error(
    `Migrations are pending and the database role may not apply them (${(cause as Error).message}): run \`npm run migrate\` as the schema owner first (docs/operations.md)`,
    { cause: err },
  );
}
