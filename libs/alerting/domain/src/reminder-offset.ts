/** The offset of a reminder that fires once the due date has passed. */
export const OVERDUE = 'overdue';

export interface OffsetParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export type ReminderOffset = { kind: 'overdue' } | { kind: 'before'; parts: OffsetParts };

const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

const DAY_MS = 86_400_000;

/**
 * Reads a reminder's offset: `overdue`, or an ISO 8601 duration before the due time (`P7D`, `PT0S`).
 * Null for anything else; the contract only promises a string.
 */
export function parseReminderOffset(offset: string): ReminderOffset | null {
  if (offset === OVERDUE) return { kind: 'overdue' };
  const match = DURATION.exec(offset);
  if (!match) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = match
    .slice(1)
    // Optional groups that did not match are undefined at run time, whatever the type says.
    .map((part: string | undefined) => Number(part ?? 0));
  return {
    kind: 'before',
    parts: {
      years: years ?? 0,
      months: months ?? 0,
      weeks: weeks ?? 0,
      days: days ?? 0,
      hours: hours ?? 0,
      minutes: minutes ?? 0,
      seconds: seconds ?? 0,
    },
  };
}

/** Roughly how long before the due time: months count 30 days and years 365, as for ranking. */
export function approximateMs(parts: OffsetParts): number {
  const days = parts.years * 365 + parts.months * 30 + parts.weeks * 7 + parts.days;
  return days * DAY_MS + ((parts.hours * 60 + parts.minutes) * 60 + parts.seconds) * 1000;
}
