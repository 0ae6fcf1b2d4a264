/**
 * Jest global setup: migrate once, then every test file starts from a copy. On PostgreSQL
 * (TEST_DATABASE_URL, or TEST_DB=container for a throwaway container) it migrates a template
 * database that each file clones with CREATE DATABASE ... TEMPLATE; on the embedded database it
 * migrates one PGlite and dumps its data directory to a file that each file loads. Kept free of
 * project imports: Jest loads it outside the test module system.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

/** Migrates an in-memory PGlite and writes its data directory where the test files find it. */
async function prepareEmbeddedImage(): Promise<void> {
  const client = await PGlite.create('memory://');
  try {
    await migratePglite(drizzlePglite({ client }), { migrationsFolder });
    const image = await client.dumpDataDir('none');
    const path = join(tmpdir(), `lims-test-image-${process.pid}.tar`);
    await writeFile(path, Buffer.from(await image.arrayBuffer()));
    process.env.LIMS_TEST_EMBEDDED_IMAGE = path;
  } finally {
    await client.close();
  }
}

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
  if (!url) return prepareEmbeddedImage();
  const template = `lims_template_${process.pid}`;
  process.env.LIMS_TEST_TEMPLATE = template;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    // The role the tests connect as (TEST_APP_ROLE in test-database.ts), created once per server;
    // runs started together may race to create it.
    await admin.query(`DO $$ BEGIN
      CREATE ROLE lims_test_app LOGIN PASSWORD 'lims_test_app';
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${template}`;
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.end();
  }
}
