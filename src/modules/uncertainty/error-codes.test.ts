import { ERROR_CATALOGUE, isErrorCode } from '../../shared/errors/index.js';
import {
  BUDGET_ERROR_CODES,
  COMPARISON_ERROR_CODES,
  CONFORMITY_ERROR_CODES,
  GAUGE_RR_ERROR_CODES,
  TREND_ERROR_CODES,
  UNCERTAINTY_ERROR_CODES,
} from './domain/index.js';

const domainCodes = [
  ...UNCERTAINTY_ERROR_CODES,
  ...CONFORMITY_ERROR_CODES,
  ...COMPARISON_ERROR_CODES,
  ...TREND_ERROR_CODES,
  ...GAUGE_RR_ERROR_CODES,
  ...BUDGET_ERROR_CODES,
];

test.each(domainCodes)('engine error %s is in the catalogue as a 422', (code) => {
  expect(isErrorCode(code)).toBe(true);
  expect(ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE].status).toBe(422);
});

test('the engine modules do not reuse each other\'s codes', () => {
  expect(new Set(domainCodes).size).toBe(domainCodes.length);
});

test('a full Monte Carlo queue answers 503', () => {
  expect(ERROR_CATALOGUE.LIMS_UNCERTAINTY_MCM_BUSY.status).toBe(503);
});
