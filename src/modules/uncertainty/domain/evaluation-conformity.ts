/**
 * A conformity decision for an evaluated measurement model: the measured value and uncertainty are
 * those the evaluation reports (GUM, or Monte Carlo when the report follows it), and the probability
 * of conformity also comes from the Monte Carlo sample when the evaluation ran one with the tolerance.
 */
import { decideConformity, type ConformityResult, type DecisionRule, type DecisionType, type Tolerance } from './conformity.js';
import type { EvaluationResult } from './evaluate.js';

/** y, u(y) and U(y) as the evaluation reports them, unrounded. */
export function reportedMeasurement(result: Pick<EvaluationResult, 'gum' | 'mcm' | 'report'>): { y: number; u: number; U: number } {
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
  result: Pick<EvaluationResult, 'gum' | 'mcm' | 'report'>,
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
