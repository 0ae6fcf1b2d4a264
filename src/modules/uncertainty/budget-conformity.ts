/**
 * The conformity decision stored with an evaluation: when the result measures a characteristic
 * with a tolerance, the job has a decision rule from contract review, and the budget's output is in
 * a unit the tolerance converts into exactly (the limits are then stated in the output's unit). The rule agreed in the job (ISO/IEC 17025 7.1.3) maps to ILAC-G8:
 * simple acceptance (w = 0) or guarded acceptance with w = U; decisions are binary (pass / fail).
 */
import type { CharacteristicSpec } from '../jobs/index.js';
import { convertQuantity } from '../results/index.js';
import { ConformityError, conformityOfEvaluation, type ConformityResult, type DecisionRule, type DecisionType, type EvaluatedMeasurement, type Tolerance } from './domain/index.js';

/** What the decision was about, as recorded: the characteristic, its exact limits and the job's rule. */
export interface ConformityContext {
  readonly characteristic: { readonly id: string; readonly identifier: string };
  readonly limits: { readonly lower?: string; readonly upper?: string };
  readonly unit: string;
  readonly decisionRule: string;
}

export type StoredConformity = ConformityContext & ConformityResult;

export interface ConformityPlan {
  readonly tolerance: Tolerance;
  readonly rule: DecisionRule;
  readonly decisionType: DecisionType;
  readonly context: ConformityContext;
}

const RULES: Readonly<Record<string, DecisionRule>> = {
  simple_acceptance: { kind: 'simple' },
  guarded_acceptance: { kind: 'guarded', guardBandFactor: 1 },
};

/**
 * The decision to make for a result, or null (with a warning saying why when a tolerance exists but
 * no decision can be made). The limits become doubles only here, for the engine.
 */
export function conformityPlan(spec: CharacteristicSpec | null, output: { readonly unit: string }, warnings: string[]): ConformityPlan | null {
  if (!spec?.limits) return null;
  const skip = (why: string) => {
    warnings.push(`No conformity decision for characteristic ${spec.identifier}: ${why}.`);
    return null;
  };
  if (!spec.decisionRule) return skip('the job has no decision rule');
  const rule = RULES[spec.decisionRule];
  if (!rule) return skip(`the job's decision rule ${spec.decisionRule} is not one the engine applies`);
  const inOutputUnit = (limit: string | undefined) => (limit === undefined ? undefined : convertQuantity(limit, spec.unit, output.unit));
  const lower = inOutputUnit(spec.limits.lower);
  const upper = inOutputUnit(spec.limits.upper);
  if (lower === null || upper === null) return skip(`the budget's output is in ${output.unit}, into which the tolerance in ${spec.unit} does not convert`);
  const limits = { ...(lower !== undefined && { lower }), ...(upper !== undefined && { upper }) };
  return {
    tolerance: { ...(lower !== undefined && { lower: Number(lower) }), ...(upper !== undefined && { upper: Number(upper) }) },
    rule,
    decisionType: 'binary',
    context: { characteristic: { id: spec.id, identifier: spec.identifier }, limits, unit: output.unit, decisionRule: spec.decisionRule },
  };
}

/** The decision for evaluated outputs, or null with a warning when the engine cannot decide (e.g. guard bands too wide). */
export function decide(plan: ConformityPlan | null, outputs: EvaluatedMeasurement, warnings: string[]): StoredConformity | null {
  if (!plan) return null;
  try {
    return { ...plan.context, ...conformityOfEvaluation(outputs, plan.tolerance, plan.rule, plan.decisionType) };
  } catch (e) {
    if (!(e instanceof ConformityError)) throw e;
    warnings.push(`No conformity decision for characteristic ${plan.context.characteristic.identifier}: ${e.message}`);
    return null;
  }
}

/** The plan a stored decision was made by, to make it again on a re-run. */
export function planOf(stored: StoredConformity): ConformityPlan {
  const { characteristic, limits, unit, decisionRule, toleranceLimits, ruleDescription } = stored;
  return {
    tolerance: toleranceLimits,
    rule: ruleDescription.kind === 'simple' ? { kind: 'simple' } : { kind: 'guarded', guardBandFactor: ruleDescription.guardBandFactor },
    decisionType: ruleDescription.decisionType,
    context: { characteristic, limits, unit, decisionRule },
  };
}
