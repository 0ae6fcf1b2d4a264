import { characteristicColumns, toleranceOfColumns, type CharacteristicInput } from '../jobs/index.js';
import type { Actor } from '../../shared/actor.js';
import type { PieceCharacteristicInput } from './domain/test-piece-rules.js';
import type { PieceCharacteristicRow, PieceCharacteristicValues, PieceRow } from './test-pieces.repository.js';

/** Column values of a piece characteristic as entered (the job characteristic's columns, with the known value). */
export function pieceCharacteristicValues(c: PieceCharacteristicInput): PieceCharacteristicValues {
  // A catalogue characteristic is never imported from QIF, so it has no QIF id.
  const { qifId: _qifId, ...columns } = characteristicColumns(c);
  return {
    ...columns,
    knownValue: c.known?.value ?? null,
    knownExpandedUncertainty: c.known?.expandedUncertainty ?? null,
    knownCoverageFactor: c.known ? (c.known.coverageFactor ?? '2') : null,
  };
}

/** A catalogue characteristic as a job characteristic input (what a job copies when it picks the piece). */
export function asJobCharacteristic(c: PieceCharacteristicRow): CharacteristicInput {
  return {
    identifier: c.identifier,
    type: c.type,
    ...(c.nominal !== null ? { nominal: c.nominal } : {}),
    unit: c.unit,
    tolerance: toleranceOfColumns(c),
    ...(c.datums.length > 0 ? { datums: c.datums } : {}),
    ...(c.notes !== null ? { notes: c.notes } : {}),
  };
}

/**
 * A piece as its reader sees it. Customers read names, drawings, nominals and tolerances; the lab's
 * known values and the calibration of its reference pieces are the lab's own records and are left out.
 */
export function presentPiece(actor: Actor, piece: PieceRow, characteristics: PieceCharacteristicRow[]) {
  const staff = actor.role !== 'customer';
  return {
    id: piece.id,
    code: piece.code,
    name: piece.name,
    kind: piece.kind,
    drawingReference: piece.drawingReference,
    programReference: piece.programReference,
    notes: piece.notes,
    active: piece.active,
    revision: piece.revision,
    ...(staff ? { calibration: piece.calibrationCertificate !== null ? { certificate: piece.calibrationCertificate, calibratedOn: piece.calibratedOn! } : null } : {}),
    characteristics: characteristics
      .filter((c) => c.pieceId === piece.id)
      .map((c) => ({
        id: c.id,
        identifier: c.identifier,
        type: c.type,
        nominal: c.nominal,
        unit: c.unit,
        tolerance: toleranceOfColumns(c),
        datums: c.datums,
        notes: c.notes,
        ...(staff
          ? { known: c.knownValue !== null ? { value: c.knownValue, expandedUncertainty: c.knownExpandedUncertainty!, coverageFactor: c.knownCoverageFactor! } : null }
          : {}),
      })),
    createdAt: piece.createdAt,
    updatedAt: piece.updatedAt,
  };
}
export type PieceView = ReturnType<typeof presentPiece>;
