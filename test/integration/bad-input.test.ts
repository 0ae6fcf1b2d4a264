/**
 * Bad input gets a clear 4xx problem document, never a 500 and never a silent change: paging past
 * any sane page, days and times the database cannot hold, leap seconds, text that is not text,
 * decimals no instrument resolves, bodies of the wrong kind, and errors raised before routing
 * (through a real listening server, since inject does not pass node's HTTP parser).
 */
import { connect } from 'node:net';
import { labPriceList } from '../harness/commercial.js';
import { createTestApp, type TestApp } from '../harness/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
});
afterAll(() => t.close());

const ANY_ID = '7d1a8f56-3c2b-4e0f-9a61-2b5c0e8d4f10';
const b64 = (text: string) => Buffer.from(text).toString('base64url');

type Answer = { statusCode: number; headers: Record<string, unknown>; body: string };

/** Asserts a problem document of `status` and `code`, and returns it. */
function problem(res: Answer, status: number, code: string) {
  expect({ status: res.statusCode, body: res.body.slice(0, 300) }).toMatchObject({ status });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(res.body);
  expect(body).toMatchObject({ status, code, type: `http://lims.test/problems/${code}`, title: expect.any(String), detail: expect.any(String) });
  return body as { detail: string; errors?: { field: string; message: string }[]; requestId?: string };
}

const get = (url: string) => t.request({ method: 'GET', url });
const post = (url: string, payload: object) => t.request({ method: 'POST', url, payload });

describe('paging', () => {
  test('an offset past a million is a 400 naming it, not a 500 from the database', async () => {
    for (const offset of ['1e20', '1000001']) {
      const body = problem(await get(`/api/v1/jobs?offset=${offset}`), 400, 'LIMS_VALIDATION_FAILED');
      expect(body.errors).toEqual([{ field: '/querystring/offset', message: 'must be <= 1000000' }]);
    }
    expect((await get('/api/v1/jobs?offset=1000000')).statusCode).toBe(200);
  });

  test('a cursor that the service never wrote is a 400, however close it comes to a real one', async () => {
    for (const cursor of [b64('seq:99999999999999999999'), b64('seq:1e20')]) {
      expect(problem(await get(`/api/v1/audit/events?cursor=${cursor}`), 400, 'LIMS_VALIDATION_FAILED').detail).toMatch(/cursor is not valid/);
    }
    const checkpoints = await get(`/api/v1/audit/checkpoints?cursor=${b64('checkpoint:99999999999999999999')}`);
    expect(problem(checkpoints, 400, 'LIMS_VALIDATION_FAILED').detail).toMatch(/cursor is not valid/);
    for (const cursor of [b64(`9999-99-99T99:99:99Z|${ANY_ID}`), b64('2026-01-01T00:00:00.000Z|------------------------------------'), b64(`0000-01-01T00:00:00.000Z|${ANY_ID}`)]) {
      expect(problem(await get(`/api/v1/documents?cursor=${cursor}`), 400, 'LIMS_VALIDATION_FAILED').detail).toMatch(/cursor is not valid/);
    }
  });
});

describe('days and times', () => {
  test('year 0000 and five-digit years are refused with the range in words', async () => {
    const day = problem(await get('/api/v1/jobs?submittedFrom=0000-01-01'), 400, 'LIMS_VALIDATION_FAILED');
    expect(day.errors).toEqual([{ field: '/querystring/submittedFrom', message: 'must be a day from 0001-01-01 to 9999-12-31 (year 0000 does not exist)' }]);
    const time = problem(await get('/api/v1/audit/events?from=0000-01-01T00:00:00Z'), 400, 'LIMS_VALIDATION_FAILED');
    expect(time.errors).toEqual([{ field: '/querystring/from', message: expect.stringMatching(/from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z/) }]);
    // Within the years as written, but year 0000 in UTC once the offset is applied.
    const shifted = problem(await get(`/api/v1/audit/events?to=${encodeURIComponent('0001-01-01T00:30:00+01:00')}`), 400, 'LIMS_VALIDATION_FAILED');
    expect(shifted.errors?.[0]?.message).toMatch(/in UTC, after applying its offset/);
    expect(problem(await get('/api/v1/equipment?at=10000-01-01'), 400, 'LIMS_VALIDATION_FAILED').errors?.[0]?.message).toMatch(/YYYY-MM-DD, from 0001-01-01 to 9999-12-31/);
    expect((await get('/api/v1/audit/events?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59.999Z')).statusCode).toBe(200);
  });

  test('a leap second is refused with a message that says so and what to send instead', async () => {
    const res = await post(`/api/v1/job-items/${ANY_ID}/results`, {
      characteristicId: ANY_ID,
      methodVersionId: ANY_ID,
      equipmentIds: [ANY_ID],
      measuredAt: '2025-12-31T23:59:60Z',
      environment: { temperature: '20.1', humidity: '45' },
      readings: [{ value: '25.011', unit: 'mm' }],
    });
    expect(problem(res, 400, 'LIMS_VALIDATION_FAILED').errors).toEqual([
      { field: '/body/measuredAt', message: 'is a leap second (:60), which is not accepted: give 23:59:59.999 of that day or the next second (00:00:00 of the next day)' },
    ]);
    expect(problem(await get('/api/v1/audit/events?from=2016-12-31T23:59:60Z'), 400, 'LIMS_VALIDATION_FAILED').errors?.[0]?.message).toMatch(/leap second/);
  });

  test('an offset JavaScript cannot read (+02 without minutes) is refused, not a 500 later', async () => {
    const res = await get(`/api/v1/audit/events?from=${encodeURIComponent('2026-01-01T10:00:00+02')}`);
    expect(problem(res, 400, 'LIMS_VALIDATION_FAILED').errors?.[0]?.message).toMatch(/RFC 3339 form with a time zone/);
  });
});

describe('text and decimals', () => {
  test('a name of only white space is refused, not stored as an empty name', async () => {
    const before = (await get('/api/v1/companies')).json();
    for (const name of ['   ', '\t\n', '\u00a0']) {
      const body = problem(await post('/api/v1/companies', { name }), 400, 'LIMS_VALIDATION_FAILED');
      expect(body.errors).toEqual([{ field: '/body/name', message: 'must not be empty or only white space' }]);
    }
    expect((await get('/api/v1/companies')).json()).toEqual(before);
    expect((await post('/api/v1/companies', { name: ' Konepaja Oy ' })).json().name).toBe('Konepaja Oy');
  });

  test('an unpaired surrogate (\\ud800 in JSON) is refused, not stored as U+FFFD', async () => {
    const res = await t.request({ method: 'POST', url: '/api/v1/companies', payload: '{"name":"Oy \\ud800 Ab"}', headers: { 'content-type': 'application/json' } });
    expect(problem(res, 400, 'LIMS_VALIDATION_FAILED').errors).toEqual([{ field: '/body/name', message: expect.stringMatching(/unpaired surrogate/) }]);
    expect(JSON.stringify((await get('/api/v1/companies')).json())).not.toContain('\ufffd');
  });

  test('a 60-digit reading is refused with the digits allowed in words', async () => {
    const res = await post(`/api/v1/job-items/${ANY_ID}/results`, {
      characteristicId: ANY_ID,
      methodVersionId: ANY_ID,
      equipmentIds: [ANY_ID],
      measuredAt: '2026-03-02T09:15:00+02:00',
      environment: { temperature: '20.1', humidity: '45' },
      readings: [{ value: '1'.repeat(60), unit: 'mm' }, { value: `0.${'1'.repeat(13)}`, unit: 'mm' }, { value: '-123456789012.123456789012', unit: 'mm' }],
    });
    const message = 'must be a decimal number as text, with a point and no exponent, at most 12 digits before the point and 12 after it (e.g. "25.011")';
    expect(problem(res, 400, 'LIMS_VALIDATION_FAILED').errors).toEqual([
      { field: '/body/readings/0/value', message },
      { field: '/body/readings/1/value', message },
    ]);
  });
});

describe('bodies', () => {
  test('a JSON body that is not valid UTF-8 is a 400, and nothing is stored', async () => {
    const before = (await get('/api/v1/companies')).json();
    const bytes = Buffer.concat([Buffer.from('{"name":"Konepaja '), Buffer.from([0xff, 0xfe]), Buffer.from(' Oy"}')]);
    const body = problem(await t.request({ method: 'POST', url: '/api/v1/companies', payload: bytes, headers: { 'content-type': 'application/json' } }), 400, 'LIMS_BAD_REQUEST');
    expect(body.detail).toMatch(/not valid UTF-8/);
    expect((await get('/api/v1/companies')).json()).toEqual(before);
  });

  test('a text/plain body is 415, also where the operation takes no body', async () => {
    for (const url of ['/api/v1/companies', `/api/v1/quotes/${ANY_ID}/decline`]) {
      const res = await t.request({ method: 'POST', url, payload: '{"name":"Konepaja Oy"}', headers: { 'content-type': 'text/plain' } });
      expect(problem(res, 415, 'LIMS_UNSUPPORTED_MEDIA_TYPE').detail).toMatch(/"text\/plain" is not accepted here/);
    }
  });

  test('a multipart upload without a boundary is a 400 that says so', async () => {
    const res = await t.request({ method: 'POST', url: `/api/v1/jobs/${ANY_ID}/attachments`, payload: 'x', headers: { 'content-type': 'multipart/form-data' } });
    expect(problem(res, 400, 'LIMS_ATTACHMENT_FORM_INVALID').detail).toMatch(/no boundary parameter/);
  });
});

describe('equipment', () => {
  test('an intermediate check dated before the equipment entered the register is a 422 naming both days', async () => {
    const item = (await post('/api/v1/equipment', { code: 'KTK-MIC-900', name: 'Ulkomikrometri', type: 'micrometer', inServiceFrom: '2025-03-01' })).json();
    const check = { procedure: '25 mm setting standard', expected: '25.000', observed: '25.001', acceptanceLimit: '0.002', unit: 'mm' };
    const body = problem(await post(`/api/v1/equipment/${item.id}/checks`, { ...check, checkedOn: '2025-02-28' }), 422, 'LIMS_EQUIPMENT_CHECK_BEFORE_REGISTRATION');
    expect(body.detail).toBe('The check is dated 2025-02-28, before KTK-MIC-900 (the checked item) entered the register on 2025-03-01 (its inServiceFrom); date the check on or after 2025-03-01.');
    expect((await get(`/api/v1/equipment/${item.id}/checks`)).json()).toEqual({ items: [] });

    const created = await post('/api/v1/equipment', { code: 'KTK-SET-901', name: 'Asetusmitta', type: 'setting_gauge', inServiceFrom: '2025-06-01' });
    expect(created.statusCode).toBe(201);
    const standard = created.json();
    const late = await post(`/api/v1/equipment/${item.id}/checks`, { ...check, checkedOn: '2025-04-01', checkStandardId: standard.id });
    expect(problem(late, 422, 'LIMS_EQUIPMENT_CHECK_BEFORE_REGISTRATION').detail).toMatch(/KTK-SET-901 \(the check standard\) entered the register on 2025-06-01/);
    expect((await post(`/api/v1/equipment/${item.id}/checks`, { ...check, checkedOn: '2025-03-01' })).statusCode).toBe(201);
  });
});

describe('derived amounts', () => {
  test('a price list whose derived price would not fit the price column is a 422 naming the item, not a 500', async () => {
    const list = labPriceList('2030-01-01');
    const huge = { ...list, costBases: list.costBases.map((c) => ({ ...c, personnelCosts: '999999999999', plannedBillableHours: '0.5' })) };
    const rate = problem(await post('/api/v1/price-lists', huge), 422, 'LIMS_PRICE_LIST_INVALID');
    expect(rate.detail).toMatch(/hourly rate of product_quality_control comes to 2000000\d+\.\d\d €, more than the largest amount stored \(999999999999\.99 €\)/);
    const long = { ...list, items: [{ ...list.items[0]!, standardHours: '999999.99' }], costBases: list.costBases.map((c) => ({ ...c, personnelCosts: '99999999999', plannedBillableHours: '1' })) };
    expect(problem(await post('/api/v1/price-lists', long), 422, 'LIMS_PRICE_LIST_INVALID').detail).toMatch(/^Item CMM-H comes to \d+\.\d\d €, more than the largest price stored/);
    expect((await get('/api/v1/price-lists')).json().items).toEqual([]);
  });
});

describe('errors before routing', () => {
  test('a URL that cannot be decoded and an over-long path segment are problem documents with a code', async () => {
    expect(problem(await get('/api/v1/companies/%E0%A4%A'), 400, 'LIMS_BAD_REQUEST').detail).toMatch(/cannot be decoded/);
    expect(problem(await get(`/api/v1/companies/${'a'.repeat(101)}`), 414, 'LIMS_URI_TOO_LONG').detail).toMatch(/longer than this service reads/);
  });

  describe('through a listening server', () => {
    let port: number;
    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      port = (t.app.server.address() as { port: number }).port;
    });

    /** Sends raw bytes and reads the answer until the server closes the connection (`end`: and closes our side at once). */
    const raw = (request: string | Buffer, end = true): Promise<Answer> =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        const socket = connect(port, '127.0.0.1', () => (end ? socket.end(request) : socket.write(request)));
        socket.on('data', (chunk) => chunks.push(chunk));
        socket.on('error', reject);
        socket.on('close', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const [head = '', ...rest] = text.split('\r\n\r\n');
          const [statusLine = '', ...lines] = head.split('\r\n');
          const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
          resolve({ statusCode: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
        });
      });

    test('headers over the limit are 431 with a code and a request id', async () => {
      const res = await raw(`GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`);
      const body = problem(res, 431, 'LIMS_HEADERS_TOO_LARGE');
      expect(body.requestId).toBe(res.headers['x-request-id']);
    });

    test('a request line over the limit is 414', async () => {
      problem(await raw(`GET /api/v1/jobs?status=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`), 414, 'LIMS_URI_TOO_LONG');
    });

    test('bytes that are not HTTP are 400', async () => {
      expect(problem(await raw('HELLO THERE\r\n\r\n'), 400, 'LIMS_BAD_REQUEST').detail).toMatch(/not valid HTTP/);
    });

    test('a body announced over the limit is 413 with a code', async () => {
      // Only the head is sent, and the connection left open: the answer comes from Content-Length
      // alone (a body the server never reads could turn its close into a reset that discards the
      // answer; a half-closed connection would be a body cut short, a 400).
      const head = `POST /api/v1/companies HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${t.adminToken}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n`;
      const res = await raw(head, false);
      problem(res, 413, 'LIMS_PAYLOAD_TOO_LARGE');
    });
  });
});

test('the OpenAPI document declares every error answer as application/problem+json, as the service sends it', async () => {
  const doc = (await t.request({ method: 'GET', url: '/openapi.json', token: null })).json();
  const errors = Object.values(doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>)
    .flatMap((item) => Object.values(item))
    .flatMap((op) => Object.entries(op.responses).filter(([status]) => /^[45]/.test(status)))
    .map(([, response]) => Object.keys(response.content ?? {}));
  expect(errors.length).toBeGreaterThan(200);
  expect(new Set(errors.map((types) => types.join()))).toEqual(new Set(['application/problem+json']));
});
