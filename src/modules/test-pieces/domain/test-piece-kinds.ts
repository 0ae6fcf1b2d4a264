/**
 * NAS and BAS types and lab-modelled pieces are machined by the company (manufacturing reference
 * measurement); `lab_reference` is the lab's own calibrated piece.
 */
export const TEST_PIECE_KINDS = ['nas', 'bas', 'lab_modelled', 'lab_reference'] as const;
export type TestPieceKind = (typeof TEST_PIECE_KINDS)[number];

/** Kinds a company machines on one of its machine tools. */
export const isManufacturedKind = (kind: TestPieceKind): boolean => kind !== 'lab_reference';
