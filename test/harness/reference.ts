import { activeAgreement, createCustomer } from './commercial.js';
import { createUser, type TestApp, type TestUser } from './test-app.js';

/** Builders for reference measurements: catalogue pieces, machine tools, jobs that pick them. */

export const call = async (t: TestApp, method: 'GET' | 'POST' | 'PATCH', url: string, user: TestUser, payload?: object) => {
  const res = await t.request({ method, url: `/api/v1${url}`, token: user.token, ...(payload === undefined ? {} : { payload }) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

/** A NAS-type piece: a diameter 108 ± 0.02 mm and a flatness 0.01 mm. */
export const nasPiece = (code: string) => ({
  code,
  name: `${code} circle-diamond-square test piece`,
  kind: 'nas',
  drawingReference: 'NAS 979 fig. 1',
  programReference: `${code}.dmi`,
  characteristics: [
    { identifier: 'D1', type: 'diameter', nominal: '108.000', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.02' } },
    { identifier: 'F1', type: 'flatness', unit: 'mm', tolerance: { kind: 'geometric', value: '0.01' } },
  ],
});

/** The lab's own calibrated ring with known values. */
export const labRing = {
  code: 'KTK-REF-RING-50',
  name: 'Setting ring 50 mm',
  kind: 'lab_reference',
  calibration: { certificate: 'MIKES K012345', calibratedOn: '2025-03-10' },
  characteristics: [{ identifier: 'D', type: 'diameter', nominal: '50.000', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.005' }, known: { value: '50.0012', expandedUncertainty: '0.0004', coverageFactor: '2' } }],
};

/** Creates a catalogue piece (as a quality manager) and returns it. */
export const createPiece = (t: TestApp, qm: TestUser, body: object) => call(t, 'POST', '/test-pieces', qm, body);

/** Registers a machine tool of the customer's company and returns its id. */
export const createMachineTool = async (t: TestApp, customer: TestUser, name = 'DMU 50 #2'): Promise<string> => (await call(t, 'POST', '/machine-tools', customer, { name, manufacturer: 'DMG Mori' })).id;

/** Submits a reference-measurement job with one item and returns the job. */
export const referenceJob = (t: TestApp, customer: TestUser, item: object) => call(t, 'POST', '/jobs', customer, { kind: 'reference_measurement', items: [{ description: 'Test piece', ...item }] });

/** A customer user of a new company with an annual agreement (and NDA) in force covering reference measurements. */
export async function customerWithAgreement(t: TestApp, name: string): Promise<TestUser> {
  const companyId = await createCustomer(t, { name });
  const user = await createUser(t, 'customer', { companyId });
  await activeAgreement(t, companyId);
  return user;
}
