import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { openEmbedded, openPostgres, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';

/** Where the tests run: the embedded database unless TEST_DATABASE_URL names a PostgreSQL server. */
export const onPostgres = (): boolean => Boolean(process.env.TEST_DATABASE_URL);

export interface TestDatabase {
  database: Database;
  /** Connection URL of this file's own database (PostgreSQL only). */
  url?: string;
  /** Closes the connection and, on PostgreSQL, drops the database. */
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A clean, migrated database of the test file's own: an in-memory PGlite loaded from the image the
 * global setup migrated, or a copy of the migrated template database on the PostgreSQL server.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!onPostgres()) {
    // The global setup migrated one database and dumped it; loading that copy is quicker than migrating.
    const imagePath = process.env.LIMS_TEST_EMBEDDED_IMAGE;
    const image = imagePath ? new Blob([await readFile(imagePath)]) : undefined;
    const database = await openEmbedded('memory://', image);
    if (!image) await runMigrations(database);
    return { database, drop: () => database.close() };
  }
  const template = process.env.LIMS_TEST_TEMPLATE;
  if (!template) throw new Error('LIMS_TEST_TEMPLATE is not set: the jest global setup did not run');
  const name = `lims_test_${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (err) {
      // Two files cloning the template at the same moment: PostgreSQL refuses one; try again.
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const database = openPostgres({ url: url.toString(), poolMax: 5, connectTimeoutMs: 3000 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
