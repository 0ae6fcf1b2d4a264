/**
 * Turns the request's description of each input quantity into an estimate, a standard
 * uncertainty with its degrees of freedom (for the GUM) and a distribution (for Monte Carlo).
 * Everything that could be a typo (unknown fields, conflicting parameters, an estimate that
 * contradicts the limits) is rejected rather than guessed at.
 */
import * as dist from './distributions.js';
import type { Distribution, DistributionType } from './distributions.js';
import { invalidInput } from './errors.js';
import {
  DISTRIBUTION_PARAMS,
  INPUT_FIELDS,
  type DistributionRequest,
  type InputRequest,
  type LimitParams,
} from './request-types.js';
import { normalQuantile, studentTQuantile } from './special-functions.js';

export interface PreparedInput {
  readonly name: string;
  readonly unit?: string;
  readonly estimate: number;
  /** Infinity when the assigned distribution has no finite variance (t with nu <= 2). */
  readonly standardUncertainty: number;
  /** Degrees of freedom of u for Welch-Satterthwaite; Infinity when u is known exactly. */
  readonly dof: number;
  readonly evaluation: 'A' | 'B';
  readonly distribution: Distribution;
}

type Params = Readonly<Record<string, unknown>>;

function fail(input: string, message: string, field?: string): never {
  throw invalidInput(`Input '${input}': ${message}`, field ? { input, field } : { input });
}

function num(input: string, params: Params, field: string, check?: (v: number) => boolean, rule?: string): number | undefined {
  const value = params[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(input, `'${field}' must be a finite number`, field);
  if (check && !check(value)) fail(input, `'${field}' must be ${rule}`, field);
  return value;
}

const positive = (v: number): boolean => v > 0;
const nonNegative = (v: number): boolean => v >= 0;

function rejectUnknown(input: string, params: Params, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(params)) {
    if (!allowed.includes(key)) fail(input, `unknown field '${key}' in ${where} (allowed: ${allowed.join(', ')})`, key);
  }
}

/** Relative agreement test for an estimate stated twice (e.g. explicitly and as a midpoint). */
function agrees(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), scale) + Number.MIN_VALUE;
}

/**
 * Validates and prepares one input quantity.
 * @throws UncertaintyModelError LIMS_UNCERTAINTY_INVALID_INPUT naming the input and field.
 */
export function prepareInput(request: InputRequest): PreparedInput {
  const raw = request as unknown as Params;
  const name = typeof raw.name === 'string' ? raw.name : fail(String(raw.name), "'name' must be a string", 'name');
  rejectUnknown(name, raw, INPUT_FIELDS, 'the input');
  if (raw.unit !== undefined && typeof raw.unit !== 'string') fail(name, "'unit' must be a string", 'unit');
  const estimate = num(name, raw, 'estimate');
  const hasTypeA = raw.readings !== undefined || raw.pooledStandardDeviation !== undefined || raw.pooledDof !== undefined;
  if (hasTypeA && raw.distribution !== undefined) {
    fail(name, "give either 'readings' (Type A) or 'distribution' (Type B), not both", 'distribution');
  }
  const base = { name, ...(request.unit !== undefined ? { unit: request.unit } : {}) };
  if (hasTypeA) return { ...base, ...typeA(name, raw, estimate) };
  if (raw.distribution === undefined) fail(name, "needs 'readings' (Type A) or a 'distribution' (Type B)", 'distribution');
  return { ...base, ...typeB(name, raw, estimate) };
}

function typeA(name: string, raw: Params, estimate: number | undefined): Omit<PreparedInput, 'name' | 'unit'> {
  for (const field of ['dof', 'relativeUncertaintyOfU']) {
    if (raw[field] !== undefined) fail(name, `'${field}' applies to Type B inputs; a Type A dof follows from the readings`, field);
  }
  const readings = raw.readings;
  if (!Array.isArray(readings) || readings.length === 0) fail(name, "'readings' must be a non-empty array of numbers", 'readings');
  if (!readings.every((r) => typeof r === 'number' && Number.isFinite(r))) fail(name, "'readings' must all be finite numbers", 'readings');
  const values = readings as number[];
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (estimate !== undefined && !agrees(estimate, mean, 0)) {
    fail(name, `the estimate ${estimate} differs from the mean of the readings ${mean}; omit 'estimate' for Type A`, 'estimate');
  }
  const pooledS = num(name, raw, 'pooledStandardDeviation', nonNegative, '>= 0');
  const pooledDof = num(name, raw, 'pooledDof', (v) => v >= 1, '>= 1');
  let s: number;
  let dof: number;
  if (pooledS !== undefined || pooledDof !== undefined) {
    if (pooledS === undefined || pooledDof === undefined) {
      fail(name, "'pooledStandardDeviation' and 'pooledDof' must be given together", 'pooledDof');
    }
    s = pooledS;
    dof = pooledDof;
  } else {
    if (n < 2) fail(name, 'a Type A evaluation needs at least two readings (or a pooled standard deviation)', 'readings');
    s = Math.sqrt(values.reduce((acc, v) => acc + (v - mean) ** 2, 0) / (n - 1));
    dof = n - 1;
  }
  const u = s / Math.sqrt(n);
  // JCGM 101 6.4.9: the state of knowledge from n readings is the scaled, shifted t distribution.
  const distribution = u > 0 ? dist.studentT(mean, u, dof) : dist.normal(mean, 0);
  return { estimate: mean, standardUncertainty: u, dof, evaluation: 'A', distribution };
}

function typeBDof(name: string, raw: Params): number {
  const dof = num(name, raw, 'dof', positive, '> 0');
  const rel = num(name, raw, 'relativeUncertaintyOfU', positive, '> 0');
  if (dof !== undefined && rel !== undefined) fail(name, "give 'dof' or 'relativeUncertaintyOfU', not both", 'dof');
  if (rel !== undefined) return 0.5 / (rel * rel);
  return dof ?? Infinity;
}

function typeB(name: string, raw: Params, estimate: number | undefined): Omit<PreparedInput, 'name' | 'unit'> {
  const spec = raw.distribution as Params;
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) fail(name, "'distribution' must be an object", 'distribution');
  const type = spec.type as DistributionType;
  const allowed = DISTRIBUTION_PARAMS[type];
  if (typeof type !== 'string' || !Object.hasOwn(DISTRIBUTION_PARAMS, type) || allowed === undefined) {
    fail(name, `unknown distribution type '${String(spec.type)}' (known: ${Object.keys(DISTRIBUTION_PARAMS).join(', ')})`, 'distribution.type');
  }
  rejectUnknown(name, spec, ['type', ...allowed], `a ${type} distribution`);
  const dof = typeBDof(name, raw);
  const distribution = buildDistribution(name, spec as DistributionRequest & Params, estimate, dof);
  if (estimate !== undefined && !agrees(estimate, distribution.mean, distribution.standardUncertainty)) {
    fail(name, `the estimate ${estimate} differs from the expectation ${distribution.mean} of its ${type} distribution`, 'estimate');
  }
  return { estimate: distribution.mean, standardUncertainty: distribution.standardUncertainty, dof, evaluation: 'B', distribution };
}

function requireEstimate(name: string, estimate: number | undefined, why: string): number {
  if (estimate === undefined) fail(name, `'estimate' is required ${why}`, 'estimate');
  return estimate;
}

/** Centre and half-width from either halfWidth (about the estimate) or lower/upper limits. */
function limits(name: string, spec: LimitParams & Params, estimate: number | undefined): { mean: number; h: number } {
  const h = num(name, spec, 'halfWidth', nonNegative, '>= 0');
  const lower = num(name, spec, 'lower');
  const upper = num(name, spec, 'upper');
  if (h !== undefined) {
    if (lower !== undefined || upper !== undefined) fail(name, "give 'halfWidth' or 'lower' and 'upper', not both", 'halfWidth');
    return { mean: requireEstimate(name, estimate, "with 'halfWidth'"), h };
  }
  if (lower === undefined || upper === undefined) fail(name, "needs 'halfWidth' or both 'lower' and 'upper'", 'halfWidth');
  if (!(lower <= upper)) fail(name, "'lower' must not exceed 'upper'", 'lower');
  return { mean: (lower + upper) / 2, h: (upper - lower) / 2 };
}

function buildDistribution(name: string, spec: DistributionRequest & Params, estimate: number | undefined, dof: number): Distribution {
  switch (spec.type) {
    case 'normal':
      return dist.normal(requireEstimate(name, estimate, 'for a normal distribution'), normalU(name, spec, dof));
    case 'rectangular':
    case 'triangular':
    case 'arcsine': {
      const { mean, h } = limits(name, spec, estimate);
      return dist[spec.type](mean, h);
    }
    case 'trapezoidal': {
      const { mean, h } = limits(name, spec, estimate);
      const beta = num(name, spec, 'beta', (v) => v >= 0 && v <= 1, 'in [0, 1]') ?? fail(name, "'beta' is required", 'beta');
      return dist.trapezoidal(mean, h, beta);
    }
    case 'curvilinearTrapezoid': {
      const { mean, h } = limits(name, spec, estimate);
      const d = num(name, spec, 'halfWidthUncertainty', (v) => v >= 0 && v <= h, `in [0, halfWidth = ${h}]`) ??
        fail(name, "'halfWidthUncertainty' is required", 'halfWidthUncertainty');
      return dist.curvilinearTrapezoid(mean, h, d);
    }
    case 'studentT': {
      const scale = num(name, spec, 'scale', nonNegative, '>= 0') ?? fail(name, "'scale' is required", 'scale');
      const nu = num(name, spec, 'dof', positive, '> 0') ?? fail(name, "'dof' of the t distribution is required", 'dof');
      return dist.studentT(requireEstimate(name, estimate, 'for a t distribution'), scale, nu);
    }
    case 'exponential': {
      const mean = num(name, spec, 'mean', positive, '> 0') ?? estimate;
      if (mean === undefined || !(mean > 0)) fail(name, "an exponential distribution needs a positive 'mean' (or estimate)", 'mean');
      return dist.exponential(mean);
    }
    case 'gamma': {
      const shape = num(name, spec, 'shape', positive, '> 0') ?? fail(name, "'shape' is required", 'shape');
      const scale = num(name, spec, 'scale', positive, '> 0') ?? fail(name, "'scale' is required", 'scale');
      return dist.gamma(shape, scale);
    }
  }
}

/**
 * u of a normal distribution. An expanded uncertainty stated with a coverage probability is
 * divided by the t quantile for the input's dof (GUM 4.3.4, H.1.3.2: "+-10 nm at 95 % from six
 * replicates" gives 10/2.57), or the normal quantile when the dof is infinite.
 */
function normalU(name: string, spec: Params, dof: number): number {
  const u = num(name, spec, 'standardUncertainty', nonNegative, '>= 0');
  const expanded = num(name, spec, 'expandedUncertainty', nonNegative, '>= 0');
  const k = num(name, spec, 'coverageFactor', positive, '> 0');
  const p = num(name, spec, 'coverageProbability', (v) => v > 0 && v < 1, 'in (0, 1)');
  if ((u === undefined) === (expanded === undefined)) {
    fail(name, "a normal distribution needs exactly one of 'standardUncertainty' and 'expandedUncertainty'", 'standardUncertainty');
  }
  if (u !== undefined) {
    if (k !== undefined || p !== undefined) fail(name, "'coverageFactor'/'coverageProbability' apply only to 'expandedUncertainty'", 'coverageFactor');
    return u;
  }
  if ((k === undefined) === (p === undefined)) {
    fail(name, "'expandedUncertainty' needs exactly one of 'coverageFactor' and 'coverageProbability'", 'coverageFactor');
  }
  if (k !== undefined) return (expanded as number) / k;
  if (dof < 1) fail(name, "a coverage probability can be converted only for dof >= 1; state 'coverageFactor' instead", 'coverageProbability');
  const q = (1 + (p as number)) / 2;
  return (expanded as number) / (dof === Infinity ? normalQuantile(q) : studentTQuantile(q, dof));
}
