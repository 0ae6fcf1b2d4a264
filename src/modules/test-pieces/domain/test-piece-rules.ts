import { compare } from '../../../shared/decimal.js';
import { characteristicsProblem, type CharacteristicInput } from '../../jobs/index.js';
import type { TestPieceKind } from './test-piece-kinds.js';


/** The calibrated value of a characteristic of a lab reference piece, in the characteristic's unit. */
export interface KnownValue {
  value: string;
  expandedUncertainty: string;
  /** Coverage factor; 2 when not given. */
  coverageFactor?: string;
}

export type PieceCharacteristicInput = CharacteristicInput & { known?: KnownValue };

export interface PieceCalibration {
  certificate: string;
  calibratedOn: string;
}

/**
 * What is wrong with a piece's characteristics and calibration (rules the JSON schema cannot say),
 * or null: the job characteristic rules, known values only on lab reference pieces, and known values
 * only with the certificate they come from.
 */
export function pieceProblem(kind: TestPieceKind, list: readonly PieceCharacteristicInput[], calibration: PieceCalibration | null | undefined): string | null {
  const problem = characteristicsProblem(list);
  if (problem) return problem;
  const known = list.filter((c) => c.known !== undefined);
  if (kind !== 'lab_reference') {
    if (known.length > 0) return `characteristic ${known[0]!.identifier}: known values belong to the lab's own reference pieces (kind lab_reference), not to a ${kind} piece`;
    if (calibration) return `a ${kind} piece is machined by the company and has no calibration of its own; leave out 'calibration'`;
    return null;
  }
  if (known.length > 0 && !calibration) return "known values need the calibration they come from: give 'calibration' with the certificate and its date";
  for (const c of known) {
    const k = c.known!;
    if (compare(k.expandedUncertainty, '0') <= 0) return `characteristic ${c.identifier}: the expanded uncertainty of the known value must be more than zero`;
    if (k.coverageFactor !== undefined && compare(k.coverageFactor, '0') <= 0) return `characteristic ${c.identifier}: the coverage factor must be more than zero`;
  }
  return null;
}
