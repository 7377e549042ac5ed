import Holidays from 'date-holidays';

import type { CalendarDate } from './calendar-date';
import { addDays, dayOfWeek, formatIsoDate } from './calendar-date';

/**
 * Business days skip weekends and the public holidays of a jurisdiction, taken from the
 * maintained `date-holidays` data (which lists substitute days, so holidays count on their
 * observed dates) rather than from a list of our own that would go stale.
 */
const holidayCache = new Map<string, ReadonlySet<string>>();

function publicHolidays(country: string, year: number): ReadonlySet<string> {
  const key = `${country}:${year}`;
  const cached = holidayCache.get(key);
  if (cached) return cached;
  const calendar = new Holidays(country);
  const days = new Set(
    calendar
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10)),
  );
  holidayCache.set(key, days);
  return days;
}

export function isBusinessDay(date: CalendarDate, country: string): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  return !publicHolidays(country, date.year).has(formatIsoDate(date));
}

/** Counting starts the day after the anchor, as "within N business days after X" is read. */
export function addBusinessDays(
  anchor: CalendarDate,
  count: number,
  country: string,
  sign: 1 | -1 = 1,
): CalendarDate {
  let current = anchor;
  let remaining = count;
  while (remaining > 0) {
    current = addDays(current, sign);
    if (isBusinessDay(current, country)) remaining -= 1;
  }
  return current;
}
