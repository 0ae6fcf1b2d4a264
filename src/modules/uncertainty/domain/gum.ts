/**
 * Law of propagation of uncertainty (JCGM 100:2008, the GUM): first-order propagation with the
 * full covariance, optional second-order terms, Welch-Satterthwaite effective degrees of
 * freedom and a Student t coverage factor.
 */
import type { CorrelationStructure } from './correlation.js';
import { UncertaintyModelError, invalidInput } from './errors.js';
import type { CompiledModel } from './expression-compiler.js';
import type { PreparedInput } from './inputs.js';
import { normalQuantile, studentTQuantile } from './special-functions.js';

/** p for k = 2 with a normal distribution, the usual calibration-certificate choice. */
export const DEFAULT_COVERAGE_PROBABILITY = 0.9545;

export interface BudgetRow {
  readonly name: string;
  readonly unit?: string;
  readonly estimate: number;
  readonly standardUncertainty: number;
  /** Sensitivity coefficient c_i = df/dx_i at the estimates. */
  readonly sensitivity: number;
  /** |c_i| u(x_i), the contribution u_i(y) in the units of y. */
  readonly contribution: number;
  /** (c_i u(x_i))^2 / u_c^2(y); with correlations or second-order terms these need not sum to 1. */
  readonly varianceShare: number;
  readonly dof: number;
}

export interface GumResult {
  readonly estimate: number;
  readonly standardUncertainty: number;
  /** Welch-Satterthwaite dof truncated to an integer (GUM G.4.1 note 1), at least 1. */
  readonly effectiveDof: number;
  readonly effectiveDofUnrounded: number;
  readonly coverageProbability: number;
  readonly coverageFactor: number;
  readonly expandedUncertainty: number;
  readonly interval: readonly [number, number];
  readonly budget: readonly BudgetRow[];
  readonly warnings: readonly string[];
}

export interface GumOptions {
  readonly coverageProbability?: number;
  /** Add the GUM 5.1.2 note terms (uncorrelated inputs only). */
  readonly secondOrder?: boolean;
  /** Stops the second-order terms (n^2 mixed derivatives, seconds for 200 inputs) when set. */
  readonly signal?: { readonly aborted: boolean };
}

/**
 * Welch-Satterthwaite formula (GUM G.4.2): nu_eff = u_c^4 / sum(u_i^4 / nu_i). Returns
 * Infinity when every dof is infinite (or every contribution vanishes).
 * @param contributions u_i(y) = |c_i| u(x_i)
 * @param combined u_c(y); defaults to the root sum of squares of the contributions
 */
export function welchSatterthwaite(contributions: readonly number[], dofs: readonly number[], combined?: number): number {
  const uc = combined ?? Math.sqrt(contributions.reduce((s, u) => s + u * u, 0));
  let denominator = 0;
  contributions.forEach((u, i) => {
    const nu = dofs[i] as number;
    if (u !== 0 && nu !== Infinity) denominator += u ** 4 / nu;
  });
  return denominator === 0 ? Infinity : uc ** 4 / denominator;
}

/**
 * Coverage factor for coverage probability p from the Student t distribution with nu degrees
 * of freedom (GUM G.3.2); the normal quantile when nu is infinite.
 */
export function coverageFactor(p: number, nu: number): number {
  if (!(p > 0 && p < 1)) throw invalidInput('coverageProbability must be in (0, 1)', { coverageProbability: p });
  const q = (1 + p) / 2;
  return nu === Infinity ? normalQuantile(q) : studentTQuantile(q, nu);
}

/**
 * Evaluates the model by the GUM uncertainty framework.
 * @throws UncertaintyModelError LIMS_UNCERTAINTY_DOMAIN when the model or a sensitivity is not
 *   finite at the estimates; LIMS_UNCERTAINTY_INVALID_INPUT for an input without finite u or
 *   second-order terms requested with correlations.
 */
export function evaluateGum(
  model: CompiledModel,
  inputs: readonly PreparedInput[],
  correlation: CorrelationStructure | null,
  options: GumOptions = {},
): GumResult {
  const p = options.coverageProbability ?? DEFAULT_COVERAGE_PROBABILITY;
  for (const input of inputs) {
    if (!Number.isFinite(input.standardUncertainty)) {
      throw invalidInput(
        `Input '${input.name}' has no finite standard uncertainty (a t distribution needs dof > 2); the GUM cannot use it, choose method 'mcm'`,
        { input: input.name },
      );
    }
  }
  if (options.secondOrder && correlation) {
    throw invalidInput('Second-order terms (GUM 5.1.2 note) are defined for uncorrelated inputs only; remove the correlations or the secondOrder option');
  }
  const x = inputs.map((i) => i.estimate);
  const u = inputs.map((i) => i.standardUncertainty);
  const y = model.evaluate(x);
  const warnings = model.inspect(x);
  const c = model.gradient(x);
  inputs.forEach((input, i) => {
    if (!Number.isFinite(c[i] as number)) {
      throw new UncertaintyModelError(
        'LIMS_UNCERTAINTY_DOMAIN',
        `The sensitivity coefficient of '${input.name}' is not finite at the estimates (the model is not differentiable there, e.g. sqrt at 0)`,
        { input: input.name },
      );
    }
  });
  const contributions = inputs.map((_, i) => Math.abs(c[i] as number) * (u[i] as number));

  let variance = contributions.reduce((s, ci) => s + ci * ci, 0);
  if (correlation) {
    const r = correlation.matrix;
    for (let i = 0; i < inputs.length; i++) {
      for (let j = i + 1; j < inputs.length; j++) {
        const rij = (r[i] as Float64Array)[j] as number;
        if (rij !== 0) variance += 2 * (c[i] as number) * (c[j] as number) * (u[i] as number) * (u[j] as number) * rij;
      }
    }
  }
  if (options.secondOrder) variance += secondOrderVariance(model, x, u, c, options.signal);
  // Rounding can leave a tiny negative variance when correlations cancel exactly.
  const uc = Math.sqrt(Math.max(variance, 0));

  const dofs = inputs.map((i) => i.dof);
  const nuEff = uc === 0 ? Infinity : welchSatterthwaite(contributions, dofs, uc);
  if (correlation && dofs.some((d) => d !== Infinity)) {
    warnings.push('Welch-Satterthwaite is derived for uncorrelated inputs; with correlations the effective dof is approximate.');
  }
  if (nuEff < 1) {
    warnings.push(`The effective dof ${nuEff.toPrecision(3)} is below 1; 1 is used for the coverage factor.`);
  }
  const nuTruncated = nuEff === Infinity ? Infinity : Math.max(1, Math.floor(nuEff));
  const k = coverageFactor(p, nuTruncated);
  const expanded = k * uc;

  const budget = inputs.map(
    (input, i): BudgetRow => ({
      name: input.name,
      ...(input.unit !== undefined ? { unit: input.unit } : {}),
      estimate: input.estimate,
      standardUncertainty: input.standardUncertainty,
      sensitivity: c[i] as number,
      contribution: contributions[i] as number,
      varianceShare: uc === 0 ? 0 : (contributions[i] as number) ** 2 / (uc * uc),
      dof: input.dof,
    }),
  );
  return {
    estimate: y,
    standardUncertainty: uc,
    effectiveDof: nuTruncated,
    effectiveDofUnrounded: nuEff,
    coverageProbability: p,
    coverageFactor: k,
    expandedUncertainty: expanded,
    interval: [y - expanded, y + expanded],
    budget,
    warnings,
  };
}

/**
 * GUM 5.1.2 note: sum over i, j of [ (d2f/dxi dxj)^2 / 2 + df/dxi * d3f/dxi dxj^2 ] u_i^2 u_j^2,
 * for uncorrelated, symmetrically distributed inputs. Derivatives are exact (multi-dual).
 */
function secondOrderVariance(model: CompiledModel, x: readonly number[], u: readonly number[], c: Float64Array, signal?: { readonly aborted: boolean }): number {
  let sum = 0;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    if (signal?.aborted) throw new UncertaintyModelError('LIMS_UNCERTAINTY_ABORTED', 'The GUM evaluation was aborted', { reason: 'aborted' });
    if (!model.used[i] || u[i] === 0) continue;
    for (let j = 0; j < n; j++) {
      if (!model.used[j] || u[j] === 0) continue;
      const fij = model.derivative(x, [i, j]);
      const fijj = c[i] === 0 ? 0 : model.derivative(x, [i, j, j]);
      sum += (0.5 * fij * fij + (c[i] as number) * fijj) * (u[i] as number) ** 2 * (u[j] as number) ** 2;
    }
  }
  return sum;
}
