import { rm } from 'node:fs/promises';
import pg from 'pg';

/** Jest global teardown: removes the embedded image, drops the template database and stops a throwaway container. */
export default async function globalTeardown(): Promise<void> {
  const image = process.env.LIMS_TEST_EMBEDDED_IMAGE;
  if (image) await rm(image, { force: true });
  const url = process.env.TEST_DATABASE_URL;
  const template = process.env.LIMS_TEST_TEMPLATE;
  if (url && template) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  await globalThis.__LIMS_CONTAINER__?.stop();
}
