import type { Db } from '../../db/database.js';
import type { Actor, Role } from '../../shared/actor.js';
import { DomainError, forbidden, notFound } from '../../shared/errors/index.js';
import { recordAudit } from '../audit/index.js';
import type { PickedTestPiece } from '../jobs/index.js';
import { isManufacturedKind, type TestPieceKind } from './domain/test-piece-kinds.js';
import { pieceProblem, type PieceCalibration, type PieceCharacteristicInput } from './domain/test-piece-rules.js';
import { asJobCharacteristic, pieceCharacteristicValues, presentPiece, type PieceView } from './test-pieces.presenter.js';
import * as repo from './test-pieces.repository.js';

/** Who keeps the catalogue. */
export const CATALOGUE_KEEPERS: readonly Role[] = ['admin', 'quality_manager'];

export interface PieceInput {
  code: string;
  name: string;
  kind: TestPieceKind;
  drawingReference?: string;
  programReference?: string;
  notes?: string;
  calibration?: PieceCalibration;
  characteristics: PieceCharacteristicInput[];
}

/** A change of a piece: the fields given; `characteristics` replaces the whole list; null clears a field. */
export interface PieceChange {
  name?: string;
  drawingReference?: string | null;
  programReference?: string | null;
  notes?: string | null;
  active?: boolean;
  calibration?: PieceCalibration | null;
  characteristics?: PieceCharacteristicInput[];
}

const requireKeeper = (actor: Actor): void => {
  if (!CATALOGUE_KEEPERS.includes(actor.role)) throw forbidden(`A ${actor.role} may read the test pieces catalogue but not change it.`);
};

function check(kind: TestPieceKind, list: readonly PieceCharacteristicInput[], calibration: PieceCalibration | null | undefined): void {
  const problem = pieceProblem(kind, list, calibration);
  if (problem) throw new DomainError('LIMS_TEST_PIECE_INVALID', `${problem}.`);
}

async function present(db: Db, actor: Actor, piece: repo.PieceRow): Promise<PieceView> {
  return presentPiece(actor, piece, await repo.characteristicsOf(db, [piece.id]));
}

/** Adds a piece to the catalogue with its characteristics; its code is unique. */
export async function createTestPiece(db: Db, actor: Actor, input: PieceInput): Promise<PieceView> {
  requireKeeper(actor);
  check(input.kind, input.characteristics, input.calibration);
  return db.transaction(async (tx) => {
    if (await repo.findPieceByCode(tx, input.code)) throw new DomainError('LIMS_TEST_PIECE_CODE_TAKEN', `Test piece ${input.code} is already in the catalogue; choose another code or change that piece.`, { code: input.code });
    const piece = await repo.insertPiece(tx, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      drawingReference: input.drawingReference ?? null,
      programReference: input.programReference ?? null,
      notes: input.notes ?? null,
      calibrationCertificate: input.calibration?.certificate ?? null,
      calibratedOn: input.calibration?.calibratedOn ?? null,
    });
    await repo.replaceCharacteristics(tx, piece.id, input.characteristics.map(pieceCharacteristicValues));
    const after = await present(tx, actor, piece);
    await recordAudit(tx, actor, { action: 'test_piece.create', entityType: 'test_piece', entityId: piece.id, after });
    return after;
  });
}

/**
 * Changes a piece (a new revision). Jobs that picked it keep the characteristics they copied, so a
 * change never reaches an existing job; withdrawing a piece (`active: false`) only stops new picks.
 */
export async function updateTestPiece(db: Db, actor: Actor, id: string, change: PieceChange): Promise<PieceView> {
  requireKeeper(actor);
  return db.transaction(async (tx) => {
    const piece = await repo.findPiece(tx, id, true);
    if (!piece) throw notFound('Test piece', id);
    const before = await present(tx, actor, piece);
    const calibration = change.calibration !== undefined ? change.calibration : piece.calibrationCertificate !== null ? { certificate: piece.calibrationCertificate, calibratedOn: piece.calibratedOn! } : null;
    const list = change.characteristics ?? (await repo.characteristicsOf(tx, [id])).map((c) => ({ ...asJobCharacteristic(c), ...(c.knownValue !== null ? { known: { value: c.knownValue, expandedUncertainty: c.knownExpandedUncertainty!, coverageFactor: c.knownCoverageFactor! } } : {}) }));
    check(piece.kind, list, calibration);
    const { characteristics, calibration: _calibration, ...fields } = change;
    const updated = await repo.updatePiece(tx, id, {
      ...fields,
      ...(change.calibration !== undefined ? { calibrationCertificate: change.calibration?.certificate ?? null, calibratedOn: change.calibration?.calibratedOn ?? null } : {}),
      revision: piece.revision + 1,
    });
    if (characteristics) await repo.replaceCharacteristics(tx, id, characteristics.map(pieceCharacteristicValues));
    const after = await present(tx, actor, updated);
    await recordAudit(tx, actor, { action: 'test_piece.update', entityType: 'test_piece', entityId: id, before, after });
    return after;
  });
}

/** One piece of the catalogue (customers: without the lab's known values). */
export async function getTestPiece(db: Db, actor: Actor, id: string): Promise<PieceView> {
  const piece = await repo.findPiece(db, id);
  if (!piece) throw notFound('Test piece', id);
  return present(db, actor, piece);
}

/** The catalogue in code order; customers see only the active pieces. */
export async function listTestPieces(db: Db, actor: Actor, filter: repo.PieceFilter): Promise<PieceView[]> {
  const pieces = await repo.listPieces(db, actor.role === 'customer' ? { ...filter, active: true } : filter);
  const characteristics = await repo.characteristicsOf(db, pieces.map((p) => p.id));
  return pieces.map((p) => presentPiece(actor, p, characteristics));
}

/** A piece as a job picks it: whether it can be picked, and its characteristics to copy. */
export async function getTestPieceForPick(db: Db, id: string): Promise<PickedTestPiece | null> {
  const piece = await repo.findPiece(db, id);
  if (!piece) return null;
  const characteristics = await repo.characteristicsOf(db, [id]);
  return { id: piece.id, code: piece.code, active: piece.active, manufactured: isManufacturedKind(piece.kind), characteristics: characteristics.map(asJobCharacteristic) };
}

/** Code, name and kind of the pieces, for reports over several jobs (the machine tool trend). */
export async function testPieceSummaries(db: Db, ids: string[]): Promise<{ id: string; code: string; name: string; kind: TestPieceKind }[]> {
  return (await repo.findPieces(db, ids)).map((p) => ({ id: p.id, code: p.code, name: p.name, kind: p.kind }));
}
