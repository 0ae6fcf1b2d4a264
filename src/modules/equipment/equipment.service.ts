import type { Db } from '../../db/database.js';
import type { Actor, Role } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { recordAudit } from '../audit/index.js';
import { CalibrationGraph } from './domain/calibration-graph.js';
import { checkOutcome } from './domain/check-outcome.js';
import { deriveUsability, type EquipmentStatus, type Usability } from './domain/usability.js';
import * as repo from './equipment.repository.js';
import type { CheckRow, EquipmentRow, EquipmentValues } from './equipment.repository.js';
import type { EquipmentType } from './equipment.tables.js';

export const RECORD_KEEPERS: readonly Role[] = ['admin', 'quality_manager'];
export const CHECKERS: readonly Role[] = ['admin', 'quality_manager', 'technician'];

/** Defence in depth: the routes declare the same roles. */
export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw forbidden(`A ${actor.role} may not change laboratory records.`);
}

export interface EquipmentInput {
  code?: string;
  name?: string;
  type?: EquipmentType;
  manufacturer?: string | null;
  model?: string | null;
  serialNumber?: string | null;
  location?: string | null;
  rangeLower?: string | null;
  rangeUpper?: string | null;
  resolution?: string | null;
  unit?: string | null;
  calibrationIntervalMonths?: number | null;
  requiresCalibration?: boolean;
}

export type EquipmentView = EquipmentRow & { usability: Usability };

/** Usability of items as of a day, from one read of the records. */
async function withUsability(db: Db, items: EquipmentRow[], at: string): Promise<EquipmentView[]> {
  const graph = new CalibrationGraph(await repo.allCalibrationFacts(db));
  const events = await repo.listStatusEvents(db, items.length === 1 ? items[0]!.id : undefined);
  const checks = await repo.listChecks(db, items.length === 1 ? items[0]!.id : undefined);
  return items.map((item) => ({
    ...item,
    usability: deriveUsability(
      item,
      events.filter((e) => e.equipmentId === item.id).map((e) => ({ status: e.status, effectiveOn: e.effectiveOn, recordedAt: e.createdAt.toISOString() })),
      graph,
      checks.filter((c) => c.equipmentId === item.id).map((c) => ({ checkedOn: c.checkedOn, result: c.result, recordedAt: c.createdAt.toISOString() })),
      at,
    ),
  }));
}

/** Registers an item of equipment; its identifier (code) is unique. The initial status takes effect on `inServiceFrom` (default today). */
export async function createEquipment(db: Db, actor: Actor, input: EquipmentInput & { code: string; name: string; type: EquipmentType; inServiceFrom?: string }): Promise<EquipmentView> {
  requireRole(actor, RECORD_KEEPERS);
  const { inServiceFrom, ...values } = input;
  const item = await db.transaction(async (tx) => {
    if (await repo.findEquipmentByCode(tx, input.code)) throw new DomainError('LIMS_EQUIPMENT_CODE_TAKEN', `Equipment ${input.code} is already registered.`, { code: input.code });
    const row = await repo.insertEquipment(tx, values as EquipmentValues);
    await repo.insertStatusEvent(tx, { equipmentId: row.id, status: row.status, effectiveOn: inServiceFrom ?? todayInFinland(), reason: 'registered', recordedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'equipment.create', entityType: 'equipment', entityId: row.id, after: row });
    return row;
  });
  return (await withUsability(db, [item], todayInFinland()))[0]!;
}

/** Changes an item's descriptive details (not its status: see changeStatus). */
export async function updateEquipment(db: Db, actor: Actor, id: string, input: EquipmentInput): Promise<EquipmentView> {
  requireRole(actor, RECORD_KEEPERS);
  const item = await db.transaction(async (tx) => {
    const before = await repo.findEquipment(tx, id);
    if (!before) throw notFound('Equipment', id);
    if (input.code && input.code !== before.code && (await repo.findEquipmentByCode(tx, input.code))) {
      throw new DomainError('LIMS_EQUIPMENT_CODE_TAKEN', `Equipment ${input.code} is already registered.`, { code: input.code });
    }
    const after = await repo.updateEquipment(tx, id, input as Partial<EquipmentValues>);
    await recordAudit(tx, actor, { action: 'equipment.update', entityType: 'equipment', entityId: id, before, after });
    return after;
  });
  return (await withUsability(db, [item], todayInFinland()))[0]!;
}

/** Puts an item in service, out of service or in quarantine from a day on, with a reason. */
export async function changeStatus(db: Db, actor: Actor, id: string, input: { status: EquipmentStatus; effectiveOn?: string; reason: string }): Promise<EquipmentView> {
  requireRole(actor, RECORD_KEEPERS);
  const item = await db.transaction(async (tx) => {
    const before = await repo.findEquipment(tx, id);
    if (!before) throw notFound('Equipment', id);
    const event = await repo.insertStatusEvent(tx, { equipmentId: id, status: input.status, effectiveOn: input.effectiveOn ?? todayInFinland(), reason: input.reason, recordedBy: actor.userId });
    const after = await repo.updateEquipment(tx, id, { status: input.status });
    await recordAudit(tx, actor, { action: 'equipment.status', entityType: 'equipment', entityId: id, before: { status: before.status }, after: event, reason: input.reason });
    return after;
  });
  return (await withUsability(db, [item], todayInFinland()))[0]!;
}

/** One item with its usability as of a day (default today). */
export async function getEquipment(db: Db, id: string, at?: string): Promise<EquipmentView> {
  const item = await repo.findEquipment(db, id);
  if (!item) throw notFound('Equipment', id);
  return (await withUsability(db, [item], at ?? todayInFinland()))[0]!;
}

/**
 * Usability of an item at a day, for other modules (results logging refuses unusable equipment).
 * Pass a transaction to see the caller's own uncommitted state.
 */
export async function equipmentUsability(db: Db, id: string, at: string): Promise<Usability> {
  return (await getEquipment(db, id, at)).usability;
}

/** Every item with its usability as of a day (default today). */
export async function getEquipmentList(db: Db, at?: string): Promise<EquipmentView[]> {
  return withUsability(db, await repo.listEquipment(db), at ?? todayInFinland());
}

export interface CheckInput {
  checkedOn: string;
  procedure: string;
  checkStandardId?: string | null;
  expected?: string | null;
  observed?: string | null;
  acceptanceLimit?: string | null;
  unit?: string | null;
  /** Decided by the service from expected, observed and acceptanceLimit; required only for a check without figures. */
  result?: 'pass' | 'fail';
  remarks?: string | null;
}

/**
 * Records an intermediate check (ISO/IEC 17025 6.4.10). The result is computed from the figures
 * (a contradicting stated result is refused, 422); a failed check makes the item unusable until a
 * later pass or calibration, and appears in the item's reverse impact.
 */
export async function recordCheck(db: Db, actor: Actor, equipmentId: string, input: CheckInput): Promise<CheckRow> {
  requireRole(actor, CHECKERS);
  const outcome = checkOutcome(input);
  if ('problem' in outcome) throw new DomainError('LIMS_EQUIPMENT_CHECK_INVALID', outcome.problem);
  return db.transaction(async (tx) => {
    const item = await repo.findEquipment(tx, equipmentId);
    if (!item) throw notFound('Equipment', equipmentId);
    const standard = input.checkStandardId ? await repo.findEquipment(tx, input.checkStandardId) : undefined;
    if (input.checkStandardId && !standard) throw notFound('Equipment', input.checkStandardId);
    for (const [role, checked] of [['checked item', item], ['check standard', standard]] as const) {
      if (checked) await requireRegisteredBy(tx, checked, input.checkedOn, role);
    }
    const row = await repo.insertCheck(tx, { ...input, result: outcome.result, equipmentId, performedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'equipment.check', entityType: 'intermediate_check', entityId: row.id, after: row });
    return row;
  });
}

/** Refuses a check dated before an item (the one checked, or the standard used) entered the register. */
async function requireRegisteredBy(tx: Db, item: EquipmentRow, checkedOn: string, role: 'checked item' | 'check standard'): Promise<void> {
  const since = await repo.registeredOn(tx, item.id);
  if (since === undefined || checkedOn >= since) return;
  throw new DomainError(
    'LIMS_EQUIPMENT_CHECK_BEFORE_REGISTRATION',
    `The check is dated ${checkedOn}, before ${item.code} (the ${role}) entered the register on ${since} (its inServiceFrom); date the check on or after ${since}.`,
    { equipmentId: item.id, checkedOn, registeredOn: since },
  );
}

export async function getChecks(db: Db, equipmentId: string): Promise<CheckRow[]> {
  if (!(await repo.findEquipment(db, equipmentId))) throw notFound('Equipment', equipmentId);
  return repo.listChecks(db, equipmentId);
}
