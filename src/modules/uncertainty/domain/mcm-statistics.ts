/**
 * Summaries of Monte Carlo model values (JCGM 101:2008 clauses 7.6, 7.7, 7.9.2) and the
 * validation of the GUM uncertainty framework against them (clause 8).
 */

export type Interval = readonly [number, number];

/**
 * Mean and standard deviation (divisor M - 1) of values[0..n), two-pass for accuracy.
 * Returns NaN when any value is not finite.
 */
export function meanAndStandardDeviation(values: Float64Array, n: number): { mean: number; std: number } {
  // Summing deviations from the first value keeps the terms small (an end gauge is 5e7 nm
  // with a spread of 30 nm), so rounding in the sum stays at the level of the spread.
  const shift = values[0] as number;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (values[i] as number) - shift;
  const mean = shift + sum / n;
  let squares = 0;
  let correction = 0;
  for (let i = 0; i < n; i++) {
    const d = (values[i] as number) - mean;
    squares += d * d;
    correction += d;
  }
  // The correction term removes the residual rounding error of the mean (compensated two-pass).
  const variance = (squares - (correction * correction) / n) / (n - 1);
  return { mean, std: Math.sqrt(Math.max(variance, 0)) };
}

/** Number of values a coverage interval spans: q = pM, rounded to the nearest integer (7.7.1). */
export function coverageCount(p: number, m: number): number {
  return Math.floor(p * m + 0.5);
}

/** Probabilistically symmetric coverage interval of sorted values (JCGM 101 7.7.1). */
export function symmetricInterval(sorted: Float64Array, p: number): Interval {
  const m = sorted.length;
  const q = coverageCount(p, m);
  // 1-based r = (M - q)/2 when that is an integer, else the integer part of (M - q + 1)/2.
  const r = Math.floor((m - q + 1) / 2);
  return [sorted[r - 1] as number, sorted[r - 1 + q] as number];
}

/** Shortest coverage interval of sorted values (JCGM 101 7.7.2). */
export function shortestInterval(sorted: Float64Array, p: number): Interval {
  const m = sorted.length;
  const q = coverageCount(p, m);
  let best = 0;
  let bestWidth = Infinity;
  for (let i = 0; i + q < m; i++) {
    const width = (sorted[i + q] as number) - (sorted[i] as number);
    if (width < bestWidth) {
      bestWidth = width;
      best = i;
    }
  }
  return [sorted[best] as number, sorted[best + q] as number];
}

/**
 * Both coverage intervals of unsorted values, computed in place without a full sort: only the
 * M - q smallest and the M - q largest values can be interval end-points, so the array is
 * partitioned around those ranks (quickselect) and only the two tails are sorted. Afterwards
 * values[0..M-q) and values[q..M) hold exactly what a full sort would put there.
 */
export function coverageIntervals(values: Float64Array, p: number): { shortest: Interval; symmetric: Interval } {
  const m = values.length;
  const q = coverageCount(p, m);
  const tail = m - q;
  if (4 * tail >= m) {
    values.sort();
  } else {
    select(values, 0, m - 1, tail);
    select(values, tail, m - 1, q);
    values.subarray(0, tail).sort();
    values.subarray(q, m).sort();
  }
  return { shortest: shortestInterval(values, p), symmetric: symmetricInterval(values, p) };
}

/**
 * Rearranges a[lo..hi] so that a[k] holds the value of rank k, smaller-or-equal values before
 * it and greater-or-equal after (Hoare partition, median of three). Falls back to sorting the
 * remaining range if partitioning degenerates, so the cost stays O(n log n) at worst.
 */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  let budget = 2 * Math.ceil(Math.log2(hi - lo + 2)) + 8;
  while (hi > lo) {
    if (budget-- === 0 || hi - lo < 16) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const mid = (lo + hi) >>> 1;
    const x = a[lo] as number, y = a[mid] as number, z = a[hi] as number;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/**
 * Numerical tolerance of a standard uncertainty stated to `digits` significant digits
 * (JCGM 101 7.9.2): write u = c x 10^l with c a `digits`-digit integer, then delta = 10^l / 2.
 */
export function numericalTolerance(u: number, digits: number): number {
  if (!(u > 0) || !Number.isFinite(u)) return 0;
  let l = Math.floor(Math.log10(u)) - digits + 1;
  // Rounding can carry into an extra digit (e.g. 99.7 to two digits is 100 = 10 x 10^1).
  if (Math.round(u / 10 ** l) >= 10 ** digits) l += 1;
  return 0.5 * 10 ** l;
}

export interface GumValidation {
  /** True when both interval end-points agree within the tolerance (JCGM 101 8.2). */
  readonly agrees: boolean;
  readonly tolerance: number;
  readonly dLow: number;
  readonly dHigh: number;
}

/**
 * Compares the GUM coverage interval y +- U with a Monte Carlo coverage interval
 * (JCGM 101 8.2): d_low = |y - U - y_low|, d_high = |y + U - y_high|, and the GUM is
 * validated when both are at most the numerical tolerance of u(y) to `digits` digits.
 */
export function validateGumWithMcm(
  gum: { readonly estimate: number; readonly standardUncertainty: number; readonly expandedUncertainty: number },
  mcmInterval: Interval,
  digits = 2,
): GumValidation {
  const tolerance = numericalTolerance(gum.standardUncertainty, digits);
  const dLow = Math.abs(gum.estimate - gum.expandedUncertainty - mcmInterval[0]);
  const dHigh = Math.abs(gum.estimate + gum.expandedUncertainty - mcmInterval[1]);
  return { agrees: dLow <= tolerance && dHigh <= tolerance, tolerance, dLow, dHigh };
}
