/**
 * Propagation of distributions by the Monte Carlo method (JCGM 101:2008), fixed-size or
 * adaptive (7.9). A plain synchronous function so that the API can run it in a worker
 * thread; it is bounded by a trial cap, a time cap and an abort flag, checked per chunk.
 */
import { fractionInTolerance, validateTolerance, type Tolerance } from './conformity.js';
import { UncertaintyModelError, invalidInput } from './errors.js';
import { DEFAULT_COVERAGE_PROBABILITY } from './gum.js';
import {
  coverageIntervals,
  meanAndStandardDeviation,
  numericalTolerance,
  shortestInterval,
  symmetricInterval,
  type Interval,
} from './mcm-statistics.js';
import { MAX_SEED, Xoshiro256, randomSeed } from './random.js';
import { TrialGenerator, checkCorrelatedInputs, type McmProblem } from './trial-generator.js';

export type { McmProblem } from './trial-generator.js';

/** JCGM 101 7.2.2: 10^6 trials usually give a 95 % interval correct to one or two digits. */
export const DEFAULT_TRIALS = 1_000_000;
/** Hard ceiling on trials (80 MB of model values per 10^7), whatever the caller asks. */
export const MAX_TRIALS = 20_000_000;
const DEFAULT_MAX_TRIALS = 10_000_000;
const MIN_TRIALS = 100;
const DEFAULT_CHUNK = 2048;

export interface McmOptions {
  /** Number of trials M for a fixed-size run (default 10^6). */
  readonly trials?: number;
  /** Integer in [0, 2^53 - 1]; a random seed is chosen (and reported) when absent. */
  readonly seed?: number;
  readonly coverageProbability?: number;
  /** Run the adaptive procedure of JCGM 101 7.9 instead of a fixed M. */
  readonly adaptive?: boolean;
  /** Significant digits n_dig of u(y) the adaptive procedure aims at (default 2). */
  readonly significantDigits?: number;
  /** Cap on the total number of trials of an adaptive run (default 10^7). */
  readonly maxTrials?: number;
  /** Wall-clock cap in milliseconds. */
  readonly maxTimeMs?: number;
  /** Anything with an `aborted` flag, such as an AbortSignal. */
  readonly signal?: { readonly aborted: boolean };
  /** Trials per vectorised chunk (tuning only; changes the random stream, hence the results). */
  readonly chunkSize?: number;
  /** Return the sorted model values (e.g. for a histogram). */
  readonly keepSamples?: boolean;
  /** Also report the fraction of the model values inside these limits (p_c, JCGM 106). */
  readonly tolerance?: Tolerance;
}

export interface McmResult {
  readonly estimate: number;
  readonly standardUncertainty: number;
  /** Shortest coverage interval (JCGM 101 7.7.2). */
  readonly interval: Interval;
  /** Probabilistically symmetric coverage interval (JCGM 101 7.7.1). */
  readonly symmetricInterval: Interval;
  readonly coverageProbability: number;
  readonly trials: number;
  readonly seed: number;
  /** False only for an adaptive run stopped by a cap before the tolerance was met. */
  readonly converged: boolean;
  readonly adaptive?: { readonly batchSize: number; readonly batches: number; readonly tolerance: number };
  readonly sortedValues?: Float64Array;
  /** The fraction of the model values inside `options.tolerance`, when one was given. */
  readonly probabilityInTolerance?: number;
  readonly warnings: readonly string[];
}

class Stop extends Error {}

function intOption(value: number | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidInput(`${name} must be an integer in [${min}, ${max}]`, { field: name, value });
  }
  return value;
}

/**
 * Runs Monte Carlo for a prepared problem.
 * @throws UncertaintyModelError LIMS_UNCERTAINTY_ABORTED when aborted, or when a fixed-size run
 *   (or the first adaptive batch) cannot finish within maxTimeMs; LIMS_UNCERTAINTY_DOMAIN when
 *   the model is undefined for some draws; LIMS_UNCERTAINTY_CORRELATION_NON_NORMAL.
 */
export function runMonteCarlo(problem: McmProblem, options: McmOptions = {}): McmResult {
  const p = options.coverageProbability ?? DEFAULT_COVERAGE_PROBABILITY;
  if (!(p > 0 && p < 1)) throw invalidInput('coverageProbability must be in (0, 1)', { coverageProbability: p });
  const seed = intOption(options.seed, randomSeed(), 'seed', 0, MAX_SEED);
  const maxTrials = intOption(options.maxTrials, DEFAULT_MAX_TRIALS, 'maxTrials', MIN_TRIALS, MAX_TRIALS);
  const chunkSize = intOption(options.chunkSize, DEFAULT_CHUNK, 'chunkSize', 16, 1 << 16);
  const digits = intOption(options.significantDigits, 2, 'significantDigits', 1, 4);
  if (options.maxTimeMs !== undefined && !(options.maxTimeMs > 0)) {
    throw invalidInput('maxTimeMs must be positive', { field: 'maxTimeMs', value: options.maxTimeMs });
  }
  if (options.tolerance !== undefined) validateTolerance(options.tolerance);
  const warnings = checkCorrelatedInputs(problem);
  for (const input of problem.inputs) {
    if (!Number.isFinite(input.standardUncertainty) || (input.evaluation === 'A' && input.dof <= 2)) {
      warnings.push(`Input '${input.name}' is drawn from a t distribution with at most 2 degrees of freedom, which has no finite variance; u(y) from Monte Carlo is unstable.`);
    }
  }
  const started = performance.now();
  const deadline = options.maxTimeMs === undefined ? Infinity : started + options.maxTimeMs;
  const generator = new TrialGenerator(problem, new Xoshiro256(seed), chunkSize);
  let chunkStart = 0;
  const checkpoint = (done: number): void => {
    chunkStart = done;
    if (options.signal?.aborted) {
      throw new UncertaintyModelError('LIMS_UNCERTAINTY_ABORTED', 'The Monte Carlo evaluation was aborted', { reason: 'aborted' });
    }
    if (performance.now() > deadline) throw new Stop();
  };
  const timeout = (trials: number): UncertaintyModelError =>
    new UncertaintyModelError('LIMS_UNCERTAINTY_ABORTED', `The Monte Carlo evaluation did not finish within ${options.maxTimeMs} ms`, {
      reason: 'time',
      completedTrials: trials,
      maxTimeMs: options.maxTimeMs,
    });

  if (!options.adaptive) {
    // M (1 - p) >= 1 keeps at least one value outside the interval, so both end-points exist.
    const minTrials = Math.max(MIN_TRIALS, Math.ceil(1 / (1 - p)));
    const trials = intOption(options.trials, DEFAULT_TRIALS, 'trials', minTrials, maxTrials);
    const values = new Float64Array(trials);
    try {
      generator.generate(values, 0, trials, checkpoint);
    } catch (e) {
      if (e instanceof Stop) throw timeout(chunkStart);
      throw e;
    }
    return summarise(values, p, seed, true, warnings, options, undefined);
  }

  if (options.trials !== undefined) {
    throw invalidInput("'trials' sets the size of a fixed run; an adaptive run takes 'maxTrials' instead", { field: 'trials' });
  }
  // JCGM 101 7.9.4: batches of M = max(100/(1 - p), 10^4) trials until the batch means,
  // standard uncertainties and interval end-points are stable to within the tolerance.
  const batchSize = Math.max(Math.ceil(100 / (1 - p)), 10_000);
  if (batchSize * 2 > maxTrials) {
    throw invalidInput(`maxTrials must allow at least two adaptive batches of ${batchSize} trials`, { maxTrials });
  }
  let values = new Float64Array(Math.min(maxTrials, batchSize * 16));
  const batchStats: number[][] = [];
  let total = 0;
  let converged = false;
  let tolerance = NaN;
  for (;;) {
    if (total + batchSize > maxTrials) break;
    if (total + batchSize > values.length) {
      const grown = new Float64Array(Math.min(maxTrials, values.length * 2));
      grown.set(values.subarray(0, total));
      values = grown;
    }
    try {
      generator.generate(values, total, batchSize, checkpoint);
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
      if (total === 0) throw timeout(chunkStart);
      break;
    }
    const batch = values.slice(total, total + batchSize);
    total += batchSize;
    const { mean, std } = meanAndStandardDeviation(batch, batchSize);
    if (!Number.isFinite(mean)) break; // reported by summarise below
    const [low, high] = shortestInterval(batch.sort(), p);
    batchStats.push([mean, std, low, high]);
    if (batchStats.length < 2) continue;
    tolerance = numericalTolerance(pooledStandardDeviation(batchStats, batchSize), digits);
    const h = batchStats.length;
    const stable = [0, 1, 2, 3].every((k) => 2 * standardDeviationOfMean(batchStats.map((s) => s[k] as number), h) <= tolerance);
    if (stable) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    warnings.push(`The adaptive Monte Carlo procedure stopped after ${total} trials (trial or time cap) before reaching ${digits} significant digits.`);
  }
  return summarise(values.subarray(0, total), p, seed, converged, warnings, options, {
    batchSize,
    batches: batchStats.length,
    tolerance,
  });
}

/**
 * Standard deviation of all h * M values from the batch means and standard deviations
 * (within-batch plus between-batch sums of squares), so each adaptive step costs O(h), not O(hM).
 */
function pooledStandardDeviation(batches: readonly number[][], m: number): number {
  const h = batches.length;
  const mean = batches.reduce((a, b) => a + (b[0] as number), 0) / h;
  const squares = batches.reduce((a, b) => a + (m - 1) * (b[1] as number) ** 2 + m * ((b[0] as number) - mean) ** 2, 0);
  return Math.sqrt(squares / (h * m - 1));
}

/** s = sqrt(sum (x_r - mean)^2 / (h (h - 1))), the standard deviation of the mean of h batch results. */
function standardDeviationOfMean(xs: readonly number[], h: number): number {
  const mean = xs.reduce((a, b) => a + b, 0) / h;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (h * (h - 1)));
}

function summarise(
  values: Float64Array,
  p: number,
  seed: number,
  converged: boolean,
  warnings: string[],
  options: Pick<McmOptions, 'keepSamples' | 'tolerance'>,
  adaptive: McmResult['adaptive'],
): McmResult {
  const keepSamples = options.keepSamples;
  const trials = values.length;
  const { mean, std } = meanAndStandardDeviation(values, trials);
  if (!Number.isFinite(mean)) {
    let bad = 0;
    for (let i = 0; i < trials; i++) if (!Number.isFinite(values[i] as number)) bad++;
    throw new UncertaintyModelError(
      'LIMS_UNCERTAINTY_DOMAIN',
      `The model is undefined (not finite) for ${bad} of ${trials} Monte Carlo trials, e.g. a logarithm or square root of a negative draw or a division by zero; the input distributions reach outside the model's domain`,
      { nonFiniteTrials: bad, trials },
    );
  }
  // Counted before the partial sort below, which only reorders the values.
  const inTolerance = options.tolerance === undefined ? undefined : fractionInTolerance(values, options.tolerance);
  let intervals: { shortest: Interval; symmetric: Interval };
  if (keepSamples) {
    values.sort();
    intervals = { shortest: shortestInterval(values, p), symmetric: symmetricInterval(values, p) };
  } else {
    intervals = coverageIntervals(values, p);
  }
  return {
    estimate: mean,
    standardUncertainty: std,
    interval: intervals.shortest,
    symmetricInterval: intervals.symmetric,
    coverageProbability: p,
    trials,
    seed,
    converged,
    ...(adaptive ? { adaptive } : {}),
    ...(keepSamples ? { sortedValues: values } : {}),
    ...(inTolerance !== undefined ? { probabilityInTolerance: inTolerance } : {}),
    warnings,
  };
}
