/**
 * Plain-object shapes of an evaluation request, as the API will receive them. Only the facade
 * and the input preparation read these; the numerical code works on prepared inputs.
 */
import type { DistributionType } from './distributions.js';

/** Limits of a symmetric distribution: a half-width about the estimate, or lower and upper limits. */
export interface LimitParams {
  readonly halfWidth?: number;
  readonly lower?: number;
  readonly upper?: number;
}

export type DistributionRequest =
  | {
      readonly type: 'normal';
      readonly standardUncertainty?: number;
      readonly expandedUncertainty?: number;
      readonly coverageFactor?: number;
      readonly coverageProbability?: number;
    }
  | ({ readonly type: 'rectangular' | 'triangular' | 'arcsine' } & LimitParams)
  | ({ readonly type: 'trapezoidal'; readonly beta: number } & LimitParams)
  | ({ readonly type: 'curvilinearTrapezoid'; readonly halfWidthUncertainty: number } & LimitParams)
  | { readonly type: 'studentT'; readonly scale: number; readonly dof: number }
  | { readonly type: 'exponential'; readonly mean?: number }
  | { readonly type: 'gamma'; readonly shape: number; readonly scale: number };

export interface InputRequest {
  readonly name: string;
  readonly estimate?: number;
  readonly unit?: string;
  /** Type A: repeated observations; the estimate is their mean. */
  readonly readings?: readonly number[];
  /** Type A with a pooled standard deviation from an earlier, larger series. */
  readonly pooledStandardDeviation?: number;
  readonly pooledDof?: number;
  /** Type B: the distribution assigned to the input. */
  readonly distribution?: DistributionRequest;
  /** Degrees of freedom of a Type B u (default infinite). */
  readonly dof?: number;
  /** Relative uncertainty of u, giving dof = 0.5 * (du/u)^-2 (GUM G.4.2). */
  readonly relativeUncertaintyOfU?: number;
}

export interface CorrelationRequest {
  readonly between: readonly [string, string];
  readonly coefficient: number;
}

export interface McmRequestOptions {
  readonly trials?: number;
  readonly seed?: number;
  readonly adaptive?: boolean;
  readonly significantDigits?: number;
  readonly maxTimeMs?: number;
  readonly maxTrials?: number;
}

export type EvaluationMethod = 'gum' | 'mcm' | 'both';

export interface EvaluationRequest {
  readonly model: string;
  readonly inputs: readonly InputRequest[];
  readonly correlations?: readonly CorrelationRequest[];
  /** Default 0.9545 (k = 2 for a normal distribution). */
  readonly coverageProbability?: number;
  /** Default 'gum'. */
  readonly method?: EvaluationMethod;
  readonly secondOrder?: boolean;
  readonly mcm?: McmRequestOptions;
}

/** Parameters each distribution type accepts; anything else is rejected as a probable typo. */
export const DISTRIBUTION_PARAMS: Readonly<Record<DistributionType, readonly string[]>> = {
  normal: ['standardUncertainty', 'expandedUncertainty', 'coverageFactor', 'coverageProbability'],
  rectangular: ['halfWidth', 'lower', 'upper'],
  triangular: ['halfWidth', 'lower', 'upper'],
  arcsine: ['halfWidth', 'lower', 'upper'],
  trapezoidal: ['halfWidth', 'lower', 'upper', 'beta'],
  curvilinearTrapezoid: ['halfWidth', 'lower', 'upper', 'halfWidthUncertainty'],
  studentT: ['scale', 'dof'],
  exponential: ['mean'],
  gamma: ['shape', 'scale'],
};

/** Fields an input description may have. */
export const INPUT_FIELDS: readonly string[] = [
  'name', 'estimate', 'unit', 'readings', 'pooledStandardDeviation', 'pooledDof',
  'distribution', 'dof', 'relativeUncertaintyOfU',
];
