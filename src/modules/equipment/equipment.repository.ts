import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { CalibrationFact } from './domain/calibration-graph.js';
import { calibrations, calibrationValues, calibrationWithdrawals, equipment, equipmentStatusEvents, intermediateChecks } from './equipment.tables.js';

export type EquipmentRow = typeof equipment.$inferSelect;
export type EquipmentValues = Omit<typeof equipment.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type CalibrationRow = typeof calibrations.$inferSelect;
export type CalibrationValueRow = typeof calibrationValues.$inferSelect;
export type WithdrawalRow = typeof calibrationWithdrawals.$inferSelect;
export type CheckRow = typeof intermediateChecks.$inferSelect;
export type StatusEventRow = typeof equipmentStatusEvents.$inferSelect;

export async function insertEquipment(db: Db, values: EquipmentValues): Promise<EquipmentRow> {
  const [row] = await db.insert(equipment).values(values).returning();
  return row!;
}

export async function updateEquipment(db: Db, id: string, values: Partial<EquipmentValues>): Promise<EquipmentRow> {
  const [row] = await db.update(equipment).set({ ...values, updatedAt: sql`now()` }).where(eq(equipment.id, id)).returning();
  return row!;
}

export async function findEquipment(db: Db, id: string): Promise<EquipmentRow | null> {
  const [row] = await db.select().from(equipment).where(eq(equipment.id, id));
  return row ?? null;
}

export async function findEquipmentByCode(db: Db, code: string): Promise<EquipmentRow | null> {
  const [row] = await db.select().from(equipment).where(eq(equipment.code, code));
  return row ?? null;
}

export async function listEquipment(db: Db): Promise<EquipmentRow[]> {
  return db.select().from(equipment).orderBy(asc(equipment.code));
}

export async function insertStatusEvent(db: Db, values: typeof equipmentStatusEvents.$inferInsert): Promise<StatusEventRow> {
  const [row] = await db.insert(equipmentStatusEvents).values(values).returning();
  return row!;
}

export async function listStatusEvents(db: Db, equipmentId?: string): Promise<StatusEventRow[]> {
  const q = db.select().from(equipmentStatusEvents);
  return (equipmentId ? q.where(eq(equipmentStatusEvents.equipmentId, equipmentId)) : q).orderBy(asc(equipmentStatusEvents.createdAt));
}

/** The day an item's register entry begins: the effective day of its first status event (made when it was registered). */
export async function registeredOn(db: Db, equipmentId: string): Promise<string | undefined> {
  const [first] = await db
    .select({ effectiveOn: equipmentStatusEvents.effectiveOn })
    .from(equipmentStatusEvents)
    .where(eq(equipmentStatusEvents.equipmentId, equipmentId))
    .orderBy(asc(equipmentStatusEvents.createdAt))
    .limit(1);
  return first?.effectiveOn;
}

export async function insertCalibration(
  db: Db,
  values: typeof calibrations.$inferInsert,
  certified: Omit<typeof calibrationValues.$inferInsert, 'calibrationId' | 'position'>[],
): Promise<{ calibration: CalibrationRow; values: CalibrationValueRow[] }> {
  const [calibration] = await db.insert(calibrations).values(values).returning();
  const rows = certified.length
    ? await db
        .insert(calibrationValues)
        .values(certified.map((v, position) => ({ ...v, calibrationId: calibration!.id, position })))
        .returning()
    : [];
  return { calibration: calibration!, values: rows };
}

export async function findCalibration(db: Db, id: string): Promise<CalibrationRow | null> {
  const [row] = await db.select().from(calibrations).where(eq(calibrations.id, id));
  return row ?? null;
}

export async function listCalibrations(db: Db, equipmentId: string): Promise<CalibrationRow[]> {
  return db.select().from(calibrations).where(eq(calibrations.equipmentId, equipmentId)).orderBy(asc(calibrations.calibratedOn), asc(calibrations.createdAt));
}

export async function listValues(db: Db, calibrationIds: string[]): Promise<CalibrationValueRow[]> {
  if (calibrationIds.length === 0) return [];
  return db
    .select()
    .from(calibrationValues)
    .where(inArray(calibrationValues.calibrationId, calibrationIds))
    .orderBy(asc(calibrationValues.calibrationId), asc(calibrationValues.position));
}

export async function listWithdrawals(db: Db): Promise<WithdrawalRow[]> {
  return db.select().from(calibrationWithdrawals);
}

export async function findWithdrawal(db: Db, calibrationId: string): Promise<WithdrawalRow | null> {
  const [row] = await db.select().from(calibrationWithdrawals).where(eq(calibrationWithdrawals.calibrationId, calibrationId));
  return row ?? null;
}

export async function insertWithdrawal(db: Db, values: typeof calibrationWithdrawals.$inferInsert): Promise<WithdrawalRow> {
  const [row] = await db.insert(calibrationWithdrawals).values(values).returning();
  return row!;
}

/**
 * Every calibration record as a fact for the traceability walks, with its withdrawal and the largest
 * stated uncertainty. A laboratory has hundreds of items and thousands of records at most: one read
 * of all of them is cheaper and simpler than a query per link (see docs/decisions/0002).
 */
export async function allCalibrationFacts(db: Db): Promise<CalibrationFact[]> {
  const maxU = db
    .select({
      calibrationId: calibrationValues.calibrationId,
      maxU: sql<string>`max(${calibrationValues.expandedUncertainty})::text`.as('max_u'),
      unit: sql<string>`min(${calibrationValues.unit})`.as('u_unit'),
    })
    .from(calibrationValues)
    .groupBy(calibrationValues.calibrationId)
    .as('max_u');
  const rows = await db
    .select({ c: calibrations, w: calibrationWithdrawals, maxU: maxU.maxU, unit: maxU.unit })
    .from(calibrations)
    .leftJoin(calibrationWithdrawals, eq(calibrationWithdrawals.calibrationId, calibrations.id))
    .leftJoin(maxU, eq(maxU.calibrationId, calibrations.id));
  return rows.map(({ c, w, maxU: u, unit }) => ({
    id: c.id,
    equipmentId: c.equipmentId,
    certificateNumber: c.certificateNumber,
    calibratedOn: c.calibratedOn,
    nextDueOn: c.nextDueOn,
    calibratorKind: c.calibratorKind,
    calibratorName: c.calibratorName,
    accreditationId: c.accreditationId,
    referenceCalibrationId: c.referenceCalibrationId,
    externalTraceability: c.externalTraceability,
    correctsId: c.correctsId,
    recordedAt: c.createdAt.toISOString(),
    withdrawal: w ? { kind: w.kind, withdrawnOn: w.withdrawnOn, reason: w.reason } : null,
    maxExpandedUncertainty: u ?? null,
    uncertaintyUnit: unit ?? null,
  }));
}

export async function insertCheck(db: Db, values: typeof intermediateChecks.$inferInsert): Promise<CheckRow> {
  const [row] = await db.insert(intermediateChecks).values(values).returning();
  return row!;
}

export async function listChecks(db: Db, equipmentId?: string): Promise<CheckRow[]> {
  const q = db.select().from(intermediateChecks);
  return (equipmentId ? q.where(eq(intermediateChecks.equipmentId, equipmentId)) : q).orderBy(asc(intermediateChecks.checkedOn), asc(intermediateChecks.createdAt));
}
