import { withdrawnBy, type CalibrationGraph, type Day } from './calibration-graph.js';

export type EquipmentStatus = 'in_service' | 'out_of_service' | 'quarantined';
export type UnusableReason = 'out_of_service' | 'quarantined' | 'no_calibration' | 'calibration_overdue' | 'calibration_withdrawn' | 'failed_intermediate_check';

export interface StatusEvent {
  status: EquipmentStatus;
  effectiveOn: Day;
  recordedAt: string;
}

export interface CheckFact {
  checkedOn: Day;
  result: 'pass' | 'fail';
  recordedAt: string;
}

export interface Usability {
  at: Day;
  usable: boolean;
  reasons: UnusableReason[];
  status: EquipmentStatus;
  calibration: { state: 'valid' | 'overdue' | 'withdrawn' | 'none' | 'not_required'; calibrationId: string | null; certificateNumber: string | null; nextDueOn: Day | null };
}

const byDayThenRecord = <T extends { recordedAt: string }>(day: (x: T) => Day) => (a: T, b: T) =>
  day(a) === day(b) ? a.recordedAt.localeCompare(b.recordedAt) : day(a).localeCompare(day(b));

/**
 * The stored status in force on a day: the latest event effective by then. Before the first event
 * the item had the status it was registered with (a later change back-dated before the
 * registration day must not rewrite the days before it took effect).
 */
export function statusOn(events: readonly StatusEvent[], at: Day, current: EquipmentStatus): EquipmentStatus {
  const effective = events.filter((e) => e.effectiveOn <= at).sort(byDayThenRecord((e) => e.effectiveOn));
  const initial = [...events].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt))[0];
  return effective[effective.length - 1]?.status ?? initial?.status ?? current;
}

/**
 * Whether an item may be used on a day, and why not. Derived, never stored: not usable when out of
 * service or quarantined, when it needs calibration and none was in force, when the calibration in
 * force was past its due date (the due date itself still counts as valid) or withdrawn by then, or
 * when the latest intermediate check since that calibration failed.
 */
export function deriveUsability(
  item: { id: string; requiresCalibration: boolean; status: EquipmentStatus },
  events: readonly StatusEvent[],
  graph: CalibrationGraph,
  checks: readonly CheckFact[],
  at: Day,
): Usability {
  const reasons: UnusableReason[] = [];
  const status = statusOn(events, at, item.status);
  if (status !== 'in_service') reasons.push(status);
  const cal = graph.inForce(item.id, at);
  let state: Usability['calibration']['state'] = 'not_required';
  if (item.requiresCalibration) {
    if (!cal) state = 'none';
    else if (withdrawnBy(cal, at)) state = 'withdrawn';
    else if (at > cal.nextDueOn) state = 'overdue';
    else state = 'valid';
    if (state === 'none') reasons.push('no_calibration');
    if (state === 'overdue') reasons.push('calibration_overdue');
    if (state === 'withdrawn') reasons.push('calibration_withdrawn');
  }
  const since = cal?.calibratedOn ?? '0000-01-01';
  const relevant = checks.filter((c) => c.checkedOn <= at && c.checkedOn >= since).sort(byDayThenRecord((c) => c.checkedOn));
  if (relevant[relevant.length - 1]?.result === 'fail') reasons.push('failed_intermediate_check');
  return {
    at,
    usable: reasons.length === 0,
    reasons,
    status,
    calibration: { state, calibrationId: cal?.id ?? null, certificateNumber: cal?.certificateNumber ?? null, nextDueOn: cal?.nextDueOn ?? null },
  };
}

/** The next due date: `months` calendar months after the calibration day (clamped to the month's end). */
export function nextDueOn(calibratedOn: Day, months: number): Day {
  const [y, m, d] = calibratedOn.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
