import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { activeAgreement, createCustomer } from '../harness/commercial.js';
import { createTestApp, createUser, type TestUser } from '../harness/test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- parts of an OpenAPI document */

/**
 * Every operation a customer may call (its description's "Roles:" names `customer`) shows a company's
 * developer examples to follow: each JSON request body and each JSON 2xx answer has examples that fit
 * its schema, and bodies and answers that are not JSON (XML, multipart forms, PDFs, file downloads)
 * describe their content, with an example wherever OpenAPI can carry one (text bodies such as XML).
 * The list of operations is read from the document itself, so a new customer route without examples
 * fails here. Sending the examples to the API is in openapi-examples-api.test.ts.
 */

const t = await createTestApp();
const doc: Record<string, any> = (await t.request({ method: 'GET', url: '/openapi.json', token: null })).json();
let customer: TestUser;

beforeAll(async () => {
  const companyId = await createCustomer(t, { name: 'Akseli Oy' });
  await activeAgreement(t, companyId);
  customer = await createUser(t, 'customer', { companyId });
});
afterAll(() => t.close());

/**
 * Customer operations that still have no examples, because their module was still being built when
 * the examples were written. Remove an entry when its examples are added: a test fails while an entry
 * here already has them. (Empty: every customer operation has its examples.)
 */
const STILL_WITHOUT_EXAMPLES: readonly string[] = [];

/** Request bodies that show several alternatives (kinds of job, of item), not just one. */
const SEVERAL_REQUEST_EXAMPLES = ['post /api/v1/jobs', 'post /api/v1/jobs/{id}/items', 'post /api/v1/jobs/{id}/items/{itemId}/characteristics'];

const rolesOf = (operation: any): string[] => /Roles: ([^.]*)\./.exec(operation.description ?? '')?.[1]?.split(', ') ?? [];
const customerOperations: [name: string, operation: any][] = Object.entries<any>(doc.paths).flatMap(([path, operations]) =>
  Object.entries<any>(operations)
    .filter(([, operation]) => rolesOf(operation).includes('customer'))
    .map(([method, operation]): [string, any] => [`${method} ${path}`, operation]),
);

/** The examples of a media type object: its `examples` map or its single `example`. */
const examplesOf = (media: any): unknown[] => (media.examples ? Object.values(media.examples).map((e: any) => e.value) : media.example !== undefined ? [media.example] : []);
const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');
const isBinary = (schema: any) => schema?.type === 'string' && schema.format === 'binary';

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);

/** Fails, naming the example, unless every example fits the schema. */
function expectExamplesFit(media: any): unknown[] {
  const examples = examplesOf(media);
  const validate = ajv.compile(media.schema);
  for (const example of examples) expect({ example, errors: validate(example) ? null : validate.errors }).toEqual({ example, errors: null });
  return examples;
}

/** What is missing from one operation's examples and descriptions, as readable lines. */
function lacks(operation: any): string[] {
  const missing: string[] = [];
  for (const [mediaType, media] of Object.entries<any>(operation.requestBody?.content ?? {})) {
    if (isJson(mediaType)) {
      if (examplesOf(media).length === 0) missing.push(`request ${mediaType}: no example`);
      continue;
    }
    if (!media.schema?.description && !operation.requestBody.description) missing.push(`request ${mediaType}: no description of its content`);
    if (media.schema?.type === 'string' && !isBinary(media.schema) && examplesOf(media).length === 0) missing.push(`request ${mediaType}: no example text`);
    for (const [name, part] of Object.entries<any>(media.schema?.properties ?? {})) {
      if (isBinary(part) && !part.description) missing.push(`request ${mediaType}: file part ${name} is not described`);
    }
  }
  for (const [status, response] of Object.entries<any>(operation.responses)) {
    if (!status.startsWith('2')) continue;
    for (const [mediaType, media] of Object.entries<any>(response.content ?? {})) {
      if (isJson(mediaType) && isBinary(media.schema)) missing.push(`answer ${status}: a binary file declared as ${mediaType}`);
      else if (isJson(mediaType) && examplesOf(media).length === 0) missing.push(`answer ${status} ${mediaType}: no example`);
      else if (!isJson(mediaType) && (!response.description || response.description === 'Default Response')) missing.push(`answer ${status} ${mediaType}: no description of its content`);
    }
  }
  return missing;
}

test('the customer operations are read from the document, the known ones among them', () => {
  const names = customerOperations.map(([name]) => name);
  for (const known of ['get /api/v1/me', 'post /api/v1/jobs', 'get /api/v1/jobs/{id}/results', 'post /api/v1/quotes', 'get /api/v1/agreements/{id}/document', 'get /api/v1/quotes/{id}/document', 'post /api/v1/jobs/{jobId}/items/{itemId}/characteristics/qif']) {
    expect(names).toContain(known);
  }
  expect(names).not.toContain('post /api/v1/users');
});

test('the operations still without examples are customer operations that really still lack them', () => {
  const names = new Map(customerOperations);
  for (const name of STILL_WITHOUT_EXAMPLES) {
    expect({ name, customerOperation: names.has(name) }).toEqual({ name, customerOperation: true });
    expect({ name, lacking: lacks(names.get(name)).length > 0 }).toEqual({ name, lacking: true });
  }
});

describe.each(customerOperations.filter(([name]) => !STILL_WITHOUT_EXAMPLES.includes(name)))('%s', (name, operation) => {
  test('it shows examples or describes its content, nothing missing', () => {
    expect(lacks(operation)).toEqual([]);
  });

  test('its JSON answers show realistic examples that fit the answer schema', () => {
    for (const [status, response] of Object.entries<any>(operation.responses)) {
      const media = status.startsWith('2') ? response.content?.['application/json'] : undefined;
      if (media && !isBinary(media.schema)) expect(expectExamplesFit(media).length).toBeGreaterThan(0);
    }
  });

  test('its request examples fit the request schema', () => {
    for (const [mediaType, media] of Object.entries<any>(operation.requestBody?.content ?? {})) {
      if (!media.schema || isBinary(media.schema)) continue;
      const examples = expectExamplesFit(media);
      if (isJson(mediaType)) expect(examples.length).toBeGreaterThan(SEVERAL_REQUEST_EXAMPLES.includes(name) ? 1 : 0);
    }
  });
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
