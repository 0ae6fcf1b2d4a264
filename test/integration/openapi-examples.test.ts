import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { activeAgreement, createCustomer } from '../harness/commercial.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- parts of an OpenAPI document */
let t: TestApp;
let doc: Record<string, any>;
let customer: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.request({ method: 'GET', url: '/openapi.json', token: null })).json();
  const companyId = await createCustomer(t, { name: 'Akseli Oy' });
  await activeAgreement(t, companyId);
  customer = await createUser(t, 'customer', { companyId });
});
afterAll(() => t.close());

/** The customer-facing operations whose requests and answers carry examples. */
const OPERATIONS: [method: string, path: string, request: boolean, status: string][] = [
  ['post', '/api/v1/jobs', true, '201'],
  ['post', '/api/v1/jobs/{id}/items', true, '201'],
  ['post', '/api/v1/jobs/{id}/items/{itemId}/characteristics', true, '201'],
  ['get', '/api/v1/jobs', false, '200'],
  ['get', '/api/v1/jobs/{id}', false, '200'],
  ['get', '/api/v1/jobs/{id}/results', false, '200'],
];

/** The examples of a media type object: its `examples` map or its single `example`. */
const examplesOf = (media: any): unknown[] => (media.examples ? Object.values(media.examples).map((e: any) => e.value) : media.example !== undefined ? [media.example] : []);

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);

describe.each(OPERATIONS)('%s %s', (method, path, request, status) => {
  const operation = () => doc.paths[path][method];

  test('its answer shows realistic examples that fit the answer schema', () => {
    const media = operation().responses[status].content['application/json'];
    const examples = examplesOf(media);
    expect(examples.length).toBeGreaterThan(0);
    const validate = ajv.compile(media.schema);
    for (const example of examples) expect({ example, errors: validate(example) ? null : validate.errors }).toEqual({ example, errors: null });
  });

  if (request) {
    test('its request shows examples that fit the request schema', () => {
      const media = operation().requestBody.content['application/json'];
      const examples = examplesOf(media);
      expect(examples.length).toBeGreaterThan(1);
      const validate = ajv.compile(media.schema);
      for (const example of examples) expect({ example, errors: validate(example) ? null : validate.errors }).toEqual({ example, errors: null });
    });
  }
});

test('every example submission, item and characteristic list is accepted by the API itself', async () => {
  const post = (url: string, payload: unknown) => t.request({ method: 'POST', url, payload: payload as object, token: customer.token });
  const media = (p: string) => doc.paths[p].post.requestBody.content['application/json'];
  const submitted = [];
  for (const body of examplesOf(media('/api/v1/jobs'))) {
    const res = await post('/api/v1/jobs', body);
    expect({ body, status: res.statusCode }).toEqual({ body, status: 201 });
    submitted.push(res.json());
  }
  const product = submitted.find((j) => j.kind === 'product_quality_control');
  const instrument = submitted.find((j) => j.kind === 'instrument_calibration');
  const [piece, device] = examplesOf(media('/api/v1/jobs/{id}/items'));
  expect((await post(`/api/v1/jobs/${product.id}/items`, piece)).statusCode).toBe(201);
  expect((await post(`/api/v1/jobs/${instrument.id}/items`, device)).statusCode).toBe(201);
  // Each list goes onto a piece of its own, so no balloon number repeats on one item.
  const lists = examplesOf(media('/api/v1/jobs/{id}/items/{itemId}/characteristics'));
  for (const [i, list] of lists.entries()) {
    const item = (await post(`/api/v1/jobs/${product.id}/items`, { description: `Bracket ${i + 1}` })).json().items.at(-1);
    expect((await post(`/api/v1/jobs/${product.id}/items/${item.id}/characteristics`, list)).statusCode).toBe(201);
  }
});
