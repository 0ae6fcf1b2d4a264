import { buildApp } from '../../src/app.js';
import { ROLES, type Role } from '../../src/shared/actor.js';
import { createCompany, createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

let t: TestApp;
const users = {} as Record<Role, TestUser>;
let companyId: string;

beforeAll(async () => {
  t = await createTestApp();
  companyId = await createCompany(t, 'Roolitesti Oy');
  for (const role of ROLES) users[role] = await createUser(t, role, role === 'customer' ? { companyId } : {});
});
afterAll(() => t.close());

const someId = '00000000-0000-4000-8000-000000000001';

/** Every protected endpoint with the roles that may call it. */
const matrix: { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object; allowed: Role[] }[] = [
  { method: 'GET', url: '/api/v1/me', allowed: [...ROLES] },
  { method: 'GET', url: '/api/v1/users', allowed: ['admin'] },
  { method: 'POST', url: '/api/v1/users', payload: { email: 'x@example.fi', displayName: 'X', role: 'auditor' }, allowed: ['admin'] },
  { method: 'GET', url: `/api/v1/users/${someId}`, allowed: ['admin'] },
  { method: 'PATCH', url: `/api/v1/users/${someId}`, payload: { displayName: 'Y' }, allowed: ['admin'] },
  { method: 'POST', url: `/api/v1/users/${someId}/tokens`, payload: { name: 'n' }, allowed: ['admin'] },
  { method: 'GET', url: `/api/v1/users/${someId}/tokens`, allowed: ['admin'] },
  { method: 'POST', url: `/api/v1/tokens/${someId}/revoke`, payload: {}, allowed: [...ROLES] },
  { method: 'POST', url: '/api/v1/companies', payload: { name: 'Uusi Oy' }, allowed: ['admin', 'quality_manager'] },
  { method: 'GET', url: '/api/v1/companies', allowed: [...ROLES] },
  { method: 'GET', url: '/api/v1/companies/{company}', allowed: [...ROLES] },
  { method: 'GET', url: '/api/v1/audit/events', allowed: ['admin', 'auditor', 'quality_manager'] },
  { method: 'GET', url: '/api/v1/audit/verify', allowed: ['admin', 'auditor'] },
];

describe.each(matrix)('$method $url', ({ method, url, payload, allowed }) => {
  test.each(ROLES)('%s', async (role) => {
    const res = await t.request({ method, url: url.replace('{company}', companyId), ...(payload ? { payload } : {}), token: users[role].token });
    if (allowed.includes(role)) {
      expect(res.statusCode).not.toBe(403);
      expect(res.statusCode).toBeLessThan(500);
    } else {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'LIMS_AUTH_FORBIDDEN', detail: expect.stringContaining(role) });
    }
  });

  test('without a token: 401', async () => {
    const res = await t.request({ method, url: url.replace('{company}', companyId), ...(payload ? { payload } : {}), token: null });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('LIMS_AUTH_REQUIRED');
    expect(res.headers['www-authenticate']).toBe('Bearer');
  });
});

test('an /api route that declares no roles cannot even be registered (default deny)', async () => {
  const app = await buildApp({ config: t.config, database: { ...t.database, close: async () => undefined }, logger: false });
  expect(() => app.get('/api/v1/undeclared', async () => 'x')).toThrow(/declares neither roles nor public/);
  await app.close();
});

describe('tokens', () => {
  test('an unknown token is 401', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/me', token: 'lims_not-a-real-token' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('LIMS_AUTH_INVALID_TOKEN');
  });

  test('tokens are listed without their secret, and a revoked token stops working', async () => {
    const user = await createUser(t, 'technician');
    const list = await t.request({ method: 'GET', url: `/api/v1/users/${user.id}/tokens` });
    expect(list.statusCode).toBe(200);
    const [token] = list.json().items;
    expect(token).not.toHaveProperty('token');
    expect(token).not.toHaveProperty('tokenHash');
    expect(user.token.startsWith(token.tokenPrefix)).toBe(true);

    const revoke = await t.request({ method: 'POST', url: `/api/v1/tokens/${token.id}/revoke`, payload: { reason: 'laptop lost' }, token: user.token });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).not.toBeNull();
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: user.token })).statusCode).toBe(401);
  });

  test("a user cannot revoke another user's token", async () => {
    const a = await createUser(t, 'technician');
    const b = await createUser(t, 'technician');
    const [bToken] = (await t.request({ method: 'GET', url: `/api/v1/users/${b.id}/tokens` })).json().items;
    const res = await t.request({ method: 'POST', url: `/api/v1/tokens/${bToken.id}/revoke`, payload: {}, token: a.token });
    expect(res.statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: b.token })).statusCode).toBe(200);
  });

  test('an expired token is refused', async () => {
    const user = await createUser(t, 'auditor');
    const issued = await t.request({
      method: 'POST',
      url: `/api/v1/users/${user.id}/tokens`,
      payload: { name: 'short-lived', expiresAt: new Date(Date.now() + 1500).toISOString() },
    });
    const { token } = issued.json();
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token })).statusCode).toBe(401);
  });

  test('a token with an expiry in the past cannot be issued', async () => {
    const res = await t.request({ method: 'POST', url: `/api/v1/users/${users.auditor.id}/tokens`, payload: { name: 'x', expiresAt: '2020-01-01T00:00:00Z' } });
    expect(res.statusCode).toBe(422);
  });

  test("deactivating a user stops all of the user's tokens", async () => {
    const user = await createUser(t, 'quality_manager');
    const res = await t.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { active: false, reason: 'left the company' } });
    expect(res.statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', token: user.token })).statusCode).toBe(401);
  });
});

describe('users', () => {
  test('a customer user needs a company and staff must not have one', async () => {
    const customer = await t.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'c@example.fi', displayName: 'C', role: 'customer' } });
    expect(customer.statusCode).toBe(422);
    expect(customer.json().code).toBe('LIMS_USER_COMPANY_MISMATCH');
    const staff = await t.request({ method: 'POST', url: '/api/v1/users', payload: { email: 's@example.fi', displayName: 'S', role: 'technician', companyId } });
    expect(staff.statusCode).toBe(422);
  });

  test('e-mail addresses are unique regardless of case', async () => {
    const payload = { email: 'Sama.Henkilo@example.fi', displayName: 'A', role: 'auditor' };
    expect((await t.request({ method: 'POST', url: '/api/v1/users', payload })).statusCode).toBe(201);
    const again = await t.request({ method: 'POST', url: '/api/v1/users', payload: { ...payload, email: 'sama.henkilo@EXAMPLE.fi' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('LIMS_USER_EMAIL_TAKEN');
  });

  test('the password hash is never returned', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'pw@example.fi', displayName: 'P', role: 'technician', password: 'a long enough password' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ hasPassword: true });
    expect(res.body).not.toMatch(/argon2|passwordHash/);
  });
});

describe('password login', () => {
  const password = 'mittaus on tarkkaa 2026';
  let email: string;
  beforeAll(async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'login@example.fi', displayName: 'L', role: 'technician', password } });
    email = res.json().email;
  });

  test('the right password gives a token that works and expires', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'LOGIN@example.fi', password }, token: null });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await t.request({ method: 'GET', url: '/api/v1/me', token: body.token });
    expect(me.json().email).toBe(email);
  });

  test('failed logins are limited per e-mail address and client address', async () => {
    const target = 'ratelimit@example.fi';
    await t.request({ method: 'POST', url: '/api/v1/users', payload: { email: target, displayName: 'R', role: 'auditor', password } });
    for (let i = 0; i < 5; i++) {
      const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: target, password: 'wrong' }, token: null });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('LIMS_AUTH_INVALID_CREDENTIALS');
    }
    const limited = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: target, password }, token: null });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('LIMS_AUTH_RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // From another address the account still logs in (details in login-limits.test.ts).
    const elsewhere = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: target, password }, token: null, remoteAddress: '192.0.2.1' });
    expect(elsewhere.statusCode).toBe(201);
  });

  test('customers cannot log in with a password', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'cust@example.fi', displayName: 'C', role: 'customer', companyId, password } });
    expect(res.statusCode).toBe(201);
    const login = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'cust@example.fi', password }, token: null });
    expect(login.statusCode).toBe(401);
  });
});

describe('password rules', () => {
  const create = (email: string, password: string) =>
    t.request({ method: 'POST', url: '/api/v1/users', payload: { email, displayName: 'Sääntö Testaaja', role: 'technician', password } });

  test.each([
    ['Lyhyt!9x', 'length'],
    ['a\u0308o\u0308a\u0308o\u0308a\u0308o\u0308', 'length'],
    ['            ', 'repetition'],
    ['kkkkkkkkkkkkkkkk', 'repetition'],
    ['password1234', 'common'],
    ['Qwertyuiop123', 'common'],
    ['Testaaja123456', 'common'],
  ])('%p is refused with 422 naming the rule %s, and no user is created', async (password, rule) => {
    const email = `saanto.testaaja.${rule}.${password.length}@ktk.fi`;
    const res = await create(email, password);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'LIMS_USER_WEAK_PASSWORD', details: { field: 'password', rule } });
    expect(res.json().detail).toEqual(expect.any(String));
    const list = (await t.request({ method: 'GET', url: '/api/v1/users?role=technician' })).json().items;
    expect(list.map((u: { email: string }) => u.email)).not.toContain(email);
  });

  test('a weak password is refused on a change too, and the old one keeps working', async () => {
    const res = await create('saanto.muutos@ktk.fi', 'mittaus on tarkkaa 2026');
    const change = await t.request({ method: 'PATCH', url: `/api/v1/users/${res.json().id}`, payload: { password: 'salasana1234' } });
    expect(change.statusCode).toBe(422);
    expect(change.json().details.rule).toBe('common');
    const login = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'saanto.muutos@ktk.fi', password: 'mittaus on tarkkaa 2026' }, token: null });
    expect(login.statusCode).toBe(201);
  });

  test('passwords are compared after NFKC normalisation: "ä" typed as a + combining mark logs in', async () => {
    await create('normalisointi@ktk.fi', 'käyttöikä ja kalibrointi');
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'normalisointi@ktk.fi', password: 'ka\u0308ytto\u0308ika\u0308 ja kalibrointi' },
      token: null,
    });
    expect(login.statusCode).toBe(201);
  });
});

describe('password changes and deactivation revoke tokens', () => {
  const password = 'mittaus on tarkkaa 2026';
  const newPassword = 'kaliiperi ja mikrometri syksyllä';
  const me = (token: string) => t.request({ method: 'GET', url: '/api/v1/me', token });
  const logIn = (email: string, pw: string) => t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: pw }, token: null });
  let n = 0;
  async function staff(role: 'technician' | 'admin' = 'technician') {
    n += 1;
    const email = `revoke.${n}@ktk.fi`;
    const user = (await t.request({ method: 'POST', url: '/api/v1/users', payload: { email, displayName: `Revoke ${n}`, role, password } })).json();
    const apiToken = (await t.request({ method: 'POST', url: `/api/v1/users/${user.id}/tokens`, payload: { name: 'CMM export' } })).json().token;
    return { id: user.id as string, email, apiToken: apiToken as string };
  }

  test("an admin setting a user's password revokes all of that user's tokens", async () => {
    const user = await staff();
    const session = (await logIn(user.email, password)).json().token;
    const res = await t.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { password: newPassword, reason: 'forgotten password' } });
    expect(res.statusCode).toBe(200);
    expect((await me(user.apiToken)).statusCode).toBe(401);
    expect((await me(session)).statusCode).toBe(401);
    expect((await logIn(user.email, password)).statusCode).toBe(401);
    expect((await logIn(user.email, newPassword)).statusCode).toBe(201);
  });

  test('changing your own password revokes your other tokens; the token you changed it with keeps working', async () => {
    const user = await staff();
    const current = (await logIn(user.email, password)).json().token;
    const other = (await logIn(user.email, password)).json().token;
    const res = await t.request({ method: 'POST', url: '/api/v1/me/password', token: current, payload: { currentPassword: password, newPassword } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ tokensRevoked: 2 });
    expect((await me(current)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(user.apiToken)).statusCode).toBe(401);
    expect((await logIn(user.email, newPassword)).statusCode).toBe(201);
  });

  test('changing your own password needs the current one and a password that follows the rules', async () => {
    const user = await staff();
    const token = (await logIn(user.email, password)).json().token;
    const wrong = await t.request({ method: 'POST', url: '/api/v1/me/password', token, payload: { currentPassword: 'not the password', newPassword } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('LIMS_USER_WRONG_PASSWORD');
    const weak = await t.request({ method: 'POST', url: '/api/v1/me/password', token, payload: { currentPassword: password, newPassword: 'short1' } });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().details.rule).toBe('length');
    expect((await me(user.apiToken)).statusCode).toBe(200);
  });

  test('an admin changing their own password through PATCH keeps the token of that request', async () => {
    const admin = await staff('admin');
    const second = (await t.request({ method: 'POST', url: `/api/v1/users/${admin.id}/tokens`, payload: { name: 'laptop' } })).json().token;
    const res = await t.request({ method: 'PATCH', url: `/api/v1/users/${admin.id}`, payload: { password: newPassword }, token: admin.apiToken });
    expect(res.statusCode).toBe(200);
    expect((await me(admin.apiToken)).statusCode).toBe(200);
    expect((await me(second)).statusCode).toBe(401);
  });

  test('deactivating revokes the tokens for good: reactivating does not bring them back', async () => {
    const user = await staff();
    const session = (await logIn(user.email, password)).json().token;
    expect((await t.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { active: false, reason: 'left the company' } })).statusCode).toBe(200);
    expect((await t.request({ method: 'PATCH', url: `/api/v1/users/${user.id}`, payload: { active: true, reason: 'came back' } })).statusCode).toBe(200);
    expect((await me(user.apiToken)).statusCode).toBe(401);
    expect((await me(session)).statusCode).toBe(401);
    const tokens = (await t.request({ method: 'GET', url: `/api/v1/users/${user.id}/tokens` })).json().items;
    expect(tokens.every((token: { revokedAt: string | null }) => token.revokedAt !== null)).toBe(true);
    // The user logs in again with a new token.
    const again = await logIn(user.email, password);
    expect(again.statusCode).toBe(201);
    expect((await me(again.json().token)).statusCode).toBe(200);
  });
});
