export { qifRoutes } from './qif.routes.js';
export { QifReader, type QifReaderOptions } from './qif-reader.js';
export { parseQifResults, type QifMeasuredCharacteristic, type QifResultsFile, type QifProblem } from './domain/qif-results.js';
export { parseQifProduct, type QifCharacteristic, type QifProduct } from './domain/qif-product.js';
