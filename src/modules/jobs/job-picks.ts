import type { Db } from '../../db/database.js';
import { DomainError, notFound } from '../../shared/errors/index.js';
import { todayInFinland } from '../../shared/finnish-calendar.js';
import type { CharacteristicInput, ItemInput } from './domain/job-content.js';
import type { JobRow } from './jobs.repository.js';

/** A catalogue test piece as a job picks it: its characteristics are copied into the item. */
export interface PickedTestPiece {
  id: string;
  code: string;
  active: boolean;
  /** NAS, BAS or lab-modelled: machined by the company on one of its machine tools. */
  manufactured: boolean;
  characteristics: CharacteristicInput[];
}

/**
 * The port through which the jobs module reads the test pieces catalogue and the customers' machine
 * tools when an item picks them. Those modules implement it and register it at app build time
 * (`registerReferencePickSource`); jobs does not import them, because the catalogue already uses the
 * jobs module's characteristic rules and the import would be a cycle.
 */
export interface ReferencePickSource {
  testPiece(db: Db, id: string): Promise<PickedTestPiece | null>;
  /** The machine tool's company, or null when there is no such machine tool. */
  machineToolCompany(db: Db, id: string): Promise<string | null>;
}

let pickSource: ReferencePickSource | null = null;

/** Plugs the test pieces catalogue and the machine tools into item picking (the last registration wins). */
export function registerReferencePickSource(source: ReferencePickSource): void {
  pickSource = source;
}

/** What a reference-measurement item names besides its description: a catalogue piece, the machine tool, the piece's serial and manufacturing day. */
export interface ReferencePick {
  testPieceId?: string;
  machineToolId?: string;
  serialNumber?: string;
  manufacturedOn?: string;
}

export type PickedItem = ItemInput & ReferencePick;

/** The item's link columns. */
export interface PickValues {
  testPieceId: string | null;
  machineToolId: string | null;
  manufacturedOn: string | null;
  serialNumber: string | null;
}

const invalid = (message: string, details?: Record<string, unknown>) => new DomainError('LIMS_JOB_INVALID', message, details);

/**
 * Resolves an item's pick for `job`: the catalogue piece's characteristics copied into the item, and
 * the link columns. A machine tool must belong to the job's company (another company's is 404) and
 * needs a piece the company machines and its manufacturing day.
 * @throws DomainError LIMS_JOB_INVALID (422), LIMS_TEST_PIECE_INACTIVE (422), LIMS_NOT_FOUND (404).
 */
export async function resolvePick(db: Db, job: JobRow, item: PickedItem): Promise<{ item: ItemInput; link: PickValues | null }> {
  const { testPieceId, machineToolId, serialNumber, manufacturedOn, ...plain } = item;
  const at = `item "${item.description}"`;
  if (testPieceId === undefined && machineToolId === undefined && serialNumber === undefined && manufacturedOn === undefined) return { item: plain, link: null };
  if (job.kind !== 'reference_measurement') throw invalid(`${at}: test pieces, machine tools, piece serials and manufacturing days belong to reference measurement jobs; job ${job.number} is ${job.kind}.`);
  if (!pickSource) throw new Error('No reference pick source is registered with the jobs module; register the reference measurements routes.');
  let characteristics = plain.characteristics;
  if (testPieceId !== undefined) {
    if (plain.characteristics?.length) throw invalid(`${at}: a picked test piece brings its characteristics from the catalogue; leave out 'characteristics' or 'testPieceId'.`);
    const piece = await pickSource.testPiece(db, testPieceId);
    if (!piece) throw notFound('Test piece', testPieceId);
    if (!piece.active) throw new DomainError('LIMS_TEST_PIECE_INACTIVE', `Test piece ${piece.code} is withdrawn from the catalogue; pick an active piece or describe the piece's characteristics.`, { testPieceId });
    if (machineToolId !== undefined && !piece.manufactured) throw invalid(`${at}: test piece ${piece.code} is the lab's own reference piece, not one the company machines; leave out 'machineToolId'.`);
    characteristics = piece.characteristics;
  }
  if (machineToolId !== undefined) {
    if (testPieceId === undefined) throw invalid(`${at}: a manufacturing reference measurement names the catalogue piece machined: give 'testPieceId'.`);
    if ((await pickSource.machineToolCompany(db, machineToolId)) !== job.companyId) throw notFound('Machine tool', machineToolId);
    if (manufacturedOn === undefined) throw invalid(`${at}: give 'manufacturedOn', the day the piece was machined; the machine tool's trend follows it.`);
  } else if (manufacturedOn !== undefined) {
    throw invalid(`${at}: 'manufacturedOn' belongs to a piece machined on a machine tool; give 'machineToolId' too.`);
  }
  if (manufacturedOn !== undefined && manufacturedOn > todayInFinland()) throw invalid(`${at}: the manufacturing day ${manufacturedOn} is in the future.`);
  return {
    item: { ...plain, ...(characteristics ? { characteristics } : {}) },
    link: { testPieceId: testPieceId ?? null, machineToolId: machineToolId ?? null, manufacturedOn: manufacturedOn ?? null, serialNumber: serialNumber ?? null },
  };
}
