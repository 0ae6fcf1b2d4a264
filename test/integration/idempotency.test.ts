import { sql } from 'drizzle-orm';
import { createTestApp, createUser, type TestApp } from '../harness/test-app.js';
import { onPostgres } from '../harness/test-database.js';

let t: TestApp;
let slowGate: (() => void) | undefined;
let slowCalls = 0;
let failingCalls = 0;

beforeAll(async () => {
  t = await createTestApp({
    extend: (app) => {
      app.post('/api/v1/test/slow', { config: { roles: ['admin'] } }, async (_request, reply) => {
        slowCalls += 1;
        await new Promise<void>((resolve) => (slowGate = resolve));
        return reply.code(201).send({ call: slowCalls });
      });
      // Writes, then fails as a lost connection or a bug would after the write.
      app.post('/api/v1/test/write-then-fail', { config: { roles: ['admin'] } }, async (request, reply) => {
        failingCalls += 1;
        const name = (request.body as { name: string }).name;
        await app.lims.db.execute(sql`insert into companies (id, name) values (gen_random_uuid(), ${name})`);
        if (failingCalls === 1) throw new Error('failed after writing');
        return reply.code(201).send({ call: failingCalls });
      });
    },
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

test('a retry while the first request is still running is 409 (on the embedded database it waits its turn and replays)', async () => {
  const slow = () => t.request({ method: 'POST', url: '/api/v1/test/slow', payload: { a: 1 }, headers: { 'idempotency-key': 'slow-1' } });
  const first = slow();
  while (!slowGate) await new Promise((r) => setTimeout(r, 10));
  if (onPostgres()) {
    const retry = await slow();
    expect(retry.statusCode).toBe(409);
    expect(retry.json().code).toBe('LIMS_IDEMPOTENCY_IN_PROGRESS');
    slowGate();
  } else {
    // One connection: the first request's transaction holds it, so the retry is answered after it.
    const retry = slow();
    slowGate();
    expect((await retry).json()).toEqual({ call: 1 });
  }
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

const companiesNamed = async (name: string) =>
  (await t.database.db.execute(sql`select id from companies where name = ${name}`) as unknown as { rows: unknown[] }).rows.length;

test('a request that fails after writing leaves nothing behind, and its key runs afresh', async () => {
  const send = () =>
    t.request({ method: 'POST', url: '/api/v1/test/write-then-fail', payload: { name: 'Puolivalmis Oy' }, headers: { 'idempotency-key': 'fails-once' } });
  const failed = await send();
  expect(failed.statusCode).toBe(500);
  expect(await companiesNamed('Puolivalmis Oy')).toBe(0);
  const retried = await send();
  expect(retried.statusCode).toBe(201);
  expect(retried.headers['idempotent-replayed']).toBeUndefined();
  expect(await companiesNamed('Puolivalmis Oy')).toBe(1);
});

test('a refused request (4xx) releases its key', async () => {
  const refused = await post('refused-once', '   ');
  expect(refused.statusCode).toBeGreaterThanOrEqual(400);
  expect(refused.statusCode).toBeLessThan(500);
  const res = await post('refused-once', 'Korjattu Oy');
  expect(res.statusCode).toBe(201);
});

test('a key left "in progress" by an earlier outage does not stay stuck', async () => {
  await t.database.db.execute(sql`
    insert into idempotency_keys (user_id, key, method, path, request_hash, state, expires_at)
    select u.id, 'stranded', 'POST', '/api/v1/companies', 'x', 'in_progress', now() + interval '1 day' from users u where u.role = 'admin'`);
  const res = await post('stranded', 'Jumittunut Oy');
  expect(res.statusCode).toBe(201);
  expect(res.json().name).toBe('Jumittunut Oy');
});
