import { CodedError } from './errors.js';
/**
 * Scores for comparing a company's measurement with the laboratory's reference value
 * (ISO 13528:2022 proficiency-testing statistics applied to bilateral reference measurements).
 */

export const COMPARISON_ERROR_CODES = [
  'LIMS_UNCERTAINTY_COMPARISON_VALUE_INVALID',
  'LIMS_UNCERTAINTY_COMPARISON_UNCERTAINTY_INVALID',
  'LIMS_UNCERTAINTY_COMPARISON_SIGMA_INVALID',
  'LIMS_UNCERTAINTY_COMPARISON_EMPTY',
] as const;

export type ComparisonErrorCode = (typeof COMPARISON_ERROR_CODES)[number];

/** Invalid input to a comparison score; `code` is stable, `message` says what to fix. */
export class ComparisonError extends CodedError<ComparisonErrorCode> {}

export type EnVerdict = 'satisfactory' | 'unsatisfactory';
export type ScoreVerdict = 'satisfactory' | 'questionable' | 'unsatisfactory';

/** Coverage factor assumed for an expanded uncertainty given without one. */
export const DEFAULT_COVERAGE_FACTOR = 2;

function fail(code: ComparisonErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new ComparisonError(code, message, details);
}

function requireFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) fail('LIMS_UNCERTAINTY_COMPARISON_VALUE_INVALID', `${name} must be a finite number, got ${value}.`, { [name]: value });
}

function requireNonNegative(name: string, value: number): void {
  if (!(value >= 0 && Number.isFinite(value))) {
    fail('LIMS_UNCERTAINTY_COMPARISON_UNCERTAINTY_INVALID', `${name} must be a non-negative finite number, got ${value}.`, { [name]: value });
  }
}

function requireCoverageFactor(name: string, k: number): void {
  if (!(k > 0 && Number.isFinite(k))) fail('LIMS_UNCERTAINTY_COMPARISON_UNCERTAINTY_INVALID', `${name} must be positive, got ${k}.`, { [name]: k });
}

/**
 * Decimal inputs exactly on a verdict boundary (d = 0.005 against U = 0.005) give scores a few
 * ulps off the boundary in binary; such ties are resolved as exactly on it.
 */
const SCORE_TIE = 1e-12;

/** |zeta| or |z| <= 2 satisfactory, 2 < |.| < 3 questionable, >= 3 unsatisfactory (ISO 13528 9.4, 9.6). */
function scoreVerdict(score: number): ScoreVerdict {
  const a = Math.abs(score);
  if (a <= 2 + SCORE_TIE) return 'satisfactory';
  return a < 3 - SCORE_TIE ? 'questionable' : 'unsatisfactory';
}

/**
 * E_n number (ISO 13528 9.7): En = (x - x_ref) / sqrt(U_x^2 + U_ref^2) with expanded
 * uncertainties (normally k = 2); |En| <= 1 is satisfactory.
 * @throws ComparisonError when a value is not finite or both uncertainties are zero.
 */
export function enScore(x: number, expandedX: number, xRef: number, expandedRef: number): { en: number; verdict: EnVerdict } {
  requireFinite('x', x);
  requireFinite('xRef', xRef);
  requireNonNegative('U_x', expandedX);
  requireNonNegative('U_ref', expandedRef);
  const denominator = Math.hypot(expandedX, expandedRef);
  if (denominator === 0) fail('LIMS_UNCERTAINTY_COMPARISON_UNCERTAINTY_INVALID', 'En needs a non-zero uncertainty on at least one side.');
  const en = (x - xRef) / denominator;
  return { en, verdict: Math.abs(en) <= 1 + SCORE_TIE ? 'satisfactory' : 'unsatisfactory' };
}

/**
 * zeta score (ISO 13528 9.6): zeta = (x - x_ref) / sqrt(u_x^2 + u_ref^2) with standard
 * uncertainties; verdicts as for z.
 * @throws ComparisonError when a value is not finite or both uncertainties are zero.
 */
export function zetaScore(x: number, standardX: number, xRef: number, standardRef: number): { zeta: number; verdict: ScoreVerdict } {
  requireFinite('x', x);
  requireFinite('xRef', xRef);
  requireNonNegative('u_x', standardX);
  requireNonNegative('u_ref', standardRef);
  const denominator = Math.hypot(standardX, standardRef);
  if (denominator === 0) fail('LIMS_UNCERTAINTY_COMPARISON_UNCERTAINTY_INVALID', 'zeta needs a non-zero uncertainty on at least one side.');
  const zeta = (x - xRef) / denominator;
  return { zeta, verdict: scoreVerdict(zeta) };
}

/**
 * z score (ISO 13528 9.4): z = (x - x_pt) / sigma_pt; |z| <= 2 satisfactory,
 * 2 < |z| < 3 questionable, |z| >= 3 unsatisfactory.
 * @throws ComparisonError when sigma_pt is not positive.
 */
export function zScore(x: number, assignedValue: number, sigmaPt: number): { z: number; verdict: ScoreVerdict } {
  requireFinite('x', x);
  requireFinite('x_pt', assignedValue);
  if (!(sigmaPt > 0 && Number.isFinite(sigmaPt))) {
    fail('LIMS_UNCERTAINTY_COMPARISON_SIGMA_INVALID', `The standard deviation for proficiency assessment sigma_pt must be positive, got ${sigmaPt}.`, { sigmaPt });
  }
  const z = (x - assignedValue) / sigmaPt;
  return { z, verdict: scoreVerdict(z) };
}

/**
 * Smallest expanded uncertainty the company's result would need for |En| <= 1, when the
 * company stated none: from d^2 / (U^2 + U_ref^2) <= 1, U_min = sqrt(max(0, d^2 - U_ref^2)),
 * with d = x - x_ref. It is 0 when |d| <= U_ref (any uncertainty would do). It is a lower
 * bound implied by this single comparison, not an uncertainty evaluation of the company's method.
 * @throws ComparisonError when d or U_ref is invalid.
 */
export function minimumExpandedUncertainty(difference: number, expandedRef: number): number {
  requireFinite('difference', difference);
  requireNonNegative('U_ref', expandedRef);
  // (d - U)(d + U) avoids the overflow and cancellation of d^2 - U^2.
  const a = Math.abs(difference);
  return a <= expandedRef ? 0 : Math.sqrt((a - expandedRef) * (a + expandedRef));
}

export interface UncertaintyEstimate {
  readonly n: number;
  readonly meanDifference: number;
  /** sqrt(mean(d_i^2)): spread and bias together. */
  readonly rmsDifference: number;
  /** u_company ~ sqrt(max(0, mean(d_i^2) - mean(u_ref,i^2))). */
  readonly standardUncertainty: number;
  /** 2 u_company. */
  readonly expandedUncertainty: number;
  readonly coverageFactor: number;
}

/**
 * Estimate of a company's standard uncertainty from repeated comparisons with the reference
 * (differences d_i = x_i - x_ref,i): E[d^2] = bias^2 + u_company^2 + u_ref^2, so
 * u_company ~ sqrt(max(0, mean(d_i^2) - mean(u_ref,i^2))) and U = 2 u_company.
 * Using the mean square rather than the variance deliberately counts a systematic offset as
 * uncertainty (an uncorrected bias belongs in the company's budget). With few comparisons the
 * estimate is itself uncertain (about n degrees of freedom); treat it as indicative.
 * @param referenceStandardUncertainties one u_ref for all rows, or one per row.
 * @throws ComparisonError when the list is empty or contains invalid numbers.
 */
export function estimateUncertaintyFromDifferences(differences: readonly number[], referenceStandardUncertainties: number | readonly number[]): UncertaintyEstimate {
  const n = differences.length;
  if (n === 0) fail('LIMS_UNCERTAINTY_COMPARISON_EMPTY', 'At least one comparison is needed to estimate an uncertainty.');
  const uRefs = typeof referenceStandardUncertainties === 'number' ? differences.map(() => referenceStandardUncertainties) : referenceStandardUncertainties;
  if (uRefs.length !== n) {
    fail('LIMS_UNCERTAINTY_COMPARISON_UNCERTAINTY_INVALID', `Give one reference uncertainty or one per difference (${n}), got ${uRefs.length}.`, { differences: n, referenceUncertainties: uRefs.length });
  }
  let sum = 0;
  let sumSquares = 0;
  let sumRefSquares = 0;
  differences.forEach((d, i) => {
    requireFinite(`difference[${i}]`, d);
    const uRef = uRefs[i] as number;
    requireNonNegative(`u_ref[${i}]`, uRef);
    sum += d;
    sumSquares += d * d;
    sumRefSquares += uRef * uRef;
  });
  const standardUncertainty = Math.sqrt(Math.max(0, (sumSquares - sumRefSquares) / n));
  return {
    n,
    meanDifference: sum / n,
    rmsDifference: Math.sqrt(sumSquares / n),
    standardUncertainty,
    expandedUncertainty: DEFAULT_COVERAGE_FACTOR * standardUncertainty,
    coverageFactor: DEFAULT_COVERAGE_FACTOR,
  };
}

/** One bilateral comparison: the company's value (uncertainty optional) against the reference. */
export interface ReferenceComparison {
  readonly id?: string;
  readonly value: number;
  /** Company's expanded uncertainty; omit when the company stated none. */
  readonly expandedUncertainty?: number;
  readonly coverageFactor?: number;
  readonly referenceValue: number;
  readonly referenceExpandedUncertainty: number;
  readonly referenceCoverageFactor?: number;
}

export interface ComparisonRowResult {
  readonly id?: string;
  readonly difference: number;
  readonly en?: number;
  readonly enVerdict?: EnVerdict;
  readonly zeta?: number;
  readonly zetaVerdict?: ScoreVerdict;
  /** U the company would need for |En| <= 1 (always given; the answer when it stated none). */
  readonly minimumExpandedUncertainty: number;
}

/**
 * Scores one comparison: difference, En and zeta when the company stated an uncertainty,
 * and the minimum expanded uncertainty for |En| <= 1.
 * @throws ComparisonError for invalid numbers.
 */
export function compareWithReference(row: ReferenceComparison): ComparisonRowResult {
  requireFinite('value', row.value);
  requireFinite('referenceValue', row.referenceValue);
  requireNonNegative('referenceExpandedUncertainty', row.referenceExpandedUncertainty);
  const kRef = row.referenceCoverageFactor ?? DEFAULT_COVERAGE_FACTOR;
  requireCoverageFactor('referenceCoverageFactor', kRef);
  const difference = row.value - row.referenceValue;
  const base = {
    ...(row.id !== undefined && { id: row.id }),
    difference,
    minimumExpandedUncertainty: minimumExpandedUncertainty(difference, row.referenceExpandedUncertainty),
  };
  if (row.expandedUncertainty === undefined) return base;
  const k = row.coverageFactor ?? DEFAULT_COVERAGE_FACTOR;
  requireCoverageFactor('coverageFactor', k);
  const en = enScore(row.value, row.expandedUncertainty, row.referenceValue, row.referenceExpandedUncertainty);
  const zeta = zetaScore(row.value, row.expandedUncertainty / k, row.referenceValue, row.referenceExpandedUncertainty / kRef);
  return { ...base, en: en.en, enVerdict: en.verdict, zeta: zeta.zeta, zetaVerdict: zeta.verdict };
}

export interface ComparisonSeriesResult {
  readonly rows: readonly ComparisonRowResult[];
  /** RMS estimate of the company's uncertainty over all rows (see estimateUncertaintyFromDifferences). */
  readonly estimate: UncertaintyEstimate;
  readonly satisfactoryEnCount: number;
  readonly scoredCount: number;
}

/**
 * Scores a series of reference comparisons row by row and estimates the company's
 * uncertainty from the RMS of the differences.
 * @throws ComparisonError when the series is empty or a row is invalid.
 */
export function compareSeries(rows: readonly ReferenceComparison[]): ComparisonSeriesResult {
  if (rows.length === 0) fail('LIMS_UNCERTAINTY_COMPARISON_EMPTY', 'The comparison series has no rows.');
  const results = rows.map(compareWithReference);
  const uRefs = rows.map((r) => r.referenceExpandedUncertainty / (r.referenceCoverageFactor ?? DEFAULT_COVERAGE_FACTOR));
  const scored = results.filter((r) => r.enVerdict !== undefined);
  return {
    rows: results,
    estimate: estimateUncertaintyFromDifferences(results.map((r) => r.difference), uRefs),
    satisfactoryEnCount: scored.filter((r) => r.enVerdict === 'satisfactory').length,
    scoredCount: scored.length,
  };
}
