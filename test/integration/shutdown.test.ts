import { connect, type Socket } from 'node:net';
import { createTestApp, type TestApp } from '../harness/test-app.js';

/**
 * Shutdown with keep-alive clients: the close does not wait for kept sockets to time out, answers
 * leave with `Connection: close`, and a request that arrives while closing gets a 503 problem (not
 * a reset connection).
 */
interface Listening {
  t: TestApp;
  port: number;
  /** Resolves when the app has begun to close. */
  closing: Promise<void>;
  release(): void;
  slowStarted: Promise<void>;
}

async function listeningApp(): Promise<Listening> {
  let closingStarted!: () => void;
  const closing = new Promise<void>((r) => (closingStarted = r));
  let started!: () => void;
  const slowStarted = new Promise<void>((r) => (started = r));
  let gate!: () => void;
  const gated = new Promise<void>((r) => (gate = r));
  const t = await createTestApp({
    extend: (app) => {
      app.get('/test/slow', { config: { public: true } }, async () => {
        started();
        await gated;
        return { slow: 'done' };
      });
      app.addHook('preClose', async () => closingStarted());
    },
  });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { t, port: (t.app.server.address() as { port: number }).port, closing, release: gate, slowStarted };
}

/** Everything the server sends on a socket until it closes it. */
const readUntilClosed = (socket: Socket) =>
  new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('close', () => resolve(text));
  });

const open = (port: number) => {
  const socket = connect(port, '127.0.0.1');
  const answered = new Promise<void>((resolve) => socket.once('data', () => resolve()));
  return { socket, answered, closed: readUntilClosed(socket) };
};

test('closing does not wait for kept-alive sockets: idle ones close at once, in-flight answers leave with Connection: close', async () => {
  const { t, port, release, slowStarted } = await listeningApp();
  try {
    const idle = open(port);
    idle.socket.write('GET /health/live HTTP/1.1\r\nHost: lims\r\nConnection: keep-alive\r\n\r\n');
    const busy = open(port);
    busy.socket.write('GET /test/slow HTTP/1.1\r\nHost: lims\r\nConnection: keep-alive\r\n\r\n');
    await slowStarted;
    // Its answer received, the first socket is idle (kept alive) when the close begins.
    await idle.answered;

    const closed = t.app.close();
    expect(await idle.closed).toMatch(/^HTTP\/1\.1 200/);
    release();
    // Without closing the sockets that in-flight answers leave idle, this waits for the client's keep-alive.
    await closed;
    const answer = await busy.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toContain('{"slow":"done"}');
  } finally {
    await t.testDb.drop();
  }
});

test('a request that arrives while the service closes gets 503 problem+json with Connection: close', async () => {
  const { t, port, closing } = await listeningApp();
  try {
    const received = new Promise<void>((resolve) => t.app.server.once('connection', (socket) => socket.once('data', () => resolve())));
    const late = open(port);
    // The request has begun (so its connection is not idle) but is not complete when the close starts.
    late.socket.write('GET /health/live HTTP/1.1\r\nHost: lims\r\n');
    await received;
    const closed = t.app.close();
    await closing;
    late.socket.write('Connection: keep-alive\r\n\r\n');
    const answer = await late.closed;
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 503/);
    expect(answer).toMatch(/\r\ncontent-type: application\/problem\+json/i);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toContain('"code":"LIMS_SERVICE_UNAVAILABLE"');
  } finally {
    await t.testDb.drop();
  }
});
