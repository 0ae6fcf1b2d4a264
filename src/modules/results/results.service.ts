import type { Db } from '../../db/database.js';
import { companyScope, type Actor, type Role } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { compare } from '../../shared/decimal.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { recordAudit } from '../audit/index.js';
import { isAuthorized } from '../competence/index.js';
import { getEquipment } from '../equipment/index.js';
import { findJobContent, findJobItem, type JobItemLookup } from '../jobs/index.js';
import { checkEnvironment, findMethodVersion } from '../methods/index.js';
import { currentIds, labDay, ownResults, pointAgainstRange, unitMismatches } from './domain/result-rules.js';
import { unitsCompatible } from './domain/units.js';
import { presentJobResultsForCustomer, type CustomerJobResultsView } from './results.customer-presenter.js';
import { presentItemResults, type ItemResultsView, type ResultView } from './results.presenter.js';
import * as repo from './results.repository.js';

export const RECORDERS: readonly Role[] = ['admin', 'quality_manager', 'technician'];

export interface ResultInput {
  characteristicId?: string;
  calibrationPoint?: { nominal: string; unit: string };
  methodVersionId: string;
  equipmentIds: string[];
  measuredAt: string;
  environment: { temperature?: string; humidity?: string };
  readings: { value: string; unit: string }[];
  deviation?: { justification: string };
  remarks?: string | null;
}

const invalid = (message: string, details?: Record<string, unknown>) => new DomainError('LIMS_RESULT_INVALID', message, details);

function requireRecorder(actor: Actor, roles: readonly Role[] = RECORDERS): void {
  if (!roles.includes(actor.role)) throw forbidden(`A ${actor.role} may not record or review results.`);
}

/** The job item for a write, with its job row locked so that the job's state holds until commit. */
async function itemForWrite(tx: Db, itemId: string): Promise<JobItemLookup> {
  const found = await findJobItem(tx, undefined, itemId, true);
  if (!found) throw notFound('Job item', itemId);
  return found;
}

async function assertNotReleased(tx: Db, itemId: string): Promise<void> {
  const release = await repo.findRelease(tx, itemId);
  if (release) throw new DomainError('LIMS_RESULT_RELEASED', `The results of item ${itemId} were released on ${release.createdAt.toISOString()} and are locked.`, { itemId, releaseId: release.id });
}

/**
 * A calibration point belongs to an instrument, in a unit of the instrument's dimension, within its
 * measuring range (ends included, compared exactly after unit conversion). Returns the reference unit.
 */
function checkCalibrationPoint(found: JobItemLookup, point: { nominal: string; unit: string }): string {
  const { item } = found;
  if (!item.instrument) throw invalid(`Item ${item.id} is not an instrument; give the characteristicId measured.`);
  const referenceUnit = item.unit ?? point.unit;
  if (!unitsCompatible(point.unit, referenceUnit)) {
    throw new DomainError('LIMS_RESULT_UNIT_MISMATCH', `The calibration point's unit ${point.unit} does not fit the instrument's ${referenceUnit}.`, { expectedUnit: referenceUnit });
  }
  const range = item.measuringRange;
  if (!range) return referenceUnit;
  const where = pointAgainstRange({ value: point.nominal, unit: point.unit }, range);
  if (where === 'not_comparable') {
    throw new DomainError('LIMS_RESULT_UNIT_MISMATCH', `The calibration point's unit ${point.unit} has no exact conversion to the measuring range's ${range.unit}; give the point in ${range.unit}.`, { expectedUnit: range.unit });
  }
  if (where !== 'inside') {
    throw new DomainError(
      'LIMS_RESULT_POINT_OUT_OF_RANGE',
      `Calibration point ${point.nominal} ${point.unit} is ${where} the measuring range ${range.lower}…${range.upper} ${range.unit} of item ${item.lineNo} ("${item.description}"). Choose a point within the range.`,
      { calibrationPoint: point, measuringRange: range, side: where },
    );
  }
  return referenceUnit;
}

/** Every refusal a measurement can meet, in the order a technician fixes them. Returns the values to store. */
async function check(tx: Db, actor: Actor, found: JobItemLookup, input: ResultInput) {
  if (found.job.status !== 'in_measurement') {
    throw new DomainError('LIMS_RESULT_JOB_NOT_IN_MEASUREMENT', `Job ${found.job.number} is ${found.job.status}; results are recorded while it is in measurement.`, { jobId: found.job.id, status: found.job.status });
  }
  if ((input.characteristicId === undefined) === (input.calibrationPoint === undefined)) throw invalid('Give either characteristicId or calibrationPoint.');
  let referenceUnit: string;
  if (input.characteristicId !== undefined) {
    const c = found.characteristics.find((x) => x.id === input.characteristicId);
    if (!c) throw invalid(`Characteristic ${input.characteristicId} is not a characteristic of item ${found.item.id}.`, { characteristicId: input.characteristicId });
    referenceUnit = c.unit;
  } else {
    referenceUnit = checkCalibrationPoint(found, input.calibrationPoint!);
  }

  const measuredAt = new Date(input.measuredAt);
  if (measuredAt.getTime() > Date.now() + 5 * 60_000) throw invalid(`The measurement time ${input.measuredAt} is in the future.`);
  const day = labDay(measuredAt);
  const version = await findMethodVersion(tx, input.methodVersionId);
  if (!version || version.state === 'draft') throw invalid(`Method version ${input.methodVersionId} does not exist or is not released.`, { methodVersionId: input.methodVersionId });

  const auth = await isAuthorized(tx, actor.userId, version.id, 'measure', day);
  if (!auth.authorized) {
    throw new DomainError('LIMS_RESULT_NOT_AUTHORIZED', `You are not authorized to measure with method version ${version.id} on ${day}: ${auth.reason}.`, { methodVersionId: version.id, day, reason: auth.reason });
  }

  const unusable = [];
  for (const id of new Set(input.equipmentIds)) {
    const e = await getEquipment(tx, id, day);
    if (!e.usability.usable) unusable.push({ equipmentId: id, code: e.code, reasons: e.usability.reasons });
  }
  if (unusable.length > 0) {
    const text = unusable.map((u) => `${u.code} (${u.reasons.join(', ')})`).join('; ');
    throw new DomainError('LIMS_RESULT_EQUIPMENT_NOT_USABLE', `Equipment not usable on ${day}: ${text}.`, { day, equipment: unusable });
  }

  const mismatches = unitMismatches(input.readings, referenceUnit);
  if (mismatches.length > 0) {
    throw new DomainError('LIMS_RESULT_UNIT_MISMATCH', `Reading units ${mismatches.map((m) => `${m.unit} (repeat ${m.repeat})`).join(', ')} do not fit ${referenceUnit}.`, { expectedUnit: referenceUnit, mismatches });
  }

  const violations = checkEnvironment(version.environment, input.environment);
  if (violations.length > 0 && !input.deviation) {
    const text = violations.map((v) => `${v.quantity} ${v.reading ?? 'missing'} (limits ${v.lower}..${v.upper})`).join('; ');
    throw new DomainError('LIMS_RESULT_ENVIRONMENT_OUT_OF_LIMITS', `Environment outside the method's limits: ${text}. Give deviation.justification to record it as a deviation.`, { violations });
  }
  return { measuredAt, violations };
}

async function insert(tx: Db, actor: Actor, found: JobItemLookup, input: ResultInput, correction: { correctsId: string; reason: string } | null) {
  const { measuredAt, violations } = await check(tx, actor, found, input);
  const deviation = violations.length > 0;
  return repo.insertResult(
    tx,
    {
      jobId: found.job.id,
      itemId: found.item.id,
      characteristicId: input.characteristicId ?? null,
      pointNominal: input.calibrationPoint?.nominal ?? null,
      pointUnit: input.calibrationPoint?.unit ?? null,
      methodVersionId: input.methodVersionId,
      measuredAt,
      temperature: input.environment.temperature ?? null,
      humidity: input.environment.humidity ?? null,
      environmentDeviation: deviation,
      deviationJustification: input.deviation?.justification ?? null,
      environmentViolations: violations,
      remarks: input.remarks ?? null,
      correctsId: correction?.correctsId ?? null,
      correctionReason: correction?.reason ?? null,
      recordedBy: actor.userId,
    },
    [...new Set(input.equipmentIds)],
    input.readings,
  );
}

async function presentOne(db: Db, itemId: string, id: string): Promise<ResultView> {
  return (await presentItemResults(db, itemId)).items.find((r) => r.id === id)!;
}

/** Records a measurement of an item's characteristic or calibration point, refusing it with the reason when a check fails. */
export async function recordResult(db: Db, actor: Actor, itemId: string, input: ResultInput): Promise<ResultView> {
  requireRecorder(actor);
  const id = await db.transaction(async (tx) => {
    const found = await itemForWrite(tx, itemId);
    await assertNotReleased(tx, itemId);
    const row = await insert(tx, actor, found, input, null);
    await recordAudit(tx, actor, { action: 'result.record', entityType: 'result', entityId: row.id, after: { ...input, itemId } });
    return row.id;
  });
  return presentOne(db, itemId, id);
}

/** Corrects a result with a new one and a reason; the corrected result stays, no longer current. */
export async function correctResult(db: Db, actor: Actor, resultId: string, input: ResultInput & { reason: string }): Promise<ResultView> {
  requireRecorder(actor);
  const { reason, ...content } = input;
  const { id, itemId } = await db.transaction(async (tx) => {
    const original = await repo.findResult(tx, resultId);
    if (!original) throw notFound('Result', resultId);
    const found = await itemForWrite(tx, original.itemId);
    const sameTarget = original.characteristicId !== null ? content.characteristicId === original.characteristicId : content.calibrationPoint !== undefined && original.pointNominal !== null && compare(content.calibrationPoint.nominal, original.pointNominal) === 0;
    if (!sameTarget) throw invalid('A correction measures the same characteristic or calibration point as the result it corrects.', { correctsId: resultId });
    await assertNotReleased(tx, original.itemId);
    const later = await repo.findCorrection(tx, resultId);
    if (later) throw new DomainError('LIMS_RESULT_ALREADY_CORRECTED', `Result ${resultId} was already corrected by ${later.id}; correct that one.`, { correctedById: later.id });
    const row = await insert(tx, actor, found, content, { correctsId: resultId, reason });
    await recordAudit(tx, actor, { action: 'result.correct', entityType: 'result', entityId: row.id, before: { id: resultId }, after: { ...content, correctsId: resultId }, reason });
    return { id: row.id, itemId: original.itemId };
  });
  return presentOne(db, itemId, id);
}

/**
 * Four-eyes release of an item's results: the reviewer must be authorized to review every method
 * version used, today, and must not have recorded any current result of the item. Released results are locked.
 */
export async function releaseItem(db: Db, actor: Actor, itemId: string, input: { remarks?: string | null }): Promise<ItemResultsView> {
  requireRecorder(actor);
  await db.transaction(async (tx) => {
    const found = await itemForWrite(tx, itemId);
    await assertNotReleased(tx, itemId);
    if (found.job.status !== 'in_measurement' && found.job.status !== 'results_under_review') {
      throw new DomainError('LIMS_RESULT_JOB_NOT_IN_MEASUREMENT', `Job ${found.job.number} is ${found.job.status}; results are released while it is in measurement or under review.`, { status: found.job.status });
    }
    const all = await repo.listItemResults(tx, itemId);
    const ids = currentIds(all);
    const current = all.filter((r) => ids.has(r.id));
    if (current.length === 0) throw new DomainError('LIMS_RESULT_NOTHING_TO_RELEASE', `Item ${itemId} has no results.`, { itemId });
    const own = ownResults(current, actor.userId);
    if (own.length > 0) throw new DomainError('LIMS_RESULT_REVIEWER_IS_AUTHOR', `You recorded ${own.length} current result(s) of this item; another person must review them.`, { resultIds: own });
    const today = todayInFinland();
    for (const versionId of new Set(current.map((r) => r.methodVersionId))) {
      const auth = await isAuthorized(tx, actor.userId, versionId, 'review', today);
      if (!auth.authorized) throw new DomainError('LIMS_RESULT_NOT_AUTHORIZED', `You are not authorized to review method version ${versionId} on ${today}: ${auth.reason}.`, { methodVersionId: versionId, day: today, reason: auth.reason });
    }
    const release = await repo.insertRelease(tx, { jobId: found.job.id, itemId, reviewedBy: actor.userId, remarks: input.remarks ?? null });
    await recordAudit(tx, actor, { action: 'result.release', entityType: 'job_item', entityId: itemId, after: { releaseId: release.id, resultIds: [...ids] } });
  });
  return presentItemResults(db, itemId);
}

/**
 * An item's full results record for the lab's staff: the correction chain (corrected ones included,
 * `current` marked), authors, equipment and method versions, and the release with its reviewer.
 */
export async function getItemResults(db: Db, actor: Actor, itemId: string): Promise<ItemResultsView> {
  const found = await findJobItem(db, companyScope(actor), itemId);
  if (!found) throw notFound('Job item', itemId);
  return presentItemResults(db, itemId);
}

/**
 * A job's results as its customer sees them: released items with their results and correction chain,
 * the other items pending without values. Another company's job is 404, like a job that does not exist.
 */
export async function getJobResults(db: Db, actor: Actor, jobId: string): Promise<CustomerJobResultsView> {
  const content = await findJobContent(db, companyScope(actor), jobId);
  if (!content) throw notFound('Job', jobId);
  return presentJobResultsForCustomer(db, content);
}
