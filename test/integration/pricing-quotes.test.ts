import { jest } from '@jest/globals';
import { activeAgreement, createCustomer, labPriceList } from '../harness/commercial.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

// The hand-checked delivery dates below fall in 2027 and a quote may not expect items in the past,
// so the service's clock is fixed at the start of 2027 (only Date is faked; timers run as usual).
jest.useFakeTimers({
  now: new Date('2027-01-04T08:00:00Z'),
  doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
});

let t: TestApp;
let annualCo: string;
let annualUser: TestUser;
let adHocCo: string;
let adHocUser: TestUser;

// The hand-checked rates and prices are in labPriceList.
const priceList = labPriceList('2026-01-01');

beforeAll(async () => {
  t = await createTestApp();
  annualCo = await createCustomer(t, { name: 'Vuosi Oy' });
  annualUser = await createUser(t, 'customer', { companyId: annualCo });
  adHocCo = await createCustomer(t, { name: 'Kerta Oy', preferredLanguage: 'en' });
  adHocUser = await createUser(t, 'customer', { companyId: adHocCo });
});
afterAll(() => t.close());

describe('price lists', () => {
  test('rates and prices are derived from the cost basis', async () => {
    const none = await t.request({ method: 'GET', url: '/api/v1/price-lists/current' });
    expect(none.json().code).toBe('LIMS_PRICE_LIST_NONE_CURRENT');
    const res = await t.request({ method: 'POST', url: '/api/v1/price-lists', payload: priceList });
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({ versionNumber: 1, vatRate: '25.50', current: true });
    expect(Object.fromEntries(v.costBases.map((c: { service: string; hourlyRate: string }) => [c.service, c.hourlyRate]))).toEqual({
      product_quality_control: '98.75',
      instrument_calibration: '65.00',
      reference_measurement: '105.26',
    });
    expect(Object.fromEntries(v.items.map((i: { code: string; unitPrice: string }) => [i.code, i.unitPrice]))).toEqual({ 'CMM-H': '98.75', 'MIC-25': '48.75', NAS979: '368.41', 'GB-SET': '240.00' });
  });

  test('versions only move forward and are validated', async () => {
    const past = await t.request({ method: 'POST', url: '/api/v1/price-lists', payload: { ...priceList, effectiveFrom: '2025-06-01' } });
    expect(past.json().code).toBe('LIMS_PRICE_LIST_INVALID');
    const noBasis = await t.request({ method: 'POST', url: '/api/v1/price-lists', payload: { ...priceList, effectiveFrom: '2030-01-01', costBases: priceList.costBases.slice(0, 1) } });
    expect(noBasis.json().detail).toMatch(/MIC-25 is for instrument_calibration, which has no cost basis/);
    const float = await t.request({ method: 'POST', url: '/api/v1/price-lists', payload: { ...priceList, vatRate: 25.5 } });
    expect(float.statusCode).toBe(400);
    expect((await t.request({ method: 'POST', url: '/api/v1/price-lists', payload: priceList, token: annualUser.token })).statusCode).toBe(403);
  });

  test('a customer with an annual agreement reads its prices with discounts, fixed prices and VAT', async () => {
    expect((await activeAgreement(t, annualCo)).json().status).toBe('active');
    const res = await t.request({ method: 'GET', url: '/api/v1/prices', token: annualUser.token });
    expect(res.statusCode).toBe(200);
    const prices = res.json();
    expect(prices).toMatchObject({ companyId: annualCo, vatRate: '25.50', agreementId: expect.any(String) });
    const byCode = Object.fromEntries(prices.items.map((i: { code: string }) => [i.code, i]));
    // 98.75 - 10 % = 88.875 -> 88.88; with VAT 88.88 * 1.255 = 111.5444 -> 111.54
    expect(byCode['CMM-H']).toMatchObject({ listUnitPrice: '98.75', discountPercent: '10.00', unitPrice: '88.88', unitPriceWithVat: '111.54', priceSource: 'agreement_discount' });
    expect(byCode.NAS979).toMatchObject({ listUnitPrice: '368.41', unitPrice: '330.00', priceSource: 'agreement_fixed_price' });
    expect(byCode['MIC-25']).toMatchObject({ unitPrice: '48.75', unitPriceWithVat: '61.18', priceSource: 'price_list' }); // 61.18125
    expect(prices.hourlyRates).toContainEqual({ service: 'product_quality_control', hourlyRate: '98.75', discountPercent: '10.00', agreedHourlyRate: '88.88' });
  });

  test('a customer without an annual agreement cannot read prices, nor the cost basis', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/prices', token: adHocUser.token });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('LIMS_PRICES_NEED_ANNUAL_AGREEMENT');
    expect((await t.request({ method: 'GET', url: '/api/v1/price-lists/current', token: annualUser.token })).statusCode).toBe(403);
  });

  test("a customer cannot read another company's prices", async () => {
    const res = await t.request({ method: 'GET', url: `/api/v1/prices?companyId=${annualCo}`, token: adHocUser.token });
    expect(res.json().code).toBe('LIMS_PRICES_NEED_ANNUAL_AGREEMENT');
    const staff = await t.request({ method: 'GET', url: `/api/v1/prices?companyId=${annualCo}` });
    expect(staff.json().agreementId).not.toBeNull();
  });
});

describe('quotes', () => {
  let quoteId: string;

  test('an annual customer is quoted at agreed prices; delivery skips Christmas', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/quotes',
      token: annualUser.token,
      payload: { lines: [{ itemCode: 'CMM-H', quantity: '6' }, { itemCode: 'MIC-25', quantity: '4' }], expectedReceiptOn: '2027-12-22' },
    });
    expect(res.statusCode).toBe(201);
    const q = res.json();
    // 6 x 88.88 = 533.28; 4 x 48.75 = 195.00; net 728.28; VAT 25.5 % = 185.7114 -> 185.71; gross 913.99
    expect(q).toMatchObject({ companyId: annualCo, status: 'issued', netTotal: '728.28', vatTotal: '185.71', grossTotal: '913.99', vatRate: '25.50' });
    expect(q.number).toMatch(/^Q-\d{4}-\d{5}$/);
    expect(q.lines.map((l: { unitPrice: string; lineNet: string; deliveryWorkingDays: number }) => [l.unitPrice, l.lineNet, l.deliveryWorkingDays])).toEqual([
      ['88.88', '533.28', 10],
      ['48.75', '195.00', 5],
    ]);
    // Agreement: 10 working days from Wed 22.12.2027, skipping 24.-26.12., New Year's Day and Epiphany (Thu 6.1.2028):
    // 23, 27, 28, 29, 30, 31.12., 3, 4, 5, 7.1. -> Fri 7.1.2028
    expect(q).toMatchObject({ deliveryWorkingDays: 10, deliveryDate: '2028-01-07' });
    expect(q.validUntil > q.quoteDate).toBe(true);
    quoteId = q.id;
  });

  test('quote numbers follow one another without gaps, even after a refused request', async () => {
    const bad = await t.request({ method: 'POST', url: '/api/v1/quotes', token: annualUser.token, payload: { lines: [{ itemCode: 'NOPE', quantity: '1' }] } });
    expect(bad.json().code).toBe('LIMS_QUOTE_INVALID');
    const next = await t.request({ method: 'POST', url: '/api/v1/quotes', payload: { companyId: adHocCo, lines: [{ itemCode: 'NAS979', quantity: '2' }], expectedReceiptOn: '2027-03-24' } });
    const first = (await t.request({ method: 'GET', url: `/api/v1/quotes/${quoteId}` })).json().number as string;
    expect(Number(next.json().number.slice(-5))).toBe(Number(first.slice(-5)) + 1);
    // Without an agreement: list price 2 x 368.41 = 736.82; VAT 187.8891 -> 187.89; gross 924.71.
    // 20 working days from Wed 24.3.2027 over Easter (Good Friday 26.3., Easter Monday 29.3.): Fri 23.4.2027
    expect(next.json()).toMatchObject({ netTotal: '736.82', vatTotal: '187.89', grossTotal: '924.71', deliveryDate: '2027-04-23' });
  });

  test('a Midsummer delivery skips Midsummer Eve', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/quotes', token: adHocUser.token, payload: { lines: [{ itemCode: 'GB-SET', quantity: '1' }], expectedReceiptOn: '2027-06-21' } });
    // 7 working days from Mon 21.6.2027: 22, 23, 24, (25 Midsummer Eve, 26 Midsummer Day, 27 Sun) 28, 29, 30.6., 1.7.
    expect(res.json()).toMatchObject({ deliveryWorkingDays: 7, deliveryDate: '2027-07-01', netTotal: '240.00', grossTotal: '301.20' });
  });

  test('accepting without an annual agreement makes an ad hoc agreement with an NDA', async () => {
    const q = (await t.request({ method: 'POST', url: '/api/v1/quotes', token: adHocUser.token, payload: { lines: [{ itemCode: 'MIC-25', quantity: '3' }] } })).json();
    const res = await t.request({ method: 'POST', url: `/api/v1/quotes/${q.id}/accept`, token: adHocUser.token, payload: { acceptedByName: 'Mary Measure' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', adHocAgreementId: expect.any(String) });
    const agreement = (await t.request({ method: 'GET', url: `/api/v1/agreements/${res.json().adHocAgreementId}`, token: adHocUser.token })).json();
    expect(agreement).toMatchObject({ kind: 'ad_hoc', status: 'active', quoteId: q.id, services: ['instrument_calibration'], nda: { status: 'active' } });
    expect(agreement.terms.pricing.fixedPrices).toEqual({ 'MIC-25': '48.75' });
    expect(agreement.terms.languages).toEqual(['fi', 'en']);
    expect(agreement.customerSignature.name).toBe('Mary Measure');
    const again = await t.request({ method: 'POST', url: `/api/v1/quotes/${q.id}/accept`, token: adHocUser.token, payload: { acceptedByName: 'Mary Measure' } });
    expect(again.json().code).toBe('LIMS_QUOTE_NOT_OPEN');
  });

  test('accepting under an annual agreement makes no ad hoc agreement', async () => {
    const res = await t.request({ method: 'POST', url: `/api/v1/quotes/${quoteId}/accept`, token: annualUser.token, payload: { acceptedByName: 'Matti Mittaaja' } });
    expect(res.json()).toMatchObject({ status: 'accepted', adHocAgreementId: null });
  });

  test("a customer cannot see or accept another company's quotes", async () => {
    expect((await t.request({ method: 'GET', url: `/api/v1/quotes/${quoteId}`, token: adHocUser.token })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `/api/v1/quotes/${quoteId}/decline`, token: adHocUser.token })).statusCode).toBe(404);
    const mine = (await t.request({ method: 'GET', url: '/api/v1/quotes', token: adHocUser.token })).json().items;
    expect(mine.every((q: { companyId: string }) => q.companyId === adHocCo)).toBe(true);
    const forged = await t.request({ method: 'POST', url: '/api/v1/quotes', token: adHocUser.token, payload: { companyId: annualCo, lines: [{ itemCode: 'CMM-H', quantity: '1' }] } });
    expect(forged.statusCode).toBe(404);
  });
});
