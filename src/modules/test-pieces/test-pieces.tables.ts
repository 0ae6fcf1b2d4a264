import { boolean, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts, day, measure } from '../../db/columns.js';
import { characteristicSpecColumns } from '../jobs/jobs.tables.js';
import { TEST_PIECE_KINDS } from './domain/test-piece-kinds.js';

export const testPieceKind = pgEnum('test_piece_kind', TEST_PIECE_KINDS);

/**
 * The catalogue of test pieces: NAS and BAS types and lab-modelled pieces that companies machine,
 * and the lab's own calibrated reference pieces. Jobs copy a piece's characteristics when they pick
 * it, so changing the catalogue never changes a job; `revision` counts the changes.
 */
export const testPieces = pgTable(
  'test_pieces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The lab's identifier, e.g. NAS979-A or KTK-REF-07. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: testPieceKind('kind').notNull(),
    drawingReference: text('drawing_reference'),
    /** The CMM measuring program the lab runs for the piece. */
    programReference: text('program_reference'),
    notes: text('notes'),
    active: boolean('active').notNull().default(true),
    /** Lab reference pieces: the calibration certificate of the known values, and its date. */
    calibrationCertificate: text('calibration_certificate'),
    calibratedOn: day('calibrated_on'),
    revision: integer('revision').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('test_pieces_code_uq').on(t.code)],
);

/** A characteristic of a catalogue piece, as on a job (nominal, tolerance), with a lab reference piece's known value. */
export const testPieceCharacteristics = pgTable(
  'test_piece_characteristics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pieceId: uuid('piece_id')
      .notNull()
      .references(() => testPieces.id),
    ...characteristicSpecColumns(),
    /** Lab reference pieces: the calibrated value, its expanded uncertainty and coverage factor (unit of the characteristic). */
    knownValue: measure('known_value'),
    knownExpandedUncertainty: measure('known_expanded_uncertainty'),
    knownCoverageFactor: measure('known_coverage_factor'),
  },
  (t) => [uniqueIndex('test_piece_characteristics_uq').on(t.pieceId, t.identifier), index('test_piece_characteristics_piece_idx').on(t.pieceId)],
);
