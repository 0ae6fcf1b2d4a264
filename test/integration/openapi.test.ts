import { Validator } from '@seriousme/openapi-schema-validator';
import { createTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
let doc: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- an OpenAPI document

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.request({ method: 'GET', url: '/openapi.json', token: null });
  expect(res.statusCode).toBe(200);
  doc = res.json();
});
afterAll(() => t.close());

test('the OpenAPI document passes the OpenAPI 3 schema validator', async () => {
  const result = await new Validator().validate(doc);
  expect(result.errors ?? []).toEqual([]);
  expect(result.valid).toBe(true);
  expect(doc.openapi).toBe('3.0.3');
});

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) => // eslint-disable-line @typescript-eslint/no-explicit-any
    Object.entries(item).map(([method, op]) => ({ path, method, op })),
  );

test('every API operation documents its success and problem responses', () => {
  const api = operations().filter((o) => o.path.startsWith('/api/'));
  expect(api.length).toBeGreaterThan(10);
  for (const { path, method, op } of api) {
    const codes = Object.keys(op.responses);
    expect({ path, method, success: codes.some((c) => /^2\d\d$/.test(c)) }).toEqual({ path, method, success: true });
    expect({ path, method, problems: codes.includes('4XX') && codes.includes('5XX') }).toEqual({ path, method, problems: true });
  }
});

test('every protected operation declares bearer security and its roles', () => {
  for (const { path, method, op } of operations().filter((o) => o.path.startsWith('/api/') && o.path !== '/api/v1/auth/login')) {
    expect({ path, method, security: op.security }).toEqual({ path, method, security: [{ bearerAuth: [] }] });
    expect({ path, method, rolesLines: String(op.description).match(/Roles: /g)?.length }).toEqual({ path, method, rolesLines: 1 });
  }
});

/** Every schema object in a part of the document, with the JSON path to it. */
function* schemas(node: unknown, at: string): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(node)) for (const [i, x] of node.entries()) yield* schemas(x, `${at}/${i}`);
  else if (node && typeof node === 'object') {
    yield [at, node as Record<string, unknown>];
    for (const [k, v] of Object.entries(node)) yield* schemas(v, `${at}/${k}`);
  }
}

test('a nullable enum lists null among its values, so the answers the API gives fit the document', () => {
  const wrong = [...schemas(doc.paths, '#/paths')].filter(([, s]) => s.nullable === true && Array.isArray(s.enum) && !s.enum.includes(null)).map(([at]) => at);
  expect(wrong).toEqual([]);
});

test('Swagger UI is served at /docs', async () => {
  const res = await t.request({ method: 'GET', url: '/docs/', token: null });
  expect(res.statusCode).toBe(200);
  expect(res.body).toContain('swagger-ui');
});
