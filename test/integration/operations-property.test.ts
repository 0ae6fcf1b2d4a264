/**
 * Every operation of the OpenAPI document, sent arbitrary bodies, path parameters, query strings and
 * headers: the service never answers 5xx, and every 4xx is a problem document with a code. The
 * inputs are drawn from each operation's own schemas, then bent at the edges (year 0000, leap
 * seconds, 60-digit decimals, 1e20, text of only spaces, unknown fields, wrong types), so that they
 * get past validation often enough to reach the services; ids come from real records as well as
 * from nowhere. Operations run one after another on one app.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { customerWithAgreement } from '../harness/reference.js';
import { bench, recordAllResults } from '../harness/results.js';
import { measuringJob } from '../harness/lab.js';
import { NOT_BLANK } from '../../src/http/common-schemas.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON schemas and OpenAPI documents are walked as plain data */
type Schema = Record<string, any>;

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: Schema }[];
  body?: { mediaType: string; schema: Schema };
}

/** Runs per operation (about 140 operations, one request a run); PROPERTY_RUNS=200 hunts longer. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 20);

let t: TestApp;
let ids: string[] = [];
let tokens: Record<'admin' | 'qm' | 'technician' | 'customer', string>;
let operations: Operation[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const qm = await createUser(t, 'quality_manager');
  const tech = await createUser(t, 'technician');
  const reviewer = await createUser(t, 'technician');
  const customer: TestUser = await customerWithAgreement(t, 'Konepaja Oy');
  const b = await bench(t, qm, tech, reviewer);
  const job = await measuringJob(t, customer, qm, tech);
  await recordAllResults(t, b, job.jobId);
  const results = (await t.request({ method: 'GET', url: `/api/v1/job-items/${job.itemId}/results` })).json();
  // Real ids, so that generated requests reach records and not only 404s. Never the admin's own
  // user or tokens: an operation that deactivated them would leave nothing else reachable.
  ids = [qm.id, tech.id, customer.id, customer.companyId!, b.equipmentId, b.versionId, job.jobId, job.itemId, ...job.characteristicIds];
  ids.push(...JSON.stringify(results).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g)!.slice(0, 10));
  ids = [...new Set(ids)];
  tokens = { admin: t.adminToken, qm: qm.token, technician: tech.token, customer: customer.token };
  operations = operationsOf(t.app.swagger() as Schema);
}, 120_000);
afterAll(() => t.close());

function operationsOf(doc: Schema): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Schema>)) {
    for (const [method, op] of Object.entries(item)) {
      const parameters: Schema[] = op.parameters ?? [];
      const content: Record<string, { schema?: Schema }> = op.requestBody?.content ?? {};
      const [mediaType, media] = Object.entries(content)[0] ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} })),
        ...(mediaType ? { body: { mediaType, schema: media?.schema ?? {} } } : {}),
      });
    }
  }
  return ops;
}

// --- values at the edges of what each kind of field accepts ---------------------------------------

const edgeStrings = fc.constantFrom('', ' ', '   ', '\t\n', 'a'.repeat(5000), 'ä€😀', '\u200b', '../../etc/passwd', "'; drop table jobs; --", '%00', '\ud800', 'null', '1e20');
const edgeDays = fc.constantFrom('0000-01-01', '0001-01-01', '9999-12-31', '10000-01-01', '2025-02-29', '2024-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '1970-01-01');
const edgeTimes = fc.constantFrom(
  '2025-12-31T23:59:60Z',
  '0000-01-01T00:00:00Z',
  '0001-01-01T00:00:00+01:00',
  '9999-12-31T23:59:59-01:00',
  '9999-12-31T23:59:59.999Z',
  '2026-01-01T10:00:00+02',
  '2026-01-01T10:00:00+0200',
  '2026-01-01 10:00:00z',
  '2026-03-04T10:15:00.123456789Z',
  '2026-03-04',
);
const edgeDecimals = fc.constantFrom('1'.repeat(60), `0.${'1'.repeat(60)}`, '-0', '1e20', '1E-7', '.5', '5.', '+1', 'NaN', 'Infinity', '0x10', '１２', '-999999999999.999999999999');
const edgeNumbers = fc.constantFrom(0, -1, 1e20, -1e20, 2 ** 53, 2 ** 63, 1.5, 1e-300, Number.MAX_VALUE, -0);

const day = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const time = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString());

/**
 * Values shaped by a JSON schema: valid ones (every required field, lengths, patterns, ranges,
 * enums and formats respected) with each node replaced, at rate `p`, by a value at the edge of its
 * kind or by any JSON at all. p = 0 gives requests that reach the services.
 */
function valueOf(schema: Schema | undefined, p: number, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 5) return fc.jsonValue({ maxDepth: 2 });
  const valid = validValueOf(schema, p, depth);
  const withNull = schema.nullable ? fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: fc.constant(null) }) : valid;
  if (p === 0) return withNull;
  const w = Math.round(p * 100);
  return fc.oneof({ weight: 100 - w, arbitrary: withNull }, { weight: w, arbitrary: edgeOf(schema) });
}

function edgeOf(schema: Schema): fc.Arbitrary<unknown> {
  const anything = fc.jsonValue({ maxDepth: 2 });
  if (schema.type === 'integer' || schema.type === 'number') return fc.oneof(edgeNumbers, anything);
  if (schema.type !== 'string') return anything;
  if (schema.format === 'date') return fc.oneof(edgeDays, edgeStrings);
  if (schema.format === 'date-time') return fc.oneof(edgeTimes, edgeStrings);
  if (typeof schema.pattern === 'string' && schema.pattern.includes('\\d')) return fc.oneof(edgeDecimals, edgeStrings);
  return fc.oneof(edgeStrings, anything);
}

function validStringOf(schema: Schema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid() });
  if (schema.format === 'date') return day;
  if (schema.format === 'date-time') return time;
  if (schema.format === 'email') return fc.emailAddress();
  const min = schema.minLength ?? 0;
  const max = Math.max(min, Math.min(schema.maxLength ?? 40, 40));
  if (typeof schema.pattern === 'string' && schema.pattern !== NOT_BLANK) {
    return fc.stringMatching(new RegExp(schema.pattern)).filter((v) => v.length >= min && v.length <= (schema.maxLength ?? Infinity));
  }
  // Code points, as JSON Schema counts lengths.
  const text = fc.oneof(fc.string({ minLength: min, maxLength: max, unit: 'grapheme-ascii' }), fc.string({ minLength: min, maxLength: max, unit: 'binary' }));
  return schema.pattern === NOT_BLANK ? text.map((v) => (/\S/.test(v) ? v : `x${v}`.slice(0, max))) : text;
}

function validValueOf(schema: Schema, p: number, depth: number): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const branches: Schema[] | undefined = schema.oneOf ?? schema.anyOf;
  if (branches) return fc.oneof(...branches.map((b) => valueOf({ ...schema, oneOf: undefined, anyOf: undefined, nullable: false, ...b }, p, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return validStringOf(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -5, max: Math.max(schema.minimum ?? -5, Math.min(schema.maximum ?? 1000, 100_000)) });
    case 'number': {
      const min = schema.minimum ?? schema.exclusiveMinimum ?? -1000;
      const max = schema.maximum ?? schema.exclusiveMaximum ?? 1000;
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter((v) => v !== schema.exclusiveMinimum && v !== schema.exclusiveMaximum);
    }
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const size = { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) };
      const items = valueOf(schema.items, p, depth + 1);
      return schema.uniqueItems ? fc.uniqueArray(items, { ...size, selector: (v) => JSON.stringify(v) }) : fc.array(items, size);
    }
    case 'object':
    case undefined: {
      if (!schema.properties) return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      const properties = schema.properties as Record<string, Schema>;
      const required: string[] = schema.required ?? Object.keys(properties).slice(0, schema.minProperties ?? 0);
      const record = fc.record(Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, valueOf(s, p, depth + 1)])), { requiredKeys: required.filter((k) => k in properties) });
      if (p === 0) return record;
      // Now and then a required field missing or an unknown one added.
      return fc.tuple(record, fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...(required.length ? required : ['x']))).map(([value, roll, key]) => {
        const filled: Record<string, unknown> = { ...value };
        if (roll < p / 2) filled.nmae = 'typo';
        else if (roll < p) delete filled[key];
        return filled;
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const pathValue = () => fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ids) },
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', 'a'.repeat(99), '%', '..', ' ', 'K-2026-0001', 'LIMS_NOT_FOUND', 'ffffffff-ffff-ffff-ffff-ffffffffffff') },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

// A URL cannot carry an unpaired surrogate (encodeURIComponent throws); bodies can, and do.
const urlSafe = (text: string): string => text.replace(/[\ud800-\udfff]/g, '?');
const queryText = (value: unknown): string => urlSafe(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/** A request to an operation; its inputs bent at rate p (0: valid, so that it reaches the service). */
function requestOf(op: Operation, p: number): fc.Arbitrary<InjectOptions> {
  const params = fc.tuple(...op.pathParams.map(() => (p === 0 ? fc.constantFrom(...ids) : pathValue())));
  const query = fc.record(Object.fromEntries(op.query.map((q) => [q.name, valueOf(q.schema, p).map(queryText)])), {
    requiredKeys: p === 0 ? op.query.filter((q) => q.required).map((q) => q.name) : [],
  });
  const json = op.body?.mediaType === 'application/json';
  const body = json
    ? fc.oneof(
        { weight: 12, arbitrary: valueOf(op.body!.schema, p).map((v) => JSON.stringify(v) ?? '') },
        { weight: p === 0 ? 0 : 1, arbitrary: fc.constantFrom('', '{', '[]', 'null', '{"a":1,"a":2}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{}}}') },
      )
    : fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('', '<?xml version="1.0"?><QIFDocument/>', 'a;b\n1;2', '%PDF-1.7\n%%EOF'));
  const contentType = op.body
    ? fc.oneof({ weight: 8, arbitrary: fc.constant(op.body.mediaType) }, { weight: p === 0 ? 0 : 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=latin1', 'multipart/form-data', 'application/x-www-form-urlencoded', 'application/xml') })
    : fc.constantFrom(...(p === 0 ? [undefined] : [undefined, 'application/json']));
  const as = fc.oneof({ weight: 6, arbitrary: fc.constant('admin') }, { weight: 2, arbitrary: fc.constantFrom('qm', 'technician', 'customer') }, { weight: p === 0 ? 0 : 1, arbitrary: fc.constantFrom('nobody', 'garbage') });
  const extra = fc.constantFrom<Record<string, string>>({}, {}, { 'idempotency-key': 'property-key' }, { 'accept-language': 'sv' }, { 'x-request-id': 'a b' }, { accept: 'application/xml' });
  return fc.record({ params, query, body, contentType, as, extra }).map(({ params, query, body, contentType, as, extra }) => {
    let i = 0;
    const url = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(urlSafe(params[i++]!)));
    const token = as === 'nobody' ? null : as === 'garbage' ? 'not-a-token' : tokens[as as keyof typeof tokens];
    const headers: Record<string, string> = { ...extra, ...(token ? { authorization: `Bearer ${token}` } : {}) };
    if (contentType) headers['content-type'] = contentType;
    const send = op.method !== 'GET' && op.method !== 'DELETE';
    return { method: op.method as InjectOptions['method'], url, query, headers, ...(send && op.body ? { payload: body } : {}) };
  });
}

test('no operation answers 5xx to arbitrary input, and every 4xx is a problem document with a code', async () => {
  expect(operations.length).toBeGreaterThan(100);
  const failures: string[] = [];
  for (const op of operations) {
    try {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(0, 0, 0.05, 0.3).chain((p) => requestOf(op, p)), async (request) => {
          const res = await t.app.inject(request);
          const where = `${request.method} ${res.statusCode} ${request.url}`;
          expect({ where, fivexx: res.statusCode >= 500 ? res.body : undefined }).toEqual({ where, fivexx: undefined });
          if (res.statusCode >= 400) {
            expect({ where, type: res.headers['content-type'] }).toEqual({ where, type: expect.stringMatching(/^application\/problem\+json/) });
            expect({ where, code: res.json().code }).toEqual({ where, code: expect.stringMatching(/^LIMS_[A-Z0-9_]+$/) });
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    } catch (err) {
      // The counterexample, then what failed about it (fast-check puts the error last).
      const message = String((err as Error).message);
      failures.push(`${op.method} ${op.path}: ${message.slice(0, 2500)}${message.length > 2500 ? ` … ${message.slice(message.indexOf('Got error'), message.indexOf('Got error') + 1500)}` : ''}`);
    }
  }
  expect(failures).toEqual([]);
}, 600_000);
