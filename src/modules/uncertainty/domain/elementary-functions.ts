/**
 * Value and first three derivatives of each one-argument function at a point: the Taylor
 * coefficients that forward-mode differentiation (multi-dual.ts) composes. Three derivatives
 * are needed because the GUM second-order formula (5.1.2 note) contains third derivatives.
 */
import type { UnaryFunctionName } from './expression-ast.js';

/** [f(x), f'(x), f''(x), f'''(x)] */
export type Derivatives = readonly [number, number, number, number];

const LN10 = Math.LN10;

/** Derivatives of x^b for a constant exponent b (defined for x < 0 when b is an integer). */
export function powerDerivatives(x: number, b: number): Derivatives {
  const term = (coefficient: number, exponent: number): number =>
    coefficient === 0 ? 0 : coefficient * Math.pow(x, exponent);
  return [Math.pow(x, b), term(b, b - 1), term(b * (b - 1), b - 2), term(b * (b - 1) * (b - 2), b - 3)];
}

/** Derivatives of 1/x. */
export function reciprocalDerivatives(x: number): Derivatives {
  const r = 1 / x;
  const r2 = r * r;
  return [r, -r2, 2 * r2 * r, -6 * r2 * r2];
}

/** Derivatives of the named one-argument function at x. */
export function unaryDerivatives(fn: UnaryFunctionName, x: number): Derivatives {
  switch (fn) {
    case 'sqrt':
      return powerDerivatives(x, 0.5);
    case 'exp': {
      const v = Math.exp(x);
      return [v, v, v, v];
    }
    case 'ln':
      return [Math.log(x), 1 / x, -1 / (x * x), 2 / (x * x * x)];
    case 'log10':
      return [Math.log10(x), 1 / (x * LN10), -1 / (x * x * LN10), 2 / (x * x * x * LN10)];
    case 'sin': {
      const s = Math.sin(x);
      const c = Math.cos(x);
      return [s, c, -s, -c];
    }
    case 'cos': {
      const s = Math.sin(x);
      const c = Math.cos(x);
      return [c, -s, -c, s];
    }
    case 'tan': {
      const t = Math.tan(x);
      const sec2 = 1 + t * t;
      return [t, sec2, 2 * t * sec2, sec2 * (2 + 6 * t * t)];
    }
    case 'asin':
    case 'acos': {
      const q = 1 - x * x;
      const d1 = 1 / Math.sqrt(q);
      const sign = fn === 'asin' ? 1 : -1;
      const value = fn === 'asin' ? Math.asin(x) : Math.acos(x);
      return [value, sign * d1, (sign * x * d1) / q, (sign * (1 + 2 * x * x) * d1) / (q * q)];
    }
    case 'atan': {
      const q = 1 + x * x;
      return [Math.atan(x), 1 / q, (-2 * x) / (q * q), (6 * x * x - 2) / (q * q * q)];
    }
    case 'abs':
      return [Math.abs(x), Math.sign(x), 0, 0];
  }
}

/** Scalar value of a one-argument function (the same definitions, without derivatives). */
export const UNARY_VALUE: Readonly<Record<UnaryFunctionName, (x: number) => number>> = {
  sqrt: Math.sqrt,
  exp: Math.exp,
  ln: Math.log,
  log10: Math.log10,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  abs: Math.abs,
};
