import type { Db } from '../../db/database.js';
import { findVersion, listResultEvaluations } from './budgets.repository.js';
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
 * stored for a result, or null when none is stored (for comparisons of the lab's value with another
 * party's).
 */
export async function latestResultUncertainty(db: Db, resultId: string): Promise<StoredResultUncertainty | null> {
  const latest = (await listResultEvaluations(db, resultId)).at(-1);
  if (!latest) return null;
  const { report, gum, mcm } = latest.outputs as EvaluationJson;
  const standard = report.method === 'gum' ? gum?.standardUncertainty : mcm?.standardUncertainty;
  const coverageFactor = report.coverageFactor ?? (standard ? Number(report.expandedUncertainty) / standard : null);
  if (coverageFactor === null || !(coverageFactor > 0)) return null;
  const version = await findVersion(db, latest.budgetVersionId);
  if (!version) return null;
  return { evaluationId: latest.id, value: report.value, unit: version.content.output.unit, expandedUncertainty: report.expandedUncertainty, coverageFactor };
}
