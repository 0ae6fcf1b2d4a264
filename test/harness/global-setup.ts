/**
 * Jest global setup. On PostgreSQL (TEST_DATABASE_URL, or TEST_DB=container for a throwaway
 * container) it migrates one template database that every test file then clones. On the embedded
 * database there is nothing to prepare. Kept free of project imports: Jest loads it outside the
 * test module system.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

declare global {
  var __LIMS_CONTAINER__: { stop(): Promise<unknown> } | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DB === 'container' && !process.env.TEST_DATABASE_URL) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').start();
    globalThis.__LIMS_CONTAINER__ = container;
    process.env.TEST_DATABASE_URL = container.getConnectionUri();
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const template = `lims_template_${process.pid}`;
  process.env.LIMS_TEST_TEMPLATE = template;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${template}`;
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    await migrate(drizzle({ client }), { migrationsFolder: join(root, 'migrations') });
  } finally {
    await client.end();
  }
}
