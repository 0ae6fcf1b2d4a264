import { addWorkingDays, easterSunday, finnishHolidays, holidayOn, isWorkingDay, todayInFinland } from './finnish-calendar.js';

describe('Finnish calendar', () => {
  test.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, date) => expect(easterSunday(year)).toBe(date));

  test('2026 holidays include the Easter-based and the moving Saturday holidays', () => {
    const dates = finnishHolidays(2026).map((h) => `${h.date} ${h.name}`);
    expect(dates).toEqual([
      '2026-01-01 Uudenvuodenpäivä',
      '2026-01-06 Loppiainen',
      '2026-04-03 Pitkäperjantai',
      '2026-04-05 Pääsiäispäivä',
      '2026-04-06 2. pääsiäispäivä',
      '2026-05-01 Vappu',
      '2026-05-14 Helatorstai',
      '2026-05-24 Helluntaipäivä',
      '2026-06-19 Juhannusaatto',
      '2026-06-20 Juhannuspäivä',
      '2026-10-31 Pyhäinpäivä',
      '2026-12-06 Itsenäisyyspäivä',
      '2026-12-24 Jouluaatto',
      '2026-12-25 Joulupäivä',
      '2026-12-26 Tapaninpäivä',
    ]);
  });

  test('Midsummer and All Saints move to the Saturday of their week', () => {
    expect(holidayOn('2027-06-26')?.name).toBe('Juhannuspäivä');
    expect(holidayOn('2027-06-25')?.name).toBe('Juhannusaatto');
    expect(holidayOn('2027-11-06')?.name).toBe('Pyhäinpäivä');
  });

  test('weekends and holidays are not working days', () => {
    expect(isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-24')).toBe(false);
    expect(isWorkingDay('2026-05-14')).toBe(false); // Ascension Day
  });

  test.each([
    ['Friday + 1 is Monday', '2026-11-27', 1, '2026-11-30'],
    ['over Christmas', '2026-12-22', 3, '2026-12-29'],
    ['over Easter', '2026-04-02', 2, '2026-04-08'],
    ['over Midsummer', '2026-06-18', 1, '2026-06-22'],
    ['over New Year and Epiphany', '2026-12-30', 4, '2027-01-07'],
    ['ten working days from a Monday', '2026-11-30', 10, '2026-12-14'],
    ['zero days from a Saturday', '2026-11-28', 0, '2026-11-30'],
  ])('%s', (_name, start, days, due) => expect(addWorkingDays(start, days)).toBe(due));

  test('refuses fractional or negative day counts and impossible dates', () => {
    expect(() => addWorkingDays('2026-01-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
  });

  test("today's date is taken in Helsinki time", () => {
    expect(todayInFinland(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01');
  });
});
