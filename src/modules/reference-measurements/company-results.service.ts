import type { Db } from '../../db/database.js';
import { compare } from '../../shared/decimal.js';
import { companyScope, type Actor, type Role } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { recordAudit } from '../audit/index.js';
import { findJobContent, findJobItem, type JobContentLookup } from '../jobs/index.js';
import { convertQuantity } from '../results/index.js';
import * as repo from './reference-measurements.repository.js';

/** Who gives a company's results: the company's own users, and staff on its behalf (auditors read). */
export const COMPANY_RESULT_WRITERS: readonly Role[] = ['customer', 'admin', 'quality_manager', 'technician'];

/** Job states in which the company's results no longer change. */
const FINISHED = ['closed', 'cancelled', 'rejected'];

export interface CompanyResultInput {
  characteristicId: string;
  values: string[];
  unit: string;
  expandedUncertainty?: string;
  coverageFactor?: string;
  measuredOn?: string;
  remarks?: string;
}

export type CompanyCorrectionInput = Omit<CompanyResultInput, 'characteristicId'> & { reason: string };

const invalid = (message: string, details?: Record<string, unknown>) => new DomainError('LIMS_COMPANY_RESULT_INVALID', message, details);

/** A reference-measurement job the actor may see, with its content (another company's is 404). */
export async function loadReferenceJob(db: Db, actor: Actor, jobId: string): Promise<JobContentLookup> {
  const content = await findJobContent(db, companyScope(actor), jobId);
  if (!content) throw notFound('Job', jobId);
  if (content.job.kind !== 'reference_measurement') {
    throw new DomainError('LIMS_REFERENCE_NOT_REFERENCE_JOB', `Job ${content.job.number} is ${content.job.kind}; company results and comparisons belong to reference measurement jobs.`, { jobId });
  }
  return content;
}

/** The job's characteristic and its item, or 404. */
export function characteristicOf(content: JobContentLookup, characteristicId: string) {
  for (const item of content.items) {
    const characteristic = item.characteristics.find((c) => c.id === characteristicId);
    if (characteristic) return { item, characteristic };
  }
  throw notFound('Characteristic', characteristicId);
}

/** Locks the job (so that it cannot close meanwhile) and refuses a closed, cancelled or rejected one. */
export async function lockOpenJob(tx: Db, actor: Actor, itemId: string, what: string): Promise<void> {
  const found = await findJobItem(tx, companyScope(actor), itemId, true);
  if (!found) throw notFound('Job item', itemId);
  if (FINISHED.includes(found.job.status)) {
    throw new DomainError('LIMS_COMPANY_RESULT_JOB_FINISHED', `Job ${found.job.number} is ${found.job.status}; ${what} can be given until the job is closed.`, { jobId: found.job.id, status: found.job.status });
  }
}

function checkValues(input: Omit<CompanyResultInput, 'characteristicId'>, characteristicUnit: string): void {
  if (convertQuantity(input.values[0]!, input.unit, characteristicUnit) === null) {
    throw invalid(`The unit ${input.unit} does not convert into the characteristic's unit ${characteristicUnit}; give the values in ${characteristicUnit} or a unit of the same scale.`, { unit: input.unit });
  }
  if (input.coverageFactor !== undefined && input.expandedUncertainty === undefined) throw invalid("A coverage factor belongs to an expanded uncertainty: give 'expandedUncertainty' too, or leave both out.");
  if (input.expandedUncertainty !== undefined && compare(input.expandedUncertainty, '0') <= 0) throw invalid('The expanded uncertainty must be more than zero; leave it out if the company has none.');
  if (input.coverageFactor !== undefined && compare(input.coverageFactor, '0') <= 0) throw invalid('The coverage factor must be more than zero.');
}

function present(row: repo.CompanyResultRow, values: repo.ValueRow[], correctedById: string | null) {
  return {
    id: row.id,
    jobId: row.jobId,
    itemId: row.itemId,
    characteristicId: row.characteristicId,
    values: values.filter((v) => v.resultId === row.id).map((v) => v.value),
    unit: row.unit,
    expandedUncertainty: row.expandedUncertainty,
    coverageFactor: row.expandedUncertainty === null ? null : (row.coverageFactor ?? '2'),
    measuredOn: row.measuredOn,
    remarks: row.remarks,
    correctsId: row.correctsId,
    correctionReason: row.correctionReason,
    correctedById,
    current: correctedById === null,
    recordedBy: row.recordedBy,
    createdAt: row.createdAt,
  };
}
export type CompanyResultView = ReturnType<typeof present>;

/** The company results of a job in the order given, each marked current or corrected (by which). */
export async function companyResultsOf(db: Db, jobId: string): Promise<CompanyResultView[]> {
  const rows = await repo.listJobCompanyResults(db, jobId);
  const values = await repo.valuesOf(db, rows.map((r) => r.id));
  const correctedBy = new Map(rows.filter((r) => r.correctsId !== null).map((r) => [r.correctsId!, r.id]));
  return rows.map((r) => present(r, values, correctedBy.get(r.id) ?? null));
}

const requireWriter = (actor: Actor): void => {
  if (!COMPANY_RESULT_WRITERS.includes(actor.role)) throw forbidden(`A ${actor.role} may read a company's results but not give them.`);
};

async function store(tx: Db, actor: Actor, content: JobContentLookup, itemId: string, characteristicId: string, input: Omit<CompanyResultInput, 'characteristicId'>, correction: { correctsId: string; reason: string } | null) {
  const row = await repo.insertCompanyResult(
    tx,
    {
      jobId: content.job.id,
      itemId,
      characteristicId,
      companyId: content.job.companyId,
      unit: input.unit,
      expandedUncertainty: input.expandedUncertainty ?? null,
      coverageFactor: input.coverageFactor ?? null,
      measuredOn: input.measuredOn ?? null,
      remarks: input.remarks ?? null,
      correctsId: correction?.correctsId ?? null,
      correctionReason: correction?.reason ?? null,
      recordedBy: actor.userId,
    },
    input.values,
  );
  return present(row, await repo.valuesOf(tx, [row.id]), null);
}

/**
 * Records the company's own measurement of a characteristic of its reference-measurement job: values
 * as typed, and its expanded uncertainty when it has one. Allowed from submission until the job is
 * closed; a second result for the characteristic is refused (correct the first).
 */
export async function submitCompanyResult(db: Db, actor: Actor, jobId: string, input: CompanyResultInput): Promise<CompanyResultView> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const content = await loadReferenceJob(tx, actor, jobId);
    const { item, characteristic } = characteristicOf(content, input.characteristicId);
    await lockOpenJob(tx, actor, item.id, "the company's results");
    checkValues(input, characteristic.unit);
    const existing = (await companyResultsOf(tx, jobId)).find((r) => r.characteristicId === characteristic.id && r.current);
    if (existing) {
      throw new DomainError('LIMS_COMPANY_RESULT_EXISTS', `The company already gave result ${existing.id} for characteristic ${characteristic.identifier}; correct it (POST /company-results/${existing.id}/corrections) with the reason.`, { currentId: existing.id });
    }
    const { characteristicId: _id, ...fields } = input;
    const view = await store(tx, actor, content, item.id, characteristic.id, fields, null);
    await recordAudit(tx, actor, { action: 'company_result.submit', entityType: 'company_result', entityId: view.id, after: view });
    return view;
  });
}

/** Corrects a company result with a new one and a reason; the corrected one stays, no longer current. */
export async function correctCompanyResult(db: Db, actor: Actor, resultId: string, input: CompanyCorrectionInput): Promise<CompanyResultView> {
  requireWriter(actor);
  return db.transaction(async (tx) => {
    const corrected = await repo.findCompanyResult(tx, companyScope(actor), resultId);
    if (!corrected) throw notFound('Company result', resultId);
    const content = await loadReferenceJob(tx, actor, corrected.jobId);
    const { characteristic } = characteristicOf(content, corrected.characteristicId);
    await lockOpenJob(tx, actor, corrected.itemId, "corrections of the company's results");
    const { reason, ...values } = input;
    checkValues(values, characteristic.unit);
    const later = (await companyResultsOf(tx, corrected.jobId)).find((r) => r.correctsId === resultId);
    if (later) throw new DomainError('LIMS_COMPANY_RESULT_ALREADY_CORRECTED', `Company result ${resultId} was already corrected by ${later.id}; correct that one.`, { correctedById: later.id });
    const view = await store(tx, actor, content, corrected.itemId, corrected.characteristicId, values, { correctsId: resultId, reason });
    await recordAudit(tx, actor, { action: 'company_result.correct', entityType: 'company_result', entityId: view.id, before: { id: resultId }, after: view, reason });
    return view;
  });
}

/** The company results of a reference-measurement job with their correction chain. */
export async function listCompanyResults(db: Db, actor: Actor, jobId: string): Promise<CompanyResultView[]> {
  await loadReferenceJob(db, actor, jobId);
  return companyResultsOf(db, jobId);
}
