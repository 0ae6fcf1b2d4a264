import { fullFormats } from 'ajv-formats/dist/formats.js';

/**
 * The `date` and `date-time` formats of request validation, stricter than RFC 3339 where the
 * database is: PostgreSQL stores years 0001 to 9999 here (year 0000 and five-digit years fail
 * there, as a 500), and neither it nor JavaScript keeps a leap second (`23:59:60`).
 */

const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const SECONDS = /^\d{4}-\d\d-\d\d[Tt ]\d\d:\d\d:(\d\d)/;
// Date.UTC reads years 0 to 99 as 1900 to 1999, hence setUTCFullYear.
const EARLIEST = new Date(0).setUTCFullYear(1, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const rfc3339DateTime = fullFormats['date-time'] as { validate: (s: string) => boolean };

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

const isLeapSecond = (value: string): boolean => SECONDS.exec(value)?.[1] === '60';

/** Why a text is not an accepted date-time, or undefined when it is one. */
function dateTimeProblem(value: string): 'form' | 'leap second' | 'range' | undefined {
  if (isLeapSecond(value)) return 'leap second';
  if (!rfc3339DateTime.validate(value)) return 'form';
  // What the services do with it: new Date(value). Offsets such as +0200 or +02 must parse there too.
  const instant = Date.parse(value.toUpperCase().replace(' ', 'T'));
  if (!Number.isFinite(instant) || Date.parse(value) !== instant) return 'form';
  return instant >= EARLIEST && instant <= LATEST ? undefined : 'range';
}

const isDateTime = (value: string): boolean => dateTimeProblem(value) === undefined;

/** The format validators that replace ajv-formats' `date` and `date-time`. */
export const strictFormats = {
  date: { type: 'string', validate: isDate },
  'date-time': { type: 'string', validate: isDateTime },
} as const;

/**
 * What is wrong with a value that failed a format, in words for the `errors` of a problem
 * document; undefined for formats whose default message is clear enough.
 */
export function formatMessage(format: string, value: unknown): string | undefined {
  const text = typeof value === 'string' ? value : '';
  if (format === 'date') {
    if (DATE.test(text) && text.startsWith('0000')) return 'must be a day from 0001-01-01 to 9999-12-31 (year 0000 does not exist)';
    return 'must be a calendar day written YYYY-MM-DD, from 0001-01-01 to 9999-12-31 (e.g. 2026-03-04)';
  }
  if (format === 'date-time') {
    const problem = dateTimeProblem(text);
    if (problem === 'leap second') {
      return 'is a leap second (:60), which is not accepted: give 23:59:59.999 of that day or the next second (00:00:00 of the next day)';
    }
    if (problem === 'range') return 'must be a time from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z (in UTC, after applying its offset)';
    return 'must be a date and time in RFC 3339 form with a time zone, e.g. 2026-03-04T10:15:00Z or 2026-03-04T12:15:00+02:00';
  }
  if (format === 'uuid') return 'must be a UUID, e.g. 7d1a8f56-3c2b-4e0f-9a61-2b5c0e8d4f10';
  return undefined;
}
