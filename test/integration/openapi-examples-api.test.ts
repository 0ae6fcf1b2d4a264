import { activeAgreement, agreementBody, createCustomer, thisYear } from '../harness/commercial.js';
import { describeWithQif, qifSchemaErrors } from '../harness/qif.js';
import { createPiece, nasPiece, referenceJob } from '../harness/reference.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';
import { todayInFinland } from '../../src/shared/finnish-calendar.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- parts of an OpenAPI document and API answers */

/**
 * The example requests of the OpenAPI document, sent to the API as a company's developer would copy
 * them: they are accepted, and where the lab's data is set up as the examples assume (the price list,
 * the annual agreement), the API answers the very prices, totals and characteristics the example
 * answers show.
 */

let t: TestApp;
let doc: Record<string, any>;
let customer: TestUser;
let companyId: string;

/** The price list the examples assume: 96.50 €/h for CMM work, 77.50 €/h for calibration, 104.20 €/h for reference measurements. */
const priceList = {
  effectiveFrom: `${thisYear()}-01-01`,
  vatRate: '25.5',
  costBases: [
    { service: 'product_quality_control', equipmentLeasingMaintenance: '120000.00', rent: '36000.00', laboratoryCosts: '24000.00', personnelCosts: '206000.00', plannedBillableHours: '4000', standardDeliveryDays: 15 },
    { service: 'instrument_calibration', equipmentLeasingMaintenance: '40000.00', rent: '12000.00', laboratoryCosts: '8000.00', personnelCosts: '95000.00', plannedBillableHours: '2000', standardDeliveryDays: 10 },
    { service: 'reference_measurement', equipmentLeasingMaintenance: '20000.00', rent: '6000.00', laboratoryCosts: '4000.00', personnelCosts: '22100.00', plannedBillableHours: '500', standardDeliveryDays: 20 },
  ],
  items: [
    { code: 'CMM-H', service: 'product_quality_control', unit: 'hour', names: { fi: 'CMM-mittaus, tunti', en: 'CMM measurement, per hour' }, standardHours: '1' },
    { code: 'MIC-25', service: 'instrument_calibration', unit: 'piece', names: { fi: 'Mikrometrin kalibrointi 0–25 mm', en: 'Calibration of a micrometer 0–25 mm' }, standardHours: '0.6' },
    { code: 'NAS979', service: 'reference_measurement', unit: 'piece', names: { fi: 'NAS 979 -koekappaleen mittaus', en: 'Measurement of a NAS 979 test piece' }, fixedPrice: '360.00' },
  ],
};

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.request({ method: 'GET', url: '/openapi.json', token: null })).json();
  companyId = await createCustomer(t, { name: 'Turun Konepaja Oy' });
  await activeAgreement(t, companyId);
  customer = await createUser(t, 'customer', { companyId });
  const created = await t.request({ method: 'POST', url: '/api/v1/price-lists', payload: priceList });
  expect(created.statusCode).toBe(201);
});
afterAll(() => t.close());

/** The examples of an operation's JSON request body and of its answer. */
const examples = (method: string, path: string, status?: string): any[] => {
  const operation = doc.paths[path][method];
  const media = status ? operation.responses[status].content['application/json'] : operation.requestBody.content['application/json'];
  return media.examples ? Object.values<any>(media.examples).map((e) => e.value) : [media.example];
};
const as = (user: TestUser) => (method: string, url: string, payload?: unknown) => t.request({ method: method as 'GET', url, ...(payload === undefined ? {} : { payload: payload as object }), token: user.token });

test('the prices example is what the API answers a customer with the annual agreement the examples assume', async () => {
  const res = await as(customer)('GET', '/api/v1/prices');
  expect(res.statusCode).toBe(200);
  const [example] = examples('get', '/api/v1/prices', '200');
  const prices = ({ vatRate, hourlyRates, items }: any) => ({ vatRate, hourlyRates: [...hourlyRates].sort((a, b) => a.service.localeCompare(b.service)), items });
  expect(prices(res.json())).toEqual(prices(example));
});

test('the quote examples are accepted, priced as the example answer shows, then accepted and declined', async () => {
  const call = as(customer);
  const quotes = [];
  for (const body of examples('post', '/api/v1/quotes')) {
    // A fixed example date goes by; the receipt date may not be in the past, so a passed one is left out.
    const sent = body.expectedReceiptOn && body.expectedReceiptOn < todayInFinland() ? { ...body, expectedReceiptOn: undefined } : body;
    const res = await call('POST', '/api/v1/quotes', sent);
    expect({ body, status: res.statusCode }).toEqual({ body, status: 201 });
    quotes.push(res.json());
  }
  const [issued] = examples('post', '/api/v1/quotes', '201');
  const priced = ({ vatRate, netTotal, vatTotal, grossTotal, deliveryWorkingDays, lines }: any) => ({
    vatRate, netTotal, vatTotal, grossTotal, deliveryWorkingDays,
    lines: lines.map(({ itemCode, description, quantity, listUnitPrice, discountPercent, unitPrice, lineNet, priceSource, deliveryWorkingDays: days }: any) => ({ itemCode, description, quantity, listUnitPrice, discountPercent, unitPrice, lineNet, priceSource, days })),
  });
  expect(priced(quotes[0])).toEqual(priced(issued));
  expect(quotes[0].number).toMatch(/^Q-\d{4}-\d{5}$/);

  const [accept] = examples('post', '/api/v1/quotes/{id}/accept');
  const accepted = await call('POST', `/api/v1/quotes/${quotes[0].id}/accept`, accept);
  expect([accepted.statusCode, accepted.json().status]).toEqual([200, 'accepted']);
  const declined = await call('POST', `/api/v1/quotes/${quotes[1].id}/decline`);
  expect([declined.statusCode, declined.json().status]).toEqual([200, 'declined']);
});

test('the signature examples sign a draft agreement for both parties, and it is in force', async () => {
  const draft = await t.request({ method: 'POST', url: '/api/v1/agreements', payload: agreementBody(companyId, { validFrom: `${thisYear() + 1}-01-01`, validTo: `${thisYear() + 1}-12-31` }) });
  expect(draft.statusCode).toBe(201);
  const [byCustomer, byLab] = examples('post', '/api/v1/agreements/{id}/sign');
  const first = await as(customer)('POST', `/api/v1/agreements/${draft.json().id}/sign`, byCustomer);
  expect([first.statusCode, first.json().status, first.json().customerSignature.name]).toEqual([200, 'draft', byCustomer.name]);
  const second = await t.request({ method: 'POST', url: `/api/v1/agreements/${draft.json().id}/sign`, payload: byLab });
  expect([second.statusCode, second.json().status, second.json().labSignature.name]).toEqual([200, 'active', byLab.name]);
});

test("the revocation examples revoke a customer's own tokens", async () => {
  for (const body of examples('post', '/api/v1/tokens/{id}/revoke')) {
    const issued = await t.request({ method: 'POST', url: `/api/v1/users/${customer.id}/tokens`, payload: { name: 'CMM export script' } });
    const res = await as(customer)('POST', `/api/v1/tokens/${issued.json().id}/revoke`, body);
    expect({ body, status: res.statusCode, revoked: res.json().revokedAt !== null }).toEqual({ body, status: 200, revoked: true });
  }
});

test('the cancellation examples cancel submitted jobs, with the reason kept', async () => {
  for (const body of examples('post', '/api/v1/jobs/{id}/cancel')) {
    const job = await as(customer)('POST', '/api/v1/jobs', { kind: 'product_quality_control', items: [{ description: 'Shaft 40-123, rev. C' }] });
    const res = await as(customer)('POST', `/api/v1/jobs/${job.json().id}/cancel`, body);
    expect({ status: res.statusCode, job: res.json().status, reason: res.json().statusReason }).toEqual({ status: 200, job: 'cancelled', reason: body.reason });
  }
});

test("the machine tool examples register and change a company's machines", async () => {
  const created = [];
  for (const body of examples('post', '/api/v1/machine-tools')) {
    const res = await as(customer)('POST', '/api/v1/machine-tools', body);
    expect({ body, status: res.statusCode, companyId: res.json().companyId }).toEqual({ body, status: 201, companyId });
    created.push(res.json());
  }
  for (const body of examples('patch', '/api/v1/machine-tools/{id}')) {
    const res = await as(customer)('PATCH', `/api/v1/machine-tools/${created[0].id}`, body);
    expect({ body, status: res.statusCode, changed: res.json() }).toEqual({ body, status: 200, changed: expect.objectContaining(body) });
  }
});

test("the company result examples are accepted on a reference measurement's characteristics, and the correction example corrects one", async () => {
  const qm = await createUser(t, 'quality_manager');
  const piece = await createPiece(t, qm, nasPiece('NAS979-A'));
  const job = await referenceJob(t, customer, { testPieceId: piece.id });
  // The examples give the diameter D1 and then the flatness F1 of the piece; the ids are the job's own.
  const characteristics: { id: string; identifier: string }[] = job.items[0].characteristics;
  const ids = ['D1', 'F1'].map((identifier) => characteristics.find((c) => c.identifier === identifier)!.id);
  const given = [];
  for (const [i, body] of examples('post', '/api/v1/jobs/{id}/company-results').entries()) {
    const res = await as(customer)('POST', `/api/v1/jobs/${job.id}/company-results`, { ...body, characteristicId: ids[i] });
    expect({ body, status: res.statusCode, values: res.json().values }).toEqual({ body, status: 201, values: body.values });
    given.push(res.json());
  }
  const [correction] = examples('post', '/api/v1/company-results/{id}/corrections');
  const res = await as(customer)('POST', `/api/v1/company-results/${given[0].id}/corrections`, correction);
  expect([res.statusCode, res.json().correctsId, res.json().correctionReason]).toEqual([201, given[0].id, correction.reason]);
});

describeWithQif('the QIF import example', () => {
  const operation = () => doc.paths['/api/v1/jobs/{jobId}/items/{itemId}/characteristics/qif'].post;
  const qif = (): string => operation().requestBody.content['application/xml'].example;

  test('is a valid QIF 3 document', async () => {
    expect(await qifSchemaErrors(qif(), 'example.qif')).toEqual([]);
  });

  test('imports the characteristics the example answer shows', async () => {
    const job = (await as(customer)('POST', '/api/v1/jobs', { kind: 'product_quality_control', items: [{ description: 'Shaft 40-123, rev. C' }] })).json();
    for (const contentType of Object.keys(operation().requestBody.content)) expect(operation().requestBody.content[contentType].example).toBe(qif());
    const res = await t.request({ method: 'POST', url: `/api/v1/jobs/${job.id}/items/${job.items[0].id}/characteristics/qif`, payload: qif(), headers: { 'content-type': 'application/xml' }, token: customer.token });
    expect(res.statusCode).toBe(201);
    const [answer] = examples('post', '/api/v1/jobs/{jobId}/items/{itemId}/characteristics/qif', '201');
    const withoutIds = (a: any) => ({ source: a.source, characteristics: a.characteristics.map(({ id: _id, ...c }: any) => c) });
    expect(withoutIds(res.json())).toEqual(withoutIds(answer));
  });
});
