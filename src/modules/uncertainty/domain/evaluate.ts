/**
 * One entry point for the API: validates a plain request object, evaluates it by the GUM,
 * Monte Carlo or both, validates the GUM against Monte Carlo (JCGM 101 clause 8) and prepares
 * the rounded certificate statement.
 */
import type { Tolerance } from './conformity.js';
import { buildCorrelation } from './correlation.js';
import { invalidInput } from './errors.js';
import { compileModel } from './expression-compiler.js';
import { DEFAULT_COVERAGE_PROBABILITY, evaluateGum, type BudgetRow } from './gum.js';
import { prepareInput } from './inputs.js';
import { validateGumWithMcm, type GumValidation, type Interval } from './mcm-statistics.js';
import { runMonteCarlo } from './monte-carlo.js';
import { roundResult, uncertaintyStatement } from './reporting.js';
import type { EvaluationMethod, EvaluationRequest } from './request-types.js';

/** Version of the numerical engine, recorded with every stored evaluation. */
export const ENGINE_VERSION = '1.0.0';

export interface GumSummary {
  readonly estimate: number;
  readonly standardUncertainty: number;
  readonly effectiveDof: number;
  readonly effectiveDofUnrounded: number;
  readonly coverageFactor: number;
  readonly coverageProbability: number;
  readonly expandedUncertainty: number;
  readonly interval: Interval;
  readonly budget: readonly BudgetRow[];
}

export interface McmSummary {
  readonly estimate: number;
  readonly standardUncertainty: number;
  readonly interval: Interval;
  readonly symmetricInterval: Interval;
  readonly coverageProbability: number;
  readonly trials: number;
  readonly seed: number;
  readonly converged: boolean;
  /** p_c: the fraction of the trials inside the runtime's tolerance, when one was given. */
  readonly probabilityInTolerance?: number;
}

export interface ReportSummary {
  readonly value: string;
  readonly expandedUncertainty: string;
  readonly decimalPlaces: number;
  readonly coverageFactor: number;
  readonly coverageProbability: number;
  readonly method: 'gum' | 'mcm';
  readonly text: { readonly en: string; readonly fi: string };
}

export interface EvaluationResult {
  readonly engineVersion: string;
  readonly gum?: GumSummary;
  readonly mcm?: McmSummary;
  readonly validation?: GumValidation;
  readonly report: ReportSummary;
  readonly warnings: readonly string[];
}

export interface EvaluationRuntime {
  /** Cancels a running evaluation (Monte Carlo: checked per chunk of trials; GUM: per input of the second-order terms). */
  readonly signal?: { readonly aborted: boolean };
  /**
   * Tolerance limits for a conformity decision: Monte Carlo then also reports the fraction of its
   * sample inside them, computed where the sample is (it is never returned).
   */
  readonly tolerance?: Tolerance;
}

const REQUEST_FIELDS = ['model', 'inputs', 'correlations', 'coverageProbability', 'method', 'secondOrder', 'mcm'];
const MCM_FIELDS = ['trials', 'seed', 'adaptive', 'significantDigits', 'maxTimeMs', 'maxTrials'];
const METHODS: readonly EvaluationMethod[] = ['gum', 'mcm', 'both'];

function checkShape(request: EvaluationRequest): void {
  const raw = request as unknown as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null) throw invalidInput('The request must be an object');
  for (const key of Object.keys(raw)) {
    if (!REQUEST_FIELDS.includes(key)) throw invalidInput(`Unknown field '${key}' in the request`, { field: key });
  }
  if (typeof raw.model !== 'string') throw invalidInput("'model' must be a string", { field: 'model' });
  if (!Array.isArray(raw.inputs) || raw.inputs.length === 0) {
    throw invalidInput("'inputs' must be a non-empty array", { field: 'inputs' });
  }
  if (raw.correlations !== undefined && !Array.isArray(raw.correlations)) {
    throw invalidInput("'correlations' must be an array", { field: 'correlations' });
  }
  if (raw.method !== undefined && !METHODS.includes(raw.method as EvaluationMethod)) {
    throw invalidInput(`'method' must be one of ${METHODS.join(', ')}`, { field: 'method' });
  }
  const p = raw.coverageProbability;
  if (p !== undefined && !(typeof p === 'number' && p > 0 && p < 1)) {
    throw invalidInput("'coverageProbability' must be a number in (0, 1)", { field: 'coverageProbability' });
  }
  if (raw.secondOrder !== undefined && typeof raw.secondOrder !== 'boolean') {
    throw invalidInput("'secondOrder' must be a boolean", { field: 'secondOrder' });
  }
  const mcm = raw.mcm as Record<string, unknown> | undefined;
  if (mcm !== undefined) {
    if (typeof mcm !== 'object' || mcm === null) throw invalidInput("'mcm' must be an object", { field: 'mcm' });
    for (const key of Object.keys(mcm)) {
      if (!MCM_FIELDS.includes(key)) throw invalidInput(`Unknown field '${key}' in 'mcm'`, { field: `mcm.${key}` });
    }
    if (mcm.adaptive !== undefined && typeof mcm.adaptive !== 'boolean') {
      throw invalidInput("'mcm.adaptive' must be a boolean", { field: 'mcm.adaptive' });
    }
  }
}

/**
 * Evaluates the measurement uncertainty described by `request`.
 * Default method 'gum', coverage probability 0.9545. With 'both', the report follows the GUM
 * when Monte Carlo validates it and Monte Carlo otherwise (JCGM 101 8.2).
 * @throws UncertaintyModelError (see UNCERTAINTY_ERROR_CODES) for anything that cannot be evaluated.
 */
export function evaluate(request: EvaluationRequest, runtime: EvaluationRuntime = {}): EvaluationResult {
  checkShape(request);
  const method = request.method ?? 'gum';
  const p = request.coverageProbability ?? DEFAULT_COVERAGE_PROBABILITY;
  const inputs = request.inputs.map(prepareInput);
  const names = inputs.map((i) => i.name);
  const { model, warnings } = compileModel(request.model, names);
  const correlation = buildCorrelation(names, request.correlations);
  if (request.mcm !== undefined && method === 'gum') {
    warnings.push("The 'mcm' options are not used because the method is 'gum'.");
  }
  if (request.secondOrder && method === 'mcm') {
    throw invalidInput("'secondOrder' applies to the GUM method; Monte Carlo needs no linearisation", { field: 'secondOrder' });
  }

  let gum: GumSummary | undefined;
  if (method !== 'mcm') {
    const result = evaluateGum(model, inputs, correlation, { coverageProbability: p, secondOrder: request.secondOrder ?? false, ...(runtime.signal ? { signal: runtime.signal } : {}) });
    const { warnings: gumWarnings, ...summary } = result;
    warnings.push(...gumWarnings);
    gum = summary;
  }

  let mcm: McmSummary | undefined;
  let validation: GumValidation | undefined;
  if (method !== 'gum') {
    const options = request.mcm ?? {};
    const result = runMonteCarlo(
      { model, inputs, correlation },
      { ...options, coverageProbability: p, ...(runtime.signal ? { signal: runtime.signal } : {}), ...(runtime.tolerance ? { tolerance: runtime.tolerance } : {}) },
    );
    warnings.push(...result.warnings);
    mcm = {
      estimate: result.estimate,
      standardUncertainty: result.standardUncertainty,
      interval: result.interval,
      symmetricInterval: result.symmetricInterval,
      coverageProbability: p,
      trials: result.trials,
      seed: result.seed,
      converged: result.converged,
      ...(result.probabilityInTolerance !== undefined ? { probabilityInTolerance: result.probabilityInTolerance } : {}),
    };
    if (gum) {
      // The GUM interval y +- U is probabilistically symmetric, so it is compared with the
      // probabilistically symmetric MCM interval (JCGM 101 8.1 allows either): for a symmetric
      // output the shortest interval's end-points are far noisier than its width.
      validation = validateGumWithMcm(gum, result.symmetricInterval, options.significantDigits ?? 2);
      if (!validation.agrees) {
        warnings.push(`Monte Carlo does not validate the GUM result (d_low = ${validation.dLow.toPrecision(2)}, d_high = ${validation.dHigh.toPrecision(2)}, tolerance ${validation.tolerance}); the report uses the Monte Carlo result (JCGM 101 8.2).`);
      }
    }
  }

  return {
    engineVersion: ENGINE_VERSION,
    ...(gum ? { gum } : {}),
    ...(mcm ? { mcm } : {}),
    ...(validation ? { validation } : {}),
    report: buildReport(gum, mcm, validation),
    warnings: [...new Set(warnings)],
  };
}

function buildReport(gum: GumSummary | undefined, mcm: McmSummary | undefined, validation: GumValidation | undefined): ReportSummary {
  if (gum && (!validation || validation.agrees || !mcm)) {
    const rounded = roundResult(gum.estimate, gum.expandedUncertainty);
    return {
      value: rounded.value,
      expandedUncertainty: rounded.expandedUncertainty,
      decimalPlaces: rounded.decimalPlaces,
      coverageFactor: gum.coverageFactor,
      coverageProbability: gum.coverageProbability,
      method: 'gum',
      text: uncertaintyStatement({
        coverageFactor: gum.coverageFactor,
        coverageProbability: gum.coverageProbability,
        effectiveDof: gum.effectiveDof,
      }),
    };
  }
  const m = mcm as McmSummary;
  // A symmetric statement y +- U must cover the whole Monte Carlo interval, even if skewed.
  const expanded = Math.max(m.estimate - m.interval[0], m.interval[1] - m.estimate);
  const rounded = roundResult(m.estimate, expanded);
  return {
    value: rounded.value,
    expandedUncertainty: rounded.expandedUncertainty,
    decimalPlaces: rounded.decimalPlaces,
    coverageFactor: m.standardUncertainty > 0 ? expanded / m.standardUncertainty : NaN,
    coverageProbability: m.coverageProbability,
    method: 'mcm',
    text: uncertaintyStatement({ coverageFactor: NaN, coverageProbability: m.coverageProbability, method: 'mcm' }),
  };
}
