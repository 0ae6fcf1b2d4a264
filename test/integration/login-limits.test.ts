import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../harness/test-app.js';

/**
 * Login limits (NIST SP 800-63B 5.2.2): at most 5 failed attempts per account and client address in
 * 15 minutes, and a growing wait per account for addresses it has not logged in from, reserved in
 * the database before any password is checked. A 401 means the password was checked; a 429 means
 * it was not.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PASSWORD = 'mittaus on tarkkaa 2026';
let counter = 0;

async function staffUser(): Promise<string> {
  counter += 1;
  const email = `limits.${counter}@ktk.fi`;
  const res = await t.request({ method: 'POST', url: '/api/v1/users', payload: { email, displayName: `Limits ${counter}`, role: 'technician', password: PASSWORD } });
  expect(res.statusCode).toBe(201);
  return email;
}

const login = (app: TestApp, email: string, password: string, remoteAddress = '127.0.0.1', headers: Record<string, string> = {}) =>
  app.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, token: null, remoteAddress, headers });

const statuses = (responses: { statusCode: number }[]) => {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
};

test('100 parallel wrong passwords from one address check at most 5 passwords; the rest are 429 with Retry-After', async () => {
  const email = await staffUser();
  const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => login(t, email, `wrong password ${i}`, '198.51.100.1')));
  expect(statuses(answers)).toEqual({ 401: 5, 429: 95 });
  const limited = answers.find((r) => r.statusCode === 429)!;
  expect(limited.json()).toMatchObject({ code: 'LIMS_AUTH_RATE_LIMITED', details: { limit: 'address' } });
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
  // Even the right password is not checked from that address until the window ends...
  expect((await login(t, email, PASSWORD, '198.51.100.1')).statusCode).toBe(429);
  // ...but the account's owner logs in from their own address.
  expect((await login(t, email, PASSWORD, '192.0.2.20')).statusCode).toBe(201);
});

test('failures from one address do not block the same account from another address', async () => {
  const email = await staffUser();
  for (let i = 0; i < 5; i++) expect((await login(t, email, 'guessing wrong', '203.0.113.66')).statusCode).toBe(401);
  expect((await login(t, email, 'guessing wrong', '203.0.113.66')).statusCode).toBe(429);
  expect((await login(t, email, PASSWORD, '192.0.2.21')).statusCode).toBe(201);
});

test('100 parallel wrong passwords from 100 addresses check 10; the account then waits, but not from an address it logged in from', async () => {
  const email = await staffUser();
  expect((await login(t, email, PASSWORD, '192.0.2.30')).statusCode).toBe(201);
  const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => login(t, email, `wrong password ${i}`, `10.1.${Math.floor(i / 50)}.${i % 50}`)));
  expect(statuses(answers)).toEqual({ 401: 10, 429: 90 });
  expect(answers.find((r) => r.statusCode === 429)!.json()).toMatchObject({ details: { limit: 'account' } });
  // A new address waits too...
  expect((await login(t, email, PASSWORD, '10.2.0.1')).statusCode).toBe(429);
  // ...while the owner's usual address is not held back.
  expect((await login(t, email, PASSWORD, '192.0.2.30')).statusCode).toBe(201);
});

test('the wait per account grows with each further failure (Retry-After)', async () => {
  const email = await staffUser();
  for (let i = 0; i < 10; i++) expect((await login(t, email, 'still wrong', `10.3.0.${i}`)).statusCode).toBe(401);
  const waits: number[] = [];
  for (let round = 0; round < 3; round++) {
    const refused = await login(t, email, 'still wrong', `10.4.${round}.1`);
    expect(refused.statusCode).toBe(429);
    waits.push(Number(refused.headers['retry-after']));
    // The wait has passed: the next attempt is checked (and fails), and the wait after it doubles.
    await t.database.db.execute(sql`update login_account_limits set blocked_until = now() - interval '1 second' where email = ${email}`);
    expect((await login(t, email, 'still wrong', `10.5.${round}.1`)).statusCode).toBe(401);
  }
  expect(waits[0]).toBeLessThanOrEqual(30);
  expect(waits[1]).toBeGreaterThan(30);
  expect(waits[1]).toBeLessThanOrEqual(60);
  expect(waits[2]).toBeGreaterThan(60);
  expect(waits[2]).toBeLessThanOrEqual(120);
  // No hard lock: once the wait has passed, the right password works and clears the count.
  await t.database.db.execute(sql`update login_account_limits set blocked_until = now() - interval '1 second' where email = ${email}`);
  expect((await login(t, email, PASSWORD, '10.6.0.1')).statusCode).toBe(201);
  expect((await login(t, email, 'wrong once', '10.6.0.2')).statusCode).toBe(401);
});

test('an unknown e-mail address is limited the same way as a known one', async () => {
  for (let i = 0; i < 5; i++) expect((await login(t, 'nobody@ktk.fi', 'whatever it is', '198.51.100.77')).statusCode).toBe(401);
  const limited = await login(t, 'nobody@ktk.fi', 'whatever it is', '198.51.100.77');
  expect(limited.statusCode).toBe(429);
  expect(limited.json().code).toBe('LIMS_AUTH_RATE_LIMITED');
});

test('wrong current passwords when changing one\'s own password count against the same limits', async () => {
  const email = await staffUser();
  const token = (await login(t, email, PASSWORD, '192.0.2.40')).json().token;
  const change = (currentPassword: string) =>
    t.request({ method: 'POST', url: '/api/v1/me/password', token, remoteAddress: '192.0.2.41', payload: { currentPassword, newPassword: 'uusi kaliiperi syksyllä 7' } });
  for (let i = 0; i < 5; i++) expect((await change('not my password')).json().code).toBe('LIMS_USER_WRONG_PASSWORD');
  const limited = await change(PASSWORD);
  expect(limited.statusCode).toBe(429);
  expect((await login(t, email, PASSWORD, '192.0.2.41')).statusCode).toBe(429);
});

test('without TRUST_PROXY, X-Forwarded-For is ignored: the connecting address is the one limited', async () => {
  const email = await staffUser();
  for (let i = 0; i < 5; i++) {
    expect((await login(t, email, 'wrong again', '10.9.9.9', { 'x-forwarded-for': `203.0.113.${i}` })).statusCode).toBe(401);
  }
  expect((await login(t, email, PASSWORD, '10.9.9.9', { 'x-forwarded-for': '203.0.113.200' })).statusCode).toBe(429);
});

describe('behind a proxy (TRUST_PROXY)', () => {
  let proxied: TestApp;
  beforeAll(async () => {
    proxied = await createTestApp({ env: { TRUST_PROXY: '10.0.0.0/8' } });
  });
  afterAll(() => proxied.close());

  test("the client's address from X-Forwarded-For is the one limited, so one client cannot block everyone behind the proxy", async () => {
    const email = 'proxied@ktk.fi';
    await proxied.request({ method: 'POST', url: '/api/v1/users', payload: { email, displayName: 'Proxied', role: 'auditor', password: PASSWORD } });
    const viaProxy = (client: string, password: string) => login(proxied, email, password, '10.0.0.5', { 'x-forwarded-for': client });
    for (let i = 0; i < 5; i++) expect((await viaProxy('203.0.113.7', 'wrong password here')).statusCode).toBe(401);
    expect((await viaProxy('203.0.113.7', PASSWORD)).statusCode).toBe(429);
    expect((await viaProxy('203.0.113.8', PASSWORD)).statusCode).toBe(201);
  });

  test('a client that is not a trusted proxy cannot choose its address with X-Forwarded-For', async () => {
    const email = 'direct@ktk.fi';
    await proxied.request({ method: 'POST', url: '/api/v1/users', payload: { email, displayName: 'Direct', role: 'auditor', password: PASSWORD } });
    for (let i = 0; i < 5; i++) {
      expect((await login(proxied, email, 'wrong password here', '198.51.100.9', { 'x-forwarded-for': `203.0.113.${i + 20}` })).statusCode).toBe(401);
    }
    expect((await login(proxied, email, PASSWORD, '198.51.100.9', { 'x-forwarded-for': '203.0.113.99' })).statusCode).toBe(429);
  });
});
