/**
 * Finnish public holidays and working-day arithmetic on calendar dates (`YYYY-MM-DD`, no time
 * zone). Non-working days are Saturdays, Sundays, the public holidays of the Finnish holiday act
 * (including the moving Saturdays of Midsummer Day and All Saints' Day) and two de facto days off
 * that close banks and laboratories alike: Midsummer Eve and Christmas Eve.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`not a date: ${date}`);
  return ms;
}

const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The date `days` calendar days after (or before, when negative) `date`. */
export const addCalendarDays = (date: string, days: number): string => fromUtc(toUtc(date) + days * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);

/** 0 = Sunday ... 6 = Saturday. */
export const weekday = (date: string): number => new Date(toUtc(date)).getUTCDay();

const ymd = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

/** The first date from `from` (inclusive) that falls on `wantedWeekday`. */
function firstWeekdayOnOrAfter(from: string, wantedWeekday: number): string {
  return addCalendarDays(from, (wantedWeekday - weekday(from) + 7) % 7);
}

export interface Holiday {
  date: string;
  /** Finnish name. */
  name: string;
  /** False for the de facto days off (Midsummer Eve, Christmas Eve). */
  statutory: boolean;
}

const cache = new Map<number, Holiday[]>();

/** The Finnish public holidays and de facto days off of a year, in date order. */
export function finnishHolidays(year: number): Holiday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const midsummerDay = firstWeekdayOnOrAfter(ymd(year, 6, 20), 6);
  const list: Holiday[] = [
    { date: ymd(year, 1, 1), name: 'Uudenvuodenpäivä', statutory: true },
    { date: ymd(year, 1, 6), name: 'Loppiainen', statutory: true },
    { date: addCalendarDays(easter, -2), name: 'Pitkäperjantai', statutory: true },
    { date: easter, name: 'Pääsiäispäivä', statutory: true },
    { date: addCalendarDays(easter, 1), name: '2. pääsiäispäivä', statutory: true },
    { date: ymd(year, 5, 1), name: 'Vappu', statutory: true },
    { date: addCalendarDays(easter, 39), name: 'Helatorstai', statutory: true },
    { date: addCalendarDays(easter, 49), name: 'Helluntaipäivä', statutory: true },
    { date: addCalendarDays(midsummerDay, -1), name: 'Juhannusaatto', statutory: false },
    { date: midsummerDay, name: 'Juhannuspäivä', statutory: true },
    { date: firstWeekdayOnOrAfter(ymd(year, 10, 31), 6), name: 'Pyhäinpäivä', statutory: true },
    { date: ymd(year, 12, 6), name: 'Itsenäisyyspäivä', statutory: true },
    { date: ymd(year, 12, 24), name: 'Jouluaatto', statutory: false },
    { date: ymd(year, 12, 25), name: 'Joulupäivä', statutory: true },
    { date: ymd(year, 12, 26), name: 'Tapaninpäivä', statutory: true },
  ];
  list.sort((x, y) => x.date.localeCompare(y.date));
  cache.set(year, list);
  return list;
}

/** The holiday falling on a date, if any. */
export const holidayOn = (date: string): Holiday | undefined => finnishHolidays(Number(date.slice(0, 4))).find((h) => h.date === date);

/** True for Monday to Friday dates that are not Finnish holidays or de facto days off. */
export function isWorkingDay(date: string): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && holidayOn(date) === undefined;
}

/**
 * The date `days` working days after `start`: the start day itself is not counted (work received
 * on a Friday with 1 working day is due on Monday). `days` = 0 gives `start` when it is a working
 * day, otherwise the next working day.
 */
export function addWorkingDays(start: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number >= 0, got ${days}`);
  let date = start;
  if (days === 0) {
    while (!isWorkingDay(date)) date = addCalendarDays(date, 1);
    return date;
  }
  let left = days;
  while (left > 0) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

/** Today's date in Finland (Europe/Helsinki), the calendar that agreements and quotes use. */
export function todayInFinland(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
