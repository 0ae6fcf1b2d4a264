import { thisYear } from './commercial.js';
import { authorize, calibratedEquipment, releasedMethod } from './lab.js';
import type { TestApp, TestUser } from './test-app.js';

/** What recording results needs: usable equipment, a released method, a recorder and a second person who reviews. */
export interface Bench {
  equipmentId: string;
  versionId: string;
  recorder: TestUser;
  reviewer: TestUser;
}

const call = async (t: TestApp, method: 'GET' | 'POST', url: string, user: TestUser, payload?: object) => {
  const res = await t.request({ method, url: `/api/v1${url}`, token: user.token, ...(payload === undefined ? {} : { payload }) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

/** Equipment `code` calibrated last year, a released method, `recorder` authorized to measure and `reviewer` to review. */
export async function bench(t: TestApp, qm: TestUser, recorder: TestUser, reviewer: TestUser, code = 'KTK-CMM-001'): Promise<Bench> {
  const equipmentId = await calibratedEquipment(t, qm, code, `${thisYear() - 1}-01-10`, 36);
  const { methodId, versionId } = await releasedMethod(t, qm, `${code}-M`);
  await authorize(t, qm, recorder, methodId, ['measure']);
  await authorize(t, qm, reviewer, methodId, ['review']);
  return { equipmentId, versionId, recorder, reviewer };
}

/** A result body in conditions within the method's limits. */
export const resultBody = (b: Bench, target: object, readings: { value: string; unit: string }[]) => ({
  ...target,
  methodVersionId: b.versionId,
  equipmentIds: [b.equipmentId],
  measuredAt: new Date().toISOString(),
  environment: { temperature: '20.1', humidity: '45' },
  readings,
});

interface JobView {
  items: { id: string; instrument: { measuringRange: { upper: string; unit: string } } | null; characteristics: { id: string; nominal: string | null; unit: string }[] }[];
}

/**
 * Records a result for every characteristic of every piece of the job (the nominal, or 0.004 for a
 * geometric tolerance) and one calibration point at the upper end of every instrument's range.
 */
export async function recordAllResults(t: TestApp, b: Bench, jobId: string): Promise<void> {
  const job: JobView = await call(t, 'GET', `/jobs/${jobId}`, b.recorder);
  for (const item of job.items) {
    const url = `/job-items/${item.id}/results`;
    if (item.instrument) {
      const { upper, unit } = item.instrument.measuringRange;
      await call(t, 'POST', url, b.recorder, resultBody(b, { calibrationPoint: { nominal: upper, unit } }, [{ value: upper, unit }]));
    }
    for (const c of item.characteristics) await call(t, 'POST', url, b.recorder, resultBody(b, { characteristicId: c.id }, [{ value: c.nominal ?? '0.004', unit: c.unit }]));
  }
}

/** The second person releases the results of every item of the job. */
export async function releaseAll(t: TestApp, b: Bench, jobId: string): Promise<void> {
  const job: JobView = await call(t, 'GET', `/jobs/${jobId}`, b.reviewer);
  for (const item of job.items) await call(t, 'POST', `/job-items/${item.id}/results/release`, b.reviewer, { remarks: 'Checked' });
}
