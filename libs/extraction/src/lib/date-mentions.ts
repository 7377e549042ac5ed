import type { CalendarDate } from './calendar-date';
import { compareDates, firstOnOrAfter, makeDate } from './calendar-date';
import { ORDINAL_WORD_PATTERN, parseOrdinal } from './numbers';
import { mergeSpans, overlapsAny } from './spans';

/** A date written in the text; `year` is null for "Oct 26" or "30 April". */
export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly year: number | null;
  readonly month: number;
  readonly day: number;
}

/** The months' names in lower case, January first. */
export const MONTHS: readonly string[] = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

// Month names must start with a capital so that the modal "may" is never read as a month.
const MONTH = `(?:Jan(?:uary)?|JAN(?:UARY)?|Feb(?:ruary)?|FEB(?:RUARY)?|Mar(?:ch)?|MAR(?:CH)?|Apr(?:il)?|APR(?:IL)?|May|MAY|June?|JUNE?|July?|JULY?|Aug(?:ust)?|AUG(?:UST)?|Sep(?:t(?:ember)?)?|SEP(?:T(?:EMBER)?)?|Oct(?:ober)?|OCT(?:OBER)?|Nov(?:ember)?|NOV(?:EMBER)?|Dec(?:ember)?|DEC(?:EMBER)?)`;
// "15th", "1ST", and the OCR artefacts "24t h", "1s t" and "31  day" seen in filed contracts.
const DAY = `(\\d{1,2})(?:\\s?(?:[sS]\\s?[tT]|[nN]\\s?[dD]|[rR]\\s?[dD]|[tT]\\s?[hH]))?`;
// "day of" as contracts write it: "Day of", "DAY OF", "day of --- November" (a ruled blank line).
const DAY_OF = `\\s+(?:day|Day|DAY)\\s+(?:of|OF)[\\s-]+`;
const YEAR = `(\\d{4})`;
// Between day and year: "5, 2019", "5 2019", and "5 , 2019" as typed or scanned.
const YEAR_GAP = `(?:\\s*,\\s*|\\s+)`;
// What every "day of" date has, whatever its case: "15th day of", "first Day of", "DAY OF".
const HAS_DAY_OF = /\sday\s+of[\s-]/i;

interface DatePattern {
  readonly regex: RegExp;
  /**
   * Words the pattern cannot match without, tested first: a pattern that opens on a list of words
   * ("twenty-first|...|tenth") is tried at every word, one that is rarely there need not be.
   */
  readonly needs?: RegExp;
  read(match: RegExpExecArray): { year: number | null; month: number; day: number } | null;
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((month) => month.startsWith(lower.slice(0, 3))) + 1;
}

function twoDigitYear(value: number): number {
  if (value >= 100) return value;
  return value < 50 ? 2000 + value : 1900 + value;
}

const PATTERNS: readonly DatePattern[] = [
  {
    regex: /\b(\d{4})-(\d{2})-(\d{2})(?![\d-])/g,
    read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }),
  },
  {
    // the 15th day of January, 2026 / 1st day of April, 2018
    needs: HAS_DAY_OF,
    regex: new RegExp(
      `\\b${DAY}${DAY_OF}(${MONTH})\\.?${YEAR_GAP}(?:in\\s+the\\s+year\\s+)?${YEAR}\\b`,
      'g',
    ),
    read: (m) => ({ year: Number(m[3]), month: monthNumber(m[2] ?? ''), day: Number(m[1]) }),
  },
  {
    // the first day of March, 2004 / the twenty-first day of June 2019
    needs: HAS_DAY_OF,
    regex: new RegExp(
      `\\b(${ORDINAL_WORD_PATTERN})${DAY_OF}(${MONTH})\\.?${YEAR_GAP}(?:in\\s+the\\s+year\\s+)?${YEAR}\\b`,
      'gi',
    ),
    read: (m) => {
      const day = parseOrdinal(m[1] ?? '');
      return day ? { year: Number(m[3]), month: monthNumber(m[2] ?? ''), day } : null;
    },
  },
  {
    // 20 March day of 1998: a "day of" date typed with its month already beside the day.
    needs: HAS_DAY_OF,
    regex: new RegExp(`\\b${DAY}\\s+(${MONTH})\\.?${DAY_OF}${YEAR}\\b`, 'g'),
    read: (m) => ({ year: Number(m[3]), month: monthNumber(m[2] ?? ''), day: Number(m[1]) }),
  },
  {
    // October 28, 2025 / Oct. 28 2025 / October 28th, 2025 / May 3,2006
    regex: new RegExp(`\\b(${MONTH})\\.?\\s+${DAY}${YEAR_GAP}${YEAR}\\b`, 'g'),
    read: (m) => ({ year: Number(m[3]), month: monthNumber(m[1] ?? ''), day: Number(m[2]) }),
  },
  {
    // 28 October 2025 / 28th October, 2025
    regex: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?(${MONTH})\\.?,?\\s+${YEAR}\\b`, 'g'),
    read: (m) => ({ year: Number(m[3]), month: monthNumber(m[2] ?? ''), day: Number(m[1]) }),
  },
  {
    // 10/28/2025, 04/25/2018, 29/3/18: month first unless the first figure cannot be a month.
    regex: /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g,
    read: (m) => {
      const first = Number(m[1]);
      const second = Number(m[2]);
      const year = twoDigitYear(Number(m[3]));
      return first > 12 ? { year, month: second, day: first } : { year, month: first, day: second };
    },
  },
  {
    // 31.12.2025: dots are the day-first style of European contracts.
    regex: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d|\d)/g,
    read: (m) => ({ year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) }),
  },
  {
    // 5-Jun-2024, 05-JUN-24
    regex: new RegExp(`(?<![\\d-])(\\d{1,2})-(${MONTH})-(\\d{4}|\\d{2})(?![\\d-])`, 'g'),
    read: (m) => ({
      year: twoDigitYear(Number(m[3])),
      month: monthNumber(m[2] ?? ''),
      day: Number(m[1]),
    }),
  },
  {
    // 3-5-98, 03-05-1998: month first, as US filings write it.
    regex: /(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{4}|\d{2})(?![\d-])/g,
    read: (m) => ({
      year: twoDigitYear(Number(m[3])),
      month: Number(m[1]),
      day: Number(m[2]),
    }),
  },
  {
    // Oct 26 / Oct. 20 / November 16 (year from context)
    regex: new RegExp(`\\b(${MONTH})\\.?\\s+${DAY}\\b(?!\\s*(?:,\\s*)?\\d)`, 'g'),
    read: (m) => ({ year: null, month: monthNumber(m[1] ?? ''), day: Number(m[2]) }),
  },
  {
    // 30 April / 26 February
    regex: new RegExp(`\\b${DAY}\\s+(${MONTH})\\b(?!\\.?,?\\s*\\d)`, 'g'),
    read: (m) => ({ year: null, month: monthNumber(m[2] ?? ''), day: Number(m[1]) }),
  },
];

export function findDateMentions(text: string): DateMention[] {
  // Every pattern needs a digit: one test answers for a text without one (a third of those asked).
  if (!/\d/.test(text)) return [];
  // In order of start. One pattern's own matches never overlap (each search starts where the last
  // match ended), so only those of earlier patterns are looked at, and the pass joins them after.
  let mentions: DateMention[] = [];
  for (const pattern of PATTERNS) {
    if (pattern.needs && !pattern.needs.test(text)) continue;
    const found: DateMention[] = [];
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(text); m; m = pattern.regex.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlapsAny(mentions, start, end)) continue;
      const parts = pattern.read(m);
      if (!parts || parts.month < 1 || parts.day < 1 || parts.day > 31) continue;
      if (parts.year !== null && !makeDate(parts.year, parts.month, parts.day)) continue;
      found.push({ start, end, text: m[0], ...parts });
    }
    if (found.length > 0) mentions = mergeSpans(mentions, found);
  }
  return mentions;
}

/**
 * Gives a year to a yearless mention: the latest such date on or before the reference (a
 * dateline "Oct 26" in an article published in 2025 means 26 October 2025).
 */
export function resolveMention(
  mention: DateMention,
  reference: CalendarDate | null,
): CalendarDate | null {
  if (mention.year !== null) return makeDate(mention.year, mention.month, mention.day);
  if (!reference) return null;
  const sameYear = makeDate(reference.year, mention.month, mention.day);
  if (sameYear && compareDates(sameYear, reference) <= 0) return sameYear;
  return makeDate(reference.year - 1, mention.month, mention.day);
}

/**
 * A mention as a day to come: without a year, the first such day on or after `from`. A deadline
 * lies ahead of the agreement that sets it, so "on or before 1 March of each year" in an agreement
 * signed on 3 February 2027 first falls on 1 March 2027, where resolveMention, reading a report of
 * past events, would give 2026.
 */
export function resolveMentionFrom(
  mention: DateMention,
  from: CalendarDate | null,
): CalendarDate | null {
  if (mention.year !== null || !from) return resolveMention(mention, from);
  return firstOnOrAfter(from, (year) => makeDate(year, mention.month, mention.day));
}

// A place written as a dateline starts it: a city of up to four capitalised words, then perhaps
// its state or country ("Tokyo, Japan,"), each followed by a comma, the last perhaps by a dash
// ("WASHINGTON –", "Washington, D.C. -").
const PLACE_NAME = String.raw`[A-Z][\p{L}.'’-]*(?: [A-Z][\p{L}.'’-]*){0,3}`;
export const DATELINE_PLACE = new RegExp(
  String.raw`^\s*${PLACE_NAME}(?:,\s*${PLACE_NAME})?\s*(?:,|[–—-])\s*$`,
  'u',
);

/** A day of the week by its full name, as a pattern: "Friday" of "by Friday 20 March". */
export const WEEKDAY_NAME = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day`;

/** The end of a working day, as a pattern: "COB" of "by COB Wednesday 25/11", "close of business". */
export const CLOSE_OF_DAY = String.raw`(?:the\s+)?(?:COB|EOD|close\s+of\s+business|end\s+of\s+(?:the\s+)?(?:business\s+)?day)`;

/** The months' names as written in running text: "January", "February", ... */
export const MONTH_NAMES: readonly string[] = MONTHS.map(
  (month) => `${month.charAt(0).toUpperCase()}${month.slice(1)}`,
);
