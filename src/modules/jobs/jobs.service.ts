import { formatNumber, nextNumber } from '../../db/counters.js';
import type { Db } from '../../db/database.js';
import { companyScope, type Actor } from '../../shared/actor.js';
import { DomainError, notFound } from '../../shared/errors/index.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { agreementsInForce, type LabService } from '../agreements/index.js';
import { recordAudit } from '../audit/index.js';
import { getCompany } from '../companies/index.js';
import { characteristicsProblem, itemProblem, type CharacteristicInput, type ItemInput } from './domain/job-content.js';
import type { JobState } from './domain/job-lifecycle.js';
import { resolvePick, type PickedItem } from './job-picks.js';
import { characteristicValues, itemValues, presentJob } from './jobs.presenter.js';
import * as repo from './jobs.repository.js';

export interface JobInput {
  companyId?: string;
  kind: LabService;
  agreementId?: string;
  customerReference?: string;
  notes?: string;
  items?: PickedItem[];
}

export const invalid = (message: string) => new DomainError('LIMS_JOB_INVALID', message);

/** The job with its items, as `actor` sees it. */
export async function present(db: Db, actor: Actor, job: repo.JobRow) {
  const { items, characteristics } = await repo.contentOf(db, [job.id]);
  return presentJob(actor, job, items, characteristics);
}

/** Loads a job the actor may see (another company's job is 404 whatever the id). */
export async function loadJob(db: Db, actor: Actor, id: string, forUpdate = false): Promise<repo.JobRow> {
  const job = await repo.findJob(db, companyScope(actor), id, forUpdate);
  if (!job) throw notFound('Job', id);
  return job;
}

/**
 * The agreement a new job of `kind` is placed under: the one named, or the first agreement in force
 * (annual before ad hoc) that covers the kind. None is LIMS_JOB_NO_AGREEMENT (422).
 */
export async function coveringAgreement(db: Db, companyId: string, kind: LabService, day: string, agreementId?: string, forAcceptance = false) {
  const covering = (await agreementsInForce(db, companyId, day)).filter((a) => a.services.includes(kind));
  const chosen = agreementId ? covering.find((a) => a.id === agreementId) : covering[0];
  if (chosen) return chosen;
  const which = agreementId ? `Agreement ${agreementId} is not an active agreement of the company in force on ${day} covering ${kind}.` : `The company has no active agreement in force on ${day} that covers ${kind}.`;
  const next = forAcceptance
    ? 'Reject the job, or ask the customer to cancel it and submit it again under an agreement in force.'
    : 'Sign an annual agreement for the service, or accept a quote for it (which makes an ad hoc agreement), then submit the job.';
  throw new DomainError('LIMS_JOB_NO_AGREEMENT', `${which} ${next}`, { kind, day });
}

function checkItems(kind: LabService, items: readonly ItemInput[]): void {
  for (const item of items) {
    const problem = itemProblem(kind, item);
    if (problem) throw invalid(problem);
  }
}

/**
 * Submits a job: for the customer's own company (staff name the company), under an agreement in
 * force that covers the job's kind, numbered T-year-nnnnn without gaps, audited in the same transaction.
 */
export async function submitJob(db: Db, actor: Actor, input: JobInput) {
  const companyId = actor.role === 'customer' ? actor.companyId! : input.companyId;
  if (!companyId) throw invalid('Staff must name the customer: companyId.');
  if (actor.role === 'customer' && input.companyId && input.companyId !== companyId) throw notFound('Company', input.companyId);
  const items = input.items ?? [];
  checkItems(input.kind, items);
  const today = todayInFinland();
  return db.transaction(async (tx) => {
    await getCompany(tx, actor, companyId);
    const agreement = await coveringAgreement(tx, companyId, input.kind, today, input.agreementId);
    const year = Number(today.slice(0, 4));
    const job = await repo.insertJob(tx, {
      number: formatNumber('T', year, await nextNumber(tx, 'job', year)),
      companyId,
      kind: input.kind,
      agreementId: agreement.id,
      customerReference: input.customerReference ?? null,
      notes: input.notes ?? null,
      submittedBy: actor.userId,
    });
    for (const item of items) await insertItem(tx, job, item);
    const after = await present(tx, actor, job);
    await recordAudit(tx, actor, { action: 'job.submit', entityType: 'job', entityId: job.id, after });
    return after;
  });
}

/** Inserts an item with its characteristics: those given, or a picked catalogue piece's copied (see job-picks.ts). */
async function insertItem(tx: Db, job: repo.JobRow, input: PickedItem) {
  const { item, link } = await resolvePick(tx, job, input);
  return repo.insertItem(tx, job.id, { ...itemValues(item), ...link }, (item.characteristics ?? []).map(characteristicValues));
}

function requireEditable(job: repo.JobRow): void {
  const editable: JobState = 'submitted';
  if (job.status !== editable) {
    throw new DomainError('LIMS_JOB_NOT_EDITABLE', `Job ${job.number} is ${job.status}; items and characteristics can only be added while it is submitted (before the lab accepts it).`);
  }
}

/** Adds an item (a piece with its characteristics, or an instrument) to a job not yet accepted. */
export async function addItem(db: Db, actor: Actor, jobId: string, item: PickedItem) {
  return db.transaction(async (tx) => {
    const job = await loadJob(tx, actor, jobId, true);
    requireEditable(job);
    checkItems(job.kind, [item]);
    const row = await insertItem(tx, job, item);
    await recordAudit(tx, actor, { action: 'job.item.add', entityType: 'job', entityId: job.id, after: { itemId: row.id, ...item } });
    return present(tx, actor, await repo.updateJob(tx, job.id, {}));
  });
}

/** How a caller adds characteristics in its own transaction (the QIF import): its check against the item's characteristics, and its audit event. */
export interface CharacteristicsAddition {
  /** Throws when the list cannot join the item's existing characteristics; runs after the job and item are checked. */
  check?: (existing: readonly { identifier: string; qifId: string | null }[]) => void;
  audit: { action: string; details?: Record<string, unknown> };
}

/** Adds characteristics to a product or reference-piece item of a job not yet accepted, in the caller's transaction, audited there. */
export async function addCharacteristicsIn(tx: Db, actor: Actor, jobId: string, itemId: string, list: CharacteristicInput[], how: CharacteristicsAddition) {
  const job = await loadJob(tx, actor, jobId, true);
  requireEditable(job);
  if (job.kind === 'instrument_calibration') throw invalid(`Job ${job.number} calibrates instruments; instruments have no drawing characteristics.`);
  const item = await repo.findItem(tx, job.id, itemId);
  if (!item) throw notFound('Job item', itemId);
  const { characteristics } = await repo.contentOf(tx, [job.id]);
  const existing = characteristics.filter((c) => c.itemId === itemId);
  how.check?.(existing.map((c) => ({ identifier: c.identifier, qifId: c.qifId })));
  const problem = characteristicsProblem(list, existing.map((c) => c.identifier));
  if (problem) throw invalid(problem);
  await repo.insertCharacteristics(tx, job.id, itemId, list.map(characteristicValues));
  await recordAudit(tx, actor, { action: how.audit.action, entityType: 'job', entityId: job.id, after: { itemId, ...how.audit.details, characteristics: list } });
  return present(tx, actor, await repo.updateJob(tx, job.id, {}));
}

/** Adds characteristics to a product or reference-piece item of a job not yet accepted. */
export async function addCharacteristics(db: Db, actor: Actor, jobId: string, itemId: string, list: CharacteristicInput[]) {
  return db.transaction((tx) => addCharacteristicsIn(tx, actor, jobId, itemId, list, { audit: { action: 'job.characteristics.add' } }));
}

/** One job the actor may see. */
export async function getJob(db: Db, actor: Actor, id: string) {
  return present(db, actor, await loadJob(db, actor, id));
}

/** A page of the jobs the actor may see (a customer: its own company's only), newest first. */
export async function getJobs(db: Db, actor: Actor, filter: repo.JobFilter) {
  const { rows, total } = await repo.listJobs(db, companyScope(actor), filter);
  const { items, characteristics } = await repo.contentOf(db, rows.map((r) => r.id));
  return { items: rows.map((r) => presentJob(actor, r, items, characteristics)), total, limit: filter.limit, offset: filter.offset };
}
