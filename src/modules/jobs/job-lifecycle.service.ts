import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { recordAudit } from '../audit/index.js';
import { transition, type JobAction } from './domain/job-lifecycle.js';
import { requireAllReleased, requireAllResults } from './job-gates.js';
import type { JobRow } from './jobs.repository.js';
import * as repo from './jobs.repository.js';
import { coveringAgreement, invalid, loadJob, present } from './jobs.service.js';

type Changes = Partial<Omit<JobRow, 'id' | 'number' | 'companyId' | 'kind' | 'status'>>;

/**
 * Moves a job by one lifecycle action: locks the row, lets the state machine decide (409 for an
 * illegal transition, 403 for a role that may not), runs the action's own checks and records the
 * change and its audit event in one transaction.
 */
async function act(db: Db, actor: Actor, id: string, action: JobAction, changes: (job: JobRow, tx: Db) => Promise<Changes> | Changes, reason?: string) {
  return db.transaction(async (tx) => {
    const before = await loadJob(tx, actor, id, true);
    const status = transition(before.status, action, actor.role);
    const after = await repo.updateJob(tx, id, { ...(await changes(before, tx)), status });
    await recordAudit(tx, actor, { action: `job.${action}`, entityType: 'job', entityId: id, before, after, reason: reason ?? null });
    return present(tx, actor, after);
  });
}

export interface AcceptInput {
  method: string;
  price: string;
  deliveryDate: string;
}

/**
 * Contract review (ISO/IEC 17025 7.1): the job must have items (pieces with characteristics), its
 * agreement must still be in force, and the decision rule is taken from that agreement.
 */
export const acceptJob = (db: Db, actor: Actor, id: string, input: AcceptInput) =>
  act(db, actor, id, 'accept', async (job, tx) => {
    const today = todayInFinland();
    if (input.deliveryDate < today) throw invalid(`The delivery date ${input.deliveryDate} is in the past.`);
    const { items, characteristics } = await repo.contentOf(tx, [job.id]);
    if (items.length === 0) throw invalid(`Job ${job.number} has no items; the customer adds them before the lab accepts the job.`);
    if (job.kind !== 'instrument_calibration') {
      const bare = items.find((i) => !characteristics.some((c) => c.itemId === i.id));
      if (bare) throw invalid(`Item ${bare.lineNo} ("${bare.description}") has no characteristics to measure.`);
    }
    const agreement = await coveringAgreement(tx, job.companyId, job.kind, today, job.agreementId, true);
    return {
      method: input.method,
      price: input.price,
      deliveryDate: input.deliveryDate,
      decisionRule: agreement.terms.decisionRule.rule,
      decisionRuleNotes: agreement.terms.decisionRule.notes,
      reviewedBy: actor.userId,
      reviewedAt: new Date(),
      statusReason: null,
    };
  });

export const rejectJob = (db: Db, actor: Actor, id: string, reason: string) => act(db, actor, id, 'reject', () => ({ statusReason: reason }), reason);

export const cancelJob = (db: Db, actor: Actor, id: string, reason: string) => act(db, actor, id, 'cancel', () => ({ statusReason: reason }), reason);

export interface ReceiveInput {
  receivedOn: string;
  condition: string;
  remarks?: string;
}

/** Records the receipt of the items: the day, their condition on receipt and remarks. */
export const receiveItems = (db: Db, actor: Actor, id: string, input: ReceiveInput) =>
  act(db, actor, id, 'receive_items', () => {
    if (input.receivedOn > todayInFinland()) throw invalid(`The receipt date ${input.receivedOn} is in the future.`);
    return { receivedOn: input.receivedOn, receiptCondition: input.condition, receiptRemarks: input.remarks ?? null };
  });

export const startMeasurement = (db: Db, actor: Actor, id: string) => act(db, actor, id, 'start_measurement', () => ({}));

/** To review only with a current result for every characteristic and a calibration point on every instrument. */
export const sendToReview = (db: Db, actor: Actor, id: string) =>
  act(db, actor, id, 'send_to_review', async (job, tx) => {
    await requireAllResults(tx, job);
    return { statusReason: null };
  });

export const returnToMeasurement = (db: Db, actor: Actor, id: string, reason: string) => act(db, actor, id, 'return_to_measurement', () => ({ statusReason: reason }), reason);

/** Reported only once every item's results are released (four eyes). */
export const reportJob = (db: Db, actor: Actor, id: string) =>
  act(db, actor, id, 'report', async (job, tx) => {
    await requireAllReleased(tx, job);
    return {};
  });

export const closeJob = (db: Db, actor: Actor, id: string) => act(db, actor, id, 'close', () => ({}));
