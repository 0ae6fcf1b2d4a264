import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { grantApplicationRole } from '../../src/db/application-role.js';
import { openEmbedded, openPostgres, type Database } from '../../src/db/database.js';
import { runMigrations } from '../../src/db/migrate.js';

/** Where the tests run: the embedded database unless TEST_DATABASE_URL names a PostgreSQL server. */
export const onPostgres = (): boolean => Boolean(process.env.TEST_DATABASE_URL);

/**
 * On PostgreSQL the tests connect as this role, as the service does in production (docs/operations.md):
 * not superuser, not owner, with only the privileges `npm run migrate -- --grant-to` grants. The
 * global setup creates it; it is kept between runs (concurrent runs on one server share it).
 */
export const TEST_APP_ROLE = 'lims_test_app';

export interface TestDatabase {
  database: Database;
  /** Connection URL of this file's own database, as the service's role (PostgreSQL only). */
  url?: string;
  /**
   * Runs SQL as a database superuser, which the service's role is not: tampering tests do with it
   * what only an attacker holding the server could. On the embedded database there is one role.
   */
  superuser(text: string): Promise<Record<string, unknown>[]>;
  /** Closes the connection and, on PostgreSQL, drops the database. */
  drop(): Promise<void>;
}

async function adminQuery(text: string, url = process.env.TEST_DATABASE_URL): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

/**
 * A clean, migrated database of the test file's own: an in-memory PGlite loaded from the image the
 * global setup migrated, or a copy of the migrated template database on the PostgreSQL server, to
 * which the service's role (TEST_APP_ROLE) is granted what `npm run migrate -- --grant-to` grants.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!onPostgres()) {
    // The global setup migrated one database and dumped it; loading that copy is quicker than migrating.
    const imagePath = process.env.LIMS_TEST_EMBEDDED_IMAGE;
    const image = imagePath ? new Blob([await readFile(imagePath)]) : undefined;
    const database = await openEmbedded('memory://', image);
    if (!image) await runMigrations(database);
    return {
      database,
      superuser: async (text) => (await database.client.query<Record<string, unknown>>(text)).rows,
      drop: () => database.close(),
    };
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
  const superuserUrl = new URL(process.env.TEST_DATABASE_URL!);
  superuserUrl.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: superuserUrl.toString() });
  await client.connect();
  try {
    await grantApplicationRole((statement) => client.query(statement), TEST_APP_ROLE);
  } finally {
    await client.end();
  }
  const url = new URL(superuserUrl);
  url.username = TEST_APP_ROLE;
  url.password = TEST_APP_ROLE; // the global setup's; ignored under trust authentication
  const database = openPostgres({ url: url.toString(), poolMax: 5, connectTimeoutMs: 3000 });
  return {
    database,
    url: url.toString(),
    superuser: (text) => adminQuery(text, superuserUrl.toString()),
    drop: async () => {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
