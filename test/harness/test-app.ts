import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import type { Database } from '../../src/db/database.js';
import { bootstrapAdmin } from '../../src/modules/users/index.js';
import type { Role } from '../../src/shared/actor.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdefghijkl';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  testDb: TestDatabase;
  config: Config;
  adminToken: string;
  /** app.inject with a bearer token (the admin's unless `token` is given). */
  request(options: InjectOptions & { token?: string | null }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Environment variables for loadConfig. */
  env?: Record<string, string>;
  /** Registers extra (test-only) routes before the app is ready. */
  extend?: (app: FastifyInstance) => void;
}

/** Builds the app on a fresh database of its own, with a bootstrap admin whose token is ADMIN_TOKEN. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_BASE_URL: 'http://lims.test', ...options.env });
  const app = await buildApp({ config, database: testDb.database, logger: false });
  options.extend?.(app);
  await app.ready();
  await bootstrapAdmin(testDb.database.db, ADMIN_TOKEN);
  return {
    app,
    database: testDb.database,
    testDb,
    config,
    adminToken: ADMIN_TOKEN,
    request: ({ token, headers, ...options }) =>
      app.inject({
        ...options,
        headers: { ...(token === null ? {} : { authorization: `Bearer ${token ?? ADMIN_TOKEN}` }), ...headers },
      }),
    close: async () => {
      await app.close();
      await testDb.drop();
    },
  };
}

export interface TestUser {
  id: string;
  token: string;
  role: Role;
  companyId: string | null;
}

/** Creates a company through the API and returns its id. */
export async function createCompany(t: TestApp, name = 'Konepaja Oy'): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name } });
  if (res.statusCode !== 201) throw new Error(`company: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

let userCounter = 0;

/** Creates a user of a role (with a company for customers) and an API token for it, through the API. */
export async function createUser(t: TestApp, role: Role, options: { companyId?: string; password?: string } = {}): Promise<TestUser> {
  userCounter += 1;
  const companyId = role === 'customer' ? (options.companyId ?? (await createCompany(t, `Company ${userCounter}`))) : null;
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/users',
    payload: {
      email: `${role}.${userCounter}.${Date.now()}@example.fi`,
      displayName: `${role} ${userCounter}`,
      role,
      ...(companyId ? { companyId } : {}),
      ...(options.password ? { password: options.password } : {}),
    },
  });
  if (res.statusCode !== 201) throw new Error(`user: ${res.statusCode} ${res.body}`);
  const user = res.json();
  const tokenRes = await t.request({ method: 'POST', url: `/api/v1/users/${user.id}/tokens`, payload: { name: 'test' } });
  if (tokenRes.statusCode !== 201) throw new Error(`token: ${tokenRes.statusCode} ${tokenRes.body}`);
  return { id: user.id, token: tokenRes.json().token, role, companyId };
}
