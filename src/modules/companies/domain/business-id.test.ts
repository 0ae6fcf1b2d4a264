import { checkBusinessId, checkEstonianRegistryCode, checkFinnishBusinessId } from './business-id.js';

describe('business identifiers', () => {
  test.each(['0737546-2', '1572860-0', '0112038-9'])('Finnish business ID %s is valid', (id) => {
    expect(checkFinnishBusinessId(id)).toEqual({ valid: true, normalized: id });
  });

  test.each([
    ['0737546-3', /check digit of 0737546 is 2/],
    ['0737546', /seven digits, a hyphen/],
    ['07375462', /seven digits, a hyphen/],
    ['1234567-2', /check digit of 1234567 is 1/],
    ['0000030-0', /remainder 1/],
  ])('Finnish business ID %s is refused', (id, reason) => {
    const result = checkFinnishBusinessId(id);
    expect(result.valid).toBe(false);
    if (!result.valid) expect(result.reason).toMatch(reason);
  });

  test('Estonian registry codes have eight digits and a check digit', () => {
    expect(checkEstonianRegistryCode('12417834').valid).toBe(true);
    expect(checkEstonianRegistryCode('12417835').valid).toBe(false);
    expect(checkEstonianRegistryCode('1241783').valid).toBe(false);
  });

  test('other countries take a free identifier', () => {
    expect(checkBusinessId('SE', '556036-0793')).toEqual({ valid: true, normalized: '556036-0793' });
    expect(checkBusinessId('DE', 'x').valid).toBe(false);
  });
});
