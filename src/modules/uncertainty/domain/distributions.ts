/**
 * Probability distributions assigned to input quantities (JCGM 101 6.4). Each knows its
 * expectation, its standard uncertainty (the standard deviation, which the GUM propagates)
 * and how to fill a Float64Array with draws from it (which Monte Carlo propagates).
 */
import type { Xoshiro256 } from './random.js';
import { fillStandardGamma, fillStandardNormal, fillStandardT } from './samplers.js';

/**
 * Math functions bound once: inside a vm context (jest, some sandboxes) every read of the
 * global `Math` goes through a slow interceptor, which would dominate the hot loops.
 */
const { log, sin, sqrt } = Math;

export type DistributionType =
  | 'normal' | 'rectangular' | 'triangular' | 'trapezoidal' | 'curvilinearTrapezoid'
  | 'arcsine' | 'studentT' | 'exponential' | 'gamma';

export interface Distribution {
  readonly type: DistributionType;
  /** Expectation, which is the estimate of the input quantity. */
  readonly mean: number;
  /** Standard deviation; Infinity for a t distribution with nu <= 2 (no finite variance). */
  readonly standardUncertainty: number;
  /** Fills out[0..n) with draws. `scratch` is a work buffer of at least n elements. */
  sample(rng: Xoshiro256, out: Float64Array, n: number, scratch: Float64Array): void;
}

/** Gaussian N(mean, u^2) (JCGM 101 6.4.7). */
export function normal(mean: number, u: number): Distribution {
  return {
    type: 'normal',
    mean,
    standardUncertainty: u,
    sample(rng, out, n) {
      fillStandardNormal(rng, out, n);
      for (let i = 0; i < n; i++) out[i] = mean + u * (out[i] as number);
    },
  };
}

/** Rectangular R(mean - h, mean + h) (JCGM 101 6.4.2). */
export function rectangular(mean: number, h: number): Distribution {
  const a = mean - h;
  const width = 2 * h;
  return {
    type: 'rectangular',
    mean,
    standardUncertainty: h / sqrt(3),
    sample(rng, out, n) {
      rng.fillUniform(out, n);
      for (let i = 0; i < n; i++) out[i] = a + width * (out[i] as number);
    },
  };
}

/**
 * Symmetric trapezoid T(mean - h, mean + h, beta) with beta = top width / base width
 * (JCGM 101 6.4.4): X = a + (b - a)/2 [(1 + beta) r1 + (1 - beta) r2]. beta = 0 is the
 * triangular distribution (6.4.5), beta = 1 the rectangular one.
 */
export function trapezoidal(mean: number, h: number, beta: number): Distribution {
  const a = mean - h;
  const c1 = h * (1 + beta);
  const c2 = h * (1 - beta);
  return {
    type: beta === 0 ? 'triangular' : 'trapezoidal',
    mean,
    standardUncertainty: h * sqrt((1 + beta * beta) / 6),
    sample(rng, out, n, scratch) {
      rng.fillUniform(out, n);
      rng.fillUniform(scratch, n);
      for (let i = 0; i < n; i++) out[i] = a + c1 * (out[i] as number) + c2 * (scratch[i] as number);
    },
  };
}

/** Symmetric triangular distribution on [mean - h, mean + h] (JCGM 101 6.4.5). */
export function triangular(mean: number, h: number): Distribution {
  return trapezoidal(mean, h, 0);
}

/**
 * Rectangular distribution whose limits are inexact (JCGM 101 6.4.3): nominal half-width h,
 * each limit known only to lie within +-d of its nominal value (d <= h). The PDF is a
 * curvilinear trapezoid with variance h^2/3 + d^2/9.
 */
export function curvilinearTrapezoid(mean: number, h: number, d: number): Distribution {
  return {
    type: 'curvilinearTrapezoid',
    mean,
    standardUncertainty: sqrt((h * h) / 3 + (d * d) / 9),
    sample(rng, out, n, scratch) {
      rng.fillUniform(out, n);
      rng.fillUniform(scratch, n);
      for (let i = 0; i < n; i++) {
        // Half-width of this draw's rectangle, uniform on [h - d, h + d] (6.4.3.4).
        const w = h + d - 2 * d * (out[i] as number);
        out[i] = mean + w * (2 * (scratch[i] as number) - 1);
      }
    },
  };
}

/** Arcsine (U-shaped) distribution on [mean - h, mean + h] (JCGM 101 6.4.6). */
export function arcsine(mean: number, h: number): Distribution {
  const twoPi = 2 * Math.PI;
  return {
    type: 'arcsine',
    mean,
    standardUncertainty: h / Math.SQRT2,
    sample(rng, out, n) {
      rng.fillUniform(out, n);
      for (let i = 0; i < n; i++) out[i] = mean + h * sin(twoPi * (out[i] as number));
    },
  };
}

/** Scaled and shifted t distribution t_nu(mean, scale^2) (JCGM 101 6.4.9). */
export function studentT(mean: number, scale: number, nu: number): Distribution {
  return {
    type: 'studentT',
    mean,
    standardUncertainty: nu > 2 ? scale * sqrt(nu / (nu - 2)) : Infinity,
    sample(rng, out, n) {
      fillStandardT(rng, out, n, nu);
      for (let i = 0; i < n; i++) out[i] = mean + scale * (out[i] as number);
    },
  };
}

/** Exponential distribution with the given mean (JCGM 101 6.4.10): u = mean. */
export function exponential(mean: number): Distribution {
  return {
    type: 'exponential',
    mean,
    standardUncertainty: mean,
    sample(rng, out, n) {
      rng.fillUniform(out, n);
      for (let i = 0; i < n; i++) out[i] = -mean * log(1 - (out[i] as number));
    },
  };
}

/** Gamma distribution with shape k and scale theta (JCGM 101 6.4.11): mean k*theta, u = sqrt(k)*theta. */
export function gamma(shape: number, scale: number): Distribution {
  return {
    type: 'gamma',
    mean: shape * scale,
    standardUncertainty: sqrt(shape) * scale,
    sample(rng, out, n) {
      fillStandardGamma(rng, out, n, shape);
      for (let i = 0; i < n; i++) out[i] = scale * (out[i] as number);
    },
  };
}
