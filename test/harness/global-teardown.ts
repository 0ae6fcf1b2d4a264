import pg from 'pg';

/** Jest global teardown: drops the template database and stops a throwaway container. */
export default async function globalTeardown(): Promise<void> {
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
