import { addCalendar } from '@dealwatch/time';

import Holidays from 'date-holidays';

/**
 * Public holidays come from the maintained `date-holidays` data, which lists substitute days (a
 * holiday on a Saturday observed on the Friday), so a holiday counts on the day it is observed too.
 */
const holidayCache = new Map<string, ReadonlySet<string>>();
let countries: ReadonlySet<string> | null = null;

/** Which days a reminder must not fall on. */
export interface BusinessCalendar {
  skipWeekends: boolean;
  /** ISO 3166-1 country code whose public holidays are skipped; null skips none. */
  holidays: string | null;
}

/** Whether `code` is an ISO country code the holiday data knows (upper case, e.g. `US`, `GB`). */
export function isKnownJurisdiction(code: string): boolean {
  countries ??= new Set(Object.keys(new Holidays().getCountries()));
  return countries.has(code);
}

export function isPublicHoliday(date: string, country: string): boolean {
  return publicHolidays(country, Number(date.slice(0, 4))).has(date);
}

export function isBusinessDay(date: string, calendar: BusinessCalendar): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (calendar.skipWeekends && (weekday === 0 || weekday === 6)) return false;
  return calendar.holidays === null || !isPublicHoliday(date, calendar.holidays);
}

/** `date` itself when it is a business day, else the nearest business day before it. */
export function onOrBeforeBusinessDay(date: string, calendar: BusinessCalendar): string {
  let current = date;
  // A year holds far fewer consecutive days off than this; the bound only guards a bad calendar.
  for (let step = 0; step < 366 && !isBusinessDay(current, calendar); step += 1)
    current = addCalendar(current, { days: -1 });
  return current;
}

/** `count` business days after `date` (before it when negative), counting from the day after. */
export function addBusinessDays(date: string, count: number, calendar: BusinessCalendar): string {
  const step = count < 0 ? -1 : 1;
  let current = date;
  for (let remaining = Math.abs(count); remaining > 0;) {
    current = addCalendar(current, { days: step });
    if (isBusinessDay(current, calendar)) remaining -= 1;
  }
  return current;
}

function publicHolidays(country: string, year: number): ReadonlySet<string> {
  const key = `${country}:${year}`;
  const cached = holidayCache.get(key);
  if (cached) return cached;
  const days = new Set(
    new Holidays(country)
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10)),
  );
  holidayCache.set(key, days);
  return days;
}
