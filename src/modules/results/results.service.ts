import type { Db } from '../../db/database.js';
import { companyScope, type Actor, type Role } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { compare } from '../../shared/decimal.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { recordAudit } from '../audit/index.js';
import { isAuthorized } from '../competence/index.js';
import { findJobContent, findJobItem, type JobItemLookup } from '../jobs/index.js';
import type { ResultInput } from './domain/result-input.js';
import { currentIds, ownResults } from './domain/result-rules.js';
import { CheckLookups, checkResult, storeResult } from './result-recording.js';
import { presentJobResultsForCustomer, type CustomerJobResultsView } from './results.customer-presenter.js';
import { presentItemResults, type ItemResultsView, type ResultView } from './results.presenter.js';
import * as repo from './results.repository.js';

export const RECORDERS: readonly Role[] = ['admin', 'quality_manager', 'technician'];

export type { ResultInput } from './domain/result-input.js';

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

/** Single logging refuses a measurement with the first problem the shared checks find. */
async function insert(tx: Db, actor: Actor, found: JobItemLookup, input: ResultInput, correction: { correctsId: string; reason: string } | null) {
  const checked = await checkResult(new CheckLookups(tx, actor), found, input);
  const first = checked.problems[0];
  if (first) throw new DomainError(first.code, first.message, first.details);
  return storeResult(tx, actor, found, input, checked, correction);
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
