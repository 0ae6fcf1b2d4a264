import { CodedError } from './errors.js';
/**
 * Trend of a machine tool from reference test pieces: for one characteristic, the deviations
 * from nominal over time and a least-squares line through them (drift per year).
 */

export const TREND_ERROR_CODES = [
  'LIMS_UNCERTAINTY_TREND_DATE_INVALID',
  'LIMS_UNCERTAINTY_TREND_VALUE_INVALID',
  'LIMS_UNCERTAINTY_TREND_UNCERTAINTY_INVALID',
] as const;

export type TrendErrorCode = (typeof TREND_ERROR_CODES)[number];

/** Invalid input to a trend analysis; `code` is stable, `message` says what to fix. */
export class TrendError extends CodedError<TrendErrorCode> {}

/** One test piece's result for the characteristic. */
export interface TrendPoint {
  /** ISO 8601 date (YYYY-MM-DD) or date-time; a date-time without offset is taken as UTC. */
  readonly date: string;
  readonly measured: number;
  readonly nominal: number;
  /** Standard uncertainty of the measured value; give it for every point or for none. */
  readonly standardUncertainty?: number;
}

export interface Deviation {
  readonly date: string;
  /** Years since the reference date (the earliest date). */
  readonly years: number;
  readonly deviation: number;
  readonly standardUncertainty?: number;
}

export interface TrendLine {
  readonly method: 'weighted' | 'ordinary';
  readonly driftPerYear: number;
  /** null when it cannot be evaluated (two points without uncertainties). */
  readonly driftStandardUncertainty: number | null;
  /** Fitted deviation at the reference date. */
  readonly intercept: number;
  readonly interceptStandardUncertainty: number | null;
  readonly interceptDriftCovariance: number | null;
  /** sqrt(sum r_i^2 / (n - 2)) of the plain residuals; null for n = 2. */
  readonly residualStandardDeviation: number | null;
  readonly degreesOfFreedom: number;
  /** sqrt(chi^2 / (n - 2)) for a weighted fit with n > 2; > 1 means scatter beyond the stated uncertainties. */
  readonly birgeRatio?: number;
  /** Where the drift uncertainty comes from. */
  readonly uncertaintyBasis: 'residualScatter' | 'measurementUncertainty' | 'none';
}

export type NoTrendReason = 'tooFewPoints' | 'singleDate';

export interface TrendResult {
  readonly n: number;
  readonly referenceDate: string | null;
  readonly deviations: readonly Deviation[];
  readonly trend: TrendLine | null;
  readonly noTrendReason?: NoTrendReason;
  /** Human-readable explanations: why there is no trend, or how the uncertainty was obtained. */
  readonly notes: readonly string[];
}

/** Julian year, the usual unit for drift rates. */
const MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function fail(code: TrendErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new TrendError(code, message, details);
}

function parseIsoDate(date: string, index: number): number {
  const match = ISO_DATE.exec(date);
  const hasTime = match?.[4] !== undefined;
  // Without an offset JavaScript would read a date-time in the server's local zone.
  const ms = match ? Date.parse(hasTime && match[7] === undefined ? `${date}Z` : date) : NaN;
  // Date.parse rolls 2024-02-30 over to March; the round trip catches impossible dates.
  const calendarOk = match !== null && !Number.isNaN(ms) && (hasTime || new Date(ms).toISOString().slice(0, 10) === date);
  if (!calendarOk) {
    fail('LIMS_UNCERTAINTY_TREND_DATE_INVALID', `Point ${index + 1}: "${date}" is not an ISO 8601 date such as 2024-03-15 or 2024-03-15T10:30:00Z.`, { index, date });
  }
  return ms;
}

function toDeviations(points: readonly TrendPoint[]): { deviations: Deviation[]; referenceDate: string | null } {
  const times = points.map((p, i) => parseIsoDate(p.date, i));
  points.forEach((p, i) => {
    if (!Number.isFinite(p.measured) || !Number.isFinite(p.nominal)) {
      fail('LIMS_UNCERTAINTY_TREND_VALUE_INVALID', `Point ${i + 1} (${p.date}): measured and nominal values must be finite numbers.`, { index: i });
    }
    const u = p.standardUncertainty;
    if (u !== undefined && !(u > 0 && Number.isFinite(u))) {
      fail('LIMS_UNCERTAINTY_TREND_UNCERTAINTY_INVALID', `Point ${i + 1} (${p.date}): the standard uncertainty must be positive, got ${u}; leave it out if unknown.`, { index: i, standardUncertainty: u });
    }
  });
  if (points.length === 0) return { deviations: [], referenceDate: null };
  const t0 = Math.min(...times);
  const referenceIndex = times.indexOf(t0);
  const deviations = points
    .map((p, i) => ({
      date: p.date,
      years: ((times[i] as number) - t0) / MS_PER_YEAR,
      deviation: p.measured - p.nominal,
      ...(p.standardUncertainty !== undefined && { standardUncertainty: p.standardUncertainty }),
    }))
    .sort((a, b) => a.years - b.years);
  return { deviations, referenceDate: (points[referenceIndex] as TrendPoint).date };
}

/** Straight-line least squares on centred abscissae (well conditioned for any dates). */
function fitLine(deviations: readonly Deviation[], weighted: boolean): TrendLine {
  const n = deviations.length;
  const w = deviations.map((d) => (weighted ? 1 / (d.standardUncertainty as number) ** 2 : 1));
  let sw = 0;
  let swt = 0;
  let swy = 0;
  deviations.forEach((d, i) => {
    const wi = w[i] as number;
    sw += wi;
    swt += wi * d.years;
    swy += wi * d.deviation;
  });
  const tBar = swt / sw;
  const yBar = swy / sw;
  let sTT = 0;
  let sTY = 0;
  deviations.forEach((d, i) => {
    const dt = d.years - tBar;
    sTT += (w[i] as number) * dt * dt;
    sTY += (w[i] as number) * dt * (d.deviation - yBar);
  });
  const slope = sTY / sTT;
  const intercept = yBar - slope * tBar;
  let rss = 0;
  let chi2 = 0;
  deviations.forEach((d, i) => {
    const r = d.deviation - (intercept + slope * d.years);
    rss += r * r;
    chi2 += (w[i] as number) * r * r;
  });
  const dof = n - 2;
  const residualStandardDeviation = dof > 0 ? Math.sqrt(rss / dof) : null;
  // Covariance of (intercept, slope) before scaling: (X^T W X)^-1 in centred form.
  const varSlope = 1 / sTT;
  const varIntercept = 1 / sw + (tBar * tBar) / sTT;
  const cov = -tBar / sTT;
  let scale: number | null;
  let basis: TrendLine['uncertaintyBasis'];
  let birgeRatio: number | undefined;
  if (weighted) {
    birgeRatio = dof > 0 ? Math.sqrt(chi2 / dof) : undefined;
    // Scatter of the test pieces beyond their measurement uncertainty (machining variation)
    // must widen the drift uncertainty; scatter below it must not narrow it (Birge ratio).
    const inflate = birgeRatio !== undefined && birgeRatio > 1;
    scale = inflate ? (birgeRatio as number) ** 2 : 1;
    basis = inflate ? 'residualScatter' : 'measurementUncertainty';
  } else {
    scale = dof > 0 ? rss / dof : null;
    basis = dof > 0 ? 'residualScatter' : 'none';
  }
  return {
    method: weighted ? 'weighted' : 'ordinary',
    driftPerYear: slope,
    driftStandardUncertainty: scale === null ? null : Math.sqrt(scale * varSlope),
    intercept,
    interceptStandardUncertainty: scale === null ? null : Math.sqrt(scale * varIntercept),
    interceptDriftCovariance: scale === null ? null : scale * cov,
    residualStandardDeviation,
    degreesOfFreedom: dof,
    ...(birgeRatio !== undefined && { birgeRatio }),
    uncertaintyBasis: basis,
  };
}

/**
 * Deviations from nominal (measured - nominal) and their trend over time for one
 * characteristic: a weighted least-squares line (weights 1/u_i^2) when every point has an
 * uncertainty, else an ordinary one. Time is in Julian years (365.25 d) since the earliest date.
 *
 * Drift uncertainty: ordinary fit, n >= 3: from the residual scatter, s^2 (X^T X)^-1.
 * Weighted fit: (X^T W X)^-1 from the stated uncertainties, inflated by the squared Birge
 * ratio when the residual scatter exceeds them. For n = 2 the line passes through both points
 * and the drift uncertainty is the propagated measurement uncertainty sqrt(u_1^2 + u_2^2) / dt
 * (null without uncertainties). With n < 2, or all points on one date, there is no trend and
 * `noTrendReason` says why.
 * @throws TrendError for malformed dates, values or uncertainties.
 */
export function analyzeTrend(points: readonly TrendPoint[]): TrendResult {
  const { deviations, referenceDate } = toDeviations(points);
  const n = deviations.length;
  const base = { n, referenceDate, deviations };
  if (n < 2) {
    return { ...base, trend: null, noTrendReason: 'tooFewPoints', notes: [`A trend needs at least two test pieces; ${n} ${n === 1 ? 'is' : 'are'} available.`] };
  }
  if (deviations.every((d) => d.years === (deviations[0] as Deviation).years)) {
    return { ...base, trend: null, noTrendReason: 'singleDate', notes: ['All test pieces have the same date, so no change over time can be estimated.'] };
  }
  const withU = deviations.filter((d) => d.standardUncertainty !== undefined).length;
  const weighted = withU === n;
  const notes: string[] = [];
  if (withU > 0 && !weighted) notes.push(`Only ${withU} of ${n} points have an uncertainty, so an unweighted fit was used.`);
  const trend = fitLine(deviations, weighted);
  if (trend.uncertaintyBasis === 'none') notes.push('Two points without uncertainties: the drift has no uncertainty estimate.');
  if (n === 2 && weighted) notes.push('Two points: the drift uncertainty is propagated from their measurement uncertainties.');
  if (trend.uncertaintyBasis === 'residualScatter' && weighted) {
    notes.push('The scatter of the test pieces exceeds their measurement uncertainties; the drift uncertainty was scaled by the Birge ratio.');
  }
  return { ...base, trend, notes };
}

/** One characteristic of the test piece, e.g. "bore diameter D1". */
export interface CharacteristicSeries {
  readonly characteristic: string;
  readonly points: readonly TrendPoint[];
}

/**
 * Runs `analyzeTrend` for each characteristic of a machine tool's test pieces.
 * @throws TrendError naming the characteristic when one of its points is malformed.
 */
export function analyzeCharacteristicTrends(series: readonly CharacteristicSeries[]): Array<TrendResult & { characteristic: string }> {
  return series.map((s) => {
    try {
      return { characteristic: s.characteristic, ...analyzeTrend(s.points) };
    } catch (error) {
      if (error instanceof TrendError) {
        throw new TrendError(error.code, `${s.characteristic}: ${error.message}`, { ...error.details, characteristic: s.characteristic });
      }
      throw error;
    }
  });
}
