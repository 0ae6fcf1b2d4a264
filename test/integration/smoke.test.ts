import { createTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

test('health and me', async () => {
  const live = await t.request({ method: 'GET', url: '/health/live', token: null });
  expect(live.statusCode).toBe(200);
  const ready = await t.request({ method: 'GET', url: '/health/ready', token: null });
  expect(ready.json()).toEqual({ status: 'ok', database: expect.any(String) });
  const me = await t.request({ method: 'GET', url: '/api/v1/me' });
  expect(me.statusCode).toBe(200);
  expect(me.json().role).toBe('admin');
});
