/**
 * Correlation between input quantities: the matrix the GUM propagates (JCGM 100 5.2) and its
 * Cholesky factor, with which Monte Carlo draws correlated inputs from a multivariate normal
 * distribution (JCGM 101 6.4.8).
 */
import { UncertaintyModelError, invalidInput } from './errors.js';
import type { CorrelationRequest } from './request-types.js';

export interface CorrelationStructure {
  /** Full N x N correlation matrix over all inputs (identity where nothing was stated). */
  readonly matrix: readonly Float64Array[];
  /** Indices of the inputs that take part in a non-zero correlation, ascending. */
  readonly members: readonly number[];
  /** Lower-triangular L with L L^T = the members' submatrix. */
  readonly cholesky: readonly Float64Array[];
}

/** Pivots down to -PSD_TOLERANCE count as zero: rounding of a singular (e.g. r = 1) matrix. */
const PSD_TOLERANCE = 1e-10;

/**
 * Builds and checks the correlation matrix, or returns null when no non-zero correlation is
 * stated.
 * @throws UncertaintyModelError LIMS_UNCERTAINTY_INVALID_INPUT for unknown names, self-pairs,
 *   duplicates or coefficients outside [-1, 1]; LIMS_UNCERTAINTY_CORRELATION_NOT_PSD when the
 *   coefficients cannot all hold at once.
 */
export function buildCorrelation(names: readonly string[], requests: readonly CorrelationRequest[] = []): CorrelationStructure | null {
  const index = new Map(names.map((n, i) => [n, i] as const));
  const matrix = names.map((_, i) => {
    const row = new Float64Array(names.length);
    row[i] = 1;
    return row;
  });
  const stated = new Set<string>();
  const memberSet = new Set<number>();
  for (const request of requests) {
    const pair = request.between;
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw invalidInput("A correlation's 'between' must name exactly two inputs", { between: pair });
    }
    const [a, b] = pair as [string, string];
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) {
      const unknown = i === undefined ? a : b;
      throw invalidInput(`Correlation names unknown input '${unknown}'`, { input: unknown, between: pair });
    }
    if (i === j) throw invalidInput(`Input '${a}' cannot be correlated with itself`, { input: a });
    const r = request.coefficient;
    if (typeof r !== 'number' || !(r >= -1 && r <= 1)) {
      throw invalidInput(`Correlation coefficient between '${a}' and '${b}' must be a number in [-1, 1]`, {
        between: pair,
        coefficient: r,
      });
    }
    const key = i < j ? `${i},${j}` : `${j},${i}`;
    if (stated.has(key)) throw invalidInput(`Correlation between '${a}' and '${b}' is stated twice`, { between: pair });
    stated.add(key);
    (matrix[i] as Float64Array)[j] = r;
    (matrix[j] as Float64Array)[i] = r;
    if (r !== 0) {
      memberSet.add(i);
      memberSet.add(j);
    }
  }
  if (memberSet.size === 0) return null;
  const members = [...memberSet].sort((x, y) => x - y);
  const sub = members.map((i) => Float64Array.from(members, (j) => (matrix[i] as Float64Array)[j] as number));
  const cholesky = choleskyPsd(sub, members.map((i) => names[i] as string));
  return { matrix, members, cholesky };
}

/**
 * Cholesky factor of a symmetric positive semi-definite matrix. A zero pivot (within the
 * tolerance) is allowed, as for perfectly correlated inputs, provided the rest of its column
 * is zero too; otherwise the matrix is not PSD and no joint distribution exists.
 * @throws UncertaintyModelError LIMS_UNCERTAINTY_CORRELATION_NOT_PSD naming the inputs.
 */
export function choleskyPsd(a: readonly Float64Array[], names: readonly string[]): Float64Array[] {
  const n = a.length;
  const l = Array.from({ length: n }, () => new Float64Array(n));
  const notPsd = (at: number): UncertaintyModelError =>
    new UncertaintyModelError(
      'LIMS_UNCERTAINTY_CORRELATION_NOT_PSD',
      `The correlation matrix of inputs ${names.join(', ')} is not positive semi-definite: ` +
        `the coefficients involving '${names[at]}' are inconsistent with the others`,
      { inputs: [...names], input: names[at] },
    );
  for (let j = 0; j < n; j++) {
    const lj = l[j] as Float64Array;
    let pivot = (a[j] as Float64Array)[j] as number;
    for (let k = 0; k < j; k++) pivot -= (lj[k] as number) ** 2;
    if (pivot < -PSD_TOLERANCE) throw notPsd(j);
    const diag = pivot > PSD_TOLERANCE ? Math.sqrt(pivot) : 0;
    lj[j] = diag;
    for (let i = j + 1; i < n; i++) {
      const li = l[i] as Float64Array;
      let s = (a[i] as Float64Array)[j] as number;
      for (let k = 0; k < j; k++) s -= (li[k] as number) * (lj[k] as number);
      if (diag === 0) {
        if (Math.abs(s) > 1e-7) throw notPsd(i);
        li[j] = 0;
      } else {
        li[j] = s / diag;
      }
    }
  }
  return l;
}
