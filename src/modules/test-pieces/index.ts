export { testPiecesRoutes } from './test-pieces.routes.js';
export { getTestPieceForPick, testPieceSummaries } from './test-pieces.service.js';
export { TEST_PIECE_KINDS, isManufacturedKind, type TestPieceKind } from './domain/test-piece-kinds.js';
