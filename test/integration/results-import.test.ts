import { todayInFinland } from '../../src/shared/finnish-calendar.js';
import { activeAgreement, createCustomer, thisYear } from '../harness/commercial.js';
import { authorize, calibratedEquipment, measuringJob, releasedMethod, type MeasuringJob } from '../harness/lab.js';
import { validQif } from '../harness/qif-fixtures.js';
import { describeWithQif, qifDocument, qifSample } from '../harness/qif.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

let t: TestApp;
let qm: TestUser;
let tech: TestUser;
let reviewer: TestUser;
let auditor: TestUser;
let customer: TestUser;
let versionId: string;
let job: MeasuringJob;

const IMPORT_LIMIT = 262_144;
/**
 * A measurement time for the label `hh:mm`, as an ISO time with an offset: the label's minutes
 * become seconds after a start two minutes ago, but not before midnight in Finland. So every time
 * is on the day the items were received (today in Finland), in the order of the labels, and at
 * most 70 s ahead of now (the service allows 5 minutes of clock difference), whatever the hour.
 */
const finnishMidnight = Math.min(...['+03:00', '+02:00'].map((offset) => Date.parse(`${todayInFinland()}T00:00:00${offset}`)).filter((t) => todayInFinland(new Date(t)) === todayInFinland()));
const START = Math.max(Date.now() - 2 * 60_000, finnishMidnight);
const at = (hhmm: string) => {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number);
  return `${new Date(START + (hours * 60 + minutes) * 1000).toISOString().slice(0, 19)}+00:00`;
};

const importFile = (jobId: string, body: string | Buffer, options: { user?: TestUser; query?: string; type?: string } = {}) =>
  t.request({
    method: 'POST',
    url: `/api/v1/jobs/${jobId}/results/import${options.query ? `?${options.query}` : ''}`,
    payload: body,
    headers: { 'content-type': options.type ?? 'text/csv; charset=utf-8' },
    token: (options.user ?? tech).token,
  });
const itemResults = async (itemId: string) => (await t.request({ method: 'GET', url: `/api/v1/job-items/${itemId}/results`, token: qm.token })).json().items;
const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const HEAD = 'item;characteristic;value;unit;measured_at;equipment;method_version;temperature;humidity';
const row = (characteristic: string, value: string, overrides: { unit?: string; time?: string; equipment?: string; temperature?: string } = {}) =>
  ['1', characteristic, value, overrides.unit ?? 'mm', overrides.time ?? at('00:05'), overrides.equipment ?? 'KTK-CMM-001', versionId, overrides.temperature ?? '20,1', '45'].join(';');

beforeAll(async () => {
  t = await createTestApp({ env: { IMPORT_LIMIT_BYTES: String(IMPORT_LIMIT) } });
  qm = await createUser(t, 'quality_manager');
  tech = await createUser(t, 'technician');
  reviewer = await createUser(t, 'technician');
  auditor = await createUser(t, 'auditor');
  const company = await createCustomer(t, { name: 'Akseli Oy' });
  customer = await createUser(t, 'customer', { companyId: company });
  await activeAgreement(t, company);
  await calibratedEquipment(t, qm, 'KTK-CMM-001', `${thisYear() - 1}-01-10`, 36);
  await calibratedEquipment(t, qm, 'KTK-MIC-OLD', `${thisYear() - 3}-01-10`, 12);
  const method = await releasedMethod(t, qm, 'KTK-M-012');
  versionId = method.versionId;
  await authorize(t, qm, tech, method.methodId, ['measure', 'review']);
  await authorize(t, qm, reviewer, method.methodId, ['measure', 'review']);
  job = await measuringJob(t, customer, qm, tech);
});
afterAll(() => t.close());

describe('CSV import', () => {
  test('a refused file reports every bad row with line, column and reason, and writes nothing', async () => {
    const file = csv(
      HEAD,
      row('9', '25.011'), // 2: no such characteristic
      row('1', '25.01x'), // 3: not a number
      row('2', '120.004', { unit: 'deg' }), // 4: an angle for a length
      row('1', '25.012', { equipment: 'KTK-MIC-OLD', time: at('00:10') }), // 5: calibration overdue
      row('2', '120.003', { temperature: '21,0', time: at('00:15') }), // 6: too warm, no justification
      row('1', '25.013', { equipment: 'KTK-CMM-001|KTK-NONE', time: at('00:20') }), // 7: not in the register
      row('1', '25.0110', { time: at('00:25') }), // 8: fine on its own
    );
    const res = await importFile(job.jobId, file);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('LIMS_RESULT_IMPORT_REFUSED');
    expect(body.detail).toContain('nothing was imported');
    expect(body.details.problems).toEqual([
      { line: 2, column: 'characteristic', code: 'LIMS_RESULT_IMPORT_UNMATCHED', reason: expect.stringContaining('has no characteristic "9"') },
      { line: 3, column: 'value', code: 'LIMS_RESULT_IMPORT_BAD_VALUE', reason: expect.stringContaining('"25.01x" is not a decimal number') },
      { line: 4, column: 'unit', code: 'LIMS_RESULT_UNIT_MISMATCH', reason: expect.stringContaining('Unit deg does not fit mm') },
      { line: 5, column: 'equipment', code: 'LIMS_RESULT_EQUIPMENT_NOT_USABLE', reason: expect.stringContaining('KTK-MIC-OLD (calibration_overdue)') },
      { line: 6, column: 'temperature', code: 'LIMS_RESULT_ENVIRONMENT_OUT_OF_LIMITS', reason: expect.stringContaining('temperature 21.0 is outside') },
      { line: 7, column: 'equipment', code: 'LIMS_RESULT_IMPORT_UNMATCHED', reason: expect.stringContaining('no item with code "KTK-NONE"') },
    ]);
    expect(await itemResults(job.itemId)).toEqual([]);
  });

  test('a missing column and an unknown column are refused on the header line', async () => {
    const res = await importFile(job.jobId, csv('item;characteristic;valeu;measured_at;equipment;method_version', `1;1;25.011;${at('00:05')};KTK-CMM-001;${versionId}`));
    expect(res.statusCode).toBe(422);
    expect(res.json().details.problems).toEqual([
      { line: 1, column: 'valeu', code: 'LIMS_RESULT_IMPORT_UNKNOWN_COLUMN', reason: expect.stringContaining('Unknown column "valeu"') },
      { line: 1, column: 'value', code: 'LIMS_RESULT_IMPORT_MISSING_VALUE', reason: expect.stringContaining('Required column "value" is missing') },
      { line: 1, column: 'unit', code: 'LIMS_RESULT_IMPORT_MISSING_VALUE', reason: expect.stringContaining('Required column "unit" is missing') },
    ]);
  });

  test('a file that is not UTF-8 is refused, naming the line', async () => {
    const res = await importFile(job.jobId, Buffer.from(csv(`${HEAD};remarks`, `${row('1', '25.011')};lämpötila vakaa`), 'latin1'));
    expect(res.statusCode).toBe(422);
    expect(res.json().details.problems).toEqual([{ line: 2, column: null, code: 'LIMS_RESULT_IMPORT_MALFORMED', reason: expect.stringContaining('not UTF-8') }]);
  });

  test('a dry run checks the file and answers the plan without writing', async () => {
    const res = await importFile(job.jobId, csv(HEAD, row('1', '25,0110'), row('1', '25,0112')), { query: 'dryRun=true' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ format: 'csv', dryRun: true, results: [], planned: [{ source: [{ line: 2 }, { line: 3 }], itemId: job.itemId, characteristicId: job.characteristicIds[0], readings: [{ value: '25.0110', unit: 'mm' }, { value: '25.0112', unit: 'mm' }] }] });
    expect(await itemResults(job.itemId)).toEqual([]);
  });

  test('a good file (BOM, semicolons, decimal commas, quoted remarks) creates every result with exact decimals, audited', async () => {
    const file = `\uFEFF${csv(
      `${HEAD};remarks`,
      `${row('1', '25,0110')};"Mitattu kolmelta korkeudelta; keskiarvo"`,
      `${row('1', '25,0112')};"Mitattu kolmelta korkeudelta; keskiarvo"`,
      `${row('2', '120.0040', { time: at('00:07') })};`,
    )}`;
    const res = await importFile(job.jobId, file);
    expect(res.statusCode).toBe(201);
    const { results } = res.json();
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({
      itemId: job.itemId,
      characteristicId: job.characteristicIds[0],
      methodVersionId: versionId,
      environment: { temperature: '20.1', humidity: '45' },
      readings: [
        { repeat: 1, value: '25.0110', unit: 'mm' },
        { repeat: 2, value: '25.0112', unit: 'mm' },
      ],
      remarks: 'Mitattu kolmelta korkeudelta; keskiarvo',
      recordedBy: tech.id,
      current: true,
    });
    expect(results[1]).toMatchObject({ characteristicId: job.characteristicIds[1], readings: [{ value: '120.0040' }], remarks: null });
    const stored = await itemResults(job.itemId);
    // Written in one transaction, they list in file order.
    expect(stored.map((r: { id: string }) => r.id)).toEqual(results.map((r: { id: string }) => r.id));

    const audit = (await t.request({ method: 'GET', url: `/api/v1/audit/events?entityType=job&entityId=${job.jobId}`, token: qm.token })).json().items;
    expect(audit.find((e: { action: string }) => e.action === 'result.import')).toMatchObject({ actorUserId: tech.id, after: { format: 'csv', resultIds: results.map((r: { id: string }) => r.id) } });
    const perResult = (await t.request({ method: 'GET', url: `/api/v1/audit/events?entityType=result&entityId=${results[0].id}`, token: qm.token })).json().items;
    expect(perResult).toEqual([expect.objectContaining({ action: 'result.record', after: expect.objectContaining({ import: { format: 'csv', source: [{ line: 2 }, { line: 3 }] } }) })]);
    // The events of an import are appended together: one per result in file order, then the import's, chained.
    const latest = (await t.request({ method: 'GET', url: '/api/v1/audit/events?limit=3', token: qm.token })).json().items;
    expect(latest.map((e: { action: string; entityId: string }) => [e.action, e.entityId])).toEqual([
      ['result.import', job.jobId],
      ['result.record', results[1].id],
      ['result.record', results[0].id],
    ]);
    expect((await t.request({ method: 'GET', url: '/api/v1/audit/verify', token: auditor.token })).json()).toMatchObject({ intact: true, firstBrokenSeq: null });
  });

  test('query parameters give what the file lacks; a justified deviation is recorded and flagged', async () => {
    const other = await measuringJob(t, customer, qm, tech);
    const query = `methodVersionId=${versionId}&equipment=KTK-CMM-001&measuredAt=${encodeURIComponent(at('00:30'))}&temperature=20.9&humidity=45&deviationJustification=${encodeURIComponent('Air conditioning failed; part soaked 4 h')}`;
    const res = await importFile(other.jobId, 'characteristic,value,unit\n1,25.0105,mm\n2,"120,001",mm\n', { query });
    expect(res.statusCode).toBe(201);
    expect(res.json().results).toEqual([
      expect.objectContaining({ characteristicId: other.characteristicIds[0], readings: [{ repeat: 1, value: '25.0105', unit: 'mm' }], deviation: { justification: 'Air conditioning failed; part soaked 4 h', violations: [expect.objectContaining({ quantity: 'temperature', reading: '20.9' })] } }),
      expect.objectContaining({ characteristicId: other.characteristicIds[1], readings: [{ repeat: 1, value: '120.001', unit: 'mm' }] }),
    ]);
  });

  test('calibration points of an instrument', async () => {
    const instrument = await measuringJob(t, customer, qm, tech, { instrument: true });
    const point = (nominal: string, value: string) => `${nominal};mm;${value};mm;${at('00:40')};KTK-CMM-001;${versionId};20,0;40`;
    const file = csv('point_nominal;point_unit;value;unit;measured_at;equipment;method_version;temperature;humidity', point('0', '0,000'), point('12,5', '12,5001'), point('25', '25,002'), point('30', '30,001'));
    const refused = await importFile(instrument.jobId, file);
    expect(refused.json().details.problems).toEqual([{ line: 5, column: 'point_nominal', code: 'LIMS_RESULT_POINT_OUT_OF_RANGE', reason: expect.stringContaining('above the measuring range') }]);
    const res = await importFile(instrument.jobId, file.split('\r\n').slice(0, 4).join('\r\n'));
    expect(res.statusCode).toBe(201);
    expect(res.json().results.map((r: { calibrationPoint: unknown; readings: { value: string }[] }) => [r.calibrationPoint, r.readings[0]!.value])).toEqual([
      [{ nominal: '0', unit: 'mm' }, '0.000'],
      [{ nominal: '12.5', unit: 'mm' }, '12.5001'],
      [{ nominal: '25', unit: 'mm' }, '25.002'],
    ]);
  });
});

describe('who and when', () => {
  test('customers and auditors may not import; an unknown job is 404', async () => {
    for (const user of [customer, auditor]) expect((await importFile(job.jobId, csv(HEAD, row('1', '25.011')), { user })).statusCode).toBe(403);
    expect((await importFile('00000000-0000-4000-8000-000000000000', csv(HEAD, row('1', '25.011')))).json().code).toBe('LIMS_NOT_FOUND');
  });

  test('a job that is not in measurement takes no import', async () => {
    const accepted = await measuringJob(t, customer, qm, tech, { start: false });
    const res = await importFile(accepted.jobId, csv(HEAD, row('1', '25.011')));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LIMS_RESULT_JOB_NOT_IN_MEASUREMENT');
  });

  test('a released item takes no more results', async () => {
    const released = await measuringJob(t, customer, qm, tech);
    expect((await importFile(released.jobId, csv(HEAD, row('1', '25.011')))).statusCode).toBe(201);
    expect((await t.request({ method: 'POST', url: `/api/v1/job-items/${released.itemId}/results/release`, payload: {}, token: reviewer.token })).statusCode).toBe(200);
    const res = await importFile(released.jobId, csv(HEAD, row('2', '120.001')));
    expect(res.json().details.problems).toEqual([{ line: 2, column: 'item', code: 'LIMS_RESULT_RELEASED', reason: expect.stringContaining('released and locked') }]);
  });

  test('an unsupported media type is 415, a file over IMPORT_LIMIT_BYTES is 413, an unknown query parameter is 400', async () => {
    expect((await importFile(job.jobId, 'a,b', { type: 'text/plain' })).statusCode).toBe(415);
    expect((await importFile(job.jobId, `${HEAD}\n${'x'.repeat(IMPORT_LIMIT)}`)).statusCode).toBe(413);
    const typo = await importFile(job.jobId, csv(HEAD, row('1', '25.011')), { query: 'dryrun=true' });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().errors).toEqual([{ field: '/querystring/dryrun', message: expect.stringContaining('not a known field') }]);
  });
});

type Spec = [identifier: string, type: string, nominal?: string];
interface PieceJob {
  jobId: string;
  itemId: string;
  /** Characteristic ids by identifier. */
  ids: Record<string, string>;
  qifIds: Record<string, string | null>;
}

const send = async (url: string, user: TestUser, payload?: object | string, type?: string) => {
  const res = await t.request({ method: 'POST', url: `/api/v1${url}`, token: user.token, ...(payload ? { payload } : {}), ...(type ? { headers: { 'content-type': type } } : {}) });
  expect(res.statusCode).toBeLessThan(300);
  return res.json();
};

/**
 * A job in measurement with one piece: its characteristics given as JSON (sizes toleranced ±0.5 mm,
 * geometric ones 0.5 mm), or imported from a QIF product file (which gives them QIF ids).
 */
async function pieceJob(from: Spec[] | { qif: string }): Promise<PieceJob> {
  const characteristics = Array.isArray(from)
    ? from.map(([identifier, type, nominal]) => ({ identifier, type, unit: 'mm', ...(nominal ? { nominal, tolerance: { kind: 'symmetric', value: '0.5' } } : { tolerance: { kind: 'geometric', value: '0.5' } }) }))
    : [];
  const submitted = await send('/jobs', customer, { kind: 'product_quality_control', items: [{ description: 'QIF sample part', ...(characteristics.length ? { characteristics } : {}) }] });
  const itemId: string = submitted.items[0].id;
  if (!Array.isArray(from)) await send(`/jobs/${submitted.id}/items/${itemId}/characteristics/qif`, customer, from.qif, 'application/xml');
  await send(`/jobs/${submitted.id}/accept`, qm, { method: 'KTK-M-012 CMM measurement', price: '450.00', deliveryDate: `${thisYear() + 1}-01-15` });
  await send(`/jobs/${submitted.id}/receive`, tech, { receivedOn: todayInFinland(), condition: 'Clean' });
  const started = await send(`/jobs/${submitted.id}/start-measurement`, tech);
  const list: { identifier: string; id: string; qifId: string | null }[] = started.items[0].characteristics;
  return { jobId: submitted.id, itemId, ids: Object.fromEntries(list.map((c) => [c.identifier, c.id])), qifIds: Object.fromEntries(list.map((c) => [c.identifier, c.qifId])) };
}

// The samples' characteristics by designator (balloon), with a characteristic type of the LIMS standing in for QIF's kind.
const SAMPLE: Spec[] = [['5', 'profile'], ['1', 'length', '2466.9'], ['2', 'length', '774.31'], ['3', 'length', '944.84'], ['4', 'profile'], ['6', 'diameter', '9.5'], ['7', 'position'], ['8', 'diameter', '10.2'], ['9', 'position'], ['-NONE-', 'diameter', '30'], ['11', 'distance', '81.22']];
const WIDGET: Spec[] = [
  ['113', 'flatness'], ['14', 'perpendicularity'], ['4', 'flatness'], ['112', 'flatness'], ['3', 'perpendicularity'], ['10', 'diameter', '19'], ['11', 'position'], ['5', 'distance', '5'], ['8', 'diameter', '25.4'],
  ['9', 'position'], ['6', 'diameter', '4.9'], ['7', 'position'], ['109', 'profile'], ['110', 'profile'], ['106', 'profile'], ['108', 'flatness'], ['1', 'profile'], ['198', 'flatness'], ['2', 'profile'],
  ['17', 'diameter', '9.46'], ['18', 'position'], ['12', 'distance', '74.76'], ['19', 'distance', '104.63'], ['13', 'distance', '4.97'], ['15', 'length', '9.975'], ['16', 'position'],
];
const qifQuery = (extra = '') => `methodVersionId=${versionId}&equipment=KTK-CMM-001&measuredAt=${encodeURIComponent(at('01:00'))}&temperature=20.1&humidity=45${extra}`;

describeWithQif('QIF Results import', () => {
  test('characteristics imported from a QIF plan are matched by their QIF ids; the time and units come from the file', async () => {
    const part = await pieceJob({ qif: validQif.part });
    expect(part.qifIds).toEqual({ '1': '12', '2': '22', '3': '32', '4': '42', '5': '52' });
    const measured = qifDocument({
      traceability: `<InspectionTraceability><InspectionStart>${at('01:10')}</InspectionStart></InspectionTraceability>`,
      measurements: [
        '<DiameterCharacteristicMeasurement id="100"><CharacteristicItemId>12</CharacteristicItemId><Value>10.0312</Value></DiameterCharacteristicMeasurement>',
        '<LengthCharacteristicMeasurement id="101"><CharacteristicItemId>22</CharacteristicItemId><Value>25.00400</Value></LengthCharacteristicMeasurement>',
        '<AngleCharacteristicMeasurement id="102"><CharacteristicItemId>52</CharacteristicItemId><Value>45.02</Value></AngleCharacteristicMeasurement>',
      ],
    });
    const res = await importFile(part.jobId, measured, { type: 'application/qif+xml', query: `methodVersionId=${versionId}&equipment=KTK-CMM-001&temperature=20.0&humidity=40` });
    expect(res.statusCode).toBe(201);
    expect(res.json().results.map((r: { characteristicId: string; measuredAt: string; readings: unknown[] }) => [r.characteristicId, r.measuredAt, r.readings])).toEqual([
      [part.ids['1'], new Date(at('01:10')).toISOString(), [{ repeat: 1, value: '10.0312', unit: 'mm' }]],
      [part.ids['2'], new Date(at('01:10')).toISOString(), [{ repeat: 1, value: '25.00400', unit: 'mm' }]],
      [part.ids['5'], new Date(at('01:10')).toISOString(), [{ repeat: 1, value: '45.02', unit: 'deg' }]],
    ]);
  });

  test('QIF_Results_Sample: every measured characteristic becomes a result, matched by designator, values digit for digit', async () => {
    const part = await pieceJob(SAMPLE);
    const res = await importFile(part.jobId, qifSample('QIF_Results_Sample.QIF'), { type: 'application/qif+xml', query: qifQuery() });
    expect(res.statusCode).toBe(201);
    const { results, planned } = res.json();
    expect(results).toHaveLength(13);
    // Written in one transaction (one created_at), the item's results still list in the file's order.
    expect((await itemResults(part.itemId)).map((r: { id: string }) => r.id)).toEqual(results.map((r: { id: string }) => r.id));
    expect(planned[0]).toMatchObject({ source: [{ measurementId: '17', characteristicItemId: '15' }], characteristicId: part.ids['5'], readings: [{ value: '-0.020323885079998', unit: 'mm' }] });
    const byCharacteristic = (id: string) => results.filter((r: { characteristicId: string }) => r.characteristicId === id);
    expect(byCharacteristic(part.ids['5']!).map((r: { readings: { value: string }[] }) => r.readings[0]!.value)).toEqual(['-0.020323885079998', '0']);
    expect(byCharacteristic(part.ids['1']!)[0]).toMatchObject({ readings: [{ repeat: 1, value: '2466.9000000000001', unit: 'mm' }], remarks: 'QIF measurement 26 of characteristic item 25', environment: { temperature: '20.1', humidity: '45' } });
    expect(byCharacteristic(part.ids['-NONE-']!)[0].readings[0].value).toBe('30');
  });

  test('WIDGET_QIF_RESULTS: 42 measurements of 26 characteristics, repeats of a characteristic as separate results', async () => {
    const widget = await pieceJob(WIDGET);
    const res = await importFile(widget.jobId, qifSample('WIDGET_QIF_RESULTS.QIF'), { type: 'application/xml', query: qifQuery() });
    expect(res.statusCode).toBe(201);
    const { results } = res.json();
    expect(results).toHaveLength(42);
    expect(results.filter((r: { characteristicId: string }) => r.characteristicId === widget.ids['17']).map((r: { readings: { value: string }[] }) => r.readings[0]!.value)).toEqual(['9.454000000000001', '9.460000000000001', '9.470000000000001']);
    expect(await itemResults(widget.itemId)).toHaveLength(42);
  });

  test('a refused QIF file names each unmatched measurement, and what the query got wrong once for the file', async () => {
    const partial = await pieceJob(WIDGET.filter(([identifier]) => identifier !== '15' && identifier !== '16'));
    const query = `methodVersionId=${versionId}&equipment=KTK-MIC-OLD&measuredAt=${encodeURIComponent(at('01:00'))}&temperature=21.5&humidity=45`;
    const res = await importFile(partial.jobId, qifSample('WIDGET_QIF_RESULTS.QIF'), { type: 'application/xml', query });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.problems).toEqual([
      { column: 'equipment', code: 'LIMS_RESULT_EQUIPMENT_NOT_USABLE', reason: expect.stringContaining('KTK-MIC-OLD (calibration_overdue)') },
      { column: 'temperature', code: 'LIMS_RESULT_ENVIRONMENT_OUT_OF_LIMITS', reason: expect.stringContaining('temperature 21.5 is outside') },
      { measurementId: '211', characteristicItemId: '210', column: 'characteristicItemId', code: 'LIMS_RESULT_IMPORT_UNMATCHED', reason: expect.stringContaining('QIF id 210 or designator "15"') },
      { measurementId: '216', characteristicItemId: '215', column: 'characteristicItemId', code: 'LIMS_RESULT_IMPORT_UNMATCHED', reason: expect.stringContaining('QIF id 215 or designator "16"') },
    ]);
    expect(await itemResults(partial.itemId)).toEqual([]);
  });

  test('without the query parameters QIF cannot carry, the file is refused naming them; a file that is not QIF is refused by the QIF reader', async () => {
    const part = await pieceJob(SAMPLE);
    const res = await importFile(part.jobId, qifSample('QIF_Results_Sample.QIF'), { type: 'application/xml' });
    expect(res.json().details.problems.map((p: { column: string }) => p.column)).toEqual(['methodVersionId', 'equipment', 'measuredAt']);
    const notQif = await importFile(part.jobId, '<?xml version="1.0"?><Order/>', { type: 'application/xml', query: qifQuery() });
    expect(notQif.statusCode).toBe(422);
    expect(notQif.json().code).toBe('LIMS_QIF_NOT_QIF3');
  });
});
