import type { LabService } from './agreement-terms.js';

export type StoredStatus = 'draft' | 'active' | 'terminated' | 'superseded';
export type AgreementStatus = StoredStatus | 'expired';

export interface AgreementPeriod {
  id: string;
  seriesId: string;
  number: string;
  version: number;
  kind: 'annual' | 'ad_hoc';
  status: StoredStatus;
  services: readonly LabService[];
  validFrom: string;
  validTo: string | null;
}

/** The status a reader sees: an active agreement whose period has ended is `expired` (derived, never stored). */
export function effectiveStatus(a: { status: StoredStatus; validTo: string | null }, today: string): AgreementStatus {
  return a.status === 'active' && a.validTo !== null && a.validTo < today ? 'expired' : a.status;
}

/** True when an agreement is active and its period contains `day`. */
export const inForce = (a: Pick<AgreementPeriod, 'status' | 'validFrom' | 'validTo'>, day: string): boolean =>
  a.status === 'active' && a.validFrom <= day && (a.validTo === null || day <= a.validTo);

const periodsOverlap = (a: AgreementPeriod, b: AgreementPeriod): boolean =>
  a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31');

/**
 * The active annual agreement that would overlap `candidate` (same company assumed: the caller
 * passes that company's agreements) for at least one shared service, if any. Versions of the
 * candidate's own series do not count: signing a new version supersedes the old one.
 */
export function findOverlap(candidate: AgreementPeriod, others: readonly AgreementPeriod[]): { agreement: AgreementPeriod; services: LabService[] } | null {
  if (candidate.kind !== 'annual') return null;
  for (const other of others) {
    if (other.kind !== 'annual' || other.status !== 'active' || other.seriesId === candidate.seriesId) continue;
    if (!periodsOverlap(candidate, other)) continue;
    const shared = candidate.services.filter((s) => other.services.includes(s));
    if (shared.length > 0) return { agreement: other, services: shared };
  }
  return null;
}

/** Checks a validity period: annual agreements need an end, and no period ends before it begins. */
export function periodProblem(kind: 'annual' | 'ad_hoc', validFrom: string, validTo: string | null): string | null {
  if (kind === 'annual' && validTo === null) return 'an annual agreement needs validTo (usually 31 December of its year)';
  if (validTo !== null && validTo < validFrom) return `validTo ${validTo} is before validFrom ${validFrom}`;
  if (kind === 'annual' && validTo !== null && validTo > `${Number(validFrom.slice(0, 4)) + 3}${validFrom.slice(4)}`) {
    return 'an annual agreement may run for at most three years; make a new agreement for the following period';
  }
  return null;
}
