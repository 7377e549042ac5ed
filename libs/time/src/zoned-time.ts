/** Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so no local offset can shift a day. */
export function addCalendar(
  date: string,
  { years = 0, months = 0, days = 0 }: { years?: number; months?: number; days?: number },
): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const targetMonth = m - 1 + months + years * 12;
  const lastDay = new Date(Date.UTC(y, targetMonth + 1, 0)).getUTCDate();
  const shifted = new Date(Date.UTC(y, targetMonth, Math.min(d, lastDay) + days));
  return shifted.toISOString().slice(0, 10);
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time` (`HH:MM` or `HH:MM:SS.sss`).
 * Where the wall time does not exist or repeats (a DST change), the first matching instant is
 * returned.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh = 0, mm = 0, ss = 0] = time.split(':').map(Number);
  return fromWallClock(Date.UTC(y, m - 1, d, hh, mm) + Math.round(ss * 1000), timeZone);
}

/** What the wall clock in `timeZone` shows at `instant`: its date and its time of day. */
export function wallClock(instant: Date, timeZone: string): { date: string; time: string } {
  const wall = new Date(instant.getTime() + offsetMs(instant, timeZone)).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 23) };
}

/** The calendar date `instant` falls on in `timeZone`. */
export function calendarDateIn(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).date;
}

function fromWallClock(wallMs: number, timeZone: string): Date {
  // Two passes settle the offset even when the first guess lands across a DST change.
  let instant = wallMs - offsetMs(new Date(wallMs), timeZone);
  instant = wallMs - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`. */
export function offsetMs(instant: Date, timeZone: string): number {
  // The usual zone, and the scheduler's default: no formatting needed to know it is never ahead.
  if (ALWAYS_UTC.has(timeZone)) return 0;
  const parts = wallClockFormat(timeZone).formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
}

/** Names of UTC itself (not of zones that are at UTC only part of the year, such as London). */
const ALWAYS_UTC = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);

// Building a formatter costs far more than formatting with one, and schedules ask per reminder.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
