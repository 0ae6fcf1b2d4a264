/**
 * Compute services of the uncertainty API. Nothing is stored and nothing depends on who asks
 * (the routes restrict the callers to staff), so these take only the input. Every evaluation of
 * a measurement model (GUM and Monte Carlo: a second-order GUM over 200 inputs is seconds of work)
 * runs in the worker pool, bounded in time (and Monte Carlo in trials); the other calculations are
 * cheap and run on the request thread.
 */
import { DomainError } from '../../shared/errors/index.js';
import {
  ConformityError,
  GaugeRrError,
  UncertaintyModelError,
  analyzeCharacteristicTrends,
  conformityOfEvaluation,
  compareSeries,
  decideConformity,
  gaugeRrAnova,
  gaugeRrAverageRange,
  validateTolerance,
  type AnovaResult,
  type AverageRangeResult,
  type CharacteristicSeries,
  type ComparisonSeriesResult,
  type ConformityResult,
  type DecisionRule,
  type DecisionType,
  type EvaluationRequest,
  type EvaluationResult,
  type ReferenceComparison,
  type Tolerance,
  type TrendResult,
} from './domain/index.js';
import type { EvaluationPool } from './evaluation-pool.js';

/** Server-side bounds of a Monte Carlo run: nothing runs unbounded, whatever the request says. */
export const MCM_LIMITS = {
  maxTrials: 10_000_000,
  maxTimeMs: 20_000,
} as const;

/**
 * Time limit of a GUM evaluation in its worker (it cannot stop itself: the worker is terminated). The
 * largest request (200 inputs with second-order terms) takes about 5 s on an idle core and was seen
 * taking 20 s on a customer's server, so the limit leaves room for a busy machine.
 */
export const GUM_MAX_TIME_MS = 60_000;

/** Infinite degrees of freedom as JSON null (JSON has no Infinity); see the response schema. */
const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** The evaluation result in its JSON form: infinite dof and an undefined k become null. */
function toJson(result: EvaluationResult) {
  const { gum, report } = result;
  return {
    ...result,
    ...(gum && {
      gum: {
        ...gum,
        effectiveDof: finiteOrNull(gum.effectiveDof),
        effectiveDofUnrounded: finiteOrNull(gum.effectiveDofUnrounded),
        budget: gum.budget.map((row) => ({ ...row, dof: finiteOrNull(row.dof) })),
      },
    }),
    report: { ...report, coverageFactor: finiteOrNull(report.coverageFactor) },
  };
}

export type EvaluationJson = ReturnType<typeof toJson>;

function checkMcmLimits(request: EvaluationRequest): number {
  const { trials, maxTrials, maxTimeMs = MCM_LIMITS.maxTimeMs } = request.mcm ?? {};
  for (const [field, value, max] of [['trials', trials, MCM_LIMITS.maxTrials], ['maxTrials', maxTrials, MCM_LIMITS.maxTrials], ['maxTimeMs', maxTimeMs, MCM_LIMITS.maxTimeMs]] as const) {
    if (value !== undefined && !(value > 0 && value <= max)) {
      throw new UncertaintyModelError('LIMS_UNCERTAINTY_INVALID_INPUT', `'mcm.${field}' must be in (0, ${max}] on this server`, { field: `mcm.${field}`, value, max });
    }
  }
  return maxTimeMs;
}

/**
 * Evaluates a measurement model by the GUM, Monte Carlo or both (JCGM 100, JCGM 101) in a worker
 * thread, cancelled when `signal` aborts. The GUM alone has GUM_MAX_TIME_MS; Monte Carlo the
 * request's time limit (default and maximum MCM_LIMITS.maxTimeMs). With a `tolerance`, Monte Carlo
 * also reports the fraction of its sample inside it (counted in the worker).
 * @throws UncertaintyModelError (LIMS_UNCERTAINTY_*) for anything the engine cannot evaluate,
 *   LIMS_UNCERTAINTY_ABORTED (reason `time`) past the time limit; DomainError
 *   LIMS_UNCERTAINTY_MCM_BUSY when every worker is busy and the queue is full.
 */
export async function evaluateUncertainty(pool: EvaluationPool, request: EvaluationRequest, signal?: AbortSignal, tolerance?: Tolerance): Promise<EvaluationJson> {
  if ((request.method ?? 'gum') === 'gum') {
    return toJson(await pool.run(request, { maxTimeMs: GUM_MAX_TIME_MS, graceMs: 0, ...(signal && { signal }) }));
  }
  const maxTimeMs = checkMcmLimits(request);
  const result = await pool.run({ ...request, mcm: { ...request.mcm, maxTimeMs } }, { maxTimeMs, ...(signal && { signal }) }, tolerance ? { tolerance } : {});
  return toJson(result);
}

export interface ConformityRequest {
  readonly measuredValue?: number;
  readonly standardUncertainty?: number;
  readonly expandedUncertainty?: number;
  readonly coverageFactor?: number;
  /** A measurement model to evaluate instead of a given value and uncertainty. */
  readonly evaluation?: EvaluationRequest;
  readonly tolerance: Tolerance;
  readonly rule: { readonly kind: DecisionRule['kind']; readonly guardBandFactor?: number };
  readonly decisionType: DecisionType;
}

/** How the measured value was obtained when the request gave a model to evaluate. */
export interface EvaluationBasis {
  readonly engineVersion: string;
  readonly reportedMethod: 'gum' | 'mcm';
  readonly monteCarlo: { readonly trials: number; readonly seed: number } | null;
}

const mixed = (message: string) => new DomainError('LIMS_EVALUATION_REQUEST_INVALID', message);

function ruleOf(request: ConformityRequest): DecisionRule {
  const { rule } = request;
  if (rule.kind === 'simple' && rule.guardBandFactor !== undefined) {
    throw new ConformityError('LIMS_UNCERTAINTY_GUARD_BAND_INVALID', "Simple acceptance has no guard band; leave out 'guardBandFactor' or use the guarded rule.", { guardBandFactor: rule.guardBandFactor });
  }
  return rule.kind === 'simple' ? { kind: 'simple' } : { kind: 'guarded', ...(rule.guardBandFactor !== undefined && { guardBandFactor: rule.guardBandFactor }) };
}

/**
 * Decides conformity with a tolerance under an ILAC-G8 / ISO 14253-1 decision rule, with the
 * specific risk of the decision (JCGM 106): for a normal measurement PDF from a given value and
 * uncertainty, or, for a model in `evaluation`, from its evaluation, where a Monte Carlo run also
 * gives the probability of conformity as the fraction of its sample inside the tolerance (counted
 * in the worker), reported beside the normal figure and used for the risk.
 * @throws ConformityError (LIMS_UNCERTAINTY_*) for invalid values, limits or guard bands;
 *   DomainError LIMS_EVALUATION_REQUEST_INVALID for a value and a model together, or neither;
 *   the engine's errors for the model.
 */
export async function assessConformity(pool: EvaluationPool, request: ConformityRequest, signal?: AbortSignal): Promise<ConformityResult & { evaluation?: EvaluationBasis }> {
  const rule = ruleOf(request);
  const given = [request.measuredValue, request.standardUncertainty, request.expandedUncertainty, request.coverageFactor].some((x) => x !== undefined);
  if (request.evaluation === undefined) {
    if (request.measuredValue === undefined) throw mixed("Give 'measuredValue' with its uncertainty, or a model in 'evaluation' (or 'evaluationId').");
    return decideConformity({
      measuredValue: request.measuredValue,
      uncertainty: { u: request.standardUncertainty, U: request.expandedUncertainty, k: request.coverageFactor },
      tolerance: request.tolerance,
      rule,
      decisionType: request.decisionType,
    });
  }
  if (given) throw mixed("The measured value and its uncertainty come from the evaluation; leave out 'measuredValue', 'standardUncertainty', 'expandedUncertainty' and 'coverageFactor'.");
  validateTolerance(request.tolerance);
  const result = await evaluateUncertainty(pool, request.evaluation, signal, request.tolerance);
  const decision = conformityOfEvaluation(result, request.tolerance, rule, request.decisionType);
  return {
    ...decision,
    evaluation: { engineVersion: result.engineVersion, reportedMethod: result.report.method, monteCarlo: result.mcm ? { trials: result.mcm.trials, seed: result.mcm.seed } : null },
  };
}

/**
 * Scores a company's values against the laboratory's reference values (difference, En, zeta,
 * the U the company would need) and estimates the company's uncertainty over the series.
 * @throws ComparisonError (LIMS_UNCERTAINTY_COMPARISON_*) for invalid rows.
 */
export function compareWithReferences(request: { readonly rows: readonly ReferenceComparison[] }): ComparisonSeriesResult {
  return compareSeries(request.rows);
}

/**
 * Deviations from nominal and the drift per year, with its uncertainty, per characteristic of
 * a machine tool's reference test pieces.
 * @throws TrendError (LIMS_UNCERTAINTY_TREND_*) naming the characteristic and point.
 */
export function analyzeTrends(request: { readonly characteristics: readonly CharacteristicSeries[] }): { characteristics: Array<TrendResult & { characteristic: string }> } {
  return { characteristics: analyzeCharacteristicTrends(request.characteristics) };
}

export interface GaugeRrRequest {
  readonly method: 'averageRange' | 'anova';
  readonly measurements: readonly (readonly (readonly number[])[])[];
  readonly tolerance?: number;
  readonly processVariation?: number;
  readonly interactionAlpha?: number;
}

/**
 * Gauge repeatability and reproducibility by the average-and-range or the ANOVA method
 * (AIAG MSA 4th ed.): EV, AV, GRR, PV, TV, %GRR, ndc and the acceptance verdicts.
 * @throws GaugeRrError (LIMS_UNCERTAINTY_GAUGE_RR_*) for unbalanced or too small studies.
 */
export function analyzeGaugeRr(request: GaugeRrRequest): AverageRangeResult | AnovaResult {
  const { method, interactionAlpha, ...input } = request;
  if (method === 'anova') return gaugeRrAnova(input, interactionAlpha === undefined ? {} : { interactionAlpha });
  if (interactionAlpha !== undefined) {
    throw new GaugeRrError('LIMS_UNCERTAINTY_GAUGE_RR_OPTION_INVALID', "'interactionAlpha' applies to the ANOVA method only.", { interactionAlpha });
  }
  return gaugeRrAverageRange(input);
}
