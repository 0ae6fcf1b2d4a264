import { ERROR_CATALOGUE } from '../../src/shared/errors/index.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({
    env: { BODY_LIMIT_BYTES: '2048' },
    extend: (app) => {
      // A route that fails the way a bug would: an error carrying internals in its message.
      app.get('/boom', { config: { public: true } }, async () => {
        throw new Error('relation "secret_table" does not exist at /srv/app/src/x.ts:12');
      });
      // One that PostgreSQL's deadlock detector chose to roll back, as node-postgres reports it.
      app.get('/deadlock', { config: { public: true } }, async () => {
        throw Object.assign(new Error('deadlock detected'), { code: '40P01', severity: 'ERROR' });
      });
    },
  });
});
afterAll(() => t.close());

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ status, code, type: `http://lims.test/problems/${code}`, title: expect.any(String), detail: expect.any(String) });
  expect(body.requestId).toBe(res.headers['x-request-id']);
  return body;
};

describe('problem documents', () => {
  test('a NUL character in any text is a 400 naming the field, never a 500, and nothing is stored', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'Konepaja\u0000 Oy', address: { city: 'Tur\u0000ku' } } });
    const body = expectProblem(res, 400, 'LIMS_VALIDATION_FAILED');
    expect(body.errors).toEqual([
      { field: '/body/name', message: expect.stringMatching(/NUL character/) },
      { field: '/body/address/city', message: expect.stringMatching(/NUL character/) },
    ]);
    const query = await t.request({ method: 'GET', url: '/api/v1/audit/events?entityType=a%00b' });
    expect(expectProblem(query, 400, 'LIMS_VALIDATION_FAILED').errors).toEqual([{ field: '/querystring/entityType', message: expect.stringMatching(/NUL/) }]);
    const companies = (await t.request({ method: 'GET', url: '/api/v1/companies' })).json();
    expect(JSON.stringify(companies)).not.toContain('Konepaja\\u0000');
  });

  test('an unknown body field is rejected with 400 and named, not stripped', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'Oy Ab', nmae: 'typo' } });
    const body = expectProblem(res, 400, 'LIMS_VALIDATION_FAILED');
    expect(body.errors).toEqual([{ field: '/body/nmae', message: expect.stringMatching(/not a known field/) }]);
  });

  test('every offending field is listed, and bodies are not type-coerced', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/users', payload: { email: 'not-an-email', role: 'boss', displayName: 5 } });
    const body = expectProblem(res, 400, 'LIMS_VALIDATION_FAILED');
    const fields = (body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['/body/displayName', '/body/email', '/body/role']);
  });

  test('malformed JSON is a 400 problem', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: '{"name": ', headers: { 'content-type': 'application/json' } });
    expectProblem(res, 400, 'LIMS_BAD_REQUEST');
  });

  test('a body over the limit is 413', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: { name: 'x'.repeat(5000) } });
    expectProblem(res, 413, 'LIMS_PAYLOAD_TOO_LARGE');
  });

  test('an unsupported content type is 415', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectProblem(res, 415, 'LIMS_UNSUPPORTED_MEDIA_TYPE');
  });

  test('an unknown route is a 404 problem', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/nothing-here' });
    expectProblem(res, 404, 'LIMS_ROUTE_NOT_FOUND');
  });

  test('a missing record is a 404 problem naming it', async () => {
    const id = '7d1a8f56-0000-4000-8000-000000000000';
    const res = await t.request({ method: 'GET', url: `/api/v1/companies/${id}` });
    expect(expectProblem(res, 404, 'LIMS_NOT_FOUND').detail).toContain(id);
  });

  test('a request id given by the caller is kept', async () => {
    const res = await t.request({ method: 'GET', url: '/api/v1/nothing', headers: { 'x-request-id': 'trace-42' } });
    expect(res.headers['x-request-id']).toBe('trace-42');
    expect(res.json().requestId).toBe('trace-42');
  });

  test.each(Object.keys(ERROR_CATALOGUE))('the problem type of %s resolves to its catalogue entry', async (code) => {
    const res = await t.request({ method: 'GET', url: `/problems/${code}`, token: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ code, ...ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE] });
  });
});

test('a 500 never shows internals, only the title and the request id', async () => {
  const res = await t.request({ method: 'GET', url: '/boom', token: null });
  const body = expectProblem(res, 500, 'LIMS_INTERNAL');
  expect(JSON.stringify(body)).not.toMatch(/secret_table|\/srv|stack/);
  expect(body.detail).toContain(res.headers['x-request-id']);
});

test('a transaction the database rolled back (deadlock, serialization) is a 503 to retry, not a 500', async () => {
  const res = await t.request({ method: 'GET', url: '/deadlock', token: null });
  const body = expectProblem(res, 503, 'LIMS_SERVICE_UNAVAILABLE');
  expect(res.headers['retry-after']).toBe('1');
  expect(body.detail).toMatch(/rolled back; nothing was saved/);
});
