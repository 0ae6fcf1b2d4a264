import type { Db } from '../../db/database.js';
import { notFound } from '../../shared/errors/index.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import { CalibrationGraph } from './domain/calibration-graph.js';
import { reverseImpact, type ImpactWindow } from './domain/impact.js';
import { traceabilityChain } from './domain/traceability.js';
import * as repo from './equipment.repository.js';

const brief = (e: repo.EquipmentRow | undefined, id: string) => ({ id, code: e?.code ?? null, name: e?.name ?? null, type: e?.type ?? null });

/**
 * The traceability chain of an item as of a day (default today): the calibration in force that day,
 * then the calibration of each standard above it, up to an accredited laboratory or an NMI. Each link
 * carries its certificate, date, calibrating body and certified values with uncertainties; links that
 * were overdue when relied on, or withdrawn by the day, are flagged. A cycle is refused (422).
 */
export async function getTraceability(db: Db, equipmentId: string, at?: string) {
  const item = await repo.findEquipment(db, equipmentId);
  if (!item) throw notFound('Equipment', equipmentId);
  const chain = traceabilityChain(new CalibrationGraph(await repo.allCalibrationFacts(db)), equipmentId, at ?? todayInFinland());
  const equipment = new Map((await repo.listEquipment(db)).map((e) => [e.id, e]));
  const values = await repo.listValues(db, chain.links.map((l) => l.calibration.id));
  return {
    equipment: brief(item, item.id),
    at: chain.at,
    complete: chain.complete,
    flagged: chain.flagged,
    problems: chain.problems,
    terminatesAt: chain.terminatesAt,
    links: chain.links.map(({ calibration: c, ...link }) => ({
      depth: link.depth,
      equipment: brief(equipment.get(c.equipmentId), c.equipmentId),
      calibrationId: c.id,
      certificateNumber: c.certificateNumber,
      calibratedOn: c.calibratedOn,
      nextDueOn: c.nextDueOn,
      calibratedBy: { kind: c.calibratorKind, name: c.calibratorName, accreditationId: c.accreditationId },
      externalTraceability: c.externalTraceability,
      maxExpandedUncertainty: c.maxExpandedUncertainty,
      uncertaintyUnit: c.uncertaintyUnit,
      values: values
        .filter((v) => v.calibrationId === c.id)
        .map((v) => ({ quantity: v.quantity, nominal: v.nominal, value: v.value, unit: v.unit, expandedUncertainty: v.expandedUncertainty, coverageFactor: v.coverageFactor })),
      reliedOn: link.reliedOn,
      overdue: link.overdue,
      withdrawn: link.withdrawn,
      corrected: link.corrected,
      withdrawal: c.withdrawal,
    })),
  };
}

/** What the reverse impact hands to the sources that plug into it. */
export interface ImpactScope {
  /** The standard found out of tolerance or whose calibration was withdrawn. */
  equipmentId: string;
  since: string;
  /** Per item, the periods in which its measurements rest on the standard (the standard itself first). */
  windows: ImpactWindow[];
  calibrationIds: string[];
}

/** A record that depended on the standard: a result, a job, an issued document... */
export interface ImpactedRecord {
  kind: string;
  id: string;
  description: string;
  date: string | null;
  equipmentId: string | null;
}

/**
 * Later modules (results logging, jobs, certificates) register a source here at start-up; the
 * reverse impact then lists their records too, e.g. every result measured with an item inside one of
 * its windows, and every job and document that reported such a result.
 */
export interface ImpactSource {
  name: string;
  find(db: Db, scope: ImpactScope): Promise<ImpactedRecord[]>;
}

const impactSources: ImpactSource[] = [];

/** Adds a source of impacted records (once per name). */
export function registerImpactSource(source: ImpactSource): void {
  if (!impactSources.some((s) => s.name === source.name)) impactSources.push(source);
}

/**
 * Reverse impact (ISO/IEC 17025 7.10): every calibration and item that depended on the standard,
 * directly or through the chain, since a day, with the windows in which each item was affected, and
 * the records of every registered ImpactSource (results, jobs and documents when those exist).
 */
export async function getImpact(db: Db, equipmentId: string, since: string, sources: readonly ImpactSource[] = impactSources) {
  const item = await repo.findEquipment(db, equipmentId);
  if (!item) throw notFound('Equipment', equipmentId);
  const impact = reverseImpact(new CalibrationGraph(await repo.allCalibrationFacts(db)), equipmentId, since);
  const equipment = new Map((await repo.listEquipment(db)).map((e) => [e.id, e]));
  const scope: ImpactScope = { equipmentId, since, windows: impact.windows, calibrationIds: impact.calibrations.map((c) => c.calibration.id) };
  const records = (await Promise.all(sources.map(async (s) => (await s.find(db, scope)).map((r) => ({ source: s.name, ...r }))))).flat();
  const ids = [...new Set(impact.windows.map((w) => w.equipmentId))];
  const failedChecks = (await repo.listChecks(db, equipmentId)).filter((c) => c.result === 'fail' && c.checkedOn >= since);
  return {
    equipment: brief(item, item.id),
    since,
    /** The item's failed intermediate checks since `since`: like a failed calibration, each is a reason to review what it measured. */
    failedChecks: failedChecks.map((c) => ({ id: c.id, checkedOn: c.checkedOn, procedure: c.procedure, expected: c.expected, observed: c.observed, acceptanceLimit: c.acceptanceLimit, unit: c.unit })),
    calibrations: impact.calibrations.map(({ calibration: c, depth, viaCalibrationId }) => ({
      calibrationId: c.id,
      certificateNumber: c.certificateNumber,
      calibratedOn: c.calibratedOn,
      equipment: brief(equipment.get(c.equipmentId), c.equipmentId),
      depth,
      viaCalibrationId,
    })),
    affectedEquipment: ids.map((id) => ({
      ...brief(equipment.get(id), id),
      windows: impact.windows.filter((w) => w.equipmentId === id).map(({ calibrationId, from, until }) => ({ calibrationId, from, until })),
    })),
    records,
  };
}
