import type { CalendarDate } from './calendar-date';
import { addDays, dayOfWeek, makeDate } from './calendar-date';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A weekday's number as dayOfWeek gives it (0 = Sunday), or null for any other word. */
export function weekdayNumber(name: string): number | null {
  const index = WEEKDAYS.indexOf(name.toLowerCase());
  return index < 0 ? null : index;
}

/**
 * The last day named `weekday` on or before `reference`: "signed on Tuesday" in an article dated
 * Tuesday 2025-10-28 means that day, and in one dated Thursday 2025-10-30 the same Tuesday.
 */
export function lastWeekdayOnOrBefore(reference: CalendarDate, weekday: string): CalendarDate {
  const target = weekdayNumber(weekday) ?? dayOfWeek(reference);
  return addDays(reference, -((dayOfWeek(reference) - target + 7) % 7));
}

/**
 * A yearless day and month in the year that puts it on the weekday written beside it ("Wednesday
 * 25/11" in a text of November 2026 is 25 November 2026): the year of `from`, the one before or
 * the one after, of which at most one can fit. Null where none does.
 */
export function dayOnWeekday(
  month: number,
  day: number,
  weekday: number,
  from: CalendarDate,
): CalendarDate | null {
  for (const year of [from.year, from.year + 1, from.year - 1]) {
    const date = makeDate(year, month, day);
    if (date && dayOfWeek(date) === weekday) return date;
  }
  return null;
}

/**
 * A weekday of the week `from` falls in, or of a week after it ("Friday next week"); weeks start on
 * Monday, as business weeks do.
 */
export function weekdayOfWeek(
  from: CalendarDate,
  weekday: number,
  weeksAhead: number,
): CalendarDate {
  const monday = addDays(from, -((dayOfWeek(from) + 6) % 7));
  return addDays(monday, weeksAhead * 7 + ((weekday + 6) % 7));
}
