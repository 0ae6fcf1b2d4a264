/**
 * The summary of one released result that every document and the customer's JSON view show: one
 * computation for both. Exact decimals throughout: the mean of the readings, the deviation from the
 * nominal or the error of indication, U from the stored evaluation (converted exactly into the
 * result's unit) and the value and deviation rounded to U's last digit (EA-4/02).
 */
import { compare, dec, sub, toText } from '../../../shared/decimal.js';
import type { ConformityDecision, ConformityFacts, Quantity, ReportedUncertainty, ResultSummary } from './document-model.js';

/** Converts a decimal between units of one scale exactly, or null (results' `convertQuantity`). */
export type Convert = (value: string, from: string, to: string) => string | null;
/** The mean of values in a unit, exact where possible, or null (results' `meanInUnit`). */
export type Mean = (values: readonly { value: string; unit: string }[], unit: string) => string | null;

/** What a stored evaluation reported (its `outputs.report`, the GUM ν_eff and the Monte Carlo interval) and decided. */
export interface EvaluationFacts {
  readonly id: string;
  /** The unit of the budget's output. */
  readonly unit: string;
  readonly value: string;
  readonly expandedUncertainty: string;
  readonly coverageFactor: number | null;
  readonly coverageProbability: number;
  readonly method: 'gum' | 'mcm';
  readonly effectiveDof: number | null;
  readonly mcmInterval: readonly [number, number] | null;
  readonly conformity: {
    readonly decision: ConformityDecision;
    readonly decisionRule: string;
    readonly guardBandFactor: number;
    readonly probabilityOfConformity: number;
    readonly limits: { readonly lower?: string; readonly upper?: string };
    readonly unit: string;
  } | null;
}

export interface SummaryInput {
  readonly result: {
    readonly id: string;
    readonly itemId: string;
    readonly measuredAt: string;
    readonly pointNominal: string | null;
    readonly pointUnit: string | null;
    readonly temperature: string | null;
    readonly humidity: string | null;
    readonly environmentDeviation: boolean;
    readonly deviationJustification: string | null;
  };
  readonly readings: readonly { readonly value: string; readonly unit: string }[];
  readonly characteristic: ResultSummary['characteristic'];
  readonly method: { readonly code: string; readonly accredited: boolean };
  readonly evaluation: EvaluationFacts | null;
  /** An instrument's maximum permissible error as written (`±2 µm`) and the job's decision rule, for a calibration point. */
  readonly mpe: string | null;
  readonly decisionRule: string | null;
  /** An instrument sent for inspection: no uncertainty is claimed, so none is stated or used. */
  readonly inspection: boolean;
}

const decimalsOf = (text: string): number => dec(text).scale;
const roundTo = (text: string, decimals: number | null): string => (decimals === null || decimalsOf(text) <= decimals ? text : toText(text, decimals));

/** `±2 µm` or `± 0.002 mm` -> { value, unit }; null for anything else (a table, a class, a formula). */
export function parseMpe(mpe: string | null): Quantity | null {
  const match = mpe?.trim().match(/^(?:±|\+\/-|\+-)\s*(\d+(?:[.,]\d+)?)\s*([^\s\d]+)$/);
  return match ? { value: match[1]!.replace(',', '.'), unit: match[2]! } : null;
}

/** U and its facts in the result's unit, or null when the output's unit does not convert into it. */
function uncertaintyIn(e: EvaluationFacts, unit: string, convert: Convert): ReportedUncertainty | null {
  const expanded = convert(e.expandedUncertainty, e.unit, unit);
  if (expanded === null) return null;
  const places = decimalsOf(expanded);
  const interval = e.method === 'mcm' && e.mcmInterval ? intervalIn(e, unit, places, convert) : null;
  return {
    expanded,
    unit,
    method: e.method,
    coverageFactor: e.method === 'gum' ? e.coverageFactor : null,
    coverageProbability: e.coverageProbability,
    effectiveDof: e.method === 'gum' ? e.effectiveDof : null,
    interval,
    evaluationId: e.id,
  };
}

/** The Monte Carlo interval's end points in `unit`, rounded to U's place, when it is not symmetric about the value. */
function intervalIn(e: EvaluationFacts, unit: string, places: number, convert: Convert): [string, string] | null {
  // Doubles from the engine; twelve decimals are far below any reported digit.
  const [low, high] = e.mcmInterval!.map((x) => convert(x.toFixed(12), e.unit, unit));
  const value = convert(e.value, e.unit, unit);
  if (low == null || high == null || value === null) return null;
  const ends: [string, string] = [roundTo(low, places), roundTo(high, places)];
  return compare(sub(value, ends[0]), sub(ends[1], value)) === 0 ? null : ends;
}

/** The decision on an instrument's error of indication against ±MPE: simple (|E| ≤ MPE) or guarded (|E| + U ≤ MPE). */
function mpeConformity(error: string, u: ReportedUncertainty | null, mpe: Quantity, unit: string, rule: string | null, convert: Convert): ConformityFacts | null {
  const limit = convert(mpe.value, mpe.unit, unit);
  if (limit === null || !rule) return null;
  const guarded = rule === 'guarded_acceptance';
  if (guarded && !u) return null;
  const size = error.startsWith('-') ? error.slice(1) : error;
  const zone = guarded ? sub(limit, u!.expanded) : dec(limit);
  const decision: ConformityDecision = compare(size, zone) <= 0 ? 'pass' : 'fail';
  return { decision, rule, guardBandFactor: guarded ? 1 : 0, probabilityOfConformity: null, limits: { lower: `-${limit}`, upper: limit }, unit, basis: 'mpe' };
}

/**
 * The summary of a result. For a characteristic the value is the evaluation's (converted into the
 * characteristic's unit) else the mean of the readings, and the deviation is value - nominal; for a
 * calibration point the value is the mean indication and the deviation the error of indication.
 */
export function summarizeResult(input: SummaryInput, convert: Convert, mean: Mean): ResultSummary {
  const { result: r, characteristic: c } = input;
  const e = input.inspection ? null : input.evaluation;
  const unit = c?.unit ?? r.pointUnit ?? input.readings[0]?.unit ?? '';
  const meanValue = mean(input.readings, unit) ?? input.readings[0]?.value ?? '0';
  const uncertainty = e ? uncertaintyIn(e, unit, convert) : null;
  const places = uncertainty && uncertainty.expanded !== '0' ? decimalsOf(uncertainty.expanded) : null;
  const evaluated = e && c ? convert(e.value, e.unit, unit) : null;
  const value = evaluated ?? roundTo(meanValue, places);
  const reference = r.pointNominal !== null && r.pointUnit !== null ? { value: r.pointNominal, unit: r.pointUnit } : null;
  const base = c?.nominal ?? (reference ? convert(reference.value, reference.unit, unit) : null);
  // Stated to U's last digit (EA-4/02), padded if the readings had fewer decimals.
  const deviation = base === null ? null : toText(sub(value, base), places ?? undefined);
  let conformity: ConformityFacts | null = null;
  if (e?.conformity && uncertainty) {
    const k = e.conformity;
    conformity = { decision: k.decision, rule: k.decisionRule, guardBandFactor: k.guardBandFactor, probabilityOfConformity: k.probabilityOfConformity, limits: k.limits, unit: k.unit, basis: 'tolerance' };
  } else if (!c && deviation !== null) {
    const mpe = parseMpe(input.mpe);
    if (mpe) conformity = mpeConformity(deviation, uncertainty, mpe, unit, input.decisionRule, convert);
  }
  return {
    resultId: r.id,
    itemId: r.itemId,
    characteristic: c,
    referenceValue: reference,
    measuredAt: r.measuredAt,
    readings: input.readings.length,
    mean: { value: meanValue, unit },
    value: { value, unit },
    deviation: deviation === null ? null : { value: deviation, unit },
    uncertainty,
    conformity,
    environment: { temperature: r.temperature, humidity: r.humidity, deviation: r.environmentDeviation, justification: r.deviationJustification },
    accredited: input.method.accredited,
    methodCode: input.method.code,
  };
}
