/**
 * Business identifiers of customer companies: the Finnish business ID (Y-tunnus, `1234567-8`) and
 * the Estonian registry code (registrikood, 8 digits) are checked with their check digits; other
 * countries take a free identifier.
 */

export type BusinessIdCheck = { valid: true; normalized: string } | { valid: false; reason: string };

const FI_WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/** Checks a Finnish business ID: seven digits, a hyphen and a modulus-11 check digit. */
export function checkFinnishBusinessId(text: string): BusinessIdCheck {
  const value = text.trim();
  if (!/^\d{7}-\d$/.test(value)) return { valid: false, reason: 'a Finnish business ID is seven digits, a hyphen and a check digit, e.g. 0737546-2' };
  const digits = [...value.slice(0, 7)].map(Number);
  const remainder = digits.reduce((acc, d, i) => acc + d * FI_WEIGHTS[i]!, 0) % 11;
  if (remainder === 1) return { valid: false, reason: 'no Finnish business ID has these seven digits (the check sum gives remainder 1)' };
  const check = remainder === 0 ? 0 : 11 - remainder;
  if (check !== Number(value[8])) return { valid: false, reason: `the check digit of ${value.slice(0, 7)} is ${check}, not ${value[8]}` };
  return { valid: true, normalized: value };
}

/** The check digit of Estonian codes (registry and personal codes): modulus 11 with two weight rounds. */
function estonianCheckDigit(digits: number[]): number {
  const round = (start: number) => digits.reduce((acc, d, i) => acc + d * (((start - 1 + i) % 9) + 1), 0) % 11;
  const first = round(1);
  if (first < 10) return first;
  const second = round(3);
  return second < 10 ? second : 0;
}

/** Checks an Estonian registry code: eight digits, the last a check digit. */
export function checkEstonianRegistryCode(text: string): BusinessIdCheck {
  const value = text.trim();
  if (!/^\d{8}$/.test(value)) return { valid: false, reason: 'an Estonian registry code is eight digits, e.g. 12417834' };
  const digits = [...value].map(Number);
  const check = estonianCheckDigit(digits.slice(0, 7));
  if (check !== digits[7]) return { valid: false, reason: `the check digit of ${value.slice(0, 7)} is ${check}, not ${digits[7]}` };
  return { valid: true, normalized: value };
}

/** Checks a business identifier for a country (ISO 3166-1 alpha-2): FI and EE strictly, others loosely. */
export function checkBusinessId(country: string, text: string): BusinessIdCheck {
  if (country === 'FI') return checkFinnishBusinessId(text);
  if (country === 'EE') return checkEstonianRegistryCode(text);
  const value = text.trim();
  if (value.length < 2 || value.length > 40) return { valid: false, reason: 'a business identifier is 2 to 40 characters' };
  return { valid: true, normalized: value };
}
