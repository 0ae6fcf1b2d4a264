import { createHash, createPublicKey, generateKeyPairSync, randomBytes, verify } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { scheduledCheckpoint } from '../../src/modules/audit/audit-checkpoints.service.js';
import { verifyAuditChain } from '../../src/modules/audit/audit.service.js';
import { eventHash, type StoredEvent } from '../../src/modules/audit/domain/audit-chain.js';
import { signCheckpoint } from '../../src/modules/audit/domain/checkpoints.js';
import { onPostgres } from '../harness/test-database.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

/**
 * Signed checkpoints anchor the audit chain outside its table. Whoever can switch the triggers off
 * (a database superuser) can cut events off the end of the trail, or rewrite one and recompute every
 * later hash with the service's own function: the chain still links up, but it no longer matches
 * what the service signed, and /audit/verify says so.
 */

const SIGNING_KEY = randomBytes(32).toString('base64');

let t: TestApp;
let auditor: TestUser;
beforeAll(async () => {
  t = await createTestApp({ env: { AUDIT_SIGNING_KEY: SIGNING_KEY } });
  auditor = await createUser(t, 'auditor');
  await addEvents(20);
});
afterAll(() => t.close());

async function addEvents(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: `Ankkuri ${randomBytes(4).toString('hex')} Oy` } });
}

const checkpoint = async () => {
  const res = await t.request({ method: 'POST', url: '/api/v1/audit/checkpoints' });
  expect(res.statusCode).toBe(201);
  return res.json();
};
const verifyTrail = async () => (await t.request({ method: 'GET', url: '/api/v1/audit/verify' })).json();
const head = async (): Promise<StoredEvent> => (await t.request({ method: 'GET', url: '/api/v1/audit/events?limit=1' })).json().items[0];

/** What only a superuser can do: a statement on a table with its append-only triggers switched off. */
async function tamper(table: string, statement: string): Promise<void> {
  await t.testDb.superuser(`alter table ${table} disable trigger user`);
  try {
    await t.testDb.superuser(statement);
  } finally {
    await t.testDb.superuser(`alter table ${table} enable trigger user`);
  }
}

const literal = (value: unknown) => `'${JSON.stringify(value).replace(/'/g, "''")}'::jsonb`;

/** Changes event `seq` and recomputes its hash and every later one with the service's own hash function. */
async function rewriteAndRehash(seq: number, after: unknown): Promise<void> {
  const events: StoredEvent[] = (await t.request({ method: 'GET', url: '/api/v1/audit/events?limit=500' })).json().items.reverse();
  let prev = events.find((e) => e.seq === seq - 1)!.hash;
  const updates: string[] = [];
  for (const event of events.filter((e) => e.seq >= seq)) {
    const changed = event.seq === seq ? { ...event, after } : event;
    const hash = eventHash(prev, changed);
    updates.push(`update audit_events set after = ${literal(changed.after)}, prev_hash = '${prev}', hash = '${hash}' where seq = ${event.seq}`);
    prev = hash;
  }
  await t.testDb.superuser('alter table audit_events disable trigger user');
  try {
    for (const update of updates) await t.testDb.superuser(update);
  } finally {
    await t.testDb.superuser('alter table audit_events enable trigger user');
  }
}

describe('signing and checking checkpoints', () => {
  test("a checkpoint signs the chain's head, and the public key alone verifies it (as an auditor does offline)", async () => {
    const last = await head();
    const res = await t.request({ method: 'POST', url: '/api/v1/audit/checkpoints', token: auditor.token });
    expect(res.statusCode).toBe(201);
    const signed = res.json();
    expect(signed).toMatchObject({ seq: last.seq, hash: last.hash, keyId: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const key = (await t.request({ method: 'GET', url: '/api/v1/audit/public-key', token: auditor.token })).json();
    expect(key).toMatchObject({ algorithm: 'Ed25519', keyId: signed.keyId, publicKeyPem: expect.stringContaining('BEGIN PUBLIC KEY') });
    const publicKey = createPublicKey(key.publicKeyPem);
    expect(createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex')).toBe(key.keyId);
    // The signed message as docs/operations.md spells it.
    const message = `ktk-lims audit checkpoint v1\n${signed.seq}\n${signed.hash}\n${signed.createdAt}`;
    expect(verify(null, Buffer.from(message), publicKey, Buffer.from(signed.signature, 'base64'))).toBe(true);
    expect(verify(null, Buffer.from(message.replace(`\n${signed.seq}\n`, `\n${signed.seq - 1}\n`)), publicKey, Buffer.from(signed.signature, 'base64'))).toBe(false);

    const list = (await t.request({ method: 'GET', url: '/api/v1/audit/checkpoints', token: auditor.token })).json();
    expect(list).toMatchObject({ keyId: key.keyId, publicKeyPem: key.publicKeyPem, nextCursor: null });
    expect(list.items[0]).toEqual(signed);
  });

  test('an untouched trail with checkpoints verifies, naming the latest checkpoint', async () => {
    await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'Jatko Oy' } });
    const latest = await checkpoint();
    const result = await verifyTrail();
    expect(result).toMatchObject({ intact: true, firstBrokenSeq: null, reason: null, lastSeq: latest.seq });
    expect(result.checkpoints).toMatchObject({ status: 'consistent', checked: 2, otherKeys: 0, latestSeq: latest.seq, latestAt: latest.createdAt, truncated: false, rewritten: false, badSignatures: 0, problems: [] });
  });

  test('checkpoints page newest first', async () => {
    await checkpoint();
    const first = (await t.request({ method: 'GET', url: '/api/v1/audit/checkpoints?limit=2' })).json();
    const second = (await t.request({ method: 'GET', url: `/api/v1/audit/checkpoints?limit=2&cursor=${first.nextCursor}` })).json();
    const ids = [...first.items, ...second.items].map((c: { id: number }) => c.id);
    expect(ids).toHaveLength(3);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    expect(second.nextCursor).toBeNull();
  });

  test('staff who read the trail may sign and list checkpoints; technicians and customers may not', async () => {
    const qm = await createUser(t, 'quality_manager');
    expect((await t.request({ method: 'POST', url: '/api/v1/audit/checkpoints', token: qm.token })).statusCode).toBe(201);
    const technician = await createUser(t, 'technician');
    const customer = await createUser(t, 'customer');
    for (const token of [technician.token, customer.token]) {
      expect((await t.request({ method: 'POST', url: '/api/v1/audit/checkpoints', token })).statusCode).toBe(403);
      expect((await t.request({ method: 'GET', url: '/api/v1/audit/checkpoints', token })).statusCode).toBe(403);
      expect((await t.request({ method: 'GET', url: '/api/v1/audit/public-key', token })).statusCode).toBe(403);
    }
  });

  test('checkpoints cannot be changed or deleted by the service, only appended', async () => {
    // On PostgreSQL the service's role has no UPDATE or DELETE on the table at all; the triggers stop anyone else.
    const refused = onPostgres() ? /permission denied/ : /append-only/;
    for (const statement of ['update audit_checkpoints set seq = 1', 'delete from audit_checkpoints', 'truncate audit_checkpoints']) {
      const error = await t.app.lims.db.execute(sql.raw(statement)).then(
        () => null,
        (e: Error) => e,
      );
      expect(String((error?.cause as Error | undefined)?.message ?? error)).toMatch(refused);
    }
    for (const statement of ['update audit_checkpoints set seq = 1', 'delete from audit_checkpoints']) {
      await expect(t.testDb.superuser(statement)).rejects.toThrow(/append-only/);
    }
  });

  test('a checkpoint signed with another key (an earlier one) is counted, not trusted', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const last = await head();
    const statement = { seq: last.seq, hash: 'f'.repeat(64), createdAt: new Date().toISOString() };
    const { keyId, signature } = signCheckpoint(privateKey, statement);
    await t.testDb.superuser(
      `insert into audit_checkpoints (seq, hash, created_at, key_id, signature) values (${statement.seq}, '${statement.hash}', '${statement.createdAt}', '${keyId}', '${signature}')`,
    );
    const result = await verifyTrail();
    expect(result.intact).toBe(true);
    expect(result.checkpoints).toMatchObject({ status: 'consistent', otherKeys: 1, problems: [] });
  });
});

describe('what checkpoints catch that the chain alone does not', () => {
  // Each test tampers with the trail as a superuser could; the trail as it was is put back after it.
  beforeEach(async () => {
    for (const table of ['audit_events', 'audit_checkpoints']) await t.testDb.superuser(`create table saved_${table} as select * from ${table}`);
  });
  afterEach(async () => {
    for (const table of ['audit_events', 'audit_checkpoints']) {
      await tamper(table, `delete from ${table}`);
      await tamper(table, `insert into ${table} select * from saved_${table}`);
      await t.testDb.superuser(`drop table saved_${table}`);
    }
    expect((await verifyTrail()).intact).toBe(true);
  });

  test('deleting the last 13 events is reported as truncation', async () => {
    const before = await checkpoint();
    await addEvents(15);
    const signed = await checkpoint();
    const cutFrom = signed.seq - 12;
    await tamper('audit_events', `delete from audit_events where seq >= ${cutFrom}`);

    // The chain alone still links up: this is what /audit/verify said before checkpoints.
    expect(await verifyAuditChain(t.database.db, undefined)).toMatchObject({ intact: true, lastSeq: cutFrom - 1, checkpoints: { status: 'not configured' } });

    const result = await verifyTrail();
    // Events after the last checkpoint that still matches are no longer known to be intact.
    expect(result).toMatchObject({ intact: false, firstBrokenSeq: cutFrom, lastSeq: before.seq, reason: expect.stringMatching(/removed from its end/) });
    expect(result.checkpoints).toMatchObject({ status: 'inconsistent', truncated: true, rewritten: false, badSignatures: 0 });
    expect(result.checkpoints.problems).toEqual([{ checkpointId: signed.id, seq: signed.seq, kind: 'truncated', detail: expect.stringContaining(`ends at event ${cutFrom - 1}`) }]);
  });

  test('events appended after a cut do not hide it: the checkpointed event now has another hash', async () => {
    await addEvents(15);
    const signed = await checkpoint();
    await tamper('audit_events', `delete from audit_events where seq >= ${signed.seq - 12}`);
    await addEvents(15);
    const result = await verifyTrail();
    expect(result.intact).toBe(false);
    expect(result.checkpoints).toMatchObject({ rewritten: true, problems: [expect.objectContaining({ seq: signed.seq, kind: 'rewritten' })] });
  });

  test('rewriting an event and recomputing every later hash with the service’s own function is reported', async () => {
    const early = await checkpoint();
    await addEvents(5);
    const late = await checkpoint();
    const target = early.seq + 2;
    await rewriteAndRehash(target, { forged: true });

    expect(await verifyAuditChain(t.database.db, undefined)).toMatchObject({ intact: true });

    const result = await verifyTrail();
    expect(result).toMatchObject({ intact: false, lastSeq: early.seq, firstBrokenSeq: late.seq, reason: expect.stringMatching(/changed and the hashes after it recomputed/) });
    expect(result.checkpoints).toMatchObject({ status: 'inconsistent', rewritten: true, truncated: false, latestSeq: early.seq });
    expect(result.checkpoints.problems).toEqual([expect.objectContaining({ checkpointId: late.id, seq: late.seq, kind: 'rewritten' })]);
  });

  test('a checkpoint changed to match a rewritten trail fails its signature', async () => {
    const signed = await checkpoint();
    await rewriteAndRehash(signed.seq - 3, { forged: true });
    const forgedHead = await head();
    await tamper('audit_checkpoints', `update audit_checkpoints set hash = '${forgedHead.hash}' where id = ${signed.id}`);

    const result = await verifyTrail();
    expect(result).toMatchObject({ intact: false, firstBrokenSeq: signed.seq, reason: expect.stringMatching(/signature/) });
    expect(result.checkpoints).toMatchObject({ status: 'inconsistent', badSignatures: 1, problems: [expect.objectContaining({ checkpointId: signed.id, kind: 'bad signature' })] });
  });
});

describe('scheduled checkpoints', () => {
  const count = async () => (await t.request({ method: 'GET', url: '/api/v1/audit/checkpoints?limit=500' })).json().items.length;

  test('instances running the schedule together write one checkpoint per period, and none while nothing changes', async () => {
    const key = t.config.auditSigningKey!;
    const db = t.app.lims.db;
    await addEvents(1);
    const before = await count();
    // A day ahead of the checkpoints signed above, so that the last period is long over.
    const start = Date.now() + 24 * 60 * 60_000;
    // Two instances whose timers fire at the same moment.
    const written = await Promise.all([scheduledCheckpoint(db, key, 60, new Date(start)), scheduledCheckpoint(db, key, 60, new Date(start))]);
    expect(written.filter(Boolean)).toHaveLength(1);
    expect(await count()).toBe(before + 1);

    await addEvents(1);
    // Another instance, later in the same period: the period is covered.
    expect(await scheduledCheckpoint(db, key, 60, new Date(start + 20 * 60_000))).toBeNull();
    // The next period signs the new head.
    const next = await scheduledCheckpoint(db, key, 60, new Date(start + 61 * 60_000));
    expect(next).toMatchObject({ seq: (await head()).seq, createdAt: new Date(start + 61 * 60_000).toISOString() });
    // Nothing new since: nothing to sign.
    expect(await scheduledCheckpoint(db, key, 60, new Date(start + 125 * 60_000))).toBeNull();
    expect(await count()).toBe(before + 2);
    expect((await verifyTrail()).checkpoints).toMatchObject({ status: 'consistent', badSignatures: 0, problems: [] });
  });
});
