import { sub, toText } from '../../../shared/decimal.js';
import { compareWithReference } from '../../uncertainty/index.js';

/** One side of a comparison, in the characteristic's unit. */
export interface ComparedValue {
  value: string;
  /** Expanded uncertainty; null when that side stated none. */
  expandedUncertainty: string | null;
  /** Coverage factor of the expanded uncertainty; 2 when not given. */
  coverageFactor: number | null;
}

export type ComparisonStatus = 'compared' | 'company_uncertainty_missing' | 'lab_uncertainty_missing';

export interface ComparisonScore {
  status: ComparisonStatus;
  /** Company minus lab, exactly. */
  difference: string;
  /** E_n = (x_c - x_l) / sqrt(U_c^2 + U_l^2); |En| <= 1 satisfactory. */
  en: number | null;
  /** zeta = (x_c - x_l) / sqrt(u_c^2 + u_l^2) with standard uncertainties U/k. */
  zeta: number | null;
  /** The verdict of En (ISO 13528 9.7), the score for comparisons with expanded uncertainties. */
  verdict: 'satisfactory' | 'unsatisfactory' | null;
  zetaVerdict: 'satisfactory' | 'questionable' | 'unsatisfactory' | null;
  /** When the company stated no uncertainty: the smallest expanded uncertainty that would give |En| <= 1. */
  requiredExpandedUncertainty: number | null;
}

/**
 * Scores the company's value against the lab's: the exact difference, and En, zeta and the verdict
 * when both sides have an uncertainty; when the company has none, the expanded uncertainty its
 * measurement would need for |En| <= 1; when the lab's uncertainty is not known, the difference only.
 * @throws ComparisonError (LIMS_UNCERTAINTY_COMPARISON_*) when both uncertainties are zero.
 */
export function scoreComparison(company: ComparedValue, lab: ComparedValue): ComparisonScore {
  const difference = toText(sub(company.value, lab.value));
  const none = { en: null, zeta: null, verdict: null, zetaVerdict: null, requiredExpandedUncertainty: null };
  if (lab.expandedUncertainty === null) return { status: 'lab_uncertainty_missing', difference, ...none };
  const scored = compareWithReference({
    value: Number(company.value),
    ...(company.expandedUncertainty !== null ? { expandedUncertainty: Number(company.expandedUncertainty), coverageFactor: company.coverageFactor ?? 2 } : {}),
    referenceValue: Number(lab.value),
    referenceExpandedUncertainty: Number(lab.expandedUncertainty),
    referenceCoverageFactor: lab.coverageFactor ?? 2,
  });
  if (company.expandedUncertainty === null) return { status: 'company_uncertainty_missing', difference, ...none, requiredExpandedUncertainty: scored.minimumExpandedUncertainty };
  return { status: 'compared', difference, en: scored.en!, zeta: scored.zeta!, verdict: scored.enVerdict!, zetaVerdict: scored.zetaVerdict!, requiredExpandedUncertainty: null };
}
