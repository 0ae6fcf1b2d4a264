import { add, sub, toText } from '../../../shared/decimal.js';
import type { Tolerance } from './job-content.js';

/**
 * The specification limits of a tolerance as drawn, exact: ±t and deviations about the nominal,
 * explicit limits, or a geometric zone { upper: t } (its lower bound 0 is natural, not a limit).
 * Null when a ± or deviation tolerance has no nominal to apply to.
 */
export function toleranceLimits(nominal: string | null, tolerance: Tolerance): { lower?: string; upper?: string } | null {
  switch (tolerance.kind) {
    case 'symmetric':
      return nominal === null ? null : { lower: toText(sub(nominal, tolerance.value)), upper: toText(add(nominal, tolerance.value)) };
    case 'deviations':
      return nominal === null ? null : { lower: toText(add(nominal, tolerance.lower)), upper: toText(add(nominal, tolerance.upper)) };
    case 'limits':
      return { lower: tolerance.lower, upper: tolerance.upper };
    case 'geometric':
      return { upper: tolerance.value };
  }
}
