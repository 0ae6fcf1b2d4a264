/**
 * Sampling algorithms on top of the uniform generator: standard normal by the ziggurat method
 * (Marsaglia and Tsang 2000, in Doornik's 2005 ZIGNOR form, which takes the layer index from
 * bits independent of the uniform value), gamma by Marsaglia-Tsang, Student t by Bailey's
 * polar method. Scalar forms (one deviate per call) and vectorised forms (fill a
 * Float64Array) use the same algorithms, so a hand-written loop and the engine sample the
 * same distributions. JCGM 101 C.4 names Box-Muller; any exact method is equally valid, and
 * the ziggurat needs about one uniform and no transcendental function per deviate.
 */
import type { Xoshiro256 } from './random.js';

/**
 * Math functions bound once: inside a vm context (jest, some sandboxes) every read of the
 * global `Math` goes through a slow interceptor, which would dominate the hot loops.
 */
const { abs, exp, log, pow, sqrt } = Math;

const LAYERS = 128;
/** Start of the tail and area of each layer for 128 layers (Doornik 2005). */
const ZIG_R = 3.442619855899;
const ZIG_V = 9.91256303526217e-3;
const ZIG_X = new Float64Array(LAYERS + 1);
const ZIG_RATIO = new Float64Array(LAYERS);
{
  let f = exp(-0.5 * ZIG_R * ZIG_R);
  ZIG_X[0] = ZIG_V / f;
  ZIG_X[1] = ZIG_R;
  ZIG_X[LAYERS] = 0;
  for (let i = 2; i < LAYERS; i++) {
    ZIG_X[i] = sqrt(-2 * log(ZIG_V / (ZIG_X[i - 1] as number) + f));
    f = exp(-0.5 * (ZIG_X[i] as number) ** 2);
  }
  for (let i = 0; i < LAYERS; i++) ZIG_RATIO[i] = (ZIG_X[i + 1] as number) / (ZIG_X[i] as number);
}

/** Deviate beyond |x| = ZIG_R (Marsaglia 1964), with the sign of the rejected draw. */
function normalTail(rng: Xoshiro256, negative: boolean): number {
  let x: number;
  let y: number;
  do {
    x = log(1 - rng.nextDouble()) / ZIG_R;
    y = log(1 - rng.nextDouble());
  } while (-2 * y < x * x);
  return negative ? x - ZIG_R : ZIG_R - x;
}

/** Completes a draw whose uniform u (in [-1, 1)) fell outside the rectangle core of its layer. */
function normalSlow(rng: Xoshiro256, u: number, layer: number): number {
  for (;;) {
    if (layer === 0) return normalTail(rng, u < 0);
    const xi = ZIG_X[layer] as number;
    const x = u * xi;
    const f0 = exp(-0.5 * (xi * xi - x * x));
    const xn = ZIG_X[layer + 1] as number;
    const f1 = exp(-0.5 * (xn * xn - x * x));
    if (f1 + rng.nextDouble() * (f0 - f1) < 1) return x;
    u = 2 * rng.nextDouble() - 1;
    layer = rng.spareBits & (LAYERS - 1);
    if (abs(u) < (ZIG_RATIO[layer] as number)) return u * (ZIG_X[layer] as number);
  }
}

/** One standard normal deviate. */
export function nextStandardNormal(rng: Xoshiro256): number {
  const u = 2 * rng.nextDouble() - 1;
  const layer = rng.spareBits & (LAYERS - 1);
  if (abs(u) < (ZIG_RATIO[layer] as number)) return u * (ZIG_X[layer] as number);
  return normalSlow(rng, u, layer);
}

let bitsPool = new Int32Array(0);

/** Fills out[0..n) with standard normal deviates (about 99 % accepted at the first uniform). */
export function fillStandardNormal(rng: Xoshiro256, out: Float64Array, n: number): void {
  if (bitsPool.length < n) bitsPool = new Int32Array(n);
  const bits = bitsPool;
  rng.fillUniform(out, n, bits);
  for (let i = 0; i < n; i++) {
    const u = 2 * (out[i] as number) - 1;
    const layer = (bits[i] as number) & (LAYERS - 1);
    out[i] = abs(u) < (ZIG_RATIO[layer] as number) ? u * (ZIG_X[layer] as number) : normalSlow(rng, u, layer);
  }
}

/** One standard gamma deviate with the given shape (> 0) and unit scale (Marsaglia-Tsang 2000). */
export function standardGamma(rng: Xoshiro256, shape: number): number {
  if (shape < 1) {
    // Boost: if G ~ Gamma(shape + 1) and U ~ U(0, 1), then G * U^(1/shape) ~ Gamma(shape).
    const u = 1 - rng.nextDouble();
    return standardGamma(rng, shape + 1) * pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / sqrt(9 * d);
  for (;;) {
    const x = nextStandardNormal(rng);
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = 1 - rng.nextDouble();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
  }
}

/** Fills out[0..n) with standard gamma deviates of the given shape. */
export function fillStandardGamma(rng: Xoshiro256, out: Float64Array, n: number, shape: number): void {
  for (let i = 0; i < n; i++) out[i] = standardGamma(rng, shape);
}

/** One standard Student t deviate with nu > 0 degrees of freedom (Bailey 1994, polar method). */
export function standardT(rng: Xoshiro256, nu: number): number {
  if (nu === Infinity) return nextStandardNormal(rng);
  const exponent = -2 / nu;
  for (;;) {
    const u = 2 * rng.nextDouble() - 1;
    const v = 2 * rng.nextDouble() - 1;
    const w = u * u + v * v;
    if (w > 1 || w === 0) continue;
    return u * sqrt((nu * (pow(w, exponent) - 1)) / w);
  }
}

/** Uniforms drawn in bulk for the polar method; module-level because runs are synchronous. */
let uniformPool = new Float64Array(0);

/**
 * Fills out[0..n) with standard Student t deviates: Bailey's polar method on uniforms drawn in
 * bulk (about 2.55 per deviate; unused leftovers of the last bulk draw are discarded).
 */
export function fillStandardT(rng: Xoshiro256, out: Float64Array, n: number, nu: number): void {
  if (nu === Infinity) {
    fillStandardNormal(rng, out, n);
    return;
  }
  const size = (Math.ceil(2.6 * n) + 64) & ~1;
  if (uniformPool.length < size) uniformPool = new Float64Array(size);
  const u01 = uniformPool;
  rng.fillUniform(u01, size);
  const exponent = -2 / nu;
  let k = 0;
  for (let i = 0; i < n; ) {
    if (k === size) {
      rng.fillUniform(u01, size);
      k = 0;
    }
    const u = 2 * (u01[k] as number) - 1;
    const v = 2 * (u01[k + 1] as number) - 1;
    k += 2;
    const w = u * u + v * v;
    if (w > 1 || w === 0) continue;
    out[i++] = u * sqrt((nu * (pow(w, exponent) - 1)) / w);
  }
}
