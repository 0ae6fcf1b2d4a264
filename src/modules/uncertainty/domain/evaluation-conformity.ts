/**
 * A conformity decision for an evaluated measurement model: the measured value and uncertainty are
 * those the evaluation reports (GUM, or Monte Carlo when the report follows it), and the probability
 * of conformity also comes from the Monte Carlo sample when the evaluation ran one with the tolerance.
 */
import { decideConformity, type ConformityResult, type DecisionRule, type DecisionType, type Tolerance } from './conformity.js';
import type { Interval } from './mcm-statistics.js';

/** What a decision needs of an evaluation: an EvaluationResult, or its JSON form as the API stores it. */
export interface EvaluatedMeasurement {
  readonly gum?: { readonly estimate: number; readonly standardUncertainty: number; readonly expandedUncertainty: number };
  readonly mcm?: { readonly estimate: number; readonly standardUncertainty: number; readonly interval: Interval; readonly probabilityInTolerance?: number };
  readonly report: { readonly method: 'gum' | 'mcm' };
}

/** y, u(y) and U(y) as the evaluation reports them, unrounded. */
export function reportedMeasurement(result: EvaluatedMeasurement): { y: number; u: number; U: number } {
  if (result.report.method === 'gum' && result.gum) {
    return { y: result.gum.estimate, u: result.gum.standardUncertainty, U: result.gum.expandedUncertainty };
  }
  const m = result.mcm!;
  // As in the report: y +- U must cover the whole shortest interval, even when it is skewed.
  return { y: m.estimate, u: m.standardUncertainty, U: Math.max(m.estimate - m.interval[0], m.interval[1] - m.estimate) };
}

/**
 * Decides conformity of an evaluated measurand with a tolerance (ILAC-G8, JCGM 106). The normal-PDF
 * probability is always reported; the Monte Carlo one too when `result.mcm.probabilityInTolerance`
 * exists (the evaluation ran with this tolerance), and then it is the one the specific risk uses.
 * @throws ConformityError as decideConformity.
 */
export function conformityOfEvaluation(
  result: EvaluatedMeasurement,
  tolerance: Tolerance,
  rule: DecisionRule,
  decisionType: DecisionType,
): ConformityResult {
  const { y, u, U } = reportedMeasurement(result);
  const p = result.mcm?.probabilityInTolerance;
  return decideConformity({
    measuredValue: y,
    uncertainty: { u, U },
    tolerance,
    rule,
    decisionType,
    ...(p !== undefined ? { monteCarloProbability: p } : {}),
  });
}
