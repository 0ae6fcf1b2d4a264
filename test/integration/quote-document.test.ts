import { jest } from '@jest/globals';
import { activeAgreement, createCustomer, labPriceList } from '../harness/commercial.js';
import { pdfText } from '../harness/pdf-text.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

// The dates below are checked by hand (validity, Easter 2027 in the delivery time), so the
// service's clock is fixed on Monday 1 March 2027 (only Date is faked; timers run as usual).
jest.useFakeTimers({
  now: new Date('2027-03-01T08:00:00Z'),
  doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
});

// With the harness's price list (CMM-H 98.75 €, MIC-25 48.75 €, NAS979 368.41 €) under its annual
// agreement (10 % off product quality control, NAS979 at a fixed 330.00 €; delivery 10, 5 and 15
// working days): 98.75 - 10 % = 88.875 -> 88.88 € × 6 = 533.28 €; 48.75 € × 4 = 195.00 €;
// 330.00 € × 2 = 660.00 €. Net 1 388.28 €, VAT 25.5 % 354.0114 -> 354.01 €,
// total 1 742.29 €. The items arrive on Wednesday 24 March; 15 working days, with Good Friday and
// Easter Monday off, end on Friday 16 April.
const request = {
  lines: [
    { itemCode: 'CMM-H', quantity: '6' },
    { itemCode: 'MIC-25', quantity: '4' },
    { itemCode: 'NAS979', quantity: '2' },
  ],
  expectedReceiptOn: '2027-03-24',
  customerReference: 'PO 4500123',
  notes: 'Kaksi kiinnikettä, piirustus 4711 rev. C',
};

let t: TestApp;
let annualCo: string;
let annualUser: TestUser;
let agreementNumber: string;

beforeAll(async () => {
  t = await createTestApp();
  expect((await t.request({ method: 'POST', url: '/api/v1/price-lists', payload: labPriceList('2027-01-01') })).statusCode).toBe(201);
  annualCo = await createCustomer(t, { name: 'Vuosi Oy', businessId: '0737546-2', address: { streetAddress: 'Tehtaankatu 5', postalCode: '20100', city: 'Turku' } });
  agreementNumber = (await activeAgreement(t, annualCo)).json().number;
  annualUser = await createUser(t, 'customer', { companyId: annualCo });
});
afterAll(() => t.close());

async function quoteFor(user: TestUser, body: object = request) {
  const res = await t.request({ method: 'POST', url: '/api/v1/quotes', payload: body, token: user.token });
  expect(res.statusCode).toBe(201);
  return (await t.request({ method: 'GET', url: `/api/v1/quotes/${res.json().id}`, token: user.token })).json();
}

const documentOf = (id: string, user: TestUser, query = '') => t.request({ method: 'GET', url: `/api/v1/quotes/${id}/document${query}`, token: user.token });
/** The document's text split into the Finnish original, which comes first, and the companion that follows it. */
function afterOriginal(text: string, companionOpening: string): [original: string, companion: string] {
  expect(text.startsWith('Tarjous Tarjous nro')).toBe(true);
  const at = text.indexOf(companionOpening);
  expect(at).toBeGreaterThan(0);
  return [text.slice(0, at), text.slice(at)];
}
const displayName = async (user: TestUser) => (await t.request({ method: 'GET', url: `/api/v1/users/${user.id}` })).json().displayName;

describe('the Finnish original', () => {
  test('shows the lab and the customer, the quote, every line and the totals exactly as the quote has them', async () => {
    const quote = await quoteFor(annualUser);
    expect(quote.lines.map((l: Record<string, string>) => [l.itemCode, l.quantity, l.unit, l.listUnitPrice, l.discountPercent, l.unitPrice, l.lineNet, l.priceSource])).toEqual([
      ['CMM-H', '6.00', 'hour', '98.75', '10.00', '88.88', '533.28', 'agreement_discount'],
      ['MIC-25', '4.00', 'piece', '48.75', '0.00', '48.75', '195.00', 'price_list'],
      ['NAS979', '2.00', 'piece', '368.41', '0.00', '330.00', '660.00', 'agreement_fixed_price'],
    ]);
    expect(quote).toMatchObject({ quoteDate: '2027-03-01', validUntil: '2027-03-31', deliveryWorkingDays: 15, deliveryDate: '2027-04-16', vatRate: '25.50', netTotal: '1388.28', vatTotal: '354.01', grossTotal: '1742.29' });

    const res = await documentOf(quote.id, annualUser);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="${quote.number}.pdf"`);
    const { text } = await pdfText(res.rawPayload);
    // The lab's letterhead (its name, the quote's number, its unit) and the parties, as on the agreement document
    expect(text).toContain(`Koneteknologiakeskus Turku Oy ${quote.number} Mittaus- ja kalibrointilaboratorio (akkreditoitu, ISO/IEC 17025)`);
    expect(text).toContain('Laboratorio Koneteknologiakeskus Turku Oy Mittaus- ja kalibrointilaboratorio (akkreditoitu, ISO/IEC 17025)');
    expect(text).toContain('Asiakas Vuosi Oy Y-tunnus / rekisterinumero 0737546-2 Osoite Tehtaankatu 5, 20100 Turku, FI');
    // The quote
    expect(text).toContain(`Tarjous Tarjous nro ${quote.number}, 1.3.2027 · Alkuperäinen (suomi)`);
    expect(text).toContain(`Tarjousnumero ${quote.number} Päivämäärä 1.3.2027 Voimassa 31.3.2027 asti Asiakkaan viite PO 4500123 Lisätiedot Kaksi kiinnikettä, piirustus 4711 rev. C`);
    expect(text).toContain(`Hinnasto Versio 1, voimassa 1.1.2027 alkaen Sopimus Vuosisopimus ${agreementNumber}, versio 1 Tila Avoin: tarjous on voimassa 31.3.2027 asti.`);
    // Every line: number, item and service, quantity, unit, unit price, discount, line total
    expect(text).toContain('Tarjotut palvelut Hinnat ilman arvonlisäveroa. Nro Nimike ja palvelu Määrä Yksikköhinta Alennus Yhteensä');
    expect(text).toContain('1 CMM-H CMM-mittaus, tunti Tuotteiden laadunvalvonta 6,00 h 88,88 € 10,00 % hinnasta 98,75 € 533,28 €');
    expect(text).toContain('2 MIC-25 Ulkomikrometrin 0–25 mm kalibrointi Mittavälineiden kalibrointi ja tarkastus 4,00 kpl 48,75 € – 195,00 €');
    expect(text).toContain('3 NAS979 NAS 979 -koekappaleen mittaus Referenssimittaukset 2,00 kpl 330,00 € Sovittu kiinteä hinta 660,00 €');
    expect(text).toContain('Veroton hinta yhteensä 1 388,28 € Arvonlisävero 25,50 % 354,01 € Yhteensä (sis. alv) 1 742,29 €');
    expect(text).toContain('Kappaleiden arvioitu saapuminen 24.3.2027 Toimitusaika 15 työpäivää Luvattu toimituspäivä 16.4.2027');
    // A Finnish-speaking customer gets the original alone
    expect(text).not.toContain('Käännös');
  });
});

describe('the companion translation', () => {
  test('an accepted quote in English follows the Finnish original, with the same numbers, who accepted it and when', async () => {
    const quote = await quoteFor(annualUser);
    const accepted = (await t.request({ method: 'POST', url: `/api/v1/quotes/${quote.id}/accept`, payload: { acceptedByName: ' Matti Mittaaja ' }, token: annualUser.token })).json();
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: annualUser.id, acceptedByName: 'Matti Mittaaja' });
    // The person who signed for the customer, as they gave their name, not the account's name.
    const name = 'Matti Mittaaja';
    expect(await displayName(annualUser)).not.toBe(name);
    const { pages, text } = await pdfText((await documentOf(quote.id, annualUser, '?companion=en')).rawPayload);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const [original, companion] = afterOriginal(text, `Quote Quote no. ${quote.number}, 1 March 2027 · Translation (English)`);
    expect(original).toContain(`Tila ${name} hyväksyi tarjouksen 1.3.2027.`);
    expect(original).toContain('Veroton hinta yhteensä 1 388,28 € Arvonlisävero 25,50 % 354,01 € Yhteensä (sis. alv) 1 742,29 €');
    expect(companion).toContain('This is a translation. The Finnish original prevails.');
    expect(companion).toContain(`Quote number ${quote.number} Date 1 March 2027 Valid until 31 March 2027 Customer reference PO 4500123`);
    expect(companion).toContain(`Price list Version 1, in force from 1 January 2027 Agreement Annual agreement ${agreementNumber}, version 1 Status Accepted by ${name} on 1 March 2027.`);
    expect(companion).toContain('Services quoted Prices exclude VAT. No. Item and service Quantity Unit price Discount Total');
    expect(companion).toContain('1 CMM-H CMM-mittaus, tunti Product quality control 6.00 h €88.88 10.00 % off €98.75 €533.28');
    expect(companion).toContain('2 MIC-25 Ulkomikrometrin 0–25 mm kalibrointi Calibration and inspection of measuring instruments 4.00 pcs €48.75 – €195.00');
    expect(companion).toContain('3 NAS979 NAS 979 -koekappaleen mittaus Reference measurements 2.00 pcs €330.00 Agreed fixed price €660.00');
    expect(companion).toContain('Subtotal (excl. VAT) €1,388.28 VAT 25.50 % €354.01 Total (incl. VAT) €1,742.29');
    expect(companion).toContain('Expected arrival of the items 24 March 2027 Delivery time 15 working days Promised delivery date 16 April 2027');
  });

  test("a Swedish-speaking customer gets Swedish without asking; Estonian when asked for", async () => {
    const company = await createCustomer(t, { name: 'Åbo Mät Ab', preferredLanguage: 'sv' });
    await activeAgreement(t, company);
    const user = await createUser(t, 'customer', { companyId: company });
    const quote = await quoteFor(user);
    const sv = afterOriginal((await pdfText((await documentOf(quote.id, user)).rawPayload)).text, `Offert Offert nr ${quote.number}, 2027-03-01 · Översättning (svenska)`)[1];
    expect(sv).toContain('Detta är en översättning. Det finskspråkiga originalet har företräde.');
    expect(sv).toContain('1 CMM-H CMM-mittaus, tunti Kvalitetskontroll av produkter 6,00 h 88,88 € 10,00 % av 98,75 € 533,28 €');
    expect(sv).toContain('Summa exkl. moms 1 388,28 € Moms 25,50 % 354,01 € Totalt inkl. moms 1 742,29 €');
    expect(sv).toContain('Status Öppen: offerten gäller till och med 2027-03-31.');
    const et = afterOriginal((await pdfText((await documentOf(quote.id, user, '?companion=et')).rawPayload)).text, `Pakkumus Pakkumus nr ${quote.number}, 1.3.2027 · Tõlge (eesti)`)[1];
    expect(et).toContain('See on tõlge. Ülimuslik on soomekeelne originaal.');
    expect(et).toContain('3 NAS979 NAS 979 -koekappaleen mittaus Võrdlusmõõtmised 2,00 tk 330,00 € Kokkulepitud püsihind 660,00 €');
    expect(et).toContain('Summa km-ta 1 388,28 € Käibemaks 25,50 % 354,01 € Kokku koos käibemaksuga 1 742,29 €');
    expect(et).toContain('Olek Avatud: pakkumus kehtib kuni 31.3.2027.');
  });
});

describe('status and agreements', () => {
  test('without an annual agreement: list prices without discount; accepting names the ad hoc agreement it made', async () => {
    const company = await createCustomer(t, { name: 'Kerta Oy' });
    const user = await createUser(t, 'customer', { companyId: company });
    const quote = await quoteFor(user, { lines: [{ itemCode: 'MIC-25', quantity: '2' }] });
    expect(quote).toMatchObject({ netTotal: '97.50', vatTotal: '24.86', grossTotal: '122.36' });
    const accepted = (await t.request({ method: 'POST', url: `/api/v1/quotes/${quote.id}/accept`, payload: { acceptedByName: 'Kaisa Kerta' }, token: user.token })).json();
    const adHoc = (await t.request({ method: 'GET', url: `/api/v1/agreements/${accepted.adHocAgreementId}`, token: user.token })).json();
    const { text } = await pdfText((await documentOf(quote.id, user)).rawPayload);
    expect(text).toContain('1 MIC-25 Ulkomikrometrin 0–25 mm kalibrointi Mittavälineiden kalibrointi ja tarkastus 2,00 kpl 48,75 € – 97,50 €');
    expect(text).toContain('Veroton hinta yhteensä 97,50 € Arvonlisävero 25,50 % 24,86 € Yhteensä (sis. alv) 122,36 €');
    expect(text).toContain(`Sopimus Tilapäinen sopimus ${adHoc.number} (tehty tarjouksen hyväksynnästä)`);
    expect(text).not.toContain('Vuosisopimus');
  });

  test('a declined quote says who declined it and when', async () => {
    const quote = await quoteFor(annualUser);
    expect((await t.request({ method: 'POST', url: `/api/v1/quotes/${quote.id}/decline`, token: annualUser.token })).json().status).toBe('declined');
    const { text } = await pdfText((await documentOf(quote.id, annualUser)).rawPayload);
    expect(text).toContain(`${await displayName(annualUser)} hylkäsi tarjouksen 1.3.2027.`);
  });
});

describe('access', () => {
  test("a customer cannot read another company's quote document, staff can", async () => {
    const quote = await quoteFor(annualUser);
    const other = await createUser(t, 'customer', { companyId: await createCustomer(t, { name: 'Muu Oy' }) });
    const res = await documentOf(quote.id, other);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('LIMS_NOT_FOUND');
    const staff = await createUser(t, 'quality_manager');
    expect((await documentOf(quote.id, staff)).statusCode).toBe(200);
  });

  test('an unknown companion language is refused with a 400 naming it', async () => {
    const quote = await quoteFor(annualUser);
    const res = await documentOf(quote.id, annualUser, '?companion=de');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('LIMS_VALIDATION_FAILED');
    expect(JSON.stringify(res.json().errors)).toMatch(/companion/);
  });
});
