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

export function parseIsoDuration(text: string): IsoDuration {
  const match = PATTERN.exec(text);
  if (!match) throw new RangeError(`"${text}" is not an ISO 8601 duration such as P7D or PT10S`);
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

export function isIsoDuration(text: string): boolean {
  return PATTERN.test(text);
}

/** True when the duration counts calendar units only (no hours, minutes or seconds). */
export function isCalendarDuration(duration: IsoDuration): boolean {
  return duration.hours === 0 && duration.minutes === 0 && duration.seconds === 0;
}

export function timePartMs(duration: IsoDuration): number {
  return ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
}
