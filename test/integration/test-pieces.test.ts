import { call, createMachineTool, createPiece, customerWithAgreement, labRing, nasPiece, referenceJob } from '../harness/reference.js';
import { createTestApp, createUser, type TestApp, type TestUser } from '../harness/test-app.js';

let t: TestApp;
let qm: TestUser;
let tech: TestUser;
let customerA: TestUser;
let customerB: TestUser;

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, user: TestUser, payload?: object) => t.request({ method, url: `/api/v1${url}`, token: user.token, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  qm = await createUser(t, 'quality_manager');
  tech = await createUser(t, 'technician');
  customerA = await customerWithAgreement(t, 'Akseli Oy');
  customerB = await customerWithAgreement(t, 'Bore Oy');
});
afterAll(() => t.close());

describe('test pieces catalogue', () => {
  test('the quality manager adds pieces; a technician or a customer may not', async () => {
    const piece = await createPiece(t, qm, nasPiece('NAS979-A'));
    expect(piece).toMatchObject({ code: 'NAS979-A', kind: 'nas', active: true, revision: 1, calibration: null, programReference: 'NAS979-A.dmi' });
    expect(piece.characteristics.map((c: { identifier: string; nominal: string | null; known: unknown }) => [c.identifier, c.nominal, c.known])).toEqual([
      ['D1', '108.000', null],
      ['F1', null, null],
    ]);
    expect((await req('POST', '/test-pieces', tech, nasPiece('NAS979-T'))).statusCode).toBe(403);
    expect((await req('POST', '/test-pieces', customerA, nasPiece('NAS979-C'))).statusCode).toBe(403);
    const taken = await req('POST', '/test-pieces', qm, nasPiece('NAS979-A'));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('LIMS_TEST_PIECE_CODE_TAKEN');
  });

  test("the job characteristic rules apply, and known values belong only to the lab's reference pieces, with their certificate", async () => {
    const geometricWithSize = nasPiece('NAS-BAD-1');
    geometricWithSize.characteristics[1]!.tolerance = { kind: 'symmetric', value: '0.01' };
    const bad = await req('POST', '/test-pieces', qm, geometricWithSize);
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'LIMS_TEST_PIECE_INVALID', detail: expect.stringContaining('F1') });
    const knownOnNas = { ...nasPiece('NAS-BAD-2'), characteristics: [{ ...nasPiece('x').characteristics[0], known: { value: '108.001', expandedUncertainty: '0.001' } }] };
    expect((await req('POST', '/test-pieces', qm, knownOnNas)).json()).toMatchObject({ code: 'LIMS_TEST_PIECE_INVALID', detail: expect.stringContaining('lab_reference') });
    const { calibration: _c, ...uncertified } = labRing;
    expect((await req('POST', '/test-pieces', qm, { ...uncertified, code: 'KTK-REF-X' })).json().detail).toContain('certificate');
  });

  test("staff read a reference piece's known values and calibration; customers read names and nominals without them", async () => {
    const ring = await createPiece(t, qm, labRing);
    expect(ring.calibration).toEqual({ certificate: 'MIKES K012345', calibratedOn: '2025-03-10' });
    expect(ring.characteristics[0].known).toEqual({ value: '50.0012', expandedUncertainty: '0.0004', coverageFactor: '2' });
    const seen = (await req('GET', `/test-pieces/${ring.id}`, customerA)).json();
    expect(seen).toMatchObject({ code: 'KTK-REF-RING-50', name: 'Setting ring 50 mm' });
    expect(seen.characteristics[0]).toMatchObject({ identifier: 'D', nominal: '50.000', tolerance: { kind: 'symmetric', value: '0.005' } });
    expect(seen).not.toHaveProperty('calibration');
    expect(seen.characteristics[0]).not.toHaveProperty('known');
    expect(JSON.stringify(seen)).not.toContain('50.0012');
  });

  test('a withdrawn piece leaves the customers\' catalogue list and cannot be picked; staff still list it', async () => {
    const old = await createPiece(t, qm, nasPiece('NAS979-OLD'));
    const withdrawn = await call(t, 'PATCH', `/test-pieces/${old.id}`, qm, { active: false });
    expect(withdrawn).toMatchObject({ active: false, revision: 2 });
    expect((await call(t, 'GET', '/test-pieces', customerA)).items.map((p: { code: string }) => p.code)).not.toContain('NAS979-OLD');
    expect((await call(t, 'GET', '/test-pieces?active=false', qm)).items.map((p: { code: string }) => p.code)).toEqual(['NAS979-OLD']);
    const pick = await req('POST', '/jobs', customerA, { kind: 'reference_measurement', items: [{ description: 'Old piece', testPieceId: old.id }] });
    expect(pick.statusCode).toBe(422);
    expect(pick.json().code).toBe('LIMS_TEST_PIECE_INACTIVE');
  });
});

describe('machine tools are customer assets', () => {
  test("a customer registers its own; another company's machine tool is 404 to it; staff see all", async () => {
    const own = await call(t, 'POST', '/machine-tools', customerA, { name: 'Okuma MB-46', serialNumber: 'OK-77', location: 'Hall B', companyId: customerA.companyId });
    expect(own).toMatchObject({ companyId: customerA.companyId, name: 'Okuma MB-46', serialNumber: 'OK-77', location: 'Hall B', model: null });
    const other = await createMachineTool(t, customerB, 'Mazak VCN');
    expect((await req('GET', `/machine-tools/${other}`, customerA)).statusCode).toBe(404);
    expect((await req('PATCH', `/machine-tools/${other}`, customerA, { name: 'Mine now' })).statusCode).toBe(404);
    expect((await req('POST', '/machine-tools', customerA, { name: 'Sneaky', companyId: customerB.companyId })).statusCode).toBe(404);
    expect((await call(t, 'GET', '/machine-tools', customerA)).items.map((m: { id: string }) => m.id)).toEqual([own.id]);
    expect((await call(t, 'GET', `/machine-tools?companyId=${customerB.companyId}`, qm)).items.map((m: { id: string }) => m.id)).toEqual([other]);
    expect(await call(t, 'PATCH', `/machine-tools/${own.id}`, customerA, { location: 'Hall C', serialNumber: null })).toMatchObject({ location: 'Hall C', serialNumber: null });
  });

  test('staff register one for a company they name', async () => {
    const missing = await req('POST', '/machine-tools', tech, { name: 'Haas VF-2' });
    expect(missing.json().code).toBe('LIMS_MACHINE_TOOL_INVALID');
    expect(await call(t, 'POST', '/machine-tools', tech, { name: 'Haas VF-2', companyId: customerB.companyId })).toMatchObject({ companyId: customerB.companyId });
  });
});

describe('picking a catalogue piece in a reference-measurement job', () => {
  test("copies the piece's characteristics and keeps the link, the machine tool, serial and manufacturing day; later catalogue changes do not reach the job", async () => {
    const piece = await createPiece(t, qm, nasPiece('NAS979-PICK'));
    const machine = await createMachineTool(t, customerA);
    const job = await referenceJob(t, customerA, { testPieceId: piece.id, machineToolId: machine, serialNumber: 'S-001', manufacturedOn: '2025-05-02' });
    const item = job.items[0];
    expect(item.referencePiece).toEqual({ testPieceId: piece.id, machineToolId: machine, serialNumber: 'S-001', manufacturedOn: '2025-05-02' });
    expect(item.characteristics.map((c: { identifier: string; nominal: string | null; tolerance: object }) => [c.identifier, c.nominal, c.tolerance])).toEqual([
      ['D1', '108.000', { kind: 'symmetric', value: '0.02' }],
      ['F1', null, { kind: 'geometric', value: '0.01' }],
    ]);
    await call(t, 'PATCH', `/test-pieces/${piece.id}`, qm, { characteristics: [{ identifier: 'D1', type: 'diameter', nominal: '110.000', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.03' } }] });
    const again = await call(t, 'GET', `/jobs/${job.id}`, customerA);
    expect(again.items[0].characteristics.map((c: { nominal: string | null }) => c.nominal)).toEqual(['108.000', null]);
    const added = await call(t, 'POST', `/jobs/${job.id}/items`, customerA, { description: 'Second piece', testPieceId: piece.id, machineToolId: machine, manufacturedOn: '2025-06-02' });
    expect(added.items[1].characteristics.map((c: { identifier: string; nominal: string }) => [c.identifier, c.nominal])).toEqual([['D1', '110.000']]);
  });

  test("another company's machine tool is 404; a machine tool needs a machined piece and its day; picks belong to reference measurements", async () => {
    const piece = await createPiece(t, qm, nasPiece('NAS979-RULES'));
    const ring = (await call(t, 'GET', '/test-pieces?kind=lab_reference', qm)).items[0];
    const foreign = await createMachineTool(t, customerB, 'Foreign');
    const own = await createMachineTool(t, customerA, 'Own');
    const submit = (item: object, kind = 'reference_measurement') => req('POST', '/jobs', customerA, { kind, items: [{ description: 'Piece', ...item }] });
    expect((await submit({ testPieceId: piece.id, machineToolId: foreign, manufacturedOn: '2025-01-01' })).statusCode).toBe(404);
    const noDay = await submit({ testPieceId: piece.id, machineToolId: own });
    expect(noDay.json()).toMatchObject({ code: 'LIMS_JOB_INVALID', detail: expect.stringContaining('manufacturedOn') });
    expect((await submit({ testPieceId: ring.id, machineToolId: own, manufacturedOn: '2025-01-01' })).json().detail).toContain("lab's own reference piece");
    expect((await submit({ testPieceId: piece.id, characteristics: nasPiece('x').characteristics })).json().detail).toContain("leave out 'characteristics'");
    expect((await submit({ testPieceId: piece.id }, 'product_quality_control')).json().detail).toContain('reference measurement jobs');
    const ringJob = await referenceJob(t, customerA, { testPieceId: ring.id, serialNumber: 'RING-1' });
    expect(ringJob.items[0].referencePiece).toEqual({ testPieceId: ring.id, machineToolId: null, serialNumber: 'RING-1', manufacturedOn: null });
    expect(ringJob.items[0].characteristics[0]).not.toHaveProperty('known');
  });
});
