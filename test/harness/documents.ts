import { activeAgreement, createCustomer, thisYear } from './commercial.js';
import { authorize, calibratedEquipment, measuringJob } from './lab.js';
import { createUser, type TestApp, type TestUser } from './test-app.js';
import { todayInFinland } from '../../src/shared/finnish-calendar.js';

/** A laboratory with everything issuing needs: people, an accredited method with a budget, traceable equipment, a customer. */
export interface DocumentLab {
  qm: TestUser;
  tech: TestUser;
  reviewer: TestUser;
  customer: TestUser;
  companyId: string;
  equipmentId: string;
  methodId: string;
  versionId: string;
}

export const SIGNER_PASSWORD = 'laatu-salasana-2026';

export const call = async (t: TestApp, method: 'GET' | 'POST', url: string, user: TestUser, payload?: object) => {
  const res = await t.request({ method, url: `/api/v1${url}`, token: user.token, ...(payload === undefined ? {} : { payload }) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

/** Indication error of a micrometer at a calibration point, or the measured size of a characteristic, from its readings. */
const budgetBody = (code: string) => ({
  code,
  title: 'Measured value from the readings with the reference standard',
  model: 'R - E_ref',
  output: { name: 'Y', unit: 'mm' },
  inputs: [
    { name: 'R', unit: 'mm', description: 'Mean of the readings', source: { type: 'readings' } },
    { name: 'E_ref', unit: 'mm', description: 'Error of the reference standard', source: { type: 'fixed', estimate: 0, distribution: { type: 'normal', standardUncertainty: 0.0004 } } },
  ],
});

/**
 * Sets up the lab: a quality manager with a password and an authorization to issue, a technician
 * and a reviewer, traceable equipment (NMI), an accredited method (unless `accredited` is false)
 * with a released budget, and a customer company with an agreement (guarded acceptance).
 */
export async function documentLab(t: TestApp, options: { accredited?: boolean; code?: string; customerName?: string; preferredLanguage?: string } = {}): Promise<DocumentLab> {
  const code = options.code ?? 'KTK-K-001';
  const admin = { id: '', token: t.adminToken, role: 'admin' as const, companyId: null };
  const qm = await createUser(t, 'quality_manager', { password: SIGNER_PASSWORD });
  const tech = await createUser(t, 'technician');
  const reviewer = await createUser(t, 'technician');
  const companyId = await createCustomer(t, { name: options.customerName ?? 'Mittaväline Äijälä Oy', ...(options.preferredLanguage ? { preferredLanguage: options.preferredLanguage } : {}) });
  const customer = await createUser(t, 'customer', { companyId });
  await activeAgreement(t, companyId);
  const equipmentId = await calibratedEquipment(t, qm, `${code}-STD`, `${thisYear() - 1}-01-10`, 36);
  const budget = await call(t, 'POST', '/uncertainty-budgets', qm, budgetBody(`${code}-UB`));
  await call(t, 'POST', `/uncertainty-budgets/${budget.id}/versions/${budget.versions[0].id}/release`, qm, {});
  const method = await call(t, 'POST', '/methods', admin, {
    code,
    title: 'Kalibrointi ja mittaus / Calibration and measurement',
    scope: 'Length 0–1000 mm',
    accredited: options.accredited ?? true,
    ...(options.accredited === false ? { cmcEntries: [] } : { cmcText: 'Length 0–100 mm: U = 1 µm' }),
    environment: { temperature: { nominal: '20', tolerance: '0.5' }, humidity: { min: '30', max: '60' } },
    requiredEquipmentTypes: ['micrometer'],
    uncertaintyBudgetTemplateId: `${code}-UB`,
  });
  const versionId: string = method.versions[0].id;
  await call(t, 'POST', `/methods/${method.id}/versions/${versionId}/release`, qm, { effectiveFrom: '2024-01-01' });
  await authorize(t, qm, tech, method.id, ['measure']);
  await authorize(t, qm, reviewer, method.id, ['review']);
  await authorize(t, qm, qm, method.id, ['issue']);
  return { qm, tech, reviewer, customer, companyId, equipmentId, methodId: method.id, versionId };
}

/** Logs a result of readings at `target`, evaluates its uncertainty (GUM) and returns its id. */
export async function measured(t: TestApp, lab: DocumentLab, itemId: string, target: object, readings: string[], environment = { temperature: '20.1', humidity: '45' }) {
  const result = await call(t, 'POST', `/job-items/${itemId}/results`, lab.tech, {
    ...target,
    methodVersionId: lab.versionId,
    equipmentIds: [lab.equipmentId],
    measuredAt: new Date().toISOString(),
    environment,
    readings: readings.map((value) => ({ value, unit: 'mm' })),
  });
  await call(t, 'POST', `/results/${result.id}/uncertainty-evaluations`, lab.tech, { method: 'gum' });
  return result.id as string;
}

/**
 * A job with released, evaluated results: an instrument calibration (a micrometer, points 0, 10 and
 * 25 mm) or a product job (a shaft with two characteristics), in review, ready for documents.
 */
export async function releasedJob(t: TestApp, lab: DocumentLab, kind: 'instrument' | 'product' | 'inspection' | 'reference'): Promise<{ jobId: string; itemId: string }> {
  const job = kind === 'inspection' ? await inspectionJob(t, lab) : kind === 'reference' ? await referenceJob(t, lab) : await measuringJob(t, lab.customer, lab.qm, lab.tech, { instrument: kind === 'instrument' });
  if (kind === 'reference') {
    const [d1, f1] = job.characteristicIds;
    await call(t, 'POST', `/jobs/${job.jobId}/company-results`, lab.customer, { characteristicId: d1, values: ['108.004', '108.006'], unit: 'mm', expandedUncertainty: '0.004', coverageFactor: '2', measuredOn: today() });
    await call(t, 'POST', `/jobs/${job.jobId}/company-results`, lab.customer, { characteristicId: f1, values: ['0.006'], unit: 'mm', expandedUncertainty: '0.003', coverageFactor: '2', measuredOn: today() });
    await measured(t, lab, job.itemId, { characteristicId: d1 }, ['108.0031', '108.0035']);
    await measured(t, lab, job.itemId, { characteristicId: f1 }, ['0.0052', '0.0056']);
  } else if (kind === 'inspection') {
    for (const [point, reading] of [['0', '0.001'], ['100', '100.02'], ['150', '150.03']] as const) {
      await measured(t, lab, job.itemId, { calibrationPoint: { nominal: point, unit: 'mm' } }, [reading, reading]);
    }
  } else if (kind === 'instrument') {
    for (const [point, reading] of [['0', '0.0003'], ['10', '10.0006'], ['25', '25.0011']] as const) {
      await measured(t, lab, job.itemId, { calibrationPoint: { nominal: point, unit: 'mm' } }, [reading, reading]);
    }
  } else {
    await measured(t, lab, job.itemId, { characteristicId: job.characteristicIds[0] }, ['25.0110', '25.0112', '25.0114']);
    await measured(t, lab, job.itemId, { characteristicId: job.characteristicIds[1] }, ['120.061', '120.062']);
  }
  await call(t, 'POST', `/jobs/${job.jobId}/send-to-review`, lab.tech, {});
  await call(t, 'POST', `/job-items/${job.itemId}/results/release`, lab.reviewer, { remarks: 'Checked' });
  return { jobId: job.jobId, itemId: job.itemId };
}

export const today = () => todayInFinland();

async function startedJob(t: TestApp, lab: DocumentLab, body: object) {
  const job = await call(t, 'POST', '/jobs', lab.customer, body);
  await call(t, 'POST', `/jobs/${job.id}/accept`, lab.qm, { method: 'KTK-K-001', price: '120.00', deliveryDate: `${thisYear() + 1}-01-15` });
  await call(t, 'POST', `/jobs/${job.id}/receive`, lab.tech, { receivedOn: today(), condition: 'Puhdas, ei näkyviä vaurioita' });
  await call(t, 'POST', `/jobs/${job.id}/start-measurement`, lab.tech, {});
  const item = job.items[0];
  return { jobId: job.id as string, itemId: item.id as string, characteristicIds: item.characteristics.map((c: { id: string }) => c.id) as string[] };
}

/** A caliper sent for inspection only (no calibration, no uncertainty claim). */
const inspectionJob = (t: TestApp, lab: DocumentLab) =>
  startedJob(t, lab, {
    kind: 'instrument_calibration',
    items: [{ description: 'Työntömitta 0–150 mm', instrument: { type: 'Caliper', manufacturer: 'Mitutoyo', model: '500-196', serialNumber: 'A123456', measuringRange: { lower: '0', upper: '150', unit: 'mm' }, resolution: '0.01', mpe: '±0,02 mm', service: 'inspection' } }],
  });

let pieces = 0;
/** A NAS test piece machined on the customer's machine tool, with the company's own results. */
async function referenceJob(t: TestApp, lab: DocumentLab) {
  pieces += 1;
  const piece = await call(t, 'POST', '/test-pieces', lab.qm, {
    code: `NAS979-${pieces}-${Date.now()}`,
    name: 'NAS 979 circle-diamond-square',
    kind: 'nas',
    drawingReference: 'NAS 979 fig. 1',
    programReference: 'NAS979.dmi',
    characteristics: [
      { identifier: 'D1', type: 'diameter', nominal: '108.000', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.02' } },
      { identifier: 'F1', type: 'flatness', unit: 'mm', tolerance: { kind: 'geometric', value: '0.01' } },
    ],
  });
  const tool = await call(t, 'POST', '/machine-tools', lab.customer, { name: `DMU 50 #${pieces}`, manufacturer: 'DMG Mori' });
  return startedJob(t, lab, { kind: 'reference_measurement', items: [{ description: 'NAS 979 -testikappale', testPieceId: piece.id, machineToolId: tool.id, serialNumber: `S-${pieces}`, manufacturedOn: today() }] });
}
