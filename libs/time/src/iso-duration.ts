export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const DAY_MS = 86_400_000;

/** Reads `P1Y2M3W4DT5H6M7S` and its subsets; null for anything else. */
export function tryParseIsoDuration(text: string): IsoDuration | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = match
    .slice(1)
    // Optional groups that did not match are undefined at run time, whatever the type says.
    .map((part: string | undefined) => Number(part ?? 0));
  return {
    years: years ?? 0,
    months: months ?? 0,
    weeks: weeks ?? 0,
    days: days ?? 0,
    hours: hours ?? 0,
    minutes: minutes ?? 0,
    seconds: seconds ?? 0,
  };
}

export function parseIsoDuration(text: string): IsoDuration {
  const duration = tryParseIsoDuration(text);
  if (!duration) throw new RangeError(`"${text}" is not an ISO 8601 duration such as P7D or PT10S`);
  return duration;
}

export function isIsoDuration(value: unknown): value is string {
  return typeof value === 'string' && PATTERN.test(value);
}

/** True when the duration counts calendar units only (no hours, minutes or seconds). */
export function isCalendarDuration(duration: IsoDuration): boolean {
  return duration.hours === 0 && duration.minutes === 0 && duration.seconds === 0;
}

export function timePartMs(duration: IsoDuration): number {
  return ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
}

/** Length in ms counting a month as 30 days and a year as 365: for ranking and mixed offsets. */
export function approximateMs(duration: IsoDuration): number {
  const days = duration.years * 365 + duration.months * 30 + duration.weeks * 7 + duration.days;
  return days * DAY_MS + timePartMs(duration);
}
