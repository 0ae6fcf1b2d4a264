/**
 * Stored uncertainty budget templates: the content of one budget version (model, output, inputs
 * with where each input's value comes from) and its validation on save. Pure: no I/O.
 */
import { buildCorrelation } from './correlation.js';
import { CodedError, UncertaintyModelError } from './errors.js';
import { compileModel } from './expression-compiler.js';
import { prepareInput } from './inputs.js';
import type { CorrelationRequest, DistributionRequest } from './request-types.js';

export const BUDGET_ERROR_CODES = [
  'LIMS_BUDGET_UNKNOWN_NAMES',
  'LIMS_BUDGET_INVALID',
  'LIMS_BUDGET_INPUT_UNAVAILABLE',
  'LIMS_BUDGET_EQUIPMENT_AMBIGUOUS',
  'LIMS_BUDGET_UNIT_MISMATCH',
] as const;

export type BudgetErrorCode = (typeof BUDGET_ERROR_CODES)[number];

/** A budget that cannot be saved, or an input that cannot be resolved for a result; `code` is stable. */
export class BudgetError extends CodedError<BudgetErrorCode> {}

/** The certified value an `equipment` input takes as its estimate. */
export type EquipmentEstimate = 'certifiedValue' | 'deviationFromNominal' | 'zero';

/** Where an input's value comes from when the budget is evaluated for a logged result. */
export type BudgetInputSource =
  /** A stated Type B distribution, the same for every result. */
  | { readonly type: 'fixed'; readonly estimate?: number; readonly distribution: DistributionRequest; readonly dof?: number; readonly relativeUncertaintyOfU?: number }
  /** Type A from the result's raw readings: mean and s / sqrt(n), or a pooled s with its dof. */
  | { readonly type: 'readings'; readonly pooledStandardDeviation?: number; readonly pooledDof?: number }
  /**
   * The calibration in force on the measurement day of the one item of `equipmentType` used for the
   * result: a normal distribution from the certified U and k. `quantity` picks the certified value
   * when the certificate states several (else the one whose nominal equals the result's nominal).
   */
  | { readonly type: 'equipment'; readonly equipmentType: string; readonly quantity?: string; readonly estimateFrom: EquipmentEstimate }
  /** The result's environmental reading minus `reference` (e.g. 20 °C), with a stated distribution about it. */
  | { readonly type: 'environment'; readonly quantity: 'temperature' | 'humidity'; readonly reference?: string; readonly distribution: DistributionRequest }
  /** The characteristic's nominal or the instrument's calibration point, taken as exact. */
  | { readonly type: 'nominal' };

export interface BudgetInput {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
  readonly source: BudgetInputSource;
}

/** The content of a budget version. */
export interface BudgetContent {
  readonly model: string;
  readonly output: { readonly name: string; readonly unit: string };
  readonly inputs: readonly BudgetInput[];
  readonly correlations?: readonly CorrelationRequest[];
  /** Default 0.9545 (k = 2 for a normal output). */
  readonly coverageProbability?: number;
}

/** Distributions that an environment input can centre on its reading: no absolute limits, no one-sided shapes. */
const CENTRED = new Set(['normal', 'studentT', 'rectangular', 'triangular', 'arcsine', 'trapezoidal', 'curvilinearTrapezoid']);

const invalid = (message: string, details?: Record<string, unknown>) => new BudgetError('LIMS_BUDGET_INVALID', message, details);

/**
 * Every name the model uses that no input declares (functions and constants are known). The parser
 * stops at the first unknown name, so it is parsed again with each found name added.
 */
export function undeclaredNames(model: string, declared: readonly string[]): string[] {
  const unknown: string[] = [];
  for (;;) {
    try {
      compileModel(model, [...declared, ...unknown]);
      return unknown;
    } catch (e) {
      if (!(e instanceof UncertaintyModelError) || e.code !== 'LIMS_UNCERTAINTY_UNKNOWN_NAME' || e.details.kind !== 'input') throw e;
      unknown.push(String(e.details.name));
    }
  }
}

/** Checks a source's own parameters with the engine's input rules, at a placeholder estimate where one is needed. */
function checkSource(input: BudgetInput): void {
  const { name, source } = input;
  switch (source.type) {
    case 'fixed': {
      const { type: _type, ...rest } = source;
      prepareInput({ name, ...rest });
      return;
    }
    case 'readings': {
      // Two placeholder readings: the pooled parameters are checked, the readings come later.
      const { type: _type, ...pooled } = source;
      prepareInput({ name, readings: [0, 1], ...pooled });
      return;
    }
    case 'environment':
      if (!CENTRED.has(source.distribution.type)) {
        throw invalid(`Input '${name}': an environment input needs a distribution centred on the reading (normal, studentT or a half-width), not ${source.distribution.type}.`, { input: name });
      }
      if ('lower' in source.distribution || 'upper' in source.distribution) {
        throw invalid(`Input '${name}': give the environment distribution a 'halfWidth' about the reading, not absolute 'lower'/'upper' limits.`, { input: name });
      }
      prepareInput({ name, estimate: 0, distribution: source.distribution });
      return;
    case 'equipment':
    case 'nominal':
      return;
  }
}

/**
 * Validates a budget version's content on save.
 * @returns warnings (inputs the model does not use).
 * @throws BudgetError LIMS_BUDGET_UNKNOWN_NAMES naming every undeclared name, LIMS_BUDGET_INVALID;
 *   UncertaintyModelError for a syntax error, bad input names or parameters, bad correlations.
 */
export function validateBudgetContent(content: BudgetContent): { warnings: string[] } {
  const names = content.inputs.map((i) => i.name);
  const unknown = undeclaredNames(content.model, names);
  if (unknown.length > 0) {
    throw new BudgetError('LIMS_BUDGET_UNKNOWN_NAMES', `The model uses ${unknown.map((n) => `'${n}'`).join(', ')}, which no input declares; add an input for each or correct the model.`, { names: unknown });
  }
  if (names.includes(content.output.name)) {
    throw invalid(`The output quantity '${content.output.name}' is also an input; give the measurand a name of its own.`, { name: content.output.name });
  }
  const { warnings } = compileModel(content.model, names);
  for (const input of content.inputs) checkSource(input);
  const readingInputs = content.inputs.filter((i) => i.source.type === 'readings');
  if (readingInputs.length > 1) {
    warnings.push(`Inputs ${readingInputs.map((i) => `'${i.name}'`).join(', ')} all take the same readings; they are fully correlated but treated as independent.`);
  }
  buildCorrelation(names, content.correlations);
  return { warnings };
}
