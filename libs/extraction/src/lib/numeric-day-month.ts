import type { DateMention } from './date-mentions';
import { CLOSE_OF_DAY, WEEKDAY_NAME } from './date-mentions';
import { weekdayNumber } from './weekdays';

/** A day and month written in figures without a year ("25/11", "25.11."), read as a limit. */
export interface NumericDayMonth {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: 'by' | 'on';
  readonly mention: DateMention;
  /** The weekday written before it (0 = Sunday), which fixes its year; null where none is. */
  readonly weekday: number | null;
}

// "by COB Wednesday 25/11", "no later than 17:00 on Friday 27.11.", "on Monday, 30/11", "by 25/11":
// what must come before a day and month in figures for it to be a date, not a fraction, a ratio,
// a score or a section number ("1/2", "a 3/4 majority", "clause 25/11", "24/7 support").
const DEADLINE_WORD = String.raw`no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|by|before|until|due(?:\s+on)?|on`;
const TIME_OF_DAY = String.raw`\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|hrs?)|\d{1,2}:\d{2}`;
const LEAD = new RegExp(
  String.raw`(?:\b(${DEADLINE_WORD})\s+(?:(?:${CLOSE_OF_DAY}|${TIME_OF_DAY})\s+(?:on\s+)?)?|\b(${CLOSE_OF_DAY})\s+(?:on\s+)?)?(?:\b(${WEEKDAY_NAME}),?\s+(?:the\s+)?)?$`,
  'i',
);
// Two numbers of one or two figures apart from any other figure: not "25/11/2026", "1.2.3" or
// "2,5/10".
const FIGURES = /\b(\d{1,2})([/.])(\d{1,2})\b(?![/.]?\d)/g;
const JOINED_BEFORE = /[\d.,/-]$/;
// The last word of any lead, tested on a few characters before the long pattern on many.
const LEAD_END =
  /(?:day|by|before|until|on|than|due|COB|EOD|business|m\.?|hrs?|\d),?\s+(?:the\s+)?$/i;
// What may follow such a date: nothing more, a stop or a comma, a time of day, the next clause; not
// a word a fraction or a count goes on with ("3.5 hours").
const ENDS_DATE =
  /^(?:\.?$|\.?[,;:!?)]|\.?\s+(?:at|and|or|latest|\()|\.?\s+\d{1,2}[:.]\d{2}|\.\s)/i;

/**
 * Days and months in figures with no year that a clause sets as limits. A slash puts the month
 * first unless the first number cannot be one (as dates with a year are read); a dot puts the day
 * first. Without a weekday to confirm it, only a slash date whose day cannot be a month is read:
 * "by 3/4" may be a fraction, "by 25/11" is not.
 */
export function findNumericDayMonths(clause: string): NumericDayMonth[] {
  const found: NumericDayMonth[] = [];
  FIGURES.lastIndex = 0;
  for (let m = FIGURES.exec(clause); m; m = FIGURES.exec(clause)) {
    if (JOINED_BEFORE.test(clause.slice(Math.max(0, m.index - 1), m.index))) continue;
    const trailingDot = m[2] === '.' && clause.charAt(m.index + m[0].length) === '.' ? 1 : 0;
    const end = m.index + m[0].length + trailingDot;
    if (!ENDS_DATE.test(clause.slice(end - trailingDot, end + 12))) continue;
    if (!LEAD_END.test(clause.slice(Math.max(0, m.index - 16), m.index))) continue;
    const lead = LEAD.exec(clause.slice(Math.max(0, m.index - 80), m.index));
    const weekday = lead?.[3] ? weekdayNumber(lead[3]) : null;
    if (!lead || (!lead[1] && !lead[2] && weekday === null)) continue;
    const dayMonth = readDayMonth(Number(m[1]), m[2] ?? '/', Number(m[3]), weekday !== null);
    if (!dayMonth) continue;
    const start = m.index - lead[0].length;
    const text = clause.slice(start, end);
    found.push({
      start,
      end,
      text,
      kind: /^(?:on|due\s+on)$/i.test(lead[1] ?? '') || (!lead[1] && !lead[2]) ? 'on' : 'by',
      mention: { start: m.index, end, text: clause.slice(m.index, end), year: null, ...dayMonth },
      weekday,
    });
  }
  return found;
}

function readDayMonth(
  first: number,
  separator: string,
  second: number,
  confirmed: boolean,
): { month: number; day: number } | null {
  const dayFirst = separator === '.' || first > 12;
  // Unconfirmed, one number must be a day that cannot be a month.
  if (!confirmed && (separator === '.' || (first <= 12 && second <= 12))) return null;
  const [day, month] = dayFirst ? [first, second] : [second, first];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { month, day } : null;
}
