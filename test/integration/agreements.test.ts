import { requireActiveNda } from '../../src/modules/agreements/index.js';
import { activeAgreement, agreementBody, createCustomer, sign, terms, thisYear } from '../harness/commercial.js';
import { pdfText } from '../harness/pdf-text.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

const Y = thisYear();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('customers', () => {
  test.each([
    ['FI', '0737546-2'],
    ['EE', '12417834'],
    ['SE', '556036-0793'],
  ])('a %s company with business id %s is registered', async (country, businessId) => {
    const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: `Yritys ${businessId}`, country, businessId, address: { city: 'Turku' }, preferredLanguage: 'en' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ country, businessId, address: { city: 'Turku', streetAddress: null }, preferredLanguage: 'en' });
  });

  test.each([
    ['FI', '0737546-3', /check digit of 0737546 is 2/],
    ['FI', '737546-2', /seven digits/],
    ['EE', '1241783', /eight digits/],
    ['EE', '12417835', /check digit/],
  ])('a %s business id %s is refused with a clear reason', async (country, businessId, reason) => {
    const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'Väärä Oy', country, businessId } });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('LIMS_COMPANY_BUSINESS_ID_INVALID');
    expect(res.json().detail).toMatch(reason);
  });

  test('a business id belongs to one company', async () => {
    await createCustomer(t, { name: 'Eka Oy', businessId: '1572860-0' });
    const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'Toka Oy', businessId: '1572860-0' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LIMS_COMPANY_BUSINESS_ID_TAKEN');
  });

  test('details and contact persons can be changed and read', async () => {
    const id = await createCustomer(t);
    const patched = await t.request({ method: 'PATCH', url: `/api/v1/companies/${id}`, payload: { invoicing: { eInvoiceAddress: '003707375462' }, preferredLanguage: 'sv' } });
    expect(patched.json()).toMatchObject({ invoicing: { eInvoiceAddress: '003707375462' }, preferredLanguage: 'sv' });
    const contact = await t.request({ method: 'POST', url: `/api/v1/companies/${id}/contacts`, payload: { name: 'Matti Mittaaja', email: 'matti@konepaja.fi' } });
    expect(contact.statusCode).toBe(201);
    const list = await t.request({ method: 'GET', url: `/api/v1/companies/${id}/contacts` });
    expect(list.json().items).toEqual([expect.objectContaining({ name: 'Matti Mittaaja', email: 'matti@konepaja.fi' })]);
  });
});

describe('agreement lifecycle', () => {
  let company: string;
  let customer: TestUser;
  beforeAll(async () => {
    company = await createCustomer(t, { name: 'Elinkaari Oy' });
    customer = await createUser(t, 'customer', { companyId: company });
  });

  test('a draft becomes active when both parties have signed, and its NDA comes into force', async () => {
    const draft = await t.request({ method: 'POST', url: '/api/v1/agreements', payload: agreementBody(company) });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ status: 'draft', version: 1, number: expect.stringMatching(new RegExp(`^AG-${Y}-\\d{5}$`)), nda: { status: 'pending', expiresOn: null } });
    expect(draft.json().terms.languages).toEqual(['fi']);
    const id = draft.json().id;

    expect((await t.request({ method: 'PATCH', url: `/api/v1/agreements/${id}`, payload: { validTo: `${Y}-12-30` } })).json().validTo).toBe(`${Y}-12-30`);
    const half = await sign(t, id, 'customer', `${Y}-01-05`, customer.token);
    expect(half.json()).toMatchObject({ status: 'draft', customerSignature: { name: 'Matti Mittaaja', signedOn: `${Y}-01-05` } });
    expect((await sign(t, id, 'lab', `${Y}-01-05`, customer.token)).statusCode).toBe(403);
    const full = await sign(t, id, 'lab', `${Y}-01-07`);
    expect(full.json()).toMatchObject({ status: 'active', signedOn: `${Y}-01-07`, nda: { status: 'active', effectiveFrom: `${Y}-01-07`, expiresOn: `${Y + 5}-01-06` } });

    const edit = await t.request({ method: 'PATCH', url: `/api/v1/agreements/${id}`, payload: { validTo: `${Y}-12-31` } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('LIMS_AGREEMENT_NOT_DRAFT');
  });

  test('an overlapping annual agreement for the same service is refused, naming the conflict', async () => {
    const [existing] = (await t.request({ method: 'GET', url: `/api/v1/agreements?companyId=${company}` })).json().items;
    const res = await activeAgreement(t, company, {
      services: ['instrument_calibration'],
      validFrom: `${Y}-06-01`,
      validTo: `${Y + 1}-05-31`,
      terms: terms({ pricing: { discounts: {}, fixedPrices: {} } }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LIMS_AGREEMENT_OVERLAP');
    expect(res.json().detail).toContain(existing.number);
    // The refused activation rolled back: nothing else became active.
    const active = (await t.request({ method: 'GET', url: `/api/v1/agreements?companyId=${company}` })).json().items.filter((a: { status: string }) => a.status === 'active');
    expect(active).toHaveLength(1);
    // The next year does not overlap.
    expect((await activeAgreement(t, company, { validFrom: `${Y + 1}-01-01`, validTo: `${Y + 1}-12-31` }, `${Y}-11-20`)).json().status).toBe('active');
  });

  test('a change to an active agreement is a new version; the old one stays readable', async () => {
    const [current] = (await t.request({ method: 'GET', url: `/api/v1/agreements?companyId=${company}` })).json().items.filter((a: { validFrom: string }) => a.validFrom === `${Y}-01-01`);
    const revision = await t.request({ method: 'POST', url: `/api/v1/agreements/${current.id}/revisions` });
    expect(revision.statusCode).toBe(201);
    expect(revision.json()).toMatchObject({ version: 2, status: 'draft', number: current.number, supersedesId: current.id });
    expect((await t.request({ method: 'POST', url: `/api/v1/agreements/${current.id}/revisions` })).json().code).toBe('LIMS_AGREEMENT_OPEN_REVISION');
    const v2 = revision.json().id;
    const newTerms = { ...current.terms, pricing: { discounts: { product_quality_control: '15' }, fixedPrices: {} } };
    await t.request({ method: 'PATCH', url: `/api/v1/agreements/${v2}`, payload: { terms: newTerms } });
    await sign(t, v2, 'lab', `${Y}-06-01`);
    expect((await sign(t, v2, 'customer', `${Y}-06-02`)).json()).toMatchObject({ status: 'active', version: 2 });
    const versions = (await t.request({ method: 'GET', url: `/api/v1/agreements/${v2}/versions`, token: customer.token })).json().items;
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[1, 'superseded'], [2, 'active']]);
    expect(versions[0].terms.pricing.discounts).toEqual({ product_quality_control: '10' });
  });

  test('expiry is derived from the dates and termination needs a reason', async () => {
    const old = await activeAgreement(t, company, { validFrom: '2024-01-01', validTo: '2024-12-31' }, '2024-01-02');
    expect(old.json().status).toBe('expired');
    const ended = await t.request({ method: 'POST', url: `/api/v1/agreements/${old.json().id}/terminate`, payload: { reason: 'x' } });
    expect(ended.json().code).toBe('LIMS_AGREEMENT_NOT_ACTIVE');
    const [next] = (await t.request({ method: 'GET', url: `/api/v1/agreements?companyId=${company}` })).json().items.filter((a: { validFrom: string }) => a.validFrom === `${Y + 1}-01-01`);
    expect((await t.request({ method: 'POST', url: `/api/v1/agreements/${next.id}/terminate`, payload: {} })).statusCode).toBe(400);
    const res = await t.request({ method: 'POST', url: `/api/v1/agreements/${next.id}/terminate`, payload: { reason: 'Tuotanto siirtyi Viroon.' } });
    expect(res.json()).toMatchObject({ status: 'terminated', terminationReason: 'Tuotanto siirtyi Viroon.' });
  });

  test('customers may not draft or terminate agreements', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/agreements', payload: agreementBody(company), token: customer.token });
    expect(res.statusCode).toBe(403);
  });
});

describe('NDA gate', () => {
  test('a company without an NDA in force is refused; with one it passes; expiry is visible', async () => {
    const company = await createCustomer(t, { name: 'Salassa Oy' });
    await expect(requireActiveNda(t.database.db, company)).rejects.toMatchObject({ code: 'LIMS_NDA_REQUIRED' });
    expect((await t.request({ method: 'GET', url: `/api/v1/companies/${company}/nda-status` })).json()).toEqual({ companyId: company, inForce: false, nda: null });

    await activeAgreement(t, company, {}, `${Y}-01-02`);
    const nda = await requireActiveNda(t.database.db, company, { covering: 'drawings' });
    expect(nda.expiresOn).toBe(`${Y + 5}-01-01`);
    await expect(requireActiveNda(t.database.db, company, { covering: 'business_information' })).rejects.toMatchObject({ code: 'LIMS_NDA_REQUIRED' });
    await expect(requireActiveNda(t.database.db, company, { day: `${Y + 5}-01-02` })).rejects.toMatchObject({ code: 'LIMS_NDA_REQUIRED' });
    const status = (await t.request({ method: 'GET', url: `/api/v1/companies/${company}/nda-status` })).json();
    expect(status).toMatchObject({ inForce: true, nda: { status: 'active', expiresOn: `${Y + 5}-01-01` } });
  });

  test('a quality manager terminates an NDA in force: the gate closes, the reason is audited, and it cannot end twice', async () => {
    const company = await createCustomer(t, { name: 'Lopettava Oy' });
    await activeAgreement(t, company, {}, `${Y}-01-02`);
    const ndaId = (await requireActiveNda(t.database.db, company)).id;
    const customer = await createUser(t, 'customer', { companyId: company });
    const technician = await createUser(t, 'technician');
    const manager = await createUser(t, 'quality_manager');
    const terminate = (user: TestUser | null, payload: object) => t.request({ method: 'POST', url: `/api/v1/ndas/${ndaId}/terminate`, payload, ...(user ? { token: user.token } : {}) });

    expect((await terminate(customer, { reason: 'Ei enää tarvetta.' })).statusCode).toBe(403);
    expect((await terminate(technician, { reason: 'Ei enää tarvetta.' })).statusCode).toBe(403);
    const future = await terminate(manager, { reason: 'Irtisanottu.', terminatedOn: `${Y + 1}-06-30` });
    expect(future.statusCode).toBe(422);
    expect(future.json().detail).toMatch(/in the future/);

    const ended = await terminate(manager, { reason: 'Asiakas irtisanoi salassapitosopimuksen.' });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ id: ndaId, status: 'terminated', terminatedOn: expect.any(String) });
    await expect(requireActiveNda(t.database.db, company)).rejects.toMatchObject({ code: 'LIMS_NDA_REQUIRED' });
    expect((await t.request({ method: 'GET', url: `/api/v1/companies/${company}/nda-status`, token: customer.token })).json()).toMatchObject({ inForce: false, nda: null });

    const again = await terminate(manager, { reason: 'Uudestaan.' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'LIMS_NDA_NOT_ACTIVE', detail: expect.stringMatching(/is terminated/) });
    const events = (await t.request({ method: 'GET', url: `/api/v1/audit/events?entityId=${ndaId}` })).json().items;
    expect(events.filter((e: { action: string }) => e.action === 'nda.terminate')).toEqual([expect.objectContaining({ reason: 'Asiakas irtisanoi salassapitosopimuksen.' })]);
  });
});

describe('isolation', () => {
  test("a customer cannot see another company's agreements or NDAs", async () => {
    const a = await createCustomer(t, { name: 'A Oy' });
    const b = await createCustomer(t, { name: 'B Oy' });
    const userA = await createUser(t, 'customer', { companyId: a });
    const agreementB = (await activeAgreement(t, b)).json();
    expect((await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementB.id}`, token: userA.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementB.id}/document`, token: userA.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/agreements/${agreementB.id}/versions`, token: userA.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/v1/agreements/${agreementB.id}/sign`, token: userA.token, payload: { party: 'customer', name: 'X', signedOn: `${Y}-01-01` } })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/ndas/${agreementB.nda.id}`, token: userA.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/companies/${b}/nda-status`, token: userA.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'GET', url: `/api/v1/agreements?companyId=${b}`, token: userA.token })).json().items).toEqual([]);
    expect((await t.request({ method: 'GET', url: '/api/v1/ndas', token: userA.token })).json().items).toEqual([]);
  });
});

describe('agreement document', () => {
  test('the PDF has the Finnish original with the NDA terms, and an Estonian companion saying the original prevails', async () => {
    const company = await createCustomer(t, { name: 'Eesti Mõõt OÜ', country: 'EE', businessId: '12345678', preferredLanguage: 'et' });
    const agreement = (await activeAgreement(t, company)).json();
    const res = await t.request({ method: 'GET', url: `/api/v1/agreements/${agreement.id}/document` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('Vuosisopimus');
    expect(text).toContain(agreement.number);
    expect(text).toContain('Eesti Mõõt OÜ');
    expect(text).toContain('9. Salassapitosopimus');
    expect(text).toContain('Molemminpuolinen: kumpikin osapuoli sitoutuu pitämään toisen osapuolen luottamukselliset tiedot salassa.');
    expect(text).toContain(`Salassapitovelvollisuus on voimassa 60 kuukautta voimaantulosta (2.1.${Y} – 1.1.${Y + 5})`);
    expect(text).toContain('CAD-mallit ja PMI-tiedot');
    expect(text).toContain('Tuotteiden laadunvalvonta: 10 työpäivää');
    expect(text).toContain('Suojattu hyväksyntä (suojakaista w = U)');
    expect(text).toMatch(/Nimike NAS979: kiinteä hinta 330,00\s€/);
    expect(text).toContain('suomenkielinen alkuperäinen on ratkaiseva');
    // The companion
    expect(text).toContain('Aastaleping');
    expect(text).toContain('See on tõlge. Ülimuslik on soomekeelne originaal.');
    expect(text).toContain('Konfidentsiaalsusleping');
    expect(text.indexOf('Vuosisopimus')).toBeLessThan(text.indexOf('Aastaleping'));
  });

  test('a Finnish-speaking customer gets only the original; a companion can be asked for', async () => {
    const company = await createCustomer(t, { name: 'Suomi Oy' });
    const agreement = (await activeAgreement(t, company)).json();
    const fi = await pdfText((await t.request({ method: 'GET', url: `/api/v1/agreements/${agreement.id}/document` })).rawPayload);
    expect(fi.text).not.toContain('translation');
    const en = await pdfText((await t.request({ method: 'GET', url: `/api/v1/agreements/${agreement.id}/document?companion=en` })).rawPayload);
    expect(en.text).toContain('This is a translation. The Finnish original prevails.');
    expect(en.text).toContain('9. Non-disclosure agreement');
  });
});
