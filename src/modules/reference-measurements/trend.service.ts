import type { Db } from '../../db/database.js';
import type { Actor } from '../../shared/actor.js';
import { findMachineToolPieces } from '../jobs/index.js';
import { getMachineTool } from '../machine-tools/index.js';
import { testPieceSummaries } from '../test-pieces/index.js';
import { machineToolTrends, type TrendPiece } from './domain/machine-tool-trend.js';
import { labReferenceIn, labReferencesOfJobs } from './lab-values.js';

interface PieceRecord {
  testPieceId: string;
  trend: TrendPiece;
  view: { itemId: string; jobId: string; jobNumber: string; serialNumber: string | null; manufacturedOn: string; released: boolean };
}

/**
 * The trend of a machine tool: over the reference-measurement jobs of the pieces it machined, per
 * test piece type and per characteristic, the deviations of the lab's released values from nominal by
 * manufacturing day and the drift per year with its uncertainty. Only released lab values count
 * (for staff too: a trend is a report). `testPieceId` limits it to one piece type.
 */
export async function getMachineToolTrend(db: Db, actor: Actor, machineToolId: string, testPieceId?: string) {
  const machineTool = await getMachineTool(db, actor, machineToolId);
  const pieces: PieceRecord[] = [];
  const jobsOfPieces = await findMachineToolPieces(db, machineTool.id);
  const released = (await labReferencesOfJobs(db, jobsOfPieces.map(({ job }) => job.id))).filter((r) => r.released);
  for (const { job, items } of jobsOfPieces) {
    const references = released.filter((r) => items.some((i) => i.id === r.itemId));
    for (const item of items) {
      const ref = item.referencePiece;
      if (!ref?.testPieceId || !ref.manufacturedOn || (testPieceId && ref.testPieceId !== testPieceId)) continue;
      const characteristics = item.characteristics.map((c) => {
        const found = references.find((r) => r.characteristicId === c.id);
        const lab = found ? labReferenceIn(found, c.unit) : null;
        return { identifier: c.identifier, nominal: c.nominal, unit: c.unit, lab: lab?.value ? { value: lab.value, unit: c.unit, expandedUncertainty: lab.expandedUncertainty, coverageFactor: found!.coverageFactor } : null };
      });
      pieces.push({
        testPieceId: ref.testPieceId,
        trend: { itemId: item.id, manufacturedOn: ref.manufacturedOn, characteristics },
        view: { itemId: item.id, jobId: job.id, jobNumber: job.number, serialNumber: ref.serialNumber, manufacturedOn: ref.manufacturedOn, released: references.some((r) => r.itemId === item.id) },
      });
    }
  }
  const types = await testPieceSummaries(db, [...new Set(pieces.map((p) => p.testPieceId))]);
  const series = types
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((testPiece) => {
      const own = pieces.filter((p) => p.testPieceId === testPiece.id);
      return {
        testPiece,
        pieces: own.map((p) => p.view).sort((a, b) => a.manufacturedOn.localeCompare(b.manufacturedOn)),
        characteristics: machineToolTrends(own.map((p) => p.trend)),
      };
    });
  return { machineTool: { id: machineTool.id, companyId: machineTool.companyId, name: machineTool.name }, series };
}
