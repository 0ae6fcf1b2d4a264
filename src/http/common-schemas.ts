/**
 * JSON schema pieces every module's routes share: ids, days and times, exact decimals, text and
 * paging. The limits live here so that every field of a kind refuses the same inputs with the same
 * words (see `fieldErrors` in problem.ts and the date formats in validation.ts).
 */

export const uuidSchema = { type: 'string', format: 'uuid' } as const;

/** Path parameters of a route addressed by one record id. */
export const idParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: uuidSchema },
} as const;

/** A calendar day, `YYYY-MM-DD`, from 0001-01-01 to 9999-12-31 (the `date` format of validation.ts). */
export const dateSchema = { type: 'string', format: 'date' } as const;

/**
 * A point in time, RFC 3339 with a time zone (`2026-03-04T10:15:00Z`, `2026-03-04T12:15:00+02:00`),
 * within years 0001 to 9999 in UTC; leap seconds (`:60`) are refused (the `date-time` format of validation.ts).
 */
export const dateTimeSchema = { type: 'string', format: 'date-time' } as const;

/** The pattern of text that must say something: at least one character that is not white space. */
export const NOT_BLANK = '\\S';

/**
 * Text a person types (a name, a reason): at most `maxLength` characters, not empty and not only
 * white space (the pattern says both, so an empty value gets one message, not two).
 */
export const text = (maxLength: number, example?: string) => ({ type: 'string', maxLength, pattern: NOT_BLANK, ...(example ? { example } : {}) }) as const;

/** Like `text`, or null. */
export const nullableText = (maxLength: number, example?: string) => ({ ...text(maxLength, example), nullable: true }) as const;

const patternMessages = new Map<string, string>([[NOT_BLANK, 'must not be empty or only white space']]);

/**
 * The pattern of an exact decimal written with a point and no exponent, with at most `integerDigits`
 * digits before the point and `fractionDigits` after it (a column's precision, or a sane bound
 * where the column has none), optionally signed. Its validation message says so in words.
 */
export function decimalPattern(integerDigits: number, fractionDigits: number, signed = true): string {
  const pattern = `^${signed ? '-?' : ''}\\d{1,${integerDigits}}(\\.\\d{1,${fractionDigits}})?$`;
  patternMessages.set(
    pattern,
    `must be ${signed ? 'a' : 'a non-negative'} decimal number as text, with a point and no exponent, ` +
      `at most ${integerDigits} digits before the point and ${fractionDigits} after it (e.g. "25.011")`,
  );
  return pattern;
}

/**
 * A measured or nominal value, an uncertainty or a coefficient: an exact decimal kept as typed.
 * Their columns are `numeric` without a precision, so the bound is ours: 12 digits either side of
 * the point covers kilometres in nanometres, and more digits than that no instrument resolves
 * (nor does the engine's double arithmetic).
 */
export const MEASURED_PATTERN = decimalPattern(12, 12);

/** A measured value as an exact decimal string (see MEASURED_PATTERN). */
export const measuredDecimal = (description = 'An exact decimal as text, decimal point, kept as typed (e.g. "25.0110")') =>
  ({ type: 'string', pattern: MEASURED_PATTERN, description }) as const;

/** The words for a pattern the shared pieces define, for validation messages; undefined for other patterns. */
export const patternMessage = (pattern: string): string | undefined => patternMessages.get(pattern);

/** Page size of an offset- or cursor-paged list. */
export const limitSchema = (defaultLimit: number, maximum: number) => ({ type: 'integer', minimum: 1, maximum, default: defaultLimit }) as const;

/** The largest offset a list accepts: a client paging past a million rows wants a filter, not a page. */
export const MAX_OFFSET = 1_000_000;

/** How many rows to skip in an offset-paged list. */
export const offsetSchema = { type: 'integer', minimum: 0, maximum: MAX_OFFSET, default: 0 } as const;
