import { loadConfig } from '../config/config.js';
import { openDatabase } from './database.js';
import { runMigrations } from './migrate.js';

/** `npm run migrate`: applies the committed migrations to the configured database. */
const config = loadConfig();
const database = await openDatabase(config);
try {
  await runMigrations(database);
  console.log(`migrations applied (${database.kind} database)`);
} finally {
  await database.close();
}
