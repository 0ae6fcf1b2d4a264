import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { loadConfig } from '../../src/config/config.js';
import { projectRoot } from '../../src/db/project-root.js';
import { createService } from '../../src/service.js';
import { onPostgres } from '../harness/test-database.js';

/**
 * The two-role PostgreSQL setup of docs/operations.md, end to end on a database of its own: an owner
 * role migrates (`npm run migrate -- --grant-to <role>`) and the service runs as the application
 * role, which can write rows but cannot switch off what protects the audit trail.
 */
// Skipped on the embedded database: PGlite has one role, a superuser, so there is no second role to restrict.
const describeOnPostgres = onPostgres() ? describe : describe.skip;

describeOnPostgres('the service as an application role that does not own the schema', () => {
  const suffix = randomBytes(4).toString('hex');
  const owner = `lims_owner_${suffix}`;
  const appRole = `lims_app_${suffix}`;
  const name = `lims_roles_${suffix}`;
  const urlAs = (role: string) => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.username = role;
    url.password = role;
    url.pathname = `/${name}`;
    return url.toString();
  };
  const superuser = async (text: string) => {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  /** The error message of a statement run as a role, or null when it succeeds. */
  const refusal = async (role: string, statement: string): Promise<string | null> => {
    const client = new pg.Client({ connectionString: urlAs(role) });
    await client.connect();
    try {
      await client.query(statement);
      return null;
    } catch (err) {
      return (err as Error).message;
    } finally {
      await client.end();
    }
  };
  const serviceConfig = () =>
    loadConfig({
      DATABASE_URL: urlAs(appRole),
      LOG_LEVEL: 'silent',
      LIMS_BOOTSTRAP_ADMIN_TOKEN: 'roles-admin-token-0123456789abcdefghij',
      AUDIT_SIGNING_KEY: randomBytes(32).toString('base64'),
    });

  beforeAll(async () => {
    await superuser(`CREATE ROLE ${owner} LOGIN PASSWORD '${owner}'`);
    await superuser(`CREATE ROLE ${appRole} LOGIN PASSWORD '${appRole}'`);
    await superuser(`CREATE DATABASE ${name} OWNER ${owner}`);
  });
  afterAll(async () => {
    await superuser(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await superuser(`DROP ROLE IF EXISTS ${appRole}`);
    await superuser(`DROP ROLE IF EXISTS ${owner}`);
  });

  test('before the owner has migrated, the service refuses to start and names the command', async () => {
    await expect(createService(serviceConfig(), false)).rejects.toThrow(/Migrations are pending and the database role may not apply them .*npm run migrate/);
  });

  test('the owner migrates and grants the application role its privileges with npm run migrate -- --grant-to', async () => {
    const { stdout } = await promisify(execFile)(join(projectRoot(), 'node_modules', '.bin', 'tsx'), ['src/db/migrate-cli.ts', '--grant-to', appRole], {
      cwd: projectRoot(),
      env: { ...process.env, DATABASE_URL: urlAs(owner), LOG_LEVEL: 'silent' },
    });
    expect(stdout).toContain('migrations applied (postgres database)');
    expect(stdout).toContain(`privileges granted to ${appRole}`);
  }, 120_000);

  describe('once migrated', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await createService(serviceConfig(), false);
    });
    afterAll(() => app?.close());
    const api = (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({ method, url: `/api/v1${url}`, headers: { authorization: 'Bearer roles-admin-token-0123456789abcdefghij' }, ...(payload ? { payload } : {}) });

    test('the service starts as the application role, writes, audits and signs checkpoints', async () => {
      expect((await api('POST', '/companies', { name: 'Rooli Oy' })).statusCode).toBe(201);
      expect((await api('POST', '/audit/checkpoints')).statusCode).toBe(201);
      expect((await api('GET', '/audit/verify')).json()).toMatchObject({ intact: true, checkpoints: { status: 'consistent' } });
    });

    test.each([
      ['ALTER TABLE audit_events DISABLE TRIGGER USER', /must be owner of table audit_events/],
      ['DROP TRIGGER audit_events_no_update_delete ON audit_events', /must be owner of (table|relation) audit_events/],
      ['SET session_replication_role = replica', /permission denied to set parameter "session_replication_role"/],
      ['DELETE FROM audit_events', /permission denied for table audit_events/],
      ["UPDATE audit_events SET action = 'forged'", /permission denied for table audit_events/],
      ['TRUNCATE audit_events', /permission denied for table audit_events/],
      ['DELETE FROM audit_checkpoints', /permission denied for table audit_checkpoints/],
      ['ALTER TABLE audit_checkpoints DISABLE TRIGGER USER', /must be owner of table audit_checkpoints/],
      ['CREATE TABLE shadow (seq bigint)', /permission denied for schema public/],
    ])('the application role is refused: %s', async (statement, message) => {
      expect(await refusal(appRole, statement)).toMatch(message);
    });

    test('the owner is no superuser either: it cannot set session_replication_role', async () => {
      expect(await refusal(owner, 'SET session_replication_role = replica')).toMatch(/permission denied to set parameter/);
    });
  });
});
