import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

let t: TestApp;
let qm: TestUser;
let tech: TestUser;
let customer: TestUser;
let auditor: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  qm = await createUser(t, 'quality_manager');
  tech = await createUser(t, 'technician');
  customer = await createUser(t, 'customer');
  auditor = await createUser(t, 'auditor');
});
afterAll(() => t.close());

const post = (url: string, payload: object, token?: string) => t.request({ method: 'POST', url: `/api/v1${url}`, payload, ...(token ? { token } : {}) });
const get = (url: string, token?: string) => t.request({ method: 'GET', url: `/api/v1${url}`, ...(token ? { token } : {}) });

async function item(code: string, type: string, extra: object = {}): Promise<string> {
  // In service since before the calibrations and checks the tests record (a check cannot predate the register entry).
  const res = await post('/equipment', { code, name: code, type, calibrationIntervalMonths: 12, inServiceFrom: '2020-01-01', ...extra }, qm.token);
  expect(res.statusCode).toBe(201);
  return res.json().id;
}
const value = (u: string) => [{ quantity: 'length deviation 25 mm', nominal: '25', value: '0.00010', unit: 'mm', expandedUncertainty: u, coverageFactor: '2' }];
async function calibrate(id: string, body: object): Promise<{ id: string; nextDueOn: string }> {
  const res = await post(`/equipment/${id}/calibrations`, body, qm.token);
  expect(res.statusCode).toBe(201);
  return res.json();
}
const nmi = (cert: string, on: string) => ({ certificateNumber: cert, calibratedOn: on, intervalMonths: 24, calibratedBy: { kind: 'nmi', name: 'VTT MIKES' }, externalTraceability: 'National standard of length', values: value('0.00003') });
const internal = (cert: string, on: string, ref: string, u = '0.00008') => ({ certificateNumber: cert, calibratedOn: on, calibratedBy: { kind: 'internal', name: 'KTK' }, referenceEquipmentId: ref, values: value(u) });

describe('equipment, calibrations and traceability', () => {
  let ref: string;
  let blocks: string;
  let mic: string;
  let other: string;
  beforeAll(async () => {
    ref = await item('KTK-REF-001', 'gauge_block');
    blocks = await item('KTK-GB-002', 'gauge_block');
    mic = await item('KTK-MIC-012', 'micrometer');
    other = await item('KTK-RG-003', 'ring_gauge');
    await calibrate(ref, nmi('MIKES-22-101', '2022-01-10'));
    await calibrate(ref, nmi('MIKES-24-077', '2024-01-05'));
    await calibrate(blocks, internal('KTK-GB-23', '2023-03-01', ref));
    await calibrate(blocks, internal('KTK-GB-24', '2024-02-01', ref));
    await calibrate(mic, internal('KTK-MIC-23', '2023-06-01', blocks, '0.0015'));
    await calibrate(mic, internal('KTK-MIC-24', '2024-06-01', blocks, '0.0015'));
    await calibrate(other, internal('KTK-RG-23', '2023-04-01', ref));
  });

  test('usability is derived: valid through the due date, overdue after it, not usable when quarantined', async () => {
    const valid = await get(`/equipment/${mic}?at=2025-06-01`, tech.token);
    expect(valid.json().usability).toMatchObject({ usable: true, calibration: { state: 'valid', certificateNumber: 'KTK-MIC-24', nextDueOn: '2025-06-01' } });
    expect((await get(`/equipment/${mic}?at=2025-06-02`)).json().usability).toMatchObject({ usable: false, reasons: ['calibration_overdue'] });
    expect((await get(`/equipment/${mic}?at=2020-01-01`)).json().usability.reasons).toEqual(['no_calibration']);
    const q = await post(`/equipment/${other}/status`, { status: 'quarantined', effectiveOn: '2023-09-01', reason: 'dropped' }, qm.token);
    expect(q.json()).toMatchObject({ status: 'quarantined' });
    expect((await get(`/equipment/${other}?at=2023-08-31`)).json().usability.usable).toBe(true);
    expect((await get(`/equipment/${other}?at=2023-09-01`)).json().usability.reasons).toEqual(['quarantined']);
  });

  test('a 3-level chain to the NMI, as of a past day when older calibrations were in force', async () => {
    const past = (await get(`/equipment/${mic}/traceability?at=2023-12-01`, auditor.token)).json();
    expect(past.links.map((l: { certificateNumber: string }) => l.certificateNumber)).toEqual(['KTK-MIC-23', 'KTK-GB-23', 'MIKES-22-101']);
    expect(past).toMatchObject({ complete: true, flagged: false, terminatesAt: { kind: 'nmi', name: 'VTT MIKES' } });
    expect(past.links[2]).toMatchObject({ equipment: { code: 'KTK-REF-001' }, calibratedBy: { kind: 'nmi' }, maxExpandedUncertainty: '0.00003', values: [{ expandedUncertainty: '0.00003', coverageFactor: '2' }] });
    const now = (await get(`/equipment/${mic}/traceability?at=2024-12-01`)).json();
    expect(now.links.map((l: { certificateNumber: string }) => l.certificateNumber)).toEqual(['KTK-MIC-24', 'KTK-GB-24', 'MIKES-24-077']);
    const late = (await get(`/equipment/${mic}/traceability?at=2025-07-01`)).json();
    expect(late).toMatchObject({ flagged: true, links: [{ overdue: true }, { overdue: false }, { overdue: false }] });
  });

  test('a calibration that would make the chain return to the same item is refused', async () => {
    const res = await post(`/equipment/${ref}/calibrations`, internal('KTK-REF-25', '2024-07-01', mic), qm.token);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('LIMS_TRACEABILITY_CYCLE');
    expect((await post(`/equipment/${mic}/calibrations`, internal('SELF', '2024-07-01', mic), qm.token)).json().code).toBe('LIMS_TRACEABILITY_CYCLE');
  });

  test('reverse impact lists exactly the dependants since a day', async () => {
    const res = await get(`/equipment/${ref}/impact?since=2024-01-01`, qm.token);
    expect(res.statusCode).toBe(200);
    const impact = res.json();
    expect(impact.calibrations.map((c: { certificateNumber: string; depth: number }) => [c.certificateNumber, c.depth])).toEqual([['KTK-GB-24', 1], ['KTK-MIC-24', 2]]);
    expect(impact.affectedEquipment.map((e: { code: string }) => e.code)).toEqual(['KTK-REF-001', 'KTK-GB-002', 'KTK-MIC-012']);
    expect(impact.records).toEqual([]);
    const all = (await get(`/equipment/${ref}/impact?since=2022-01-01`)).json();
    expect(all.calibrations.map((c: { certificateNumber: string }) => c.certificateNumber).sort()).toEqual(['KTK-GB-23', 'KTK-GB-24', 'KTK-MIC-23', 'KTK-MIC-24', 'KTK-RG-23']);
  });

  test('withdrawal flags the link in chains as of the withdrawal day on', async () => {
    const cals = (await get(`/equipment/${blocks}/calibrations`)).json().items;
    const gb24 = cals.find((c: { certificateNumber: string }) => c.certificateNumber === 'KTK-GB-24');
    const w = await post(`/equipment/${blocks}/calibrations/${gb24.id}/withdrawal`, { kind: 'out_of_tolerance', withdrawnOn: '2024-10-01', reason: 'block 25 mm out of tolerance' }, qm.token);
    expect(w.json().withdrawal).toMatchObject({ kind: 'out_of_tolerance', withdrawnOn: '2024-10-01' });
    expect((await post(`/equipment/${blocks}/calibrations/${gb24.id}/withdrawal`, { kind: 'withdrawn', withdrawnOn: '2024-10-02', reason: 'again' }, qm.token)).statusCode).toBe(409);
    expect((await get(`/equipment/${mic}/traceability?at=2024-09-30`)).json().flagged).toBe(false);
    expect((await get(`/equipment/${mic}/traceability?at=2024-10-01`)).json()).toMatchObject({ flagged: true, links: [{ withdrawn: false }, { withdrawn: true }, {}] });
    expect((await get(`/equipment/${blocks}?at=2024-10-01`)).json().usability.reasons).toEqual(['calibration_withdrawn']);
  });

  test('calibrations are append-only: a correction is a new record, both stay visible, audited', async () => {
    const id = await item('KTK-CAL-004', 'caliper');
    const first = await calibrate(id, { ...nmi('K-1', '2025-01-10'), calibratedBy: { kind: 'accredited_lab', name: 'Mittalabra Oy', accreditationId: 'FINAS K999' } });
    const fix = await post(`/equipment/${id}/calibrations/${first.id}/corrections`, { ...nmi('K-1', '2025-01-10'), calibratedBy: { kind: 'accredited_lab', name: 'Mittalabra Oy', accreditationId: 'FINAS K999' }, values: value('0.00004'), reason: 'uncertainty typed wrong' }, qm.token);
    expect(fix.statusCode).toBe(201);
    expect(fix.json()).toMatchObject({ correctsId: first.id, correctionReason: 'uncertainty typed wrong', values: [{ expandedUncertainty: '0.00004' }] });
    const items = (await get(`/equipment/${id}/calibrations`)).json().items;
    expect(items).toEqual([expect.objectContaining({ id: first.id, correctedById: fix.json().id, values: [expect.objectContaining({ expandedUncertainty: '0.00003' })] }), expect.objectContaining({ id: fix.json().id })]);
    const again = await post(`/equipment/${id}/calibrations/${first.id}/corrections`, { ...nmi('K-1', '2025-01-10'), reason: 'x' }, qm.token);
    expect(again.json().code).toBe('LIMS_CALIBRATION_ALREADY_CORRECTED');
    const audit = (await get(`/audit/events?entityId=${fix.json().id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('calibration.correct');
    expect((await post(`/equipment/${id}/calibrations`, { ...nmi('K-2', '2025-02-01'), calibratedBy: { kind: 'accredited_lab', name: 'X' } }, qm.token)).json().code).toBe('LIMS_CALIBRATION_INVALID');
  });

  test('technicians record intermediate checks; a failed check makes the item unusable', async () => {
    const res = await post(`/equipment/${mic}/checks`, { checkedOn: '2024-07-01', procedure: '25 mm setting standard', expected: '25.000', observed: '25.004', acceptanceLimit: '0.002', unit: 'mm', result: 'fail' }, tech.token);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ observed: '25.004', performedBy: tech.id });
    expect((await get(`/equipment/${mic}?at=2024-07-02`)).json().usability.reasons).toEqual(['failed_intermediate_check']);
    const impact = (await get(`/equipment/${mic}/impact?since=2024-06-01`)).json();
    expect(impact.failedChecks).toEqual([expect.objectContaining({ id: res.json().id, checkedOn: '2024-07-01', observed: '25.004' })]);
  });

  test('the figures decide a check: the service computes the result and refuses a contradicting one', async () => {
    const figures = { checkedOn: '2024-07-03', procedure: '25 mm setting standard', expected: '25.000', observed: '26.000', acceptanceLimit: '0.002', unit: 'mm' };
    const contradicting = await post(`/equipment/${mic}/checks`, { ...figures, result: 'pass' }, tech.token);
    expect(contradicting.statusCode).toBe(422);
    expect(contradicting.json().code).toBe('LIMS_EQUIPMENT_CHECK_INVALID');
    const computed = await post(`/equipment/${mic}/checks`, figures, tech.token);
    expect(computed.json()).toMatchObject({ result: 'fail' });
    expect((await get(`/equipment/${mic}?at=2024-07-04`)).json().usability.usable).toBe(false);
    expect((await post(`/equipment/${mic}/checks`, { checkedOn: '2024-07-03', procedure: 'Visual check' }, tech.token)).json().code).toBe('LIMS_EQUIPMENT_CHECK_INVALID');
  });

  test('roles: technicians and customers cannot change records, customers cannot read them', async () => {
    expect((await post('/equipment', { code: 'X', name: 'X', type: 'other' }, tech.token)).statusCode).toBe(403);
    expect((await post(`/equipment/${mic}/calibrations`, nmi('X', '2025-01-01'), tech.token)).statusCode).toBe(403);
    for (const url of ['/equipment', `/equipment/${mic}`, `/equipment/${mic}/traceability`, `/equipment/${mic}/impact?since=2024-01-01`, '/methods', `/staff/${tech.id}/authorizations`]) {
      const res = await get(url, customer.token);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 403 });
    }
    expect((await get('/equipment', auditor.token)).statusCode).toBe(200);
  });

  test('unknown fields and float-like decimals are refused', async () => {
    expect((await post('/equipment', { code: 'Y', name: 'Y', type: 'other', colour: 'red' }, qm.token)).statusCode).toBe(400);
    expect((await post('/equipment', { code: 'Y', name: 'Y', type: 'other', resolution: 0.001 }, qm.token)).statusCode).toBe(400);
  });
});

const methodBody = {
  code: 'KTK-KP-05',
  title: 'Ulkomikrometrien kalibrointi',
  scope: 'External micrometers 0-100 mm',
  accredited: true,
  cmcEntries: [{ quantity: 'indication error', rangeLower: '0', rangeUpper: '100', unit: 'mm', expandedUncertainty: '1.5', uncertaintyUnit: 'µm' }],
  environment: { temperature: { nominal: '20', tolerance: '0.5' }, humidity: { min: '30', max: '60' } },
  requiredEquipmentTypes: ['gauge_block', 'thermometer'],
  uncertaintyBudgetTemplateId: 'MIC-UB-1',
};

describe('methods and competence', () => {
  let methodId: string;
  let v1: string;
  let v2: string;
  beforeAll(async () => {
    const res = await post('/methods', methodBody, qm.token);
    expect(res.statusCode).toBe(201);
    methodId = res.json().id;
    v1 = res.json().versions[0].id;
  });

  test('versions: draft editable, released immutable, a new release supersedes', async () => {
    expect((await t.request({ method: 'PATCH', url: `/api/v1/methods/${methodId}/versions/${v1}`, payload: { scope: 'External micrometers 0-50 mm' }, token: qm.token })).statusCode).toBe(200);
    const rel = await post(`/methods/${methodId}/versions/${v1}/release`, { effectiveFrom: '2024-01-01' }, qm.token);
    expect(rel.json()).toMatchObject({ state: 'released', effectiveFrom: '2024-01-01', environment: { temperature: { nominal: '20', tolerance: '0.5' } } });
    const edit = await t.request({ method: 'PATCH', url: `/api/v1/methods/${methodId}/versions/${v1}`, payload: { scope: 'x' }, token: qm.token });
    expect(edit.json().code).toBe('LIMS_METHOD_VERSION_RELEASED');
    const draft = await post(`/methods/${methodId}/versions`, { environment: { humidity: { min: '25', max: '65' } }, changeNote: 'humidity widened' }, qm.token);
    expect(draft.json()).toMatchObject({ versionNumber: 2, state: 'draft', scope: 'External micrometers 0-50 mm', environment: { temperature: { nominal: '20' }, humidity: { min: '25' } } });
    v2 = draft.json().id;
    expect((await post(`/methods/${methodId}/versions`, {}, qm.token)).json().code).toBe('LIMS_METHOD_DRAFT_EXISTS');
    await post(`/methods/${methodId}/versions/${v2}/release`, { effectiveFrom: '2025-01-01' }, qm.token);
    const versions = (await get(`/methods/${methodId}/versions`, tech.token)).json().items;
    expect(versions.map((v: { state: string }) => v.state)).toEqual(['superseded', 'released']);
    expect(versions[0].supersededById).toBe(v2);
    expect((await post('/methods', { ...methodBody, code: 'KTK-KP-06', cmcEntries: [] }, qm.token)).json().code).toBe('LIMS_METHOD_VERSION_INVALID');
    expect((await post('/methods', { ...methodBody, code: 'KTK-KP-07' }, tech.token)).statusCode).toBe(403);
  });

  test('environment check against a version', async () => {
    const res = await post(`/methods/${methodId}/versions/${v1}/environment-check`, { temperature: ['20.4', '20.6'], humidity: ['45'] }, tech.token);
    expect(res.json()).toEqual({ withinLimits: false, violations: [{ quantity: 'temperature', reading: '20.6', lower: '19.5', upper: '20.5', kind: 'above' }] });
  });

  test('authorizations: expired, wrong method and missing capability do not count', async () => {
    const grant = await post(`/staff/${tech.id}/authorizations`, { methodId, capabilities: ['measure'], validFrom: '2024-01-01', validUntil: '2024-12-31' }, qm.token);
    expect(grant.statusCode).toBe(201);
    expect(grant.json()).toMatchObject({ grantedBy: qm.id, validToday: false });
    const check = async (version: string, capability: string, at: string) =>
      (await get(`/staff/${tech.id}/authorization-check?methodVersionId=${version}&capability=${capability}&at=${at}`, tech.token)).json();
    expect(await check(v1, 'measure', '2024-06-01')).toEqual({ authorized: true, authorizationId: grant.json().id, reason: null });
    expect(await check(v1, 'measure', '2025-01-01')).toMatchObject({ authorized: false, reason: 'expired' });
    expect(await check(v1, 'review', '2024-06-01')).toMatchObject({ authorized: false, reason: 'capability_not_granted' });
    const otherMethod = (await post('/methods', { ...methodBody, code: 'KTK-KP-09' }, qm.token)).json().versions[0].id;
    expect(await check(otherMethod, 'measure', '2024-06-01')).toMatchObject({ authorized: false, reason: 'no_authorization_for_method' });
    const revoke = await post(`/staff/${tech.id}/authorizations/${grant.json().id}/revoke`, { revokedOn: '2024-07-01', reason: 'failed PT' }, qm.token);
    expect(revoke.json().revokedOn).toBe('2024-07-01');
    expect(await check(v1, 'measure', '2024-07-01')).toMatchObject({ authorized: false, reason: 'revoked' });
    expect((await post(`/staff/${customer.id}/authorizations`, { methodId, capabilities: ['measure'], validFrom: '2024-01-01' }, qm.token)).json().code).toBe('LIMS_STAFF_NOT_STAFF');
    expect((await post(`/staff/${tech.id}/authorizations`, { methodId, capabilities: ['measure'], validFrom: '2024-01-01' }, tech.token)).statusCode).toBe(403);
  });

  test('evidence of competence is recorded and audited', async () => {
    const res = await post(`/staff/${tech.id}/evidence`, { kind: 'rr_test', title: 'RR-testi, ulkomikrometri', completedOn: '2024-01-12', methodId, scoreKind: '%GRR', score: '8.20' }, qm.token);
    expect(res.statusCode).toBe(201);
    expect(res.json().score).toBe('8.20');
    expect((await get(`/staff/${tech.id}/evidence`, auditor.token)).json().items).toHaveLength(1);
    const audit = (await get(`/audit/events?entityId=${res.json().id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'competence.evidence.record' });
  });
});
