import type { Db } from '../../db/database.js';
import type { StoredConformity } from './budget-conformity.js';
import { latestEvaluationsOf } from './budgets.repository.js';
import type { EvaluationJson } from './uncertainty.service.js';

/** The reported uncertainty of a result's latest stored evaluation. */
export interface StoredResultUncertainty {
  evaluationId: string;
  /** The measurement result as reported (the model's output, rounded to the decimal place of U). */
  value: string;
  /** The unit of the model's output, in which `value` and `expandedUncertainty` are stated. */
  unit: string;
  /** The expanded uncertainty as reported (rounded by the GUM rules), in the unit of the model's output. */
  expandedUncertainty: string;
  /** The coverage factor of the report; for a Monte Carlo report, U divided by the standard uncertainty. */
  coverageFactor: number;
}

/**
 * The reported value, expanded uncertainty and coverage factor of the latest uncertainty evaluation
 * stored for each result that has one (for comparisons of the lab's value with another party's),
 * by result id, in one query.
 */
export async function latestResultUncertainties(db: Db, resultIds: string[]): Promise<Map<string, StoredResultUncertainty>> {
  const found = new Map<string, StoredResultUncertainty>();
  for (const { evaluation, content } of await latestEvaluationsOf(db, resultIds)) {
    const { report, gum, mcm } = evaluation.outputs as EvaluationJson;
    const standard = report.method === 'gum' ? gum?.standardUncertainty : mcm?.standardUncertainty;
    const coverageFactor = report.coverageFactor ?? (standard ? Number(report.expandedUncertainty) / standard : null);
    if (coverageFactor === null || !(coverageFactor > 0)) continue;
    found.set(evaluation.resultId, { evaluationId: evaluation.id, value: report.value, unit: content.output.unit, expandedUncertainty: report.expandedUncertainty, coverageFactor });
  }
  return found;
}

/** What a certificate states of a result's latest stored evaluation: the report, ν_eff, the Monte Carlo interval and the decision. */
export interface ReportedEvaluation {
  id: string;
  unit: string;
  value: string;
  expandedUncertainty: string;
  coverageFactor: number | null;
  coverageProbability: number;
  method: 'gum' | 'mcm';
  effectiveDof: number | null;
  mcmInterval: [number, number] | null;
  conformity: {
    decision: 'pass' | 'conditionalPass' | 'conditionalFail' | 'fail';
    decisionRule: string;
    guardBandFactor: number;
    probabilityOfConformity: number;
    limits: { lower?: string; upper?: string };
    unit: string;
  } | null;
}

/** The latest stored evaluation of each result that has one, as reports state it, by result id (one query). */
export async function reportedEvaluations(db: Db, resultIds: string[]): Promise<Map<string, ReportedEvaluation>> {
  const found = new Map<string, ReportedEvaluation>();
  for (const { evaluation, content } of await latestEvaluationsOf(db, resultIds)) {
    const { report, gum, mcm } = evaluation.outputs as EvaluationJson;
    const c = evaluation.conformity as StoredConformity | null;
    found.set(evaluation.resultId, {
      id: evaluation.id,
      unit: content.output.unit,
      value: report.value,
      expandedUncertainty: report.expandedUncertainty,
      coverageFactor: report.coverageFactor,
      coverageProbability: report.coverageProbability,
      method: report.method,
      effectiveDof: report.method === 'gum' ? (gum?.effectiveDof ?? null) : null,
      mcmInterval: mcm ? [mcm.interval[0], mcm.interval[1]] : null,
      conformity: c
        ? { decision: c.decision, decisionRule: c.decisionRule, guardBandFactor: c.ruleDescription.guardBandFactor, probabilityOfConformity: c.probabilityOfConformity, limits: c.limits, unit: c.unit }
        : null,
    });
  }
  return found;
}
