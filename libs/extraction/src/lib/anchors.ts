import type { CalendarDate } from './calendar-date';
import { addDays, compareDates, endOfMonth } from './calendar-date';
import { findDateMentions } from './date-mentions';
import type { Definitions } from './definitions';
import type { AnchorType } from './types';

/** What a deadline is counted from, and its date when the text gives it. */
export interface ResolvedAnchor {
  readonly type: AnchorType;
  readonly date: CalendarDate | null;
  readonly ref?: string;
  /** Set for "the end of each quarter/year": the deadline repeats with this period. */
  readonly period?: string;
}

export interface AnchorContext {
  readonly signedAt: CalendarDate | null;
  readonly publishedAt: CalendarDate | null;
  readonly effectiveAt: CalendarDate | null;
  readonly entryIntoForceAt: CalendarDate | null;
  readonly definitions: Definitions;
  /** Events the text dates elsewhere ("the annual general meeting, which is scheduled for ..."). */
  readonly events: ReadonlyMap<string, CalendarDate>;
  /** Month and day on which the document's fiscal (financial) year ends. */
  readonly fiscalYearEnd: { month: number; day: number };
  readonly termExpiry: CalendarDate | null;
  /** Set where the text makes its Effective Date the day of an event still to come. */
  readonly effectiveOnEvent?: boolean;
}

export function normaliseRef(ref: string): string {
  return ref
    .toLowerCase()
    .replace(/^(the|a|an|its|their|his|her|each)\s+/, '')
    .replace(/[^\w\s-]/g, '')
    .trim();
}

/** The date periodic events are counted from: the instrument's start. */
function periodBase(context: AnchorContext): CalendarDate | null {
  return context.effectiveAt ?? context.entryIntoForceAt ?? context.signedAt ?? context.publishedAt;
}

/** The first end of a quarter or year strictly after `base`. */
type PeriodUnit = 'quarter' | 'half' | 'year' | 'month';
const PERIOD_OF_UNIT: Readonly<Record<PeriodUnit, string>> = {
  year: 'P1Y',
  half: 'P6M',
  quarter: 'P3M',
  month: 'P1M',
};
// "calendar semester", "half-year": a half of a year.
const HALF_YEAR = /^(?:semester|half[- ]year)$/;

function firstPeriodEnd(
  base: CalendarDate,
  unit: PeriodUnit,
  fiscalYearEnd: { month: number; day: number },
): CalendarDate {
  const candidates: CalendarDate[] = [];
  // A half year ends with the fiscal year and six months before it.
  const halfEnds = [fiscalYearEnd.month, ((fiscalYearEnd.month + 5) % 12) + 1].sort(
    (a, b) => a - b,
  );
  for (let year = base.year; year <= base.year + 1; year += 1) {
    if (unit === 'year') candidates.push({ year, ...fiscalYearEnd });
    else if (unit === 'half')
      for (const month of halfEnds) candidates.push(endOfMonth(year, month));
    else if (unit === 'quarter')
      for (const month of [3, 6, 9, 12]) candidates.push(endOfMonth(year, month));
    else for (let month = 1; month <= 12; month += 1) candidates.push(endOfMonth(year, month));
  }
  return candidates.find((c) => compareDates(c, base) > 0) ?? addDays(base, 1);
}

// "after the MoU is signed", "once this Agreement has been signed": the instrument's own signing.
const INSTRUMENT_SIGNED =
  /^(?:the|this)\s+(?:agreement|contract|memorandum(?: of understanding)?|mou|framework|arrangement|treaty|protocol|pact|accord|deal)\s+(?:is|was|has been|being)\s+signed$/;
// The instrument, its term, or the meeting that issued it ("within two months of this Dialogue").
const THE_INSTRUMENT_ITSELF =
  /^(?:the\s+)?(?:(?:initial\s+)?term\s+of\s+)?(?:this|the)\s+(?:agreement|contract|memorandum(?: of understanding)?|mou|framework|arrangement|treaty|protocol|licen[cs]e)$|^the\s+(?:initial\s+)?term$|^this\s+(?:dialogue|meeting|summit|communiqu[ée]|statement|declaration|visit|conference|session|forum)$/;

// "the date of this order", "the date of this proclamation": a President's instrument is dated the
// day it is signed.
const PRESIDENTIAL_INSTRUMENT =
  /\bdate of this (?:executive order|order|proclamation|memorandum|directive|determination)\b/;
const ENACTMENT =
  /\b(?:date of (?:the )?)?enactment of this (?:act|section|title|subtitle|part|chapter|division|joint resolution)\b/;

export function defaultAnchor(context: AnchorContext): ResolvedAnchor {
  if (context.signedAt) return { type: 'signing', date: context.signedAt };
  if (context.effectiveAt) return { type: 'effective', date: context.effectiveAt };
  return { type: 'publication', date: context.publishedAt };
}

/**
 * Where a contract year ends: as the text defines it ("each calendar year"), else on the day before
 * each anniversary of the agreement's start, as such years run when the text does not say.
 */
function contractYearEnd(
  text: string,
  base: CalendarDate,
  context: AnchorContext,
): { month: number; day: number } | null {
  const kind = /\b(contract|agreement|licen[cs]e|lease) year\b/.exec(text)?.[1];
  if (!kind) return null;
  const meaning = context.definitions.meanings.get(`${kind} year`) ?? '';
  if (/\bcalendar year\b/i.test(meaning)) return { month: 12, day: 31 };
  const [ends] = findDateMentions(meaning);
  if (ends) return { month: ends.month, day: ends.day };
  const { month, day } = addDays(base, -1);
  return { month, day };
}

/** An event's name as a deadline reports it: "the Effective Date" -> "Effective Date". */
function eventRef(phrase: string): string {
  return phrase.trim().replace(/^(the|a|an)\s+/i, '');
}

export function resolveAnchor(phrase: string | null, context: AnchorContext): ResolvedAnchor {
  if (!phrase) return defaultAnchor(context);
  const text = phrase.toLowerCase();
  if (/\b(news release|press release|announcement|publication|this release)\b/.test(text)) {
    return { type: 'publication', date: context.publishedAt };
  }
  if (/\b(entry into force|enters? into force|entering into force)\b/.test(text)) {
    return { type: 'entry-into-force', date: context.entryIntoForceAt ?? context.effectiveAt };
  }
  if (/\b(effective date|commencement date)\b/.test(text)) {
    // Conditions precedent still to be fulfilled: the period waits for them, not the signing.
    if (!context.effectiveAt && context.effectiveOnEvent) {
      return { type: 'event', ref: eventRef(phrase), date: null };
    }
    return { type: 'effective', date: context.effectiveAt ?? context.signedAt };
  }
  // "the date of enactment of this Act": an Act's approval, which a bill does not have yet.
  if (ENACTMENT.test(text)) {
    return context.signedAt
      ? { type: 'signing', date: context.signedAt }
      : { type: 'event', ref: eventRef(phrase), date: null };
  }
  if (
    /\b(signing|signature|execution)\b/.test(text) ||
    PRESIDENTIAL_INSTRUMENT.test(text) ||
    INSTRUMENT_SIGNED.test(text) ||
    /\bdate (?:of (?:grant|award|issue)\b|of (?:this|the)\b[\w\s-]*?\b(?:agreement|framework|memorandum|contract|instrument|deed|mou|amendment|letter|addendum|side letter|term sheet)|hereof|first (?:above )?written)\b/.test(
      text,
    )
  ) {
    return { type: 'signing', date: context.signedAt };
  }
  // "within 12 months of this Agreement", "in the first year of the Term": from its start.
  if (THE_INSTRUMENT_ITSELF.test(text)) {
    return context.effectiveAt
      ? { type: 'effective', date: context.effectiveAt }
      : defaultAnchor(context);
  }
  const periodic =
    /\b(?:end|close) of (?:each|every|the|that) (?:of (?:its|their) )?(?:calendar |fiscal |financial |(?=(?:contract|agreement|licen[cs]e|lease) year)\w+ |(?:billing|invoicing|production|delivery|reporting|operating) )?(quarter|year|month|semester|half[- ]year)s?\b|\bend of each of (?:its|their) (?:fiscal |financial )?(quarter|year|month)s?\b/.exec(
      text,
    );
  // "the start of each Financial Year": the day after each end, the first one after the base.
  const starting = periodic
    ? null
    : /\b(?:start|beginning|commencement|first day) of (?:each|every) (?:calendar |fiscal |financial |(?=(?:contract|agreement|licen[cs]e|lease) year)\w+ )?(quarter|year|month)s?\b/.exec(
        text,
      );
  const base = periodBase(context);
  if ((periodic ?? starting) && base) {
    const named = periodic?.[1] ?? periodic?.[2] ?? starting?.[1] ?? 'year';
    const unit = (HALF_YEAR.test(named) ? 'half' : named) as PeriodUnit;
    const calendarYear = /calendar (?:year|semester|half)/.test(text);
    const fiscal = calendarYear
      ? { month: 12, day: 31 }
      : (contractYearEnd(text, base, context) ?? context.fiscalYearEnd);
    const period = PERIOD_OF_UNIT[unit];
    const date = periodic
      ? firstPeriodEnd(base, unit, fiscal)
      : addDays(firstPeriodEnd(addDays(base, -1), unit, fiscal), 1);
    return { type: 'event', ref: phrase.trim(), date, period };
  }
  if (
    /\bexpir\w*|end of the (?:then[- ]current|initial|current) term\b/.test(text) &&
    context.termExpiry
  ) {
    return { type: 'event', ref: phrase.trim(), date: context.termExpiry };
  }
  const ref = normaliseRef(phrase);
  const known =
    context.definitions.dates.get(ref) ??
    [...context.events.entries()].find(
      ([event]) => event.includes(ref) || ref.includes(event),
    )?.[1] ??
    null;
  return { type: 'event', ref: eventRef(phrase), date: known };
}
