import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { DomainError, notFound } from '../../shared/errors/index.js';
import { recordAudit } from '../audit/index.js';
import { CalibrationGraph, withdrawnBy } from './domain/calibration-graph.js';
import { assertNoCycle } from './domain/traceability.js';
import { nextDueOn as dueAfter } from './domain/usability.js';
import * as repo from './equipment.repository.js';
import type { CalibrationRow, CalibrationValueRow, WithdrawalRow } from './equipment.repository.js';
import { RECORD_KEEPERS, equipmentUsability, requireRole } from './equipment.service.js';

export interface CertifiedValueInput {
  quantity: string;
  nominal?: string | null;
  value: string;
  unit: string;
  expandedUncertainty: string;
  coverageFactor: string;
}

export interface CalibrationInput {
  certificateNumber: string;
  calibratedOn: string;
  intervalMonths?: number;
  nextDueOn?: string;
  calibratedBy: { kind: 'internal' | 'accredited_lab' | 'nmi'; name: string; accreditationId?: string | null };
  /** Internal calibrations: the lab's standard used; its calibration in force that day becomes the reference. */
  referenceEquipmentId?: string | null;
  externalTraceability?: string | null;
  values: CertifiedValueInput[];
  remarks?: string | null;
}

const invalid = (message: string, details?: Record<string, unknown>) => new DomainError('LIMS_CALIBRATION_INVALID', message, details);
const refInvalid = (message: string, details?: Record<string, unknown>) => new DomainError('LIMS_CALIBRATION_REFERENCE_INVALID', message, details);

/** The API shape of a calibration record. */
export function presentCalibration(c: CalibrationRow, values: CalibrationValueRow[], withdrawal: WithdrawalRow | null, correctedById: string | null, referenceEquipmentId: string | null) {
  return {
    id: c.id,
    equipmentId: c.equipmentId,
    certificateNumber: c.certificateNumber,
    calibratedOn: c.calibratedOn,
    intervalMonths: c.intervalMonths,
    nextDueOn: c.nextDueOn,
    calibratedBy: { kind: c.calibratorKind, name: c.calibratorName, accreditationId: c.accreditationId },
    referenceCalibrationId: c.referenceCalibrationId,
    referenceEquipmentId,
    externalTraceability: c.externalTraceability,
    correctsId: c.correctsId,
    correctionReason: c.correctionReason,
    correctedById,
    withdrawal: withdrawal ? { kind: withdrawal.kind, withdrawnOn: withdrawal.withdrawnOn, reason: withdrawal.reason, recordedBy: withdrawal.recordedBy } : null,
    values: values.map((v) => ({ quantity: v.quantity, nominal: v.nominal, value: v.value, unit: v.unit, expandedUncertainty: v.expandedUncertainty, coverageFactor: v.coverageFactor })),
    remarks: c.remarks,
    recordedBy: c.recordedBy,
    createdAt: c.createdAt,
  };
}
export type CalibrationView = ReturnType<typeof presentCalibration>;

async function present(db: Db, rows: CalibrationRow[]): Promise<CalibrationView[]> {
  const values = await repo.listValues(db, rows.map((r) => r.id));
  const facts = await repo.allCalibrationFacts(db);
  const withdrawals = new Map((await repo.listWithdrawals(db)).map((w) => [w.calibrationId, w]));
  const byId = new Map(facts.map((f) => [f.id, f]));
  const correctedBy = new Map(facts.filter((f) => f.correctsId).map((f) => [f.correctsId!, f.id]));
  return rows.map((r) =>
    presentCalibration(
      r,
      values.filter((v) => v.calibrationId === r.id),
      withdrawals.get(r.id) ?? null,
      correctedBy.get(r.id) ?? null,
      r.referenceCalibrationId ? (byId.get(r.referenceCalibrationId)?.equipmentId ?? null) : null,
    ),
  );
}

/** Checks the input and resolves the internal reference to the standard's calibration in force that day. */
async function resolve(tx: Db, equipmentId: string, input: CalibrationInput, defaultInterval: number | null) {
  const { kind, accreditationId } = input.calibratedBy;
  if (kind === 'accredited_lab' && !accreditationId) throw invalid('A calibration by an accredited laboratory needs its accreditation id (e.g. FINAS K008).');
  if ((kind === 'internal') !== Boolean(input.referenceEquipmentId)) {
    throw invalid(kind === 'internal' ? 'An internal calibration needs referenceEquipmentId: the standard it was calibrated against.' : 'Only internal calibrations name a referenceEquipmentId; an external certificate is its own reference.');
  }
  const intervalMonths = input.intervalMonths ?? defaultInterval;
  if (!intervalMonths) throw invalid('Give intervalMonths: the item has no calibration interval of its own.');
  const nextDueOn = input.nextDueOn ?? dueAfter(input.calibratedOn, intervalMonths);
  if (nextDueOn <= input.calibratedOn) throw invalid(`nextDueOn ${nextDueOn} must be after calibratedOn ${input.calibratedOn}.`);
  let referenceCalibrationId: string | null = null;
  if (input.referenceEquipmentId) {
    const refId = input.referenceEquipmentId;
    if (refId === equipmentId) throw new DomainError('LIMS_TRACEABILITY_CYCLE', 'An item cannot be calibrated against itself.', { equipmentId });
    if (!(await repo.findEquipment(tx, refId))) throw notFound('Equipment', refId);
    const graph = new CalibrationGraph(await repo.allCalibrationFacts(tx));
    const ref = graph.inForce(refId, input.calibratedOn);
    if (!ref) throw refInvalid(`The reference standard ${refId} had no calibration in force on ${input.calibratedOn}.`, { referenceEquipmentId: refId });
    if (withdrawnBy(ref, input.calibratedOn)) throw refInvalid(`The reference standard's certificate ${ref.certificateNumber} was withdrawn on ${ref.withdrawal!.withdrawnOn}.`, { referenceCalibrationId: ref.id });
    const usability = await equipmentUsability(tx, refId, input.calibratedOn);
    if (!usability.usable) throw refInvalid(`The reference standard was not usable on ${input.calibratedOn}: ${usability.reasons.join(', ')}.`, { referenceEquipmentId: refId, reasons: usability.reasons });
    assertNoCycle(graph, equipmentId, ref);
    referenceCalibrationId = ref.id;
  }
  return { intervalMonths, nextDueOn, referenceCalibrationId };
}

async function insert(tx: Db, actor: Actor, equipmentId: string, input: CalibrationInput, correction: { correctsId: string; reason: string } | null) {
  const item = await repo.findEquipment(tx, equipmentId);
  if (!item) throw notFound('Equipment', equipmentId);
  const resolved = await resolve(tx, equipmentId, input, item.calibrationIntervalMonths);
  const { calibration } = await repo.insertCalibration(
    tx,
    {
      equipmentId,
      certificateNumber: input.certificateNumber,
      calibratedOn: input.calibratedOn,
      intervalMonths: resolved.intervalMonths,
      nextDueOn: resolved.nextDueOn,
      calibratorKind: input.calibratedBy.kind,
      calibratorName: input.calibratedBy.name,
      accreditationId: input.calibratedBy.accreditationId ?? null,
      referenceCalibrationId: resolved.referenceCalibrationId,
      externalTraceability: input.externalTraceability ?? null,
      correctsId: correction?.correctsId ?? null,
      correctionReason: correction?.reason ?? null,
      remarks: input.remarks ?? null,
      recordedBy: actor.userId,
    },
    input.values,
  );
  const [view] = await present(tx, [calibration]);
  return view!;
}

/** Records a calibration certificate of an item. Internal calibrations are traced to the standard's calibration in force that day. */
export async function recordCalibration(db: Db, actor: Actor, equipmentId: string, input: CalibrationInput): Promise<CalibrationView> {
  requireRole(actor, RECORD_KEEPERS);
  return db.transaction(async (tx) => {
    const view = await insert(tx, actor, equipmentId, input, null);
    await recordAudit(tx, actor, { action: 'calibration.record', entityType: 'calibration', entityId: view.id, after: view });
    return view;
  });
}

/**
 * Corrects a calibration record: the correction is a new record that references the corrected one,
 * with a reason; the corrected record stays, unchanged and visible (ISO/IEC 17025 7.5.2).
 */
export async function correctCalibration(db: Db, actor: Actor, equipmentId: string, calibrationId: string, input: CalibrationInput & { reason: string }): Promise<CalibrationView> {
  requireRole(actor, RECORD_KEEPERS);
  return db.transaction(async (tx) => {
    const old = await repo.findCalibration(tx, calibrationId);
    if (!old || old.equipmentId !== equipmentId) throw notFound('Calibration', calibrationId);
    const facts = await repo.allCalibrationFacts(tx);
    const newer = facts.find((f) => f.correctsId === calibrationId);
    if (newer) throw new DomainError('LIMS_CALIBRATION_ALREADY_CORRECTED', `Calibration ${calibrationId} was corrected by ${newer.id}; correct that record instead.`, { correctedById: newer.id });
    const { reason, ...content } = input;
    const view = await insert(tx, actor, equipmentId, content, { correctsId: calibrationId, reason });
    const [before] = await present(tx, [old]);
    await recordAudit(tx, actor, { action: 'calibration.correct', entityType: 'calibration', entityId: view.id, before, after: view, reason });
    return view;
  });
}

/** Withdraws a calibration (certificate withdrawn, or the standard found out of tolerance) from a day on. */
export async function withdrawCalibration(
  db: Db,
  actor: Actor,
  equipmentId: string,
  calibrationId: string,
  input: { kind: 'withdrawn' | 'out_of_tolerance'; withdrawnOn: string; reason: string },
): Promise<CalibrationView> {
  requireRole(actor, RECORD_KEEPERS);
  return db.transaction(async (tx) => {
    const cal = await repo.findCalibration(tx, calibrationId);
    if (!cal || cal.equipmentId !== equipmentId) throw notFound('Calibration', calibrationId);
    if (await repo.findWithdrawal(tx, calibrationId)) throw new DomainError('LIMS_CALIBRATION_ALREADY_WITHDRAWN', `Calibration ${cal.certificateNumber} has already been withdrawn.`);
    const withdrawal = await repo.insertWithdrawal(tx, { calibrationId, ...input, recordedBy: actor.userId });
    await recordAudit(tx, actor, { action: 'calibration.withdraw', entityType: 'calibration', entityId: calibrationId, after: withdrawal, reason: input.reason });
    return (await present(tx, [cal]))[0]!;
  });
}

/** Every calibration record of an item, corrected ones included, oldest first. */
export async function getCalibrations(db: Db, equipmentId: string): Promise<CalibrationView[]> {
  if (!(await repo.findEquipment(db, equipmentId))) throw notFound('Equipment', equipmentId);
  return present(db, await repo.listCalibrations(db, equipmentId));
}
