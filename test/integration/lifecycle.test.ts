import { spawnSync } from 'node:child_process';
import { connect, type AddressInfo } from 'node:net';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { openPostgres } from '../../src/db/database.js';
import { createTestApp } from '../harness/test-app.js';

describe('graceful shutdown', () => {
  // Requests that arrive while closing, and kept-alive sockets: test/integration/shutdown.test.ts.
  test('in-flight requests finish, with Connection: close, and then the database is closed', async () => {
    let release!: () => void;
    let started!: () => void;
    const inFlightStarted = new Promise<void>((r) => (started = r));
    let closingBegun!: () => void;
    const shutdownBegun = new Promise<void>((r) => (closingBegun = r));
    const t = await createTestApp({
      extend: (app) => {
        app.get('/slow', { config: { public: true } }, async () => {
          started();
          await new Promise<void>((r) => (release = r));
          return { done: true };
        });
        app.addHook('preClose', async () => closingBegun());
      },
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;

    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    const ended = new Promise((r) => socket.on('close', r));
    socket.write('GET /slow HTTP/1.1\r\nHost: x\r\n\r\n');
    await inFlightStarted;

    const closing = t.app.close();
    await shutdownBegun;
    release();
    // The answer says the connection closes, and the server closes it: the client does not wait.
    await ended;
    await closing;

    expect([...received.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]))).toEqual([200]);
    expect(received).toMatch(/\r\nconnection: close\r\n/i);
    expect(received).toContain('{"done":true}');
    await expect(t.database.ping(500)).rejects.toThrow();
    await t.testDb.drop();
  });
});

describe('readiness', () => {
  test('is 503 with a problem document when the embedded database is gone', async () => {
    const t = await createTestApp();
    expect((await t.request({ method: 'GET', url: '/health/ready', token: null })).statusCode).toBe(200);
    await t.database.close();
    const res = await t.request({ method: 'GET', url: '/health/ready', token: null });
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('LIMS_DATABASE_UNAVAILABLE');
    // Requests that need the database also answer 503, not 500.
    const api = await t.request({ method: 'GET', url: '/api/v1/me' });
    expect(api.statusCode).toBe(503);
    await t.app.close();
    await t.testDb.drop();
  });

  test('answers 503, rather than hanging, when the PostgreSQL server cannot be reached', async () => {
    // Nothing listens on port 1: the pool must fail (within its 1 s connect timeout) instead of
    // hanging, which the test's own timeout would catch; no timing is asserted here.
    const database = openPostgres({ url: 'postgres://postgres@127.0.0.1:1/none', poolMax: 2, connectTimeoutMs: 1000 });
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database, logger: false });
    const ready = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    const api = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer lims_x' } });
    expect(api.statusCode).toBe(503);
    expect(api.json().code).toBe('LIMS_DATABASE_UNAVAILABLE');
    await app.close();
  });
});

describe('start-up', () => {
  test('an invalid setting stops the process with one line naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, PORT: 'eighty', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('Invalid configuration: PORT must be an integer from 0 to 65535 (got "eighty")');
  });
});
