/**
 * Monte Carlo benchmark: 10^6 trials of the JCGM 100 H.1 end-gauge model (9 inputs, non-linear)
 * through the engine's evaluate(), against a hand-written JavaScript loop of the same model
 * drawing from the same generator with the same sampling algorithms. Both end with the same
 * summary (mean, standard deviation, shortest and symmetric 95.45 % intervals), so the ratio
 * measures what the engine's generality costs.
 *
 * Run: npx tsx bench/mcm.ts
 */
import { pathToFileURL } from 'node:url';
import {
  END_GAUGE_H1,
  Xoshiro256,
  coverageIntervals,
  evaluate,
  meanAndStandardDeviation,
  nextStandardNormal,
  prepareInput,
  standardT,
  type EvaluationRequest,
  type InputRequest,
} from '../src/modules/uncertainty/domain/index.js';
import { studentTQuantile } from '../src/modules/uncertainty/domain/special-functions.js';

const TRIALS = 1_000_000;
const WARMUP = 2;
const REPEATS = 5;
const P = 0.9545;

const U_D1 = 10 / studentTQuantile(0.975, 5);
const REQUEST: EvaluationRequest = { ...END_GAUGE_H1, coverageProbability: P, method: 'mcm' };
const DBAR = prepareInput(END_GAUGE_H1.inputs.find((i) => i.name === 'dbar') as InputRequest);

function runEngine(seed: number): number {
  const result = evaluate({ ...REQUEST, mcm: { trials: TRIALS, seed } });
  return result.mcm?.standardUncertainty ?? NaN;
}

/** The same model and distributions written out by hand, one trial per iteration. */
function runBaseline(seed: number): number {
  const rng = new Xoshiro256(seed);
  const y = new Float64Array(TRIALS);
  // dbar: Type A, pooled s = 13 nm, mean of 5, 24 dof -> scaled and shifted t (JCGM 101 6.4.9)
  const dbarMean = DBAR.estimate;
  const dbarScale = DBAR.standardUncertainty;
  const twoPi = 2 * Math.PI;
  for (let i = 0; i < TRIALS; i++) {
    const ls = 50_000_623 + 25 * nextStandardNormal(rng);
    const dbar = dbarMean + dbarScale * standardT(rng, 24);
    const d1 = U_D1 * nextStandardNormal(rng);
    const d2 = (20 / 3) * nextStandardNormal(rng);
    const alphaS = 11.5e-6 - 2e-6 + 4e-6 * rng.nextDouble();
    const thetabar = -0.1 + 0.2 * nextStandardNormal(rng);
    const delta = 0.5 * Math.sin(twoPi * rng.nextDouble());
    const dalpha = -1e-6 + 2e-6 * rng.nextDouble();
    const dtheta = -0.05 + 0.1 * rng.nextDouble();
    y[i] = ls + dbar + d1 + d2 - ls * (dalpha * (thetabar + delta) + alphaS * dtheta);
  }
  const { std } = meanAndStandardDeviation(y, TRIALS);
  coverageIntervals(y, P);
  return std;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(fn: () => number): { ms: number; u: number } {
  const start = performance.now();
  const u = fn();
  return { ms: performance.now() - start, u };
}

/** Runs the benchmark; times are medians over REPEATS interleaved runs after WARMUP runs. */
export async function runMcmBench(): Promise<{
  engineMs: number;
  baselineMs: number;
  ratio: number;
  trialsPerSecond: number;
  engineU: number;
  baselineU: number;
}> {
  for (let i = 0; i < WARMUP; i++) {
    runEngine(1000 + i);
    runBaseline(1000 + i);
  }
  const engine: number[] = [];
  const baseline: number[] = [];
  let engineU = NaN;
  let baselineU = NaN;
  for (let i = 0; i < REPEATS; i++) {
    const e = time(() => runEngine(i + 1));
    const b = time(() => runBaseline(i + 1));
    engine.push(e.ms);
    baseline.push(b.ms);
    engineU = e.u;
    baselineU = b.u;
    // Yield between runs so a caller's event loop (and GC) is not starved.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const engineMs = median(engine);
  const baselineMs = median(baseline);
  return { engineMs, baselineMs, ratio: engineMs / baselineMs, trialsPerSecond: TRIALS / (engineMs / 1000), engineU, baselineU };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const r = await runMcmBench();
  console.log(`Monte Carlo, JCGM 100 H.1 end gauge, ${TRIALS.toExponential(0)} trials, median of ${REPEATS}`);
  console.log(`  engine (evaluate, method mcm): ${r.engineMs.toFixed(0)} ms, ${(r.trialsPerSecond / 1e6).toFixed(2)} M trials/s, u(l) = ${r.engineU.toFixed(2)} nm`);
  console.log(`  hand-written loop:             ${r.baselineMs.toFixed(0)} ms, u(l) = ${r.baselineU.toFixed(2)} nm`);
  console.log(`  ratio engine / hand-written:   ${r.ratio.toFixed(2)}`);
}
