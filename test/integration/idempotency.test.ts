import { sql } from 'drizzle-orm';
import { createTestApp, createUser, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let slowGate: (() => void) | undefined;
let slowCalls = 0;

beforeAll(async () => {
  t = await createTestApp({
    extend: (app) =>
      app.post('/api/v1/test/slow', { config: { roles: ['admin'] } }, async (_request, reply) => {
        slowCalls += 1;
        await new Promise<void>((resolve) => (slowGate = resolve));
        return reply.code(201).send({ call: slowCalls });
      }),
  });
});
afterAll(() => t.close());

const post = (key: string, name: string, token?: string) =>
  t.request({ method: 'POST', url: '/api/v1/companies', payload: { name }, headers: { 'idempotency-key': key }, ...(token ? { token } : {}) });

const companyCount = async () => (await t.request({ method: 'GET', url: '/api/v1/companies' })).json().items.length;

test('a repeated key with the same body replays the first answer and creates nothing new', async () => {
  const before = await companyCount();
  const first = await post('key-1', 'Toistuva Oy');
  const second = await post('key-1', 'Toistuva Oy');
  expect(first.statusCode).toBe(201);
  expect(second.statusCode).toBe(201);
  expect(second.json()).toEqual(first.json());
  expect(second.headers['idempotent-replayed']).toBe('true');
  expect(await companyCount()).toBe(before + 1);
});

test('the same key with a different body is 422', async () => {
  await post('key-2', 'Eka Oy');
  const res = await post('key-2', 'Toka Oy');
  expect(res.statusCode).toBe(422);
  expect(res.json().code).toBe('LIMS_IDEMPOTENCY_KEY_REUSED');
});

test('keys belong to a user: another user may use the same key', async () => {
  const other = await createUser(t, 'quality_manager');
  await post('key-3', 'Käyttäjä A Oy');
  const res = await post('key-3', 'Käyttäjä A Oy', other.token);
  expect(res.statusCode).toBe(201);
  expect(res.headers['idempotent-replayed']).toBeUndefined();
});

test('a retry while the first request is still running is 409', async () => {
  const first = t.request({ method: 'POST', url: '/api/v1/test/slow', payload: { a: 1 }, headers: { 'idempotency-key': 'slow-1' } });
  while (!slowGate) await new Promise((r) => setTimeout(r, 10));
  const retry = await t.request({ method: 'POST', url: '/api/v1/test/slow', payload: { a: 1 }, headers: { 'idempotency-key': 'slow-1' } });
  expect(retry.statusCode).toBe(409);
  expect(retry.json().code).toBe('LIMS_IDEMPOTENCY_IN_PROGRESS');
  slowGate();
  expect((await first).statusCode).toBe(201);
  const replay = await t.request({ method: 'POST', url: '/api/v1/test/slow', payload: { a: 1 }, headers: { 'idempotency-key': 'slow-1' } });
  expect(replay.json()).toEqual({ call: 1 });
  expect(slowCalls).toBe(1);
});

test('an expired key is free again', async () => {
  await post('key-old', 'Vanha Oy');
  await t.database.db.execute(sql`update idempotency_keys set expires_at = now() - interval '1 second' where key = 'key-old'`);
  const res = await post('key-old', 'Uusi Oy');
  expect(res.statusCode).toBe(201);
  expect(res.json().name).toBe('Uusi Oy');
});

test('an invalid key is a 400', async () => {
  const res = await post('has space', 'X Oy');
  expect(res.statusCode).toBe(400);
});

test('a request without a key is not affected', async () => {
  const before = await companyCount();
  await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'Ilman Avainta Oy' } });
  await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'Ilman Avainta Oy' } });
  expect(await companyCount()).toBe(before + 2);
});
