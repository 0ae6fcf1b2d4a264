import { createTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { VERIFY_RATE_PER_MINUTE: '3' } });
});
afterAll(() => t.close());

test('public verification is rate-limited per client address, with a problem document and Retry-After', async () => {
  const answers = [];
  for (let i = 0; i < 4; i++) answers.push(await t.request({ method: 'GET', url: `/verify/K-2026-${9000 + i}`, token: null }));
  expect(answers.slice(0, 3).map((a) => a.statusCode)).toEqual([404, 404, 404]);
  const limited = answers[3]!;
  expect(limited.statusCode).toBe(429);
  expect(limited.headers['retry-after']).toBe('60');
  expect(limited.json()).toMatchObject({ code: 'LIMS_VERIFY_RATE_LIMITED' });
  const bytes = await t.request({ method: 'POST', url: '/verify', token: null, headers: { 'content-type': 'application/pdf' }, payload: Buffer.from('%PDF-1.7') });
  expect(bytes.statusCode).toBe(429);
  // The API itself is not limited by it.
  expect((await t.request({ method: 'GET', url: '/health/live', token: null })).statusCode).toBe(200);
});

test('a body that is not a PDF is refused with 415', async () => {
  const other = await createTestApp();
  try {
    const res = await other.request({ method: 'POST', url: '/verify', token: null, headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(res.statusCode).toBe(415);
    expect(res.headers['content-type']).toContain('application/problem+json');
  } finally {
    await other.close();
  }
});
