import type { CalibrationFact, CalibrationGraph, Day } from './calibration-graph.js';

export interface ImpactedCalibration {
  calibration: CalibrationFact;
  /** 1: calibrated directly against the standard; 2: against an item calibrated against it; ... */
  depth: number;
  /** The affected calibration this one was made against (null at depth 1). */
  viaCalibrationId: string | null;
}

/** A period during which an item's measurements rest on the affected standard. */
export interface ImpactWindow {
  equipmentId: string;
  /** The affected calibration of the item; null for the standard itself. */
  calibrationId: string | null;
  from: Day;
  /** The next calibration of the item replaced the affected one (exclusive); null: still in use. */
  until: Day | null;
}

export interface Impact {
  equipmentId: string;
  since: Day;
  calibrations: ImpactedCalibration[];
  /** The standard itself from `since`, then every dependent item while an affected calibration was in force. */
  windows: ImpactWindow[];
}

/**
 * Reverse traceability (ISO/IEC 17025 7.10): every calibration that rests on `equipmentId` since a
 * day, directly (made against it on or after `since`) or through the chain (made against an affected
 * calibration, whatever its date), and the windows in which each item's measurements are affected.
 * Results, jobs and documents plug in by reading the windows (see ImpactSource in the service).
 */
export function reverseImpact(graph: CalibrationGraph, equipmentId: string, since: Day): Impact {
  const calibrations: ImpactedCalibration[] = [];
  const seenRoots = new Set<string>();
  let frontier: { fact: CalibrationFact; via: string | null }[] = [];
  for (const own of graph.effectiveOf(equipmentId).concat(correctedOf(graph, equipmentId))) {
    for (const f of graph.referencing(graph.root(own.id))) if (f.calibratedOn >= since) frontier.push({ fact: f, via: null });
  }
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const { fact, via } of frontier) {
      const root = graph.root(fact.id);
      // An item already affected is not walked twice; this also stops at any (refused) cycle.
      if (seenRoots.has(root) || fact.equipmentId === equipmentId) continue;
      seenRoots.add(root);
      calibrations.push({ calibration: fact, depth, viaCalibrationId: via });
      for (const f of graph.referencing(root)) next.push({ fact: f, via: fact.id });
    }
    frontier = next;
  }
  calibrations.sort((a, b) => a.depth - b.depth || a.calibration.calibratedOn.localeCompare(b.calibration.calibratedOn));
  const windows: ImpactWindow[] = [{ equipmentId, calibrationId: null, from: since, until: null }];
  for (const { calibration } of calibrations) {
    const later = graph.effectiveOf(calibration.equipmentId).find((f) => f.calibratedOn > calibration.calibratedOn);
    windows.push({ equipmentId: calibration.equipmentId, calibrationId: calibration.id, from: calibration.calibratedOn, until: later?.calibratedOn ?? null });
  }
  return { equipmentId, since, calibrations, windows };
}

/** Records of the item that a correction replaced: references to them count as references to the item. */
function correctedOf(graph: CalibrationGraph, equipmentId: string): CalibrationFact[] {
  const effective = new Set(graph.effectiveOf(equipmentId).map((f) => f.id));
  return [...graph.byId.values()].filter((f) => f.equipmentId === equipmentId && !effective.has(f.id));
}
