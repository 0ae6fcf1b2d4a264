import type { Db } from '../../db/database.js';
import { notFound } from '../../shared/errors/index.js';
import { CalibrationGraph } from './domain/calibration-graph.js';
import * as repo from './equipment.repository.js';
import type { EquipmentType } from './equipment.tables.js';

/** An item of equipment with the calibration in force on a day (its newest correction) and the values it certifies. */
export interface CalibrationAtDay {
  equipment: { id: string; code: string; type: EquipmentType };
  calibration: {
    id: string;
    certificateNumber: string;
    calibratedOn: string;
    nextDueOn: string;
    /** The day it was withdrawn, whether before or after `day`; null when never. */
    withdrawnOn: string | null;
    values: { quantity: string; nominal: string | null; value: string; unit: string; expandedUncertainty: string; coverageFactor: string }[];
  } | null;
}

/**
 * The calibration of an item in force on `day` (the latest calibration made on or before it, as
 * corrected), for evaluations that take the certified values and uncertainties; null when none was.
 * Whether it was overdue or withdrawn by then is for the caller to judge from the dates.
 * @throws DomainError LIMS_NOT_FOUND for an unknown item.
 */
export async function calibrationAt(db: Db, equipmentId: string, day: string): Promise<CalibrationAtDay> {
  const item = await repo.findEquipment(db, equipmentId);
  if (!item) throw notFound('Equipment', equipmentId);
  const equipment = { id: item.id, code: item.code, type: item.type };
  const fact = new CalibrationGraph(await repo.allCalibrationFacts(db)).inForce(equipmentId, day);
  if (!fact) return { equipment, calibration: null };
  const values = await repo.listValues(db, [fact.id]);
  return {
    equipment,
    calibration: {
      id: fact.id,
      certificateNumber: fact.certificateNumber,
      calibratedOn: fact.calibratedOn,
      nextDueOn: fact.nextDueOn,
      withdrawnOn: fact.withdrawal?.withdrawnOn ?? null,
      values: values.map((v) => ({ quantity: v.quantity, nominal: v.nominal, value: v.value, unit: v.unit, expandedUncertainty: v.expandedUncertainty, coverageFactor: v.coverageFactor })),
    },
  };
}
