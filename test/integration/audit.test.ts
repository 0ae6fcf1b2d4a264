import { sql } from 'drizzle-orm';
import { recordAudit } from '../../src/modules/audit/index.js';
import { companies } from '../../src/db/schema.js';
import { DomainError } from '../../src/shared/errors/index.js';
import { actorOf } from '../../src/http/context.js';
import { onPostgres } from '../harness/test-database.js';
import { createTestApp, createUser, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    extend: (app) =>
      // A change that fails after it wrote its row and its audit event: both must roll back.
      app.post('/api/v1/test/failing-change', { config: { roles: ['admin'] } }, async (request) =>
        app.lims.db.transaction(async (tx) => {
          const [row] = await tx.insert(companies).values({ name: 'Puolikas Oy' }).returning();
          await recordAudit(tx, actorOf(request), { action: 'company.create', entityType: 'company', entityId: row!.id, after: row });
          throw new DomainError('LIMS_CONFLICT', 'refused after writing');
        }),
      ),
  });
});
afterAll(() => t.close());

const events = async (query = '') => (await t.request({ method: 'GET', url: `/api/v1/audit/events${query}` })).json();
const verify = async () => (await t.request({ method: 'GET', url: '/api/v1/audit/verify' })).json();
const exec = (text: string) => t.database.db.execute(sql.raw(text));

test('a change writes its audit event with who, what, the values and the request id', async () => {
  const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'Auditoitu Oy' }, headers: { 'x-request-id': 'req-audit-1' } });
  const company = res.json();
  const { items } = await events(`?entityType=company&entityId=${company.id}`);
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({
    action: 'company.create',
    entityType: 'company',
    entityId: company.id,
    actorRole: 'admin',
    requestId: 'req-audit-1',
    before: null,
    after: { id: company.id, name: 'Auditoitu Oy' },
    hash: expect.stringMatching(/^[0-9a-f]{64}$/),
  });
});

test('a change that fails leaves neither its rows nor its audit event', async () => {
  const before = (await events('?limit=500')).items.length;
  const res = await t.request({ method: 'POST', url: '/api/v1/test/failing-change', payload: {} });
  expect(res.statusCode).toBe(409);
  expect((await events('?limit=500')).items.length).toBe(before);
  const result = (await exec(`select count(*)::int as n from companies where name = 'Puolikas Oy'`)) as unknown as { rows: { n: number }[] };
  const [row] = result.rows;
  expect(row!.n).toBe(0);
});

test('user changes record the before and after values and the reason', async () => {
  const user = await createUser(t, 'technician');
  await t.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { displayName: 'Uusi Nimi', reason: 'name change' } });
  const { items } = await events(`?entityType=user&entityId=${user.id}`);
  const update = items.find((e: { action: string }) => e.action === 'user.update');
  expect(update.before.displayName).not.toBe('Uusi Nimi');
  expect(update.after.displayName).toBe('Uusi Nimi');
  expect(update.reason).toBe('name change');
  expect(JSON.stringify(items)).not.toMatch(/passwordHash|tokenHash/);
});

test('events page with a cursor, newest first, and filter by actor and time', async () => {
  const actor = await createUser(t, 'quality_manager');
  for (let i = 0; i < 5; i++) await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: `Sivutus ${i} Oy` }, token: actor.token });
  const first = await events(`?actorUserId=${actor.id}&limit=2`);
  expect(first.items).toHaveLength(2);
  const second = await events(`?actorUserId=${actor.id}&limit=2&cursor=${first.nextCursor}`);
  const third = await events(`?actorUserId=${actor.id}&limit=2&cursor=${second.nextCursor}`);
  const all = [...first.items, ...second.items, ...third.items];
  expect(all.map((e: { after: { name: string } }) => e.after.name)).toEqual(['Sivutus 4 Oy', 'Sivutus 3 Oy', 'Sivutus 2 Oy', 'Sivutus 1 Oy', 'Sivutus 0 Oy']);
  expect(third.nextCursor).toBeNull();
  const future = await events(`?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
  expect(future.items).toEqual([]);
  const bad = await t.request({ method: 'GET', url: '/api/v1/audit/events?cursor=garbage' });
  expect(bad.statusCode).toBe(400);
});

test('the database refuses to change, delete or truncate audit events', async () => {
  // On PostgreSQL the service's role may only read and append; the triggers stop every other role.
  const refused = onPostgres() ? /permission denied for table audit_events/ : /append-only/;
  for (const statement of [`update audit_events set action = 'x' where seq = 1`, `delete from audit_events where seq = 1`, `truncate audit_events`]) {
    const error = await exec(statement).then(() => null, (e: Error) => e);
    expect(String((error?.cause as Error | undefined)?.message ?? error)).toMatch(refused);
    await expect(t.testDb.superuser(statement)).rejects.toThrow(/append-only/);
  }
});

describe('without a signing key', () => {
  test('no checkpoints are signed, and verification says so', async () => {
    const created = await t.request({ method: 'POST', url: '/api/v1/audit/checkpoints' });
    expect(created.statusCode).toBe(409);
    expect(created.json().code).toBe('LIMS_AUDIT_CHECKPOINTS_NOT_CONFIGURED');
    expect((await t.request({ method: 'GET', url: '/api/v1/audit/public-key' })).json().code).toBe('LIMS_AUDIT_CHECKPOINTS_NOT_CONFIGURED');
    expect((await t.request({ method: 'GET', url: '/api/v1/audit/checkpoints' })).json()).toEqual({ keyId: null, publicKeyPem: null, items: [], nextCursor: null });
    expect((await verify()).checkpoints).toMatchObject({ status: 'not configured', keyId: null, checked: 0 });
  });
});

describe('chain verification', () => {
  // Tampering needs the triggers off, as only a database superuser could do.
  const tamper = async (statement: string) => {
    await t.testDb.superuser('alter table audit_events disable trigger user');
    try {
      await t.testDb.superuser(statement);
    } finally {
      await t.testDb.superuser('alter table audit_events enable trigger user');
    }
  };

  test('an untouched trail verifies', async () => {
    const result = await verify();
    expect(result).toMatchObject({ intact: true, firstBrokenSeq: null });
    expect(result.eventsChecked).toBeGreaterThan(5);
    expect(result.lastSeq).toBe(result.eventsChecked);
  });

  test('a changed event is reported as the first broken link', async () => {
    await tamper(`update audit_events set after = jsonb_set(after, '{forged}', 'true') where seq = 3`);
    expect(await verify()).toMatchObject({ intact: false, firstBrokenSeq: 3, lastSeq: 2, reason: expect.stringMatching(/changed/) });
    await tamper(`update audit_events set after = after - 'forged' where seq = 3`);
    expect((await verify()).intact).toBe(true);
  });

  test('a deleted event is reported where the chain breaks', async () => {
    await tamper(`delete from audit_events where seq = 4`);
    expect(await verify()).toMatchObject({ intact: false, firstBrokenSeq: 5, lastSeq: 3, reason: 'event 4 is missing (found 5 next)' });
  });
});
