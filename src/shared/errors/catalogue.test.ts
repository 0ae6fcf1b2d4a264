import { ERROR_CATALOGUE, isErrorCode } from './catalogue.js';

describe('error catalogue', () => {
  const entries = Object.entries(ERROR_CATALOGUE);

  test.each(entries)('%s has a stable code, an HTTP error status and a title', (code, entry) => {
    expect(code).toMatch(/^LIMS_[A-Z0-9_]+$/);
    expect(entry.status).toBeGreaterThanOrEqual(400);
    expect(entry.status).toBeLessThan(600);
    expect(entry.title.length).toBeGreaterThan(3);
    expect(isErrorCode(code)).toBe(true);
  });

  test('unknown codes are not in the catalogue', () => {
    expect(isErrorCode('FST_ERR_NOT_FOUND')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});
