export { qifRoutes } from './qif.routes.js';
export { parseQifResults, type QifMeasuredCharacteristic, type QifResultsFile, type QifProblem } from './domain/qif-results.js';
export { parseQifProduct, type QifCharacteristic, type QifProduct } from './domain/qif-product.js';
