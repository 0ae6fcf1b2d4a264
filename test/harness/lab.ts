import type { TestApp, TestUser } from './test-app.js';
import { thisYear } from './commercial.js';
import { todayInFinland } from '../../src/shared/finnish-calendar.js';

/** Laboratory set-up shared by result tests: equipment, a released method, authorizations, a job in measurement. */

const post = async (t: TestApp, url: string, user: TestUser, payload?: object) => {
  const res = await t.request({ method: 'POST', url: `/api/v1${url}`, token: user.token, ...(payload === undefined ? {} : { payload }) });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

/** An item of equipment with one NMI calibration on `calibratedOn`, valid for `intervalMonths`. */
export async function calibratedEquipment(t: TestApp, qm: TestUser, code: string, calibratedOn: string, intervalMonths = 24): Promise<string> {
  const { id } = await post(t, '/equipment', qm, { code, name: code, type: 'micrometer', calibrationIntervalMonths: intervalMonths, unit: 'mm' });
  await post(t, `/equipment/${id}/calibrations`, qm, {
    certificateNumber: `${code}-CAL`,
    calibratedOn,
    intervalMonths,
    calibratedBy: { kind: 'nmi', name: 'VTT MIKES' },
    externalTraceability: 'National standard of length',
    values: [{ quantity: 'indication error 25 mm', nominal: '25', value: '0.0010', unit: 'mm', expandedUncertainty: '0.0015', coverageFactor: '2' }],
  });
  return id;
}

/** A released method version with environment limits 20 ± 0.5 °C and 30..60 %RH; returns { methodId, versionId }. */
export async function releasedMethod(t: TestApp, qm: TestUser, code: string): Promise<{ methodId: string; versionId: string }> {
  const method = await post(t, '/methods', qm, {
    code,
    title: 'CMM measurement of prismatic parts',
    scope: 'Prismatic parts up to 1000 mm',
    accredited: false,
    cmcEntries: [],
    environment: { temperature: { nominal: '20', tolerance: '0.5' }, humidity: { min: '30', max: '60' } },
    requiredEquipmentTypes: ['cmm'],
  });
  const versionId: string = method.versions[0].id;
  await post(t, `/methods/${method.id}/versions/${versionId}/release`, qm, { effectiveFrom: '2024-01-01' });
  return { methodId: method.id, versionId };
}

/** Grants capabilities for a method from 2024-01-01 (until `validUntil`, if given). */
export async function authorize(t: TestApp, qm: TestUser, user: TestUser, methodId: string, capabilities: string[], validUntil?: string): Promise<void> {
  await post(t, `/staff/${user.id}/authorizations`, qm, { methodId, capabilities, validFrom: '2024-01-01', ...(validUntil ? { validUntil } : {}) });
}

export interface MeasuringJob {
  jobId: string;
  itemId: string;
  characteristicIds: string[];
}

const shaft = {
  description: 'Shaft 40-123, rev. C',
  characteristics: [
    { identifier: '1', type: 'diameter', nominal: '25.000', unit: 'mm', tolerance: { kind: 'deviations', upper: '0.021', lower: '0' } },
    { identifier: '2', type: 'length', nominal: '120.0', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.05' } },
  ],
};
const micrometer = {
  description: 'Micrometer 0–25 mm',
  instrument: { type: 'Outside micrometer', manufacturer: 'Mitutoyo', model: '103-137', serialNumber: '7012345', measuringRange: { lower: '0', upper: '25', unit: 'mm' }, resolution: '0.001', mpe: '±2 µm', service: 'accredited_calibration' },
};

/**
 * A job submitted by `customer` (a shaft with two characteristics, or with `instrument` a micrometer
 * to calibrate), accepted, received and (unless `start` is false) in measurement.
 */
export async function measuringJob(t: TestApp, customer: TestUser, qm: TestUser, tech: TestUser, options: { start?: boolean; instrument?: boolean } = {}): Promise<MeasuringJob> {
  const { start = true, instrument = false } = options;
  const job = await post(t, '/jobs', customer, instrument ? { kind: 'instrument_calibration', items: [micrometer] } : { kind: 'product_quality_control', items: [shaft] });
  await post(t, `/jobs/${job.id}/accept`, qm, { method: 'KTK-M-012 CMM measurement', price: '450.00', deliveryDate: `${thisYear() + 1}-01-15` });
  if (start) {
    await post(t, `/jobs/${job.id}/receive`, tech, { receivedOn: todayInFinland(), condition: 'Clean' });
    await post(t, `/jobs/${job.id}/start-measurement`, tech);
  }
  const item = job.items[0];
  return { jobId: job.id, itemId: item.id, characteristicIds: item.characteristics.map((c: { id: string }) => c.id) };
}
