/**
 * Special functions for the uncertainty engine, in double precision.
 *
 * Everything is built on two primitives, the regularized incomplete gamma and beta functions,
 * so that the normal, Student t and F distributions share one well-tested core. Tail
 * probabilities are evaluated directly (never as 1 - cdf) so that small probabilities keep
 * their relative accuracy, which the quantile functions rely on.
 */

const LN_SQRT_PI = 0.5723649429247001; // ln(sqrt(pi)) = lnGamma(1/2), exact to double precision
const LN_SQRT_2PI = 0.9189385332046728;
const SQRT_2PI = 2.5066282746310002;
const TINY = 1e-300;
const EPS = 1e-16;
const MAX_ITER = 200_000;
/** Beyond this many degrees of freedom t and normal quantiles differ by < 1e-8. */
const T_NORMAL_LIMIT = 1e9;

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;

function requireParam(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(message);
}

/**
 * Natural logarithm of the gamma function for x > 0 (Lanczos, g = 7, n = 9; ~1e-15 relative).
 * @throws RangeError when x <= 0.
 */
export function lnGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  requireParam(x > 0, `lnGamma needs x > 0, got ${x}`);
  if (x === Infinity) return Infinity;
  if (x < 0.5) {
    // Reflection keeps the Lanczos sum in its accurate range.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + 7.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Stirling remainder lnGamma(x) - [(x - 1/2) ln x - x + ln sqrt(2 pi)], valid for x >= 10. */
function stirlingRemainder(x: number): number {
  const x2 = 1 / (x * x);
  return (1 / x) * (1 / 12 - x2 * (1 / 360 - x2 * (1 / 1260 - x2 * (1 / 1680 - x2 / 1188))));
}

/** lnGamma(a) - lnGamma(a + b) for a >= 10 without the cancellation of two large logarithms. */
function lnGammaRatio(a: number, b: number): number {
  return (
    -(a - 0.5) * Math.log1p(b / a) - b * Math.log(a + b) + b +
    stirlingRemainder(a) - stirlingRemainder(a + b)
  );
}

/** ln B(a, b), accurate also when one or both parameters are large (large dof). */
function lnBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  if (small >= 10) {
    const s = a + b;
    return (
      LN_SQRT_2PI - 0.5 * Math.log(s) + (a - 0.5) * Math.log(a / s) + (b - 0.5) * Math.log(b / s) +
      stirlingRemainder(a) + stirlingRemainder(b) - stirlingRemainder(s)
    );
  }
  if (large >= 10) return lnGamma(small) + lnGammaRatio(large, small);
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** Series for P(a, x), converges fast for x < a + 1. `lnGammaA` is passed in so callers can use exact constants. */
function gammaSeries(a: number, x: number, lnGammaA: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITER; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - lnGammaA);
}

/** Continued fraction (modified Lentz) for Q(a, x), converges fast for x >= a + 1. */
function gammaContinuedFraction(a: number, x: number, lnGammaA: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - lnGammaA) * h;
}

/** Returns [P(a, x), Q(a, x)], each computed directly where it is the small one. */
function gammaPQ(a: number, x: number, lnGammaA: number): [number, number] {
  if (x === 0) return [0, 1];
  if (x === Infinity) return [1, 0];
  if (x < a + 1) {
    const p = gammaSeries(a, x, lnGammaA);
    return [p, 1 - p];
  }
  const q = gammaContinuedFraction(a, x, lnGammaA);
  return [1 - q, q];
}

/**
 * Regularized lower incomplete gamma function P(a, x) = gamma(a, x) / Gamma(a).
 * @throws RangeError when a <= 0 or x < 0.
 */
export function regularizedGammaP(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x)) return NaN;
  requireParam(a > 0 && a < Infinity, `regularizedGammaP needs 0 < a < Infinity, got a = ${a}`);
  requireParam(x >= 0, `regularizedGammaP needs x >= 0, got x = ${x}`);
  return gammaPQ(a, x, lnGamma(a))[0];
}

/**
 * Standard normal distribution function Phi(x), ~1e-15 relative accuracy in both tails
 * (through P(1/2, x^2/2) with the exact constant lnGamma(1/2)).
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const [p, q] = gammaPQ(0.5, 0.5 * x * x, LN_SQRT_PI);
  return x < 0 ? 0.5 * q : 0.5 + 0.5 * p;
}

/** Lower tail Phi(x) for x <= 0, i.e. the upper tail of |x|, without cancellation. */
function normalLowerTail(x: number): number {
  return 0.5 * gammaPQ(0.5, 0.5 * x * x, LN_SQRT_PI)[1];
}

const ACKLAM_A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const ACKLAM_B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const ACKLAM_C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const ACKLAM_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;

function poly(coefficients: readonly number[], x: number): number {
  let r = 0;
  for (const c of coefficients) r = r * x + c;
  return r;
}

/** Acklam's rational approximation (1.15e-9 relative) for 0 < p <= 0.5. */
function acklamLowerHalf(p: number): number {
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(ACKLAM_C, q) / (poly(ACKLAM_D, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(ACKLAM_A, r) * q) / (poly(ACKLAM_B, r) * r + 1);
}

/**
 * Standard normal quantile Phi^-1(p): Acklam's approximation refined by Halley steps on
 * the accurate cdf, giving ~1e-15 relative accuracy, also far in the tails.
 * @throws RangeError when p is outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p)) return NaN;
  requireParam(p >= 0 && p <= 1, `normalQuantile needs 0 <= p <= 1, got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Work in the lower tail, where p is exactly representable (1 - p is exact for p >= 0.5).
  if (p > 0.5) return -normalQuantile(1 - p);
  let x = acklamLowerHalf(p);
  for (let i = 0; i < 3; i++) {
    const e = normalLowerTail(x) - p;
    const u = e * SQRT_2PI * Math.exp(0.5 * x * x);
    const step = u / (1 + 0.5 * x * u);
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.abs(x)) break;
  }
  return x;
}

/** Continued fraction for I_x(a, b) (modified Lentz, Numerical Recipes betacf). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return h;
}

/** x^a y^b / (a B(a, b)) times the continued fraction: I_x(a, b) where that fraction converges. */
function incompleteBetaByFraction(x: number, a: number, b: number, lnX: number, lnY: number): number {
  return (Math.exp(a * lnX + b * lnY - lnBeta(a, b)) * betaContinuedFraction(x, a, b)) / a;
}

/**
 * I_x(a, b) with y = 1 - x supplied by the caller, so that x close to 1 (y tiny) keeps its
 * precision. With large a or b the prefactor a ln x + b ln y amplifies the rounding of x, so
 * callers that can form ln x and ln y without rounding (log1p) pass them in.
 * The continued fraction is evaluated on the side where it converges.
 */
function incompleteBeta(x: number, y: number, a: number, b: number, lnX = Math.log(x), lnY = Math.log(y)): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  if (x < (a + 1) / (a + b + 2)) return incompleteBetaByFraction(x, a, b, lnX, lnY);
  return 1 - incompleteBetaByFraction(y, b, a, lnY, lnX);
}

/**
 * Regularized incomplete beta function I_x(a, b) (continued fraction, modified Lentz).
 * @throws RangeError when a <= 0, b <= 0 or x is outside [0, 1].
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if ([x, a, b].some(Number.isNaN)) return NaN;
  requireParam(a > 0 && b > 0 && a < Infinity && b < Infinity, `regularizedIncompleteBeta needs finite a, b > 0, got a = ${a}, b = ${b}`);
  requireParam(x >= 0 && x <= 1, `regularizedIncompleteBeta needs 0 <= x <= 1, got ${x}`);
  return incompleteBeta(x, 1 - x, a, b);
}

function requireDof(nu: number): void {
  requireParam(nu > 0, `Student t needs degrees of freedom nu > 0 (Infinity allowed), got ${nu}`);
}

/** P(T > |t|) for Student t with nu degrees of freedom, computed directly (no 1 - cdf). */
function studentTUpperTail(t: number, nu: number): number {
  const t2 = t * t;
  if (t2 === Infinity) return 0;
  if (t2 === 0) return 0.5;
  const r = t2 / nu;
  const x = nu / (nu + t2);
  const y = t2 / (nu + t2);
  const lnX = -Math.log1p(r);
  const lnY = Math.log(r) + lnX;
  // For large nu the fraction in x (close to 1) accumulates rounding over many terms; while
  // the tail is not small (|t| < 3.5, tail > 2e-4) the fraction in y for the central
  // probability I_y(1/2, nu/2) converges quickly and keeps ~1e-13 relative accuracy.
  if (nu > 1e4 && t2 < 12.25) return 0.5 * (1 - incompleteBetaByFraction(y, 0.5, 0.5 * nu, lnY, lnX));
  return 0.5 * incompleteBeta(x, y, 0.5 * nu, 0.5, lnX, lnY);
}

function studentTPdf(t: number, nu: number): number {
  return Math.exp(-0.5 * (nu + 1) * Math.log1p((t * t) / nu) - 0.5 * Math.log(nu) - lnBeta(0.5 * nu, 0.5));
}

/**
 * Student t distribution function with nu > 0 degrees of freedom (fractional allowed, as
 * from Welch-Satterthwaite); nu = Infinity gives the normal distribution.
 * @throws RangeError when nu <= 0.
 */
export function studentTCdf(t: number, nu: number): number {
  if (Number.isNaN(t) || Number.isNaN(nu)) return NaN;
  requireDof(nu);
  if (nu > T_NORMAL_LIMIT) return normalCdf(t);
  const tail = studentTUpperTail(t, nu);
  return t < 0 ? tail : 1 - tail;
}

/** Solves P(T > t) = tail for t >= 0, tail in (0, 0.5]. */
function studentTUpperQuantile(tail: number, nu: number): number {
  if (tail === 0.5) return 0;
  // Closed forms for nu = 1 (Cauchy) and nu = 2.
  if (nu === 1) return 1 / Math.tan(Math.PI * tail);
  if (nu === 2) return (1 - 2 * tail) / Math.sqrt(2 * tail * (1 - tail));
  // Cornish-Fisher start; Newton on ln(tail) is well behaved in the power-law tail.
  const z = -normalQuantile(tail);
  const z2 = z * z;
  let t = z + (z * (z2 + 1)) / (4 * nu) + (z * ((5 * z2 + 16) * z2 + 3)) / (96 * nu * nu);
  if (!(t > 0) || !Number.isFinite(t)) t = z;
  let lo = 0;
  let hi = Infinity;
  for (let i = 0; i < 300; i++) {
    const f = studentTUpperTail(t, nu);
    if (f > tail) lo = t;
    else if (f < tail) hi = t;
    else return t;
    let next = t + ((Math.log(f) - Math.log(tail)) * f) / studentTPdf(t, nu);
    // Bisection fallback keeps every step inside the bracket, which guarantees convergence.
    if (!(next > lo && next < hi)) next = hi === Infinity ? Math.max(2 * t, 1) : 0.5 * (lo + hi);
    if (Math.abs(next - t) <= 1e-15 * Math.abs(next)) return next;
    t = next;
  }
  return t;
}

/**
 * Student t quantile t_p(nu): the value with P(T <= t) = p. nu > 0, fractional allowed;
 * nu = Infinity gives the normal quantile. Newton steps from a Cornish-Fisher start, with a
 * bisection fallback; accurate to ~1e-13 relative.
 * @throws RangeError when p is outside [0, 1] or nu <= 0.
 */
export function studentTQuantile(p: number, nu: number): number {
  if (Number.isNaN(p) || Number.isNaN(nu)) return NaN;
  requireParam(p >= 0 && p <= 1, `studentTQuantile needs 0 <= p <= 1, got ${p}`);
  requireDof(nu);
  if (nu > T_NORMAL_LIMIT) return normalQuantile(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  return p < 0.5 ? -studentTUpperQuantile(p, nu) : studentTUpperQuantile(1 - p, nu);
}

function requireFDof(d1: number, d2: number): void {
  requireParam(d1 > 0 && d2 > 0 && d1 < Infinity && d2 < Infinity, `F distribution needs finite d1, d2 > 0, got d1 = ${d1}, d2 = ${d2}`);
}

/**
 * F distribution function with d1 (numerator) and d2 (denominator) degrees of freedom.
 * For small upper-tail probabilities (ANOVA p-values) prefer
 * `regularizedIncompleteBeta(d2 / (d2 + d1 x), d2 / 2, d1 / 2)`, which avoids 1 - cdf.
 * @throws RangeError when d1 or d2 is not a finite positive number.
 */
export function fCdf(x: number, d1: number, d2: number): number {
  if ([x, d1, d2].some(Number.isNaN)) return NaN;
  requireFDof(d1, d2);
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  const s = d1 * x + d2;
  const r = (d1 * x) / d2;
  const lnY = -Math.log1p(r);
  return incompleteBeta((d1 * x) / s, d2 / s, 0.5 * d1, 0.5 * d2, Math.log(r) + lnY, lnY);
}

/** Solves I_w(a, b) = target for w by safeguarded Newton with bisection fallback. */
function betaQuantile(target: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  let w = a / (a + b);
  const lnB = lnBeta(a, b);
  for (let i = 0; i < 400; i++) {
    const f = incompleteBeta(w, 1 - w, a, b) - target;
    if (f === 0) return w;
    if (f < 0) lo = w;
    else hi = w;
    const pdf = Math.exp((a - 1) * Math.log(w) + (b - 1) * Math.log1p(-w) - lnB);
    let next = w - f / pdf;
    if (!(next > lo && next < hi)) {
      // Geometric bisection towards 0 reaches tiny quantiles in few steps.
      next = lo === 0 ? hi / 8 : 0.5 * (lo + hi);
    }
    if (Math.abs(next - w) <= 1e-15 * next || hi - lo <= 1e-16 * hi) return next;
    w = next;
  }
  return w;
}

/**
 * F distribution quantile: x with fCdf(x, d1, d2) = p (e.g. ANOVA critical values).
 * @throws RangeError when p is outside [0, 1] or the degrees of freedom are invalid.
 */
export function fQuantile(p: number, d1: number, d2: number): number {
  if ([p, d1, d2].some(Number.isNaN)) return NaN;
  requireParam(p >= 0 && p <= 1, `fQuantile needs 0 <= p <= 1, got ${p}`);
  requireFDof(d1, d2);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  if (p <= 0.5) {
    const w = betaQuantile(p, 0.5 * d1, 0.5 * d2);
    return (d2 * w) / (d1 * (1 - w));
  }
  // Upper half: solve for v = 1 - w with swapped parameters so that v keeps its precision.
  const v = betaQuantile(1 - p, 0.5 * d2, 0.5 * d1);
  return (d2 * (1 - v)) / (d1 * v);
}
