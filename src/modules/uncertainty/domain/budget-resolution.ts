/**
 * Resolving a budget version for one logged result: every input gets its value from its source
 * (the readings, the calibration of the equipment used, the environment, the nominal or the
 * budget itself), giving a complete engine request that can be stored and re-run exactly, and a
 * record of where each number came from. Pure: the caller gathers the facts.
 */
import { compare, sub, toText } from '../../../shared/decimal.js';
import { convertQuantity } from '../../results/index.js';
import { BudgetError, type BudgetContent, type BudgetInput } from './budget-content.js';
import type { EvaluationMethod, EvaluationRequest, InputRequest, McmRequestOptions } from './request-types.js';

/** A certified value of a calibration certificate, decimals as typed. */
export interface CertifiedValue {
  readonly quantity: string;
  readonly nominal: string | null;
  readonly value: string;
  readonly unit: string;
  readonly expandedUncertainty: string;
  readonly coverageFactor: string;
}

/** The calibration of an item that was in force on the measurement day. */
export interface CalibrationFacts {
  readonly id: string;
  readonly certificateNumber: string;
  readonly calibratedOn: string;
  readonly nextDueOn: string;
  readonly withdrawnOn: string | null;
  readonly values: readonly CertifiedValue[];
}

/** What a budget may draw on for one result. */
export interface ResultFacts {
  /** The lab day of the measurement (YYYY-MM-DD). */
  readonly measuredOn: string;
  readonly readings: readonly { readonly value: string; readonly unit: string }[];
  readonly temperature: string | null;
  readonly humidity: string | null;
  /** The characteristic's nominal or the calibration point, null when there is none. */
  readonly nominal: { readonly value: string; readonly unit: string } | null;
  readonly equipment: readonly { readonly id: string; readonly code: string; readonly type: string; readonly calibration: CalibrationFacts | null }[];
}

/** One input as it was resolved: the engine's input and where its numbers came from. */
export interface InputUsed {
  readonly name: string;
  readonly unit: string;
  readonly sourceType: BudgetInput['source']['type'];
  readonly from: Readonly<Record<string, unknown>>;
  readonly engineInput: InputRequest;
}

export interface EvaluationChoices {
  readonly method?: EvaluationMethod;
  readonly secondOrder?: boolean;
  readonly mcm?: McmRequestOptions;
}

export interface ResolvedBudget {
  readonly request: EvaluationRequest;
  readonly inputsUsed: readonly InputUsed[];
  readonly warnings: readonly string[];
}

const unavailable = (input: string, message: string, details: Record<string, unknown> = {}) =>
  new BudgetError('LIMS_BUDGET_INPUT_UNAVAILABLE', `Input '${input}': ${message}`, { input, ...details });

/**
 * `value`, typed in `unit`, in the input's declared unit: as typed when the units are the same,
 * else converted exactly (µm to mm, inches to mm, degrees to arcseconds).
 * @throws BudgetError LIMS_BUDGET_UNIT_MISMATCH when the units do not convert into one another.
 */
function inInputUnit(input: BudgetInput, value: string, unit: string, what: string): string {
  const converted = convertQuantity(value, unit, input.unit);
  if (converted === null) {
    throw new BudgetError('LIMS_BUDGET_UNIT_MISMATCH', `Input '${input.name}': ${what} is in ${unit}, which does not convert into the budget's ${input.unit}; log the values in a unit of the same kind, or use a budget in ${unit}.`, { input: input.name, unit, expectedUnit: input.unit });
  }
  return converted;
}

const sameUnit = (a: string, b: string) => a.trim() === b.trim();

const number = (decimal: string): number => Number(decimal);

function fromReadings(input: BudgetInput & { source: { type: 'readings' } }, facts: ResultFacts): Omit<InputUsed, 'name' | 'unit' | 'sourceType'> {
  if (facts.readings.length === 0) throw unavailable(input.name, 'the result has no readings.');
  const values = facts.readings.map((r) => inInputUnit(input, r.value, r.unit, 'a reading'));
  const converted = facts.readings.some((r) => !sameUnit(r.unit, input.unit));
  const { type: _type, ...pooled } = input.source;
  return {
    from: { readings: facts.readings.map((r, i) => ({ repeat: i + 1, value: r.value, unit: r.unit })), ...(converted && { converted: { unit: input.unit, values } }), ...pooled },
    engineInput: { name: input.name, unit: input.unit, readings: values.map(number), ...pooled },
  };
}

/** The certified value to use: by quantity, then by the result's nominal; exactly one must remain. */
function pickValue(input: BudgetInput, quantity: string | undefined, calibration: CalibrationFacts, code: string, facts: ResultFacts): CertifiedValue {
  let candidates = calibration.values.filter((v) => quantity === undefined || v.quantity === quantity);
  if (candidates.length > 1 && facts.nominal) {
    const nominal = facts.nominal;
    const matching = candidates.filter((v) => {
      const at = v.nominal === null ? null : convertQuantity(v.nominal, v.unit, nominal.unit);
      return at !== null && compare(at, nominal.value) === 0;
    });
    if (matching.length > 0) candidates = matching;
  }
  if (candidates.length === 1) return candidates[0]!;
  const stated = calibration.values.map((v) => `${v.quantity}${v.nominal === null ? '' : ` at ${v.nominal} ${v.unit}`}`).join('; ');
  throw unavailable(
    input.name,
    candidates.length === 0
      ? `certificate ${calibration.certificateNumber} of ${code} states no value${quantity ? ` of quantity '${quantity}'` : ''} (it states: ${stated || 'nothing'}).`
      : `certificate ${calibration.certificateNumber} of ${code} states several values (${stated}) and none matches the result's nominal; name the 'quantity' in the budget.`,
    { certificateNumber: calibration.certificateNumber, quantity: quantity ?? null },
  );
}

function fromEquipment(input: BudgetInput & { source: { type: 'equipment' } }, facts: ResultFacts, warnings: string[]): Omit<InputUsed, 'name' | 'unit' | 'sourceType'> {
  const { equipmentType, quantity, estimateFrom } = input.source;
  const used = facts.equipment.filter((e) => e.type === equipmentType);
  if (used.length === 0) {
    throw unavailable(input.name, `no equipment of type ${equipmentType} was used for the result (used: ${facts.equipment.map((e) => `${e.code} (${e.type})`).join(', ') || 'none'}).`, { equipmentType });
  }
  if (used.length > 1) {
    throw new BudgetError('LIMS_BUDGET_EQUIPMENT_AMBIGUOUS', `Input '${input.name}': ${used.length} items of type ${equipmentType} were used (${used.map((e) => e.code).join(', ')}); the budget takes one. Use a budget with an input per item, or correct the result's equipment.`, { input: input.name, equipmentType, equipment: used.map((e) => e.code) });
  }
  const item = used[0]!;
  const calibration = item.calibration;
  if (!calibration) throw unavailable(input.name, `${item.code} had no calibration in force on ${facts.measuredOn}.`, { equipmentId: item.id });
  if (calibration.withdrawnOn !== null && calibration.withdrawnOn <= facts.measuredOn) {
    throw unavailable(input.name, `calibration ${calibration.certificateNumber} of ${item.code} was withdrawn on ${calibration.withdrawnOn}, before the measurement on ${facts.measuredOn}.`, { equipmentId: item.id });
  }
  if (facts.measuredOn > calibration.nextDueOn) {
    throw unavailable(input.name, `calibration ${calibration.certificateNumber} of ${item.code} was due on ${calibration.nextDueOn}, before the measurement on ${facts.measuredOn}.`, { equipmentId: item.id });
  }
  if (calibration.withdrawnOn !== null) {
    warnings.push(`Calibration ${calibration.certificateNumber} of ${item.code} was withdrawn on ${calibration.withdrawnOn}, after this measurement; check the reverse impact.`);
  }
  const value = pickValue(input, quantity, calibration, item.code, facts);
  if (estimateFrom === 'deviationFromNominal' && value.nominal === null) {
    throw unavailable(input.name, `the certified value '${value.quantity}' of ${item.code} has no nominal to deviate from; use estimateFrom 'certifiedValue' or 'zero'.`);
  }
  const what = `the certified value of ${item.code}`;
  const certified = inInputUnit(input, value.value, value.unit, what);
  const expanded = inInputUnit(input, value.expandedUncertainty, value.unit, what);
  const deviation = value.nominal === null ? null : inInputUnit(input, toText(sub(value.value, value.nominal)), value.unit, what);
  const x = estimateFrom === 'certifiedValue' ? number(certified) : estimateFrom === 'zero' ? 0 : number(deviation!);
  const converted = !sameUnit(value.unit, input.unit) && { converted: { unit: input.unit, value: certified, expandedUncertainty: expanded } };
  return {
    from: { equipmentId: item.id, equipmentCode: item.code, calibrationId: calibration.id, certificateNumber: calibration.certificateNumber, calibratedOn: calibration.calibratedOn, estimateFrom, ...value, ...converted },
    engineInput: { name: input.name, unit: input.unit, estimate: x, distribution: { type: 'normal', expandedUncertainty: number(expanded), coverageFactor: number(value.coverageFactor) } },
  };
}

function fromEnvironment(input: BudgetInput & { source: { type: 'environment' } }, facts: ResultFacts): Omit<InputUsed, 'name' | 'unit' | 'sourceType'> {
  const { quantity, reference, distribution } = input.source;
  const reading = facts[quantity];
  if (reading === null) throw unavailable(input.name, `the result has no ${quantity} reading; correct the result with one.`, { quantity });
  const x = reference === undefined ? reading : toText(sub(reading, reference));
  return {
    from: { quantity, reading, ...(reference !== undefined && { reference }), value: x },
    engineInput: { name: input.name, unit: input.unit, estimate: number(x), distribution },
  };
}

function fromNominal(input: BudgetInput, facts: ResultFacts): Omit<InputUsed, 'name' | 'unit' | 'sourceType'> {
  if (!facts.nominal) throw unavailable(input.name, 'the result has neither a characteristic nominal nor a calibration point.');
  const { value, unit } = facts.nominal;
  const nominal = inInputUnit(input, value, unit, 'the nominal');
  return {
    from: { nominal: value, unit, ...(!sameUnit(unit, input.unit) && { converted: { unit: input.unit, value: nominal } }) },
    engineInput: { name: input.name, unit: input.unit, estimate: number(nominal), distribution: { type: 'normal', standardUncertainty: 0 } },
  };
}

/**
 * Resolves every input of `content` for a result and builds the engine request.
 * Readings, certified values and the nominal are converted exactly into each input's declared unit
 * (the values as typed stay in `from`, with `converted` beside them when a conversion was made).
 * @throws BudgetError LIMS_BUDGET_INPUT_UNAVAILABLE (a value the source needs is missing),
 *   LIMS_BUDGET_EQUIPMENT_AMBIGUOUS (several items of the type were used), LIMS_BUDGET_UNIT_MISMATCH
 *   (a unit that does not convert into the input's, e.g. degrees for a length).
 */
export function resolveBudget(content: BudgetContent, facts: ResultFacts, choices: EvaluationChoices = {}): ResolvedBudget {
  const warnings: string[] = [];
  const inputsUsed = content.inputs.map((input): InputUsed => {
    const base = { name: input.name, unit: input.unit, sourceType: input.source.type };
    const source = input.source;
    switch (source.type) {
      case 'fixed': {
        const { type: _type, ...stated } = source;
        return { ...base, from: {}, engineInput: { name: input.name, unit: input.unit, ...stated } };
      }
      case 'readings':
        return { ...base, ...fromReadings({ ...input, source }, facts) };
      case 'equipment':
        return { ...base, ...fromEquipment({ ...input, source }, facts, warnings) };
      case 'environment':
        return { ...base, ...fromEnvironment({ ...input, source }, facts) };
      case 'nominal':
        return { ...base, ...fromNominal(input, facts) };
    }
  });
  const request: EvaluationRequest = {
    model: content.model,
    inputs: inputsUsed.map((i) => i.engineInput),
    ...(content.correlations?.length ? { correlations: content.correlations } : {}),
    ...(content.coverageProbability !== undefined ? { coverageProbability: content.coverageProbability } : {}),
    method: choices.method ?? 'gum',
    ...(choices.secondOrder !== undefined ? { secondOrder: choices.secondOrder } : {}),
    ...(choices.mcm !== undefined && (choices.method ?? 'gum') !== 'gum' ? { mcm: choices.mcm } : {}),
  };
  return { request, inputsUsed, warnings };
}
