export { parseQifResults, type QifMeasuredCharacteristic, type QifResultsFile, type QifProblem } from './domain/qif-results.js';
