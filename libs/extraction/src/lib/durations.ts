import type { CalendarDate } from './calendar-date';
import { addDays, addMonths } from './calendar-date';
import { NUMBER_PATTERN, parseNumber } from './numbers';

export type DurationUnit = 'H' | 'D' | 'W' | 'M' | 'Y';

export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
  readonly businessDays: boolean;
}

/**
 * Regex source for a period: "six months", "thirty (30) days", "180-day", "five (5) Business
 * Days", "six months'", "one (1) year", "forty-eight (48) hours", "a fortnight". Groups: 1 number, 2 digits in
 * brackets, 3 qualifier, 4 unit.
 */
export const DURATION_PATTERN = `(${NUMBER_PATTERN})(?:\\s*\\((\\d+)\\))?[\\s-]*(business\\s+|working\\s+|calendar\\s+|full\\s+calendar\\s+|full\\s+)?(hour|day|week|fortnight|month|year)s?(?:['’](?:s)?)?`;

const UNIT_BY_WORD: Readonly<Record<string, DurationUnit>> = {
  hour: 'H',
  day: 'D',
  week: 'W',
  month: 'M',
  year: 'Y',
};

export function durationFromMatch(
  numberText: string,
  bracketDigits: string | undefined,
  qualifier: string | undefined,
  unitWord: string,
): Duration | null {
  // "thirty (30)": the digits are the operative figure where both are given.
  const amount = bracketDigits ? Number(bracketDigits) : parseNumber(numberText);
  const word = unitWord.toLowerCase();
  // A fortnight is two weeks, and says so in ISO 8601.
  if (word === 'fortnight')
    return amount === null ? null : { amount: amount * 2, unit: 'W', businessDays: false };
  const unit = UNIT_BY_WORD[word];
  if (amount === null || !unit) return null;
  const businessDays = unit === 'D' && /business|working/i.test(qualifier ?? '');
  return { amount, unit, businessDays };
}

const DURATION_PHRASE = new RegExp(DURATION_PATTERN, 'i');

export function parseDurationPhrase(text: string): Duration | null {
  const match = DURATION_PHRASE.exec(text);
  if (!match?.[1] || !match[4]) return null;
  return durationFromMatch(match[1], match[2], match[3], match[4]);
}

export function toIsoDuration(duration: Duration): string {
  return duration.unit === 'H' ? `PT${duration.amount}H` : `P${duration.amount}${duration.unit}`;
}

interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
}

export function parseIsoDuration(text: string): DurationParts | null {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(\d+)H)?$/.exec(
    text.trim().toUpperCase(),
  );
  if (!match || text.trim().length < 3) return null;
  return {
    years: Number(match[1] ?? 0),
    months: Number(match[2] ?? 0),
    weeks: Number(match[3] ?? 0),
    days: Number(match[4] ?? 0),
    hours: Number(match[5] ?? 0),
  };
}

/** Durations compare by value: P12M equals P1Y, P1W equals P7D and PT48H equals P2D. */
export function sameDuration(a: string, b: string): boolean {
  const left = parseIsoDuration(a);
  const right = parseIsoDuration(b);
  if (!left || !right) return false;
  return (
    left.years * 12 + left.months === right.years * 12 + right.months &&
    (left.weeks * 7 + left.days) * 24 + left.hours ===
      (right.weeks * 7 + right.days) * 24 + right.hours
  );
}

/**
 * Calendar arithmetic only; business days are counted in business-days.ts. A date has no time of
 * day, so hours count as the days they reach into: 48 hours after a day is two days after it, and
 * 4 hours one.
 */
export function applyDuration(date: CalendarDate, duration: Duration, sign: 1 | -1): CalendarDate {
  switch (duration.unit) {
    case 'H':
      return addDays(date, sign * Math.ceil(duration.amount / 24));
    case 'D':
      return addDays(date, sign * duration.amount);
    case 'W':
      return addDays(date, sign * duration.amount * 7);
    case 'M':
      return addMonths(date, sign * duration.amount);
    case 'Y':
      return addMonths(date, sign * duration.amount * 12);
  }
}
