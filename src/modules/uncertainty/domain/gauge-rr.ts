import { CodedError } from './errors.js';
/**
 * Gauge repeatability and reproducibility (Measurement System Analysis, AIAG MSA 4th ed.):
 * shared input checks and summary, and the average-and-range method. The ANOVA method is in
 * gauge-rr-anova.ts.
 *
 * Conventions: every component (EV, AV, GRR, PV, TV) is a 1-sigma standard deviation. The
 * study variation is 6 sigma (AIAG 4th ed.; the 3rd ed. used 5.15), used only for %Tol:
 * %Tol = 100 * 6 sigma / (USL - LSL). The % of TV is a ratio of sigmas, so the multiplier cancels.
 */

export const GAUGE_RR_ERROR_CODES = [
  'LIMS_UNCERTAINTY_GAUGE_RR_SHAPE_INVALID',
  'LIMS_UNCERTAINTY_GAUGE_RR_TOO_SMALL',
  'LIMS_UNCERTAINTY_GAUGE_RR_VALUE_INVALID',
  'LIMS_UNCERTAINTY_GAUGE_RR_OUTSIDE_TABLES',
  'LIMS_UNCERTAINTY_GAUGE_RR_OPTION_INVALID',
  'LIMS_UNCERTAINTY_GAUGE_RR_NO_VARIATION',
] as const;

export type GaugeRrErrorCode = (typeof GAUGE_RR_ERROR_CODES)[number];

/** Malformed gauge R&R study; `code` is stable, `message` says what to fix. */
export class GaugeRrError extends CodedError<GaugeRrErrorCode> {}

/** Study variation multiplier for %Tol (AIAG MSA 4th ed.). */
export const STUDY_VARIATION_MULTIPLIER = 6;

export interface GaugeRrInput {
  /** measurements[part][operator][trial]; every part and operator with the same number of trials. */
  readonly measurements: readonly (readonly (readonly number[])[])[];
  /** Tolerance width USL - LSL, for %Tol. */
  readonly tolerance?: number;
  /** Known 6-sigma process variation; when given TV = processVariation / 6 and PV = sqrt(TV^2 - GRR^2). */
  readonly processVariation?: number;
}

export interface StudyShape {
  readonly parts: number;
  readonly operators: number;
  readonly trials: number;
}

export interface GaugeRrComponent {
  /** 1-sigma standard deviation. */
  readonly sigma: number;
  /** 6 sigma. */
  readonly studyVariation: number;
  /** 100 sigma / TV. */
  readonly percentOfTotalVariation: number;
  /** 100 sigma^2 / TV^2. */
  readonly percentContribution: number;
  /** 100 * 6 sigma / tolerance, when a tolerance was given. */
  readonly percentOfTolerance?: number;
}

export type GaugeRrVerdict = 'acceptable' | 'conditionallyAcceptable' | 'unacceptable';

export interface GaugeRrSummary {
  readonly shape: StudyShape;
  readonly repeatability: GaugeRrComponent;
  readonly reproducibility: GaugeRrComponent;
  readonly grr: GaugeRrComponent;
  readonly partVariation: GaugeRrComponent;
  readonly totalVariation: GaugeRrComponent;
  /** floor(1.41 PV / GRR); null when GRR = 0 (no measurement variation at all). */
  readonly ndc: number | null;
  /** ndc >= 5. */
  readonly ndcAdequate: boolean;
  /** From %GRR of TV: < 10 acceptable, 10 ... 30 conditionally acceptable, > 30 unacceptable. */
  readonly verdict: GaugeRrVerdict;
  /** The same thresholds applied to %GRR of tolerance, when a tolerance was given. */
  readonly toleranceVerdict?: GaugeRrVerdict;
  readonly totalVariationBasis: 'study' | 'processVariation';
  readonly studyVariationMultiplier: number;
}

export function gaugeRrFail(code: GaugeRrErrorCode, message: string, details?: Record<string, unknown>): never {
  throw new GaugeRrError(code, message, details);
}

/**
 * Checks that measurements[part][operator][trial] is a complete, balanced study of finite
 * numbers with at least 2 parts, 2 operators and 2 trials, and that the options are valid.
 * @throws GaugeRrError naming the first offending part / operator / trial.
 */
export function validateStudy(input: GaugeRrInput): StudyShape {
  const m = input.measurements;
  if (!Array.isArray(m) || m.length === 0 || !Array.isArray(m[0]) || !Array.isArray(m[0][0])) {
    gaugeRrFail('LIMS_UNCERTAINTY_GAUGE_RR_SHAPE_INVALID', 'Measurements must be given as measurements[part][operator][trial].');
  }
  const parts = m.length;
  const operators = (m[0] as readonly (readonly number[])[]).length;
  const trials = ((m[0] as readonly (readonly number[])[])[0] as readonly number[]).length;
  m.forEach((byOperator, p) => {
    if (!Array.isArray(byOperator) || byOperator.length !== operators) {
      gaugeRrFail('LIMS_UNCERTAINTY_GAUGE_RR_SHAPE_INVALID', `Part ${p + 1} has ${Array.isArray(byOperator) ? byOperator.length : 0} operators; every part must be measured by the same ${operators} operators.`, { part: p + 1 });
    }
    byOperator.forEach((byTrial, o) => {
      if (!Array.isArray(byTrial) || byTrial.length !== trials) {
        gaugeRrFail('LIMS_UNCERTAINTY_GAUGE_RR_SHAPE_INVALID', `Part ${p + 1}, operator ${o + 1} has ${Array.isArray(byTrial) ? byTrial.length : 0} trials; the study must be balanced with ${trials} trials in every cell.`, { part: p + 1, operator: o + 1 });
      }
      byTrial.forEach((x, t) => {
        if (typeof x !== 'number' || !Number.isFinite(x)) {
          gaugeRrFail('LIMS_UNCERTAINTY_GAUGE_RR_VALUE_INVALID', `Part ${p + 1}, operator ${o + 1}, trial ${t + 1} is not a finite number.`, { part: p + 1, operator: o + 1, trial: t + 1 });
        }
      });
    });
  });
  if (parts < 2 || operators < 2 || trials < 2) {
    gaugeRrFail('LIMS_UNCERTAINTY_GAUGE_RR_TOO_SMALL', `A gauge R&R study needs at least 2 parts, 2 operators and 2 trials; got ${parts} parts, ${operators} operators, ${trials} trials.`, { parts, operators, trials });
  }
  for (const [name, value] of [['tolerance', input.tolerance], ['processVariation', input.processVariation]] as const) {
    if (value !== undefined && !(value > 0 && Number.isFinite(value))) {
      gaugeRrFail('LIMS_UNCERTAINTY_GAUGE_RR_OPTION_INVALID', `The ${name} must be a positive number, got ${value}.`, { [name]: value });
    }
  }
  return { parts, operators, trials };
}

function verdictFor(percent: number): GaugeRrVerdict {
  if (percent < 10) return 'acceptable';
  return percent <= 30 ? 'conditionallyAcceptable' : 'unacceptable';
}

/**
 * Percentages, ndc and verdicts from 1-sigma EV, AV and PV (common to both methods).
 * @throws GaugeRrError when the total variation is zero.
 */
export function summarize(shape: StudyShape, ev: number, av: number, studyPv: number, input: GaugeRrInput): GaugeRrSummary {
  const grr = Math.hypot(ev, av);
  const useProcess = input.processVariation !== undefined;
  const tv = useProcess ? (input.processVariation as number) / STUDY_VARIATION_MULTIPLIER : Math.hypot(grr, studyPv);
  const pv = useProcess ? Math.sqrt(Math.max(0, tv * tv - grr * grr)) : studyPv;
  if (!(tv > 0)) {
    gaugeRrFail('LIMS_UNCERTAINTY_GAUGE_RR_NO_VARIATION', 'All measurements are identical, so no variation can be apportioned; check the data or the resolution of the gauge.');
  }
  const component = (sigma: number): GaugeRrComponent => ({
    sigma,
    studyVariation: STUDY_VARIATION_MULTIPLIER * sigma,
    percentOfTotalVariation: (100 * sigma) / tv,
    percentContribution: (100 * sigma * sigma) / (tv * tv),
    ...(input.tolerance !== undefined && { percentOfTolerance: (100 * STUDY_VARIATION_MULTIPLIER * sigma) / input.tolerance }),
  });
  const ndc = grr > 0 ? Math.floor((1.41 * pv) / grr) : null;
  const grrComponent = component(grr);
  return {
    shape,
    repeatability: component(ev),
    reproducibility: component(av),
    grr: grrComponent,
    partVariation: component(pv),
    totalVariation: component(tv),
    ndc,
    ndcAdequate: ndc === null || ndc >= 5,
    verdict: verdictFor(grrComponent.percentOfTotalVariation),
    ...(grrComponent.percentOfTolerance !== undefined && { toleranceVerdict: verdictFor(grrComponent.percentOfTolerance) }),
    totalVariationBasis: useProcess ? 'processVariation' : 'study',
    studyVariationMultiplier: STUDY_VARIATION_MULTIPLIER,
  };
}

/** K1 = 1/d2* by number of trials (AIAG MSA 4th ed.). */
export const K1: Readonly<Record<number, number>> = { 2: 0.8862, 3: 0.5908 };
/** K2 = 1/d2* by number of operators (AIAG MSA 4th ed.). */
export const K2: Readonly<Record<number, number>> = { 2: 0.7071, 3: 0.5231 };
/** K3 = 1/d2* by number of parts (AIAG MSA 4th ed.). */
export const K3: Readonly<Record<number, number>> = {
  2: 0.7071, 3: 0.5231, 4: 0.4467, 5: 0.403, 6: 0.3742, 7: 0.3534, 8: 0.3375, 9: 0.3249, 10: 0.3146,
};

export interface AverageRangeResult extends GaugeRrSummary {
  readonly method: 'averageRange';
  /** Mean of the operators' average ranges (R double bar). */
  readonly averageRange: number;
  readonly operatorAverages: readonly number[];
  readonly operatorAverageRanges: readonly number[];
  /** Max - min of the operator averages. */
  readonly operatorAverageDifference: number;
  readonly partAverages: readonly number[];
  /** Rp: max - min of the part averages. */
  readonly partRange: number;
  readonly constants: { readonly k1: number; readonly k2: number; readonly k3: number };
}

const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const spread = (xs: readonly number[]): number => Math.max(...xs) - Math.min(...xs);

/**
 * Average-and-range gauge R&R (AIAG MSA 4th ed.): EV = Rbar K1,
 * AV = sqrt(max(0, (Xdiff K2)^2 - EV^2 / (n r))), PV = Rp K3, GRR = sqrt(EV^2 + AV^2),
 * TV = sqrt(GRR^2 + PV^2), ndc = floor(1.41 PV / GRR). The K tables cover 2-3 trials,
 * 2-3 operators and 2-10 parts; use the ANOVA method beyond them.
 * @throws GaugeRrError for malformed studies or studies outside the K tables.
 */
export function gaugeRrAverageRange(input: GaugeRrInput): AverageRangeResult {
  const shape = validateStudy(input);
  const { parts, operators, trials } = shape;
  const k1 = K1[trials];
  const k2 = K2[operators];
  const k3 = K3[parts];
  if (k1 === undefined || k2 === undefined || k3 === undefined) {
    gaugeRrFail('LIMS_UNCERTAINTY_GAUGE_RR_OUTSIDE_TABLES', `The average-and-range method has constants for 2-3 trials, 2-3 operators and 2-10 parts; this study has ${trials} trials, ${operators} operators and ${parts} parts. Use the ANOVA method.`, { parts, operators, trials });
  }
  const m = input.measurements;
  const operatorIndices = Array.from({ length: operators }, (_, o) => o);
  const operatorAverageRanges = operatorIndices.map((o) => mean(m.map((byOperator) => spread(byOperator[o] as readonly number[]))));
  const operatorAverages = operatorIndices.map((o) => mean(m.flatMap((byOperator) => byOperator[o] as readonly number[])));
  const partAverages = m.map((byOperator) => mean(byOperator.flat()));
  const averageRange = mean(operatorAverageRanges);
  const operatorAverageDifference = spread(operatorAverages);
  const partRange = spread(partAverages);
  const ev = averageRange * k1;
  const av = Math.sqrt(Math.max(0, (operatorAverageDifference * k2) ** 2 - (ev * ev) / (parts * trials)));
  return {
    method: 'averageRange',
    ...summarize(shape, ev, av, partRange * k3, input),
    averageRange,
    operatorAverages,
    operatorAverageRanges,
    operatorAverageDifference,
    partAverages,
    partRange,
    constants: { k1, k2, k3 },
  };
}
