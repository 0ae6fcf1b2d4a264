import type { Db } from '../../db/database.js';
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
