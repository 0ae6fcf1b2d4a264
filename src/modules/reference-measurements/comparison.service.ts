import type { Db } from '../../db/database.js';
import { compare } from '../../shared/decimal.js';
import type { Actor, Role } from '../../shared/actor.js';
import { DomainError, forbidden } from '../../shared/errors/index.js';
import { recordAudit } from '../audit/index.js';
import { convertQuantity, meanInUnit } from '../results/index.js';
import { characteristicOf, companyResultsOf, loadReferenceJob, lockOpenJob } from './company-results.service.js';
import { scoreComparison, type ComparisonScore } from './domain/comparison-score.js';
import { labReferenceIn, labReferencesOfJobs, type LabReference } from './lab-values.js';
import * as repo from './reference-measurements.repository.js';

/** Who states the lab's uncertainty for a comparison. */
export const UNCERTAINTY_STATERS: readonly Role[] = ['admin', 'quality_manager', 'technician'];

export interface StatedUncertaintyInput {
  characteristicId: string;
  expandedUncertainty: string;
  coverageFactor?: string;
  basis: string;
}

/**
 * States the lab's expanded uncertainty for a characteristic of a reference measurement, for
 * comparisons when no uncertainty evaluation is stored for the lab's result (an evaluation, when
 * there is one, takes precedence). Append-only: the latest statement applies. Until the job is closed.
 */
export async function stateLabUncertainty(db: Db, actor: Actor, jobId: string, input: StatedUncertaintyInput) {
  if (!UNCERTAINTY_STATERS.includes(actor.role)) throw forbidden(`A ${actor.role} may not state the lab's measurement uncertainty.`);
  if (compare(input.expandedUncertainty, '0') <= 0 || (input.coverageFactor !== undefined && compare(input.coverageFactor, '0') <= 0)) {
    throw new DomainError('LIMS_COMPANY_RESULT_INVALID', 'The expanded uncertainty and the coverage factor must be more than zero.');
  }
  return db.transaction(async (tx) => {
    const content = await loadReferenceJob(tx, actor, jobId);
    const { item, characteristic } = characteristicOf(content, input.characteristicId);
    await lockOpenJob(tx, actor, item.id, "the lab's uncertainty");
    const row = await repo.insertStatedUncertainty(tx, { jobId, characteristicId: characteristic.id, expandedUncertainty: input.expandedUncertainty, coverageFactor: input.coverageFactor ?? '2', basis: input.basis, recordedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'lab_uncertainty.state', entityType: 'job', entityId: jobId, after: row });
    return row;
  });
}

type RowStatus = ComparisonScore['status'] | 'company_result_missing' | 'lab_result_pending' | 'not_comparable';

function labSide(lab: LabReference | undefined, unit: string, customer: boolean) {
  if (!lab || (customer && !lab.released)) return null;
  return {
    resultId: lab.resultId,
    ...labReferenceIn(lab, unit),
    readings: lab.readings,
    released: lab.released,
    coverageFactor: lab.coverageFactor,
    uncertaintySource: lab.uncertaintySource,
  };
}

const noScore = { difference: null, en: null, zeta: null, verdict: null, zetaVerdict: null, requiredExpandedUncertainty: null };

/**
 * Per characteristic of a reference-measurement job: the company's current value (the mean of its
 * values) against the lab's current result (the reported value of its latest uncertainty
 * evaluation, else the mean of its readings), both in the characteristic's unit, with the difference, En, zeta and the verdict, or the expanded uncertainty the company would
 * need when it gave none. Customers see the lab's side only for released items; staff see the
 * current result before release too, marked `released: false`.
 */
export async function getComparison(db: Db, actor: Actor, jobId: string) {
  const content = await loadReferenceJob(db, actor, jobId);
  const [companyResults, labReferences] = await Promise.all([companyResultsOf(db, jobId), labReferencesOfJobs(db, [jobId])]);
  const customer = actor.role === 'customer';
  const rows = content.items.flatMap((item) =>
    item.characteristics.map((c) => {
      const own = companyResults.find((r) => r.characteristicId === c.id && r.current);
      const companyValue = own ? meanInUnit(own.values.map((value) => ({ value, unit: own.unit })), c.unit) : null;
      const companyU = own?.expandedUncertainty ? convertQuantity(own.expandedUncertainty, own.unit, c.unit) : null;
      const company = own ? { resultId: own.id, value: companyValue, values: own.values.length, expandedUncertainty: companyU, coverageFactor: own.coverageFactor === null ? null : Number(own.coverageFactor) } : null;
      const lab = labSide(labReferences.find((l) => l.characteristicId === c.id), c.unit, customer);
      const base = { itemId: item.id, itemLineNo: item.lineNo, characteristicId: c.id, identifier: c.identifier, nominal: c.nominal, unit: c.unit, company, lab };
      let status: RowStatus | null = !company ? 'company_result_missing' : !lab ? 'lab_result_pending' : null;
      if (!status && (company!.value === null || lab!.value === null)) status = 'not_comparable';
      if (status) return { ...base, status, ...noScore };
      const score = scoreComparison({ value: company!.value!, expandedUncertainty: company!.expandedUncertainty, coverageFactor: company!.coverageFactor }, { value: lab!.value!, expandedUncertainty: lab!.expandedUncertainty, coverageFactor: lab!.coverageFactor });
      return { ...base, ...score };
    }),
  );
  return { jobId: content.job.id, jobNumber: content.job.number, status: content.job.status, rows };
}
