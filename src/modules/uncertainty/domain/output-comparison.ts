/**
 * Comparing a stored evaluation's outputs with a re-run of its request: which values differ, by
 * their JSON path. Numbers must be identical (the engine is deterministic for a given request and
 * seed), so no tolerance is applied; object key order does not matter (jsonb does not keep it).
 */

export interface OutputDifference {
  /** JSON path, e.g. `gum.expandedUncertainty` or `gum.budget[2].sensitivity`. */
  readonly path: string;
  readonly stored: unknown;
  readonly rerun: unknown;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every leaf (or shape) where `rerun` differs from `stored`; [] when they are identical. */
export function outputDifferences(stored: unknown, rerun: unknown, path = ''): OutputDifference[] {
  if (Array.isArray(stored) && Array.isArray(rerun)) {
    if (stored.length !== rerun.length) return [{ path: `${path}.length`.replace(/^\./, ''), stored: stored.length, rerun: rerun.length }];
    return stored.flatMap((s, i) => outputDifferences(s, rerun[i], `${path}[${i}]`));
  }
  if (isObject(stored) && isObject(rerun)) {
    const keys = [...new Set([...Object.keys(stored), ...Object.keys(rerun)])].sort();
    return keys.flatMap((k) => outputDifferences(stored[k], rerun[k], path ? `${path}.${k}` : k));
  }
  return Object.is(stored, rerun) || (stored === 0 && rerun === 0) ? [] : [{ path, stored: stored ?? null, rerun: rerun ?? null }];
}
