import { DomainError } from '../../../shared/errors/index.js';
import { withdrawnBy, type CalibrationFact, type CalibrationGraph, type Day } from './calibration-graph.js';

export interface ChainLink {
  depth: number;
  calibration: CalibrationFact;
  /** The day this link was relied on: the as-of day for the first link, the calibration day of the link below for the others. */
  reliedOn: Day;
  /** The calibration was past its due date on the day it was relied on. */
  overdue: boolean;
  /** The calibration had been withdrawn by the as-of day. */
  withdrawn: boolean;
  /** The referenced record was corrected; the link shows the corrected record. */
  corrected: boolean;
}

export interface Chain {
  at: Day;
  links: ChainLink[];
  /** The chain ends at an accredited laboratory or an NMI. */
  complete: boolean;
  /** Where the chain ends (the last link's calibrating body), null when there is no link. */
  terminatesAt: { kind: 'accredited_lab' | 'nmi'; name: string; accreditationId: string | null; traceability: string | null } | null;
  /** Any link is overdue or withdrawn, or the chain is incomplete. */
  flagged: boolean;
  problems: string[];
}

const cycle = (equipmentId: string, path: readonly CalibrationFact[]) =>
  new DomainError('LIMS_TRACEABILITY_CYCLE', `The traceability chain returns to equipment ${equipmentId}: ${path.map((p) => p.certificateNumber).join(' <- ')}.`, {
    equipmentId,
    certificates: path.map((p) => p.certificateNumber),
  });

/**
 * Walks from a calibration up through its references, following corrections to the corrected record.
 * Throws LIMS_TRACEABILITY_CYCLE when an item appears twice (its traceability would rest on itself).
 */
export function walkUp(graph: CalibrationGraph, start: CalibrationFact, at: Day): ChainLink[] {
  const links: ChainLink[] = [];
  const seenEquipment = new Set<string>();
  let fact: CalibrationFact | undefined = start;
  let reliedOn = at;
  let corrected = false;
  while (fact) {
    if (seenEquipment.has(fact.equipmentId)) throw cycle(fact.equipmentId, [...links.map((l) => l.calibration), fact]);
    seenEquipment.add(fact.equipmentId);
    links.push({ depth: links.length, calibration: fact, reliedOn, overdue: reliedOn > fact.nextDueOn, withdrawn: withdrawnBy(fact, at), corrected });
    if (!fact.referenceCalibrationId) break;
    reliedOn = fact.calibratedOn;
    const next = graph.current(fact.referenceCalibrationId);
    corrected = next !== undefined && next.id !== fact.referenceCalibrationId;
    fact = next;
  }
  return links;
}

/**
 * The traceability chain of an item as of a day: the calibration in force that day, then the
 * calibration of the standard it was calibrated against, and so on up to an accredited laboratory or
 * an NMI. Links overdue when relied on, or withdrawn by the day, are flagged.
 */
export function traceabilityChain(graph: CalibrationGraph, equipmentId: string, at: Day): Chain {
  const first = graph.inForce(equipmentId, at);
  if (!first) return { at, links: [], complete: false, terminatesAt: null, flagged: true, problems: [`no calibration of the item was in force on ${at}`] };
  const links = walkUp(graph, first, at);
  const last = links[links.length - 1]!.calibration;
  const complete = last.calibratorKind !== 'internal';
  const problems: string[] = [];
  if (!complete) problems.push(`reference calibration ${last.referenceCalibrationId} of certificate ${last.certificateNumber} is missing`);
  for (const l of links) {
    if (l.overdue) problems.push(`certificate ${l.calibration.certificateNumber} was overdue (due ${l.calibration.nextDueOn}) on ${l.reliedOn}`);
    if (l.withdrawn) problems.push(`certificate ${l.calibration.certificateNumber} was withdrawn on ${l.calibration.withdrawal!.withdrawnOn}`);
  }
  return {
    at,
    links,
    complete,
    terminatesAt:
      last.calibratorKind === 'internal'
        ? null
        : { kind: last.calibratorKind, name: last.calibratorName, accreditationId: last.accreditationId, traceability: last.externalTraceability },
    flagged: problems.length > 0,
    problems,
  };
}

/**
 * Refuses a new calibration of `equipmentId` against `reference` when the reference's own chain
 * passes through the same item (directly or further up): traceability cannot rest on itself.
 */
export function assertNoCycle(graph: CalibrationGraph, equipmentId: string, reference: CalibrationFact): void {
  const links = walkUp(graph, reference, reference.calibratedOn);
  const loop = links.find((l) => l.calibration.equipmentId === equipmentId);
  if (loop) throw cycle(equipmentId, links.slice(0, loop.depth + 1).map((l) => l.calibration));
}
