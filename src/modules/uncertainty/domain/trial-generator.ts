/**
 * Produces Monte Carlo model values chunk by chunk: draws every input into its column of the
 * batch evaluator (correlated Gaussian inputs jointly through the Cholesky factor), runs the
 * vectorised model and copies the chunk's values out.
 */
import type { CorrelationStructure } from './correlation.js';
import { UncertaintyModelError } from './errors.js';
import type { BatchEvaluator } from './batch-evaluator.js';
import type { CompiledModel } from './expression-compiler.js';
import type { PreparedInput } from './inputs.js';
import type { Xoshiro256 } from './random.js';
import { fillStandardNormal } from './samplers.js';

export interface McmProblem {
  readonly model: CompiledModel;
  readonly inputs: readonly PreparedInput[];
  readonly correlation: CorrelationStructure | null;
}

/**
 * Checks that every correlated input can be drawn from a multivariate normal distribution.
 * Only Gaussian inputs may be correlated in Monte Carlo: a correlation coefficient alone does
 * not define a joint distribution of, say, two rectangular quantities, and any copula we chose
 * would be an unstated assumption. Type A inputs are accepted and drawn as Gaussian with
 * their standard uncertainty instead of the t distribution; a warning says so.
 * @throws UncertaintyModelError LIMS_UNCERTAINTY_CORRELATION_NON_NORMAL
 */
export function checkCorrelatedInputs(problem: McmProblem): string[] {
  const warnings: string[] = [];
  for (const index of problem.correlation?.members ?? []) {
    const input = problem.inputs[index] as PreparedInput;
    if (input.evaluation === 'A') {
      warnings.push(`Input '${input.name}' is correlated, so Monte Carlo draws it from the multivariate normal distribution with u = ${input.standardUncertainty} rather than from a t distribution.`);
    } else if (input.distribution.type !== 'normal') {
      throw new UncertaintyModelError(
        'LIMS_UNCERTAINTY_CORRELATION_NON_NORMAL',
        `Input '${input.name}' has a ${input.distribution.type} distribution and is correlated; Monte Carlo supports correlations only between normally distributed inputs (JCGM 101 6.4.8). Use the GUM method or a normal distribution.`,
        { input: input.name, distribution: input.distribution.type },
      );
    }
  }
  return warnings;
}

/** Generates model values for Monte Carlo, one vectorised chunk of trials at a time. */
export class TrialGenerator {
  private readonly evaluator: BatchEvaluator;
  private readonly scratch: Float64Array;
  private readonly independent: number[];
  private readonly normals: Float64Array[];

  constructor(
    private readonly problem: McmProblem,
    private readonly rng: Xoshiro256,
    readonly chunkSize: number,
  ) {
    this.evaluator = problem.model.createBatchEvaluator(chunkSize);
    this.scratch = new Float64Array(chunkSize);
    const members = new Set(problem.correlation?.members ?? []);
    // An input the model never uses needs no draws.
    this.independent = problem.inputs.map((_, i) => i).filter((i) => !members.has(i) && problem.model.used[i]);
    this.normals = [...members].map(() => new Float64Array(chunkSize));
  }

  /** Writes `count` model values into out[offset..offset+count), calling `checkpoint` per chunk. */
  generate(out: Float64Array, offset: number, count: number, checkpoint: (done: number) => void): void {
    const { evaluator } = this;
    for (let done = 0; done < count; ) {
      checkpoint(done);
      const n = Math.min(this.chunkSize, count - done);
      for (const i of this.independent) {
        const input = this.problem.inputs[i] as PreparedInput;
        input.distribution.sample(this.rng, evaluator.inputs[i] as Float64Array, n, this.scratch);
      }
      this.sampleCorrelated(n);
      evaluator.run(n);
      out.set(n === evaluator.output.length ? evaluator.output : evaluator.output.subarray(0, n), offset + done);
      done += n;
    }
  }

  /** x = mu + u (L z) for the correlated inputs, z independent standard normal. */
  private sampleCorrelated(n: number): void {
    const correlation = this.problem.correlation;
    if (!correlation) return;
    const { members, cholesky } = correlation;
    for (const z of this.normals) fillStandardNormal(this.rng, z, n);
    members.forEach((inputIndex, a) => {
      const input = this.problem.inputs[inputIndex] as PreparedInput;
      const out = this.evaluator.inputs[inputIndex] as Float64Array;
      const row = cholesky[a] as Float64Array;
      const mu = input.estimate;
      const u = input.standardUncertainty;
      out.fill(0, 0, n);
      for (let b = 0; b <= a; b++) {
        const coefficient = (row[b] as number) * u;
        if (coefficient === 0) continue;
        const z = this.normals[b] as Float64Array;
        for (let t = 0; t < n; t++) out[t] = (out[t] as number) + coefficient * (z[t] as number);
      }
      for (let t = 0; t < n; t++) out[t] = (out[t] as number) + mu;
    });
  }
}
