import { addCalendarDays } from '../../../shared/finnish-calendar.js';

/** The date `months` months after `date`, clamped to the month's last day (31.1. + 1 month = 28./29.2.). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day an NDA is in force: its term counted from the effective date. */
export const ndaExpiresOn = (effectiveFrom: string, termMonths: number): string => addCalendarDays(addMonths(effectiveFrom, termMonths), -1);

export type NdaStatus = 'pending' | 'active' | 'expired' | 'terminated';

/** What a reader sees: an active NDA past its last day is `expired` (derived, never stored). */
export function ndaStatus(nda: { status: 'pending' | 'active' | 'terminated'; expiresOn: string | null }, today: string): NdaStatus {
  return nda.status === 'active' && nda.expiresOn !== null && nda.expiresOn < today ? 'expired' : nda.status;
}
