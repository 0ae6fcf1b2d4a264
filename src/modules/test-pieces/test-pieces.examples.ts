/**
 * Realistic answers for the OpenAPI document (Swagger UI at /docs) of the test pieces catalogue as a
 * customer reads it: the active pieces with their characteristics, without the lab's known values.
 */

const nas979 = {
  id: '6a8c0e2f-4b6d-4f8a-9c0e-2f4b6d8a0c61',
  code: 'NAS979-A',
  name: 'NAS 979 circle-diamond-square test piece, 5-axis',
  kind: 'nas',
  drawingReference: 'NAS 979 fig. 1, rev. 2',
  programReference: 'CMM program NAS979_A.dmi',
  notes: 'Aluminium 6082-T6; machine the piece as the drawing says and mark it with its serial number',
  active: true,
  revision: 2,
  characteristics: [
    { id: '7b9d1f3a-5c7e-4a9b-8d1f-3a5c7e9b1d62', identifier: 'D1', type: 'diameter', nominal: '108.000', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.02' }, datums: [], notes: 'Circle' },
    { id: '8c0e2a4b-6d8f-4b0c-9e2a-4b6d8f0c2e63', identifier: 'F1', type: 'flatness', nominal: null, unit: 'mm', tolerance: { kind: 'geometric', value: '0.01' }, datums: [], notes: 'Top face of the square' },
    { id: '9d1f3b5c-7e9a-4c1d-8f3b-5c7e9a1d3f64', identifier: 'P1', type: 'perpendicularity', nominal: null, unit: 'mm', tolerance: { kind: 'geometric', value: '0.015' }, datums: ['A'], notes: 'Sides of the square to the base' },
  ],
  createdAt: '2025-09-01T08:00:00.000Z',
  updatedAt: '2026-02-12T10:30:00.000Z',
};

const basPiece = {
  id: '0e2a4c6d-8f0b-4d2e-9a4c-6d8f0b2e4a65',
  code: 'BAS-T1',
  name: 'BAS turning test piece',
  kind: 'bas',
  drawingReference: 'BAS T1, rev. A',
  programReference: 'CMM program BAS_T1.dmi',
  notes: null,
  active: true,
  revision: 1,
  characteristics: [
    { id: '1f3b5d7e-9a1c-4e3f-8b5d-7e9a1c3f5b66', identifier: 'D1', type: 'diameter', nominal: '60.000', unit: 'mm', tolerance: { kind: 'symmetric', value: '0.01' }, datums: [], notes: null },
    { id: '2a4c6e8f-0b2d-4f4a-9c6e-8f0b2d4a6c67', identifier: 'R1', type: 'roundness', nominal: null, unit: 'mm', tolerance: { kind: 'geometric', value: '0.005' }, datums: [], notes: null },
  ],
  createdAt: '2025-09-01T08:10:00.000Z',
  updatedAt: '2025-09-01T08:10:00.000Z',
};

/** GET /test-pieces/{id}. */
export const pieceExamples = [nas979, basPiece];

/** GET /test-pieces: the catalogue in code order. */
export const pieceListExamples = [{ items: [basPiece, nas979] }];
