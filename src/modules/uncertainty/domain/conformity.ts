/**
 * Statements of conformity to a specification, by the decision rules of ILAC-G8:09/2019 and
 * ISO 14253-1, with the specific risk of JCGM 106 for a normal measurement PDF (or for a
 * Monte Carlo sample of the measurand).
 *
 * Zone convention (upper limit TU shown; mirrored for a lower limit, both for two-sided):
 *   pass             y <= TU - w           (the acceptance limit AL = TU - w belongs to "pass")
 *   conditionalPass  TU - w < y <= TU      (non-binary only; the tolerance limit is in spec)
 *   conditionalFail  TU < y < TU + w       (non-binary only)
 *   fail             y >= TU + w           (binary: y > AL)
 * Closing both proven zones makes the rule symmetric: a result exactly at AL is accepted with
 * a false-accept risk Phi(-w/u) and a result exactly at TU + w is rejected with the same
 * false-reject risk. With w = 0 the non-binary rule reduces to the binary one.
 */
import { CodedError } from './errors.js';
import { normalCdf } from './special-functions.js';
import {
  DECISION_RULE_REFERENCES,
  decisionLabel,
  riskStatement,
  ruleStatement,
  type ConformityDecision,
  type DecisionType,
  type LocalizedText,
  type RuleDescription,
} from './conformity-statement.js';

export type { ConformityDecision, DecisionType, LocalizedText, RuleDescription } from './conformity-statement.js';

export const CONFORMITY_ERROR_CODES = [
  'LIMS_UNCERTAINTY_TOLERANCE_INVALID',
  'LIMS_UNCERTAINTY_MEASURED_VALUE_INVALID',
  'LIMS_UNCERTAINTY_UNCERTAINTY_INVALID',
  'LIMS_UNCERTAINTY_GUARD_BAND_INVALID',
  'LIMS_UNCERTAINTY_GUARD_BAND_TOO_WIDE',
  'LIMS_UNCERTAINTY_SAMPLE_INVALID',
] as const;

export type ConformityErrorCode = (typeof CONFORMITY_ERROR_CODES)[number];

/** Invalid input to a conformity decision; `code` is stable, `message` says what to fix. */
export class ConformityError extends CodedError<ConformityErrorCode> {}

/**
 * Specification limits. Give both for a two-sided tolerance, one for a one-sided tolerance.
 * A geometric tolerance (flatness, roundness, position ...) is one-sided: `{ upper: t }`; its
 * lower bound 0 is a natural boundary, not a specification limit, so it carries no risk.
 */
export interface Tolerance {
  readonly lower?: number;
  readonly upper?: number;
}

/** Standard uncertainty u and/or expanded uncertainty U = k u (k defaults to 2). */
export interface MeasurementUncertainty {
  readonly u?: number;
  readonly U?: number;
  readonly k?: number;
}

export type DecisionRule = { readonly kind: 'simple' } | { readonly kind: 'guarded'; readonly guardBandFactor?: number };

export interface ConformityInput {
  readonly measuredValue: number;
  readonly uncertainty: MeasurementUncertainty;
  readonly tolerance: Tolerance;
  readonly rule: DecisionRule;
  readonly decisionType: DecisionType;
  /** Optional Monte Carlo sample of the measurand (sorted or not); then p_c is its in-tolerance fraction. */
  readonly monteCarloSample?: Float64Array;
  /**
   * The in-tolerance fraction of a Monte Carlo sample computed where the sample lives (a worker
   * thread), so that the sample itself need not travel; the alternative to `monteCarloSample`.
   */
  readonly monteCarloProbability?: number;
}

export interface SpecificRisk {
  readonly kind: 'falseAcceptance' | 'falseRejection';
  readonly probability: number;
}

export interface ConformityResult {
  readonly decision: ConformityDecision;
  /** True for pass and conditional pass. */
  readonly accepted: boolean;
  readonly toleranceLimits: Tolerance;
  readonly acceptanceLimits: Tolerance;
  readonly guardBand: number;
  readonly standardUncertainty: number;
  readonly expandedUncertainty: number;
  readonly coverageFactor: number;
  /** p_c used for the specific risk: Monte Carlo when a sample was given, else normal. */
  readonly probabilityOfConformity: number;
  readonly probabilityBasis: 'normal' | 'monteCarlo';
  readonly probabilityOfConformityNormal: number;
  readonly probabilityOfConformityMonteCarlo?: number;
  readonly specificRisk: SpecificRisk;
  readonly ruleDescription: RuleDescription;
  readonly statement: LocalizedText;
  readonly decisionText: LocalizedText;
  readonly riskText: LocalizedText;
}

function fail(code: ConformityErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new ConformityError(code, message, details);
}

function resolveUncertainty(input: MeasurementUncertainty): { u: number; U: number; k: number } {
  const { u, U, k } = input;
  if (k !== undefined && !(k > 0 && Number.isFinite(k))) {
    fail('LIMS_UNCERTAINTY_UNCERTAINTY_INVALID', `The coverage factor k must be a positive number, got ${k}.`, { k });
  }
  for (const [name, value] of [['u', u], ['U', U]] as const) {
    if (value !== undefined && !(value > 0 && Number.isFinite(value))) {
      fail('LIMS_UNCERTAINTY_UNCERTAINTY_INVALID', `The uncertainty ${name} must be a positive finite number, got ${value}; a decision on conformity needs a non-zero uncertainty.`, { [name]: value });
    }
  }
  if (u !== undefined && U !== undefined) {
    const implied = U / u;
    if (k !== undefined && Math.abs(implied - k) > 1e-9 * k) {
      fail('LIMS_UNCERTAINTY_UNCERTAINTY_INVALID', `U = ${U} is not k u = ${k} x ${u}; give two of u, U and k, or make them consistent.`, { u, U, k });
    }
    return { u, U, k: implied };
  }
  const kk = k ?? 2;
  if (u !== undefined) return { u, U: kk * u, k: kk };
  if (U !== undefined) return { u: U / kk, U, k: kk };
  return fail('LIMS_UNCERTAINTY_UNCERTAINTY_INVALID', 'Give the standard uncertainty u or the expanded uncertainty U (with k).');
}

/** @throws ConformityError LIMS_UNCERTAINTY_TOLERANCE_INVALID unless one or two finite, ordered limits are given. */
export function validateTolerance(tolerance: Tolerance): void {
  const { lower, upper } = tolerance;
  if (lower === undefined && upper === undefined) {
    fail('LIMS_UNCERTAINTY_TOLERANCE_INVALID', 'The tolerance needs a lower limit, an upper limit or both.');
  }
  for (const [name, value] of [['lower', lower], ['upper', upper]] as const) {
    if (value !== undefined && !Number.isFinite(value)) {
      fail('LIMS_UNCERTAINTY_TOLERANCE_INVALID', `The ${name} tolerance limit must be a finite number, got ${value}.`, { [name]: value });
    }
  }
  if (lower !== undefined && upper !== undefined && !(lower < upper)) {
    fail('LIMS_UNCERTAINTY_TOLERANCE_INVALID', `The lower tolerance limit (${lower}) must be below the upper limit (${upper}).`, { lower, upper });
  }
}

function guardBandFactorOf(rule: DecisionRule): number {
  if (rule.kind === 'simple') return 0;
  const r = rule.guardBandFactor ?? 1;
  if (!(r >= 0 && Number.isFinite(r))) {
    fail('LIMS_UNCERTAINTY_GUARD_BAND_INVALID', `The guard band factor r in w = r U must be a non-negative number, got ${r}; guarded rejection (r < 0) is not supported.`, { guardBandFactor: r });
  }
  return r;
}

const SEVERITY: Readonly<Record<ConformityDecision, number>> = { pass: 0, conditionalPass: 1, conditionalFail: 2, fail: 3 };

/**
 * Zone of y relative to one limit; `excess` is how far y lies beyond the limit (negative
 * inside). Values entered as decimals that lie exactly on a boundary (9.9 against 10.1 - 0.2)
 * differ from it by a few ulps in binary, so differences within `tie` count as on the boundary.
 */
function zoneForExcess(excess: number, w: number, tie: number, decisionType: DecisionType): ConformityDecision {
  if (excess <= -w + tie) return 'pass';
  if (decisionType === 'binary') return 'fail';
  if (excess >= w - tie) return 'fail';
  return excess <= tie ? 'conditionalPass' : 'conditionalFail';
}

function tieTolerance(...magnitudes: number[]): number {
  return 16 * Number.EPSILON * Math.max(...magnitudes.map(Math.abs));
}

/** p_c and 1 - p_c for a normal PDF, each evaluated where it does not suffer cancellation. */
function normalConformity(y: number, u: number, tolerance: Tolerance): { pc: number; pnc: number } {
  const below = tolerance.lower === undefined ? 0 : normalCdf((tolerance.lower - y) / u);
  const above = tolerance.upper === undefined ? 0 : normalCdf((y - tolerance.upper) / u);
  if (tolerance.upper !== undefined && y > tolerance.upper) {
    const pc = normalCdf((tolerance.upper - y) / u) - below;
    return { pc, pnc: 1 - pc };
  }
  if (tolerance.lower !== undefined && y < tolerance.lower) {
    const pc = normalCdf((y - tolerance.lower) / u) - above;
    return { pc, pnc: 1 - pc };
  }
  return { pc: 1 - below - above, pnc: below + above };
}

/**
 * p_c from a Monte Carlo sample of the measurand: the fraction of its values inside the tolerance
 * interval (limits included), JCGM 106 7.4 with the sample standing for the PDF.
 * @throws ConformityError LIMS_UNCERTAINTY_SAMPLE_INVALID for an empty sample or NaN values.
 */
export function fractionInTolerance(sample: Float64Array, tolerance: Tolerance): number {
  validateTolerance(tolerance);
  if (sample.length === 0) fail('LIMS_UNCERTAINTY_SAMPLE_INVALID', 'The Monte Carlo sample is empty.');
  const lower = tolerance.lower ?? -Infinity;
  const upper = tolerance.upper ?? Infinity;
  let inside = 0;
  for (const value of sample) {
    if (Number.isNaN(value)) fail('LIMS_UNCERTAINTY_SAMPLE_INVALID', 'The Monte Carlo sample contains NaN values.');
    if (value >= lower && value <= upper) inside++;
  }
  return inside / sample.length;
}

/**
 * Decides conformity of a measured value with a tolerance by a decision rule of
 * ILAC-G8:09/2019 / ISO 14253-1 and reports the specific risk of the decision (JCGM 106):
 * the probability of false acceptance 1 - p_c when accepted, of false rejection p_c when rejected.
 * @throws ConformityError for invalid uncertainty, tolerance or guard band, and when the guard
 *   bands leave no acceptance zone.
 */
export function decideConformity(input: ConformityInput): ConformityResult {
  const y = input.measuredValue;
  if (!Number.isFinite(y)) {
    fail('LIMS_UNCERTAINTY_MEASURED_VALUE_INVALID', `The measured value must be a finite number, got ${y}.`, { measuredValue: y });
  }
  validateTolerance(input.tolerance);
  const { u, U, k } = resolveUncertainty(input.uncertainty);
  const r = guardBandFactorOf(input.rule);
  const w = r * U;
  const { lower, upper } = input.tolerance;
  if (lower !== undefined && upper !== undefined && 2 * w >= upper - lower) {
    fail('LIMS_UNCERTAINTY_GUARD_BAND_TOO_WIDE', `The guard bands (w = ${w} on each side) leave no acceptance zone within the tolerance ${lower} ... ${upper}; a measurement with a smaller uncertainty or a smaller guard band is needed.`, { lower, upper, guardBand: w, expandedUncertainty: U });
  }

  let decision: ConformityDecision = 'pass';
  const zones: ConformityDecision[] = [];
  if (upper !== undefined) zones.push(zoneForExcess(y - upper, w, tieTolerance(y, upper, w), input.decisionType));
  if (lower !== undefined) zones.push(zoneForExcess(lower - y, w, tieTolerance(y, lower, w), input.decisionType));
  for (const zone of zones) if (SEVERITY[zone] > SEVERITY[decision]) decision = zone;
  const accepted = decision === 'pass' || decision === 'conditionalPass';

  const normal = normalConformity(y, u, input.tolerance);
  if (input.monteCarloSample !== undefined && input.monteCarloProbability !== undefined) {
    fail('LIMS_UNCERTAINTY_SAMPLE_INVALID', 'Give the Monte Carlo sample or its in-tolerance fraction, not both.');
  }
  const given = input.monteCarloProbability;
  if (given !== undefined && !(given >= 0 && given <= 1)) {
    fail('LIMS_UNCERTAINTY_SAMPLE_INVALID', `The Monte Carlo probability of conformity must be in [0, 1], got ${given}.`, { monteCarloProbability: given });
  }
  const mc = input.monteCarloSample === undefined ? given : fractionInTolerance(input.monteCarloSample, input.tolerance);
  const pc = mc ?? normal.pc;
  const pnc = mc === undefined ? normal.pnc : 1 - mc;
  const specificRisk: SpecificRisk = accepted
    ? { kind: 'falseAcceptance', probability: pnc }
    : { kind: 'falseRejection', probability: pc };

  const ruleDescription: RuleDescription = {
    kind: input.rule.kind,
    guardBandFactor: r,
    guardBand: w,
    decisionType: input.decisionType,
    coverageFactor: k,
    references: DECISION_RULE_REFERENCES,
  };
  return {
    decision,
    accepted,
    toleranceLimits: { ...(lower !== undefined && { lower }), ...(upper !== undefined && { upper }) },
    acceptanceLimits: { ...(lower !== undefined && { lower: lower + w }), ...(upper !== undefined && { upper: upper - w }) },
    guardBand: w,
    standardUncertainty: u,
    expandedUncertainty: U,
    coverageFactor: k,
    probabilityOfConformity: pc,
    probabilityBasis: mc === undefined ? 'normal' : 'monteCarlo',
    probabilityOfConformityNormal: normal.pc,
    ...(mc !== undefined && { probabilityOfConformityMonteCarlo: mc }),
    specificRisk,
    ruleDescription,
    statement: ruleStatement(ruleDescription),
    decisionText: decisionLabel(decision),
    riskText: riskStatement(specificRisk.kind, specificRisk.probability),
  };
}
