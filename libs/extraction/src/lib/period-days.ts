import { isBusinessDay } from './business-days';
import type { CalendarDate } from './calendar-date';
import { addDays, addMonths, compareDates, endOfMonth } from './calendar-date';
import { ORDINAL_PATTERN, parseOrdinal } from './numbers';

/**
 * A day fixed within each period of the calendar: "on or before the fifth (5th) business day of
 * each calendar quarter", "by the 15th day of each month", "by the 15th of each month", "on the
 * last business day of each year". Such a day moves with the period, so it repeats on its own
 * schedule rather than being a duration after an anchor.
 */
export interface DayOfPeriod {
  /** 1 for the first day of the period; 'last' for its last. */
  readonly day: number | 'last';
  readonly businessDays: boolean;
  /** ISO 8601 period of the repetition: P1M, P3M, P6M or P1Y. */
  readonly period: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const PERIOD_MONTHS: Readonly<Record<string, number>> = {
  month: 1,
  quarter: 3,
  'half-year': 6,
  'half year': 6,
  year: 12,
};

const DAY_OF_PERIOD = new RegExp(
  String.raw`\b(?:on or before|no later than|not later than|by|before|on)\s+the\s+(last|${ORDINAL_PATTERN.slice(1, -1)})\s+(?:(business\s+|working\s+|calendar\s+)?day\s+)?of\s+(?:each|every)\s+(?:calendar\s+|fiscal\s+)?(month|quarter|half[- ]year|year)\b`,
  'i',
);

export function findDayOfPeriod(clause: string): DayOfPeriod | null {
  const m = DAY_OF_PERIOD.exec(clause);
  if (!m) return null;
  const [text, dayWord = '', kind = '', periodWord = ''] = m;
  const day = /^last$/i.test(dayWord) ? 'last' : parseOrdinal(dayWord);
  const months = PERIOD_MONTHS[periodWord.toLowerCase()];
  if (day === null || months === undefined || (day !== 'last' && day > 366)) return null;
  return {
    day,
    businessDays: /business|working/i.test(kind),
    period: months === 12 ? 'P1Y' : `P${months}M`,
    text,
    start: m.index,
    end: m.index + text.length,
  };
}

/** The first such day after `anchor`, counting business days in `country`'s calendar. */
export function nextDayOfPeriod(
  spec: DayOfPeriod,
  anchor: CalendarDate,
  country: string,
): CalendarDate {
  const months = spec.period === 'P1Y' ? 12 : Number(/\d+/.exec(spec.period)?.[0]);
  // Calendar periods start in January: quarters in January, April, July and October.
  const firstMonth = Math.floor((anchor.month - 1) / months) * months + 1;
  let start: CalendarDate = { year: anchor.year, month: firstMonth, day: 1 };
  for (;;) {
    const day = dayIn(spec, start, months, country);
    if (compareDates(day, anchor) > 0) return day;
    start = addMonths(start, months);
  }
}

function dayIn(spec: DayOfPeriod, start: CalendarDate, months: number, country: string) {
  const lastMonth = addMonths(start, months - 1);
  const end = endOfMonth(lastMonth.year, lastMonth.month);
  const counts = (date: CalendarDate) => !spec.businessDays || isBusinessDay(date, country);
  if (spec.day === 'last') {
    let day = end;
    while (!counts(day)) day = addDays(day, -1);
    return day;
  }
  let day = start;
  let seen = counts(day) ? 1 : 0;
  while (seen < spec.day && compareDates(day, end) < 0) {
    day = addDays(day, 1);
    if (counts(day)) seen += 1;
  }
  return day;
}
