import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config/config.js';
import { grantApplicationRole } from './application-role.js';
import { openDatabase } from './database.js';
import { runMigrations } from './migrate.js';

/**
 * `npm run migrate`: applies the committed migrations to the configured database.
 * `npm run migrate -- --grant-to <role>` (PostgreSQL, run as the schema owner): then grants the
 * service's role what it needs and no more (docs/operations.md).
 */
const { values } = parseArgs({ options: { 'grant-to': { type: 'string' } } });
const config = loadConfig();
const database = await openDatabase(config);
try {
  await runMigrations(database);
  console.log(`migrations applied (${database.kind} database)`);
  const role = values['grant-to'];
  if (role) {
    if (database.kind !== 'postgres') throw new Error('--grant-to needs a PostgreSQL DATABASE_URL (the embedded database has one role)');
    await grantApplicationRole((statement) => database.db.execute(sql.raw(statement)), role);
    console.log(`privileges granted to ${role}`);
  }
} finally {
  await database.close();
}
