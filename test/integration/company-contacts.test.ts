import { createCustomer } from '../harness/commercial.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

/** A company's contact persons: added, changed, marked inactive, never deleted; audited; company-scoped. */

let t: TestApp;
let qm: TestUser;
let company: string;
let other: string;
let customer: TestUser;

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, user?: TestUser, payload?: object) =>
  t.request({ method, url: `/api/v1${url}`, ...(user ? { token: user.token } : {}), ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  qm = await createUser(t, 'quality_manager');
  company = await createCustomer(t, { name: 'Yhteys Oy' });
  other = await createCustomer(t, { name: 'Muu Oy' });
  customer = await createUser(t, 'customer', { companyId: company });
});
afterAll(() => t.close());

const addContact = async (companyId: string, name: string, extra: object = {}) => {
  const res = await call('POST', `/companies/${companyId}/contacts`, qm, { name, ...extra });
  expect(res.statusCode).toBe(201);
  return res.json();
};

describe('changing a contact person', () => {
  test('only the fields given change; null clears an optional one; the change is audited with before and after', async () => {
    const matti = await addContact(company, 'Matti Mittaaja', { title: 'Laatupäällikkö', email: 'matti@yhteys.fi', phone: '+358 40 123 4567' });
    expect(matti).toMatchObject({ active: true, updatedAt: matti.createdAt });
    const res = await call('PATCH', `/companies/${company}/contacts/${matti.id}`, qm, { title: 'Tuotantopäällikkö', phone: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: matti.id, name: 'Matti Mittaaja', title: 'Tuotantopäällikkö', email: 'matti@yhteys.fi', phone: null, active: true });

    const admin = await createUser(t, 'auditor');
    const events = (await call('GET', `/audit/events?entityType=company&entityId=${company}`, admin)).json().items;
    expect(events[0]).toMatchObject({
      action: 'company.contact.update',
      actorUserId: qm.id,
      before: expect.objectContaining({ title: 'Laatupäällikkö', phone: '+358 40 123 4567' }),
      after: expect.objectContaining({ title: 'Tuotantopäällikkö', phone: null }),
    });
  });

  test('a person who no longer deals with the lab is marked inactive, kept, and listed after the active ones', async () => {
    const aino = await addContact(company, 'Aino Aaltonen');
    const ville = await addContact(company, 'Ville Virtanen');
    expect((await call('PATCH', `/companies/${company}/contacts/${aino.id}`, qm, { active: false })).json()).toMatchObject({ active: false });
    const names = (await call('GET', `/companies/${company}/contacts`, customer)).json().items.map((c: { name: string; active: boolean }) => [c.name, c.active]);
    expect(names).toEqual([
      ['Matti Mittaaja', true],
      ['Ville Virtanen', true],
      ['Aino Aaltonen', false],
    ]);
    expect(ville.active).toBe(true);
  });

  test('an empty change, an unknown field, a blank name or a bad e-mail is a 400 naming the field', async () => {
    const contact = await addContact(company, 'Kalle Kokeilu');
    const url = `/companies/${company}/contacts/${contact.id}`;
    expect((await call('PATCH', url, qm, {})).statusCode).toBe(400);
    const unknown = await call('PATCH', url, qm, { mobile: '+358 50 1' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: '/body/mobile' })]);
    expect((await call('PATCH', url, qm, { name: '' })).json().errors).toEqual([expect.objectContaining({ field: '/body/name' })]);
    expect((await call('PATCH', url, qm, { email: 'not-an-address' })).json().errors).toEqual([expect.objectContaining({ field: '/body/email' })]);
    expect((await call('GET', `/companies/${company}/contacts`, qm)).json().items).toEqual(expect.arrayContaining([expect.objectContaining({ id: contact.id, name: 'Kalle Kokeilu', email: null })]));
  });

  test("another company's contact, through this company's path, is a 404 and changes nothing", async () => {
    const theirs = await addContact(other, 'Olli Ulkopuolinen');
    const res = await call('PATCH', `/companies/${company}/contacts/${theirs.id}`, qm, { name: 'Kaapattu' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('LIMS_NOT_FOUND');
    expect((await call('GET', `/companies/${other}/contacts`, qm)).json().items).toEqual([expect.objectContaining({ name: 'Olli Ulkopuolinen' })]);
  });

  test('customers read their own contacts but may not change them; technicians may not either', async () => {
    const contact = await addContact(company, 'Liisa Lukija');
    expect((await call('PATCH', `/companies/${company}/contacts/${contact.id}`, customer, { title: 'Johtaja' })).statusCode).toBe(403);
    expect((await call('PATCH', `/companies/${company}/contacts/${contact.id}`, await createUser(t, 'technician'), { title: 'Johtaja' })).statusCode).toBe(403);
    expect((await call('GET', `/companies/${other}/contacts`, customer)).statusCode).toBe(404);
  });
});
