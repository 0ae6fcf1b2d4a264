/**
 * ANOVA gauge R&R (AIAG MSA 4th ed., Appendix A): two-way random-effects ANOVA of
 * part x operator with replicated trials.
 */
import { regularizedIncompleteBeta } from './special-functions.js';
import { gaugeRrFail, summarize, validateStudy, type GaugeRrInput, type GaugeRrSummary } from './gauge-rr.js';

export interface GaugeRrAnovaOptions {
  /**
   * Significance level of the part x operator interaction test. When its p-value exceeds
   * alpha the interaction is pooled with the repeatability error and the ANOVA recomputed.
   * Default 0.05 (AIAG practice, also Minitab's default); some practitioners use 0.25 so
   * that the interaction is pooled only when it is clearly absent.
   */
  readonly interactionAlpha?: number;
}

export type AnovaSource = 'part' | 'operator' | 'interaction' | 'repeatability' | 'total';

export interface AnovaRow {
  readonly source: AnovaSource;
  readonly sumOfSquares: number;
  readonly degreesOfFreedom: number;
  readonly meanSquare: number;
  /** null where there is no test (repeatability, total) or the denominator is zero. */
  readonly f: number | null;
  readonly pValue: number | null;
}

export interface VarianceComponents {
  readonly repeatability: number;
  readonly operator: number;
  readonly interaction: number;
  /** operator + interaction. */
  readonly reproducibility: number;
  readonly part: number;
  readonly total: number;
}

export interface AnovaResult extends GaugeRrSummary {
  readonly method: 'anova';
  /** The table of the full model (with interaction). */
  readonly fullTable: readonly AnovaRow[];
  /** The table actually used: the full one, or the one with the interaction pooled into repeatability. */
  readonly table: readonly AnovaRow[];
  readonly interactionPValue: number | null;
  readonly interactionPooled: boolean;
  readonly interactionAlpha: number;
  /** Variances (sigma^2) from the expected mean squares of the table used. */
  readonly varianceComponents: VarianceComponents;
}

/** Upper tail P(F > f) through the incomplete beta, so small p-values keep their precision. */
function fUpperTail(f: number, d1: number, d2: number): number {
  if (f === Infinity) return 0;
  if (!(f > 0)) return 1;
  return regularizedIncompleteBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}

function testedRow(source: AnovaSource, ss: number, df: number, denominatorMs: number, denominatorDf: number): AnovaRow {
  const ms = ss / df;
  const f = denominatorMs > 0 ? ms / denominatorMs : null;
  return { source, sumOfSquares: ss, degreesOfFreedom: df, meanSquare: ms, f, pValue: f === null ? null : fUpperTail(f, df, denominatorDf) };
}

function untestedRow(source: AnovaSource, ss: number, df: number): AnovaRow {
  return { source, sumOfSquares: ss, degreesOfFreedom: df, meanSquare: ss / df, f: null, pValue: null };
}

interface SumsOfSquares {
  readonly part: number;
  readonly operator: number;
  readonly interaction: number;
  readonly error: number;
  readonly total: number;
}

/** Sums of squares from deviations about the means (not from raw sums), for accuracy. */
function sumsOfSquares(m: GaugeRrInput['measurements'], p: number, o: number, r: number): SumsOfSquares {
  const cellMean = m.map((byOperator) => byOperator.map((trials) => trials.reduce((s, x) => s + x, 0) / r));
  const partMean = cellMean.map((cells) => cells.reduce((s, x) => s + x, 0) / o);
  const operatorMean = Array.from({ length: o }, (_, j) => cellMean.reduce((s, cells) => s + (cells[j] as number), 0) / p);
  const grand = partMean.reduce((s, x) => s + x, 0) / p;
  let part = 0;
  let operator = 0;
  let interaction = 0;
  let error = 0;
  let total = 0;
  for (let i = 0; i < p; i++) part += ((partMean[i] as number) - grand) ** 2;
  for (let j = 0; j < o; j++) operator += ((operatorMean[j] as number) - grand) ** 2;
  m.forEach((byOperator, i) =>
    byOperator.forEach((trials, j) => {
      const c = (cellMean[i] as number[])[j] as number;
      interaction += (c - (partMean[i] as number) - (operatorMean[j] as number) + grand) ** 2;
      for (const x of trials) {
        error += (x - c) ** 2;
        total += (x - grand) ** 2;
      }
    }),
  );
  return { part: o * r * part, operator: p * r * operator, interaction: r * interaction, error, total };
}

/**
 * ANOVA gauge R&R: sums of squares, mean squares, F tests and p-values of the two-way
 * random-effects model; the interaction is pooled with the error when its p-value exceeds
 * `interactionAlpha`. Variance components from the expected mean squares (negative estimates
 * set to 0): repeatability = MS_e, interaction = (MS_int - MS_e)/r,
 * operator = (MS_op - MS_int)/(p r), part = (MS_part - MS_int)/(o r); after pooling MS_int
 * and MS_e are both replaced by the pooled mean square. EV, AV (operator + interaction), GRR,
 * PV and TV are 1-sigma; %Tol uses 6 sigma.
 * @throws GaugeRrError for malformed studies or an alpha outside (0, 1).
 */
export function gaugeRrAnova(input: GaugeRrInput, options: GaugeRrAnovaOptions = {}): AnovaResult {
  const shape = validateStudy(input);
  const alpha = options.interactionAlpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) {
    gaugeRrFail('LIMS_UNCERTAINTY_GAUGE_RR_OPTION_INVALID', `The interaction significance level must be between 0 and 1, got ${alpha}.`, { interactionAlpha: alpha });
  }
  const { parts: p, operators: o, trials: r } = shape;
  const ss = sumsOfSquares(input.measurements, p, o, r);
  const dfPart = p - 1;
  const dfOperator = o - 1;
  const dfInteraction = dfPart * dfOperator;
  const dfError = p * o * (r - 1);
  const msInteraction = ss.interaction / dfInteraction;
  const msError = ss.error / dfError;

  const interactionRow = testedRow('interaction', ss.interaction, dfInteraction, msError, dfError);
  // With no repeatability scatter at all, any interaction is infinitely significant and none is no evidence.
  const interactionPValue = msError > 0 ? interactionRow.pValue : msInteraction > 0 ? 0 : null;
  const fullTable: AnovaRow[] = [
    testedRow('part', ss.part, dfPart, msInteraction, dfInteraction),
    testedRow('operator', ss.operator, dfOperator, msInteraction, dfInteraction),
    { ...interactionRow, pValue: interactionPValue },
    untestedRow('repeatability', ss.error, dfError),
    untestedRow('total', ss.total, p * o * r - 1),
  ];
  const interactionPooled = interactionPValue === null || interactionPValue > alpha;

  let table: AnovaRow[] = fullTable;
  let repeatability = msError;
  let interaction = Math.max(0, (msInteraction - msError) / r);
  let denominator = msInteraction;
  if (interactionPooled) {
    const dfPooled = dfInteraction + dfError;
    const msPooled = (ss.interaction + ss.error) / dfPooled;
    table = [
      testedRow('part', ss.part, dfPart, msPooled, dfPooled),
      testedRow('operator', ss.operator, dfOperator, msPooled, dfPooled),
      untestedRow('repeatability', ss.interaction + ss.error, dfPooled),
      untestedRow('total', ss.total, p * o * r - 1),
    ];
    repeatability = msPooled;
    interaction = 0;
    denominator = msPooled;
  }
  const operator = Math.max(0, (ss.operator / dfOperator - denominator) / (p * r));
  const part = Math.max(0, (ss.part / dfPart - denominator) / (o * r));
  const reproducibility = operator + interaction;
  const summary = summarize(shape, Math.sqrt(repeatability), Math.sqrt(reproducibility), Math.sqrt(part), input);
  return {
    method: 'anova',
    ...summary,
    fullTable,
    table,
    interactionPValue,
    interactionPooled,
    interactionAlpha: alpha,
    varianceComponents: { repeatability, operator, interaction, reproducibility, part, total: repeatability + reproducibility + part },
  };
}
