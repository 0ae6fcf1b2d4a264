import { createCompany, createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

let t: TestApp;
let a: { company: string; user: TestUser };
let b: { company: string; user: TestUser };

beforeAll(async () => {
  t = await createTestApp();
  const companyA = await createCompany(t, 'A-Tekniikka Oy');
  const companyB = await createCompany(t, 'B-Mekaniikka AS');
  a = { company: companyA, user: await createUser(t, 'customer', { companyId: companyA }) };
  b = { company: companyB, user: await createUser(t, 'customer', { companyId: companyB }) };
});
afterAll(() => t.close());

test('a customer lists only its own company', async () => {
  const res = await t.request({ method: 'GET', url: '/api/v1/companies', token: a.user.token });
  expect(res.json().items.map((c: { id: string }) => c.id)).toEqual([a.company]);
});

test("a customer cannot read another company's record, whatever the URL", async () => {
  const res = await t.request({ method: 'GET', url: `/api/v1/companies/${b.company}`, token: a.user.token });
  expect(res.statusCode).toBe(404);
  expect(res.json().code).toBe('LIMS_NOT_FOUND');
  const own = await t.request({ method: 'GET', url: `/api/v1/companies/${a.company}`, token: a.user.token });
  expect(own.statusCode).toBe(200);
});

test('staff see every company', async () => {
  const technician = await createUser(t, 'technician');
  const res = await t.request({ method: 'GET', url: '/api/v1/companies', token: technician.token });
  expect(res.json().items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([a.company, b.company]));
});

test("the same record's answer does not tell whether it exists in another company", async () => {
  const missing = await t.request({ method: 'GET', url: '/api/v1/companies/00000000-0000-4000-8000-00000000dead', token: a.user.token });
  const other = await t.request({ method: 'GET', url: `/api/v1/companies/${b.company}`, token: a.user.token });
  expect(other.statusCode).toBe(missing.statusCode);
  expect(other.json().title).toBe(missing.json().title);
});
