import type { CalendarDate } from './calendar-date';
import { formatIsoDate } from './calendar-date';
import { findDateMentions, resolveMention } from './date-mentions';
import type { Definitions } from './definitions';
import type { Duration } from './durations';
import { applyDuration, toIsoDuration } from './durations';
import { passiveEventKey } from './event-dates';
import { findIncompleteDates, shiftIncompleteDate } from './incomplete-dates';

/** What the term of a contract is read against. */
export interface TermContext {
  /** The effective date, else the signing date: where an unqualified term starts. */
  readonly start: CalendarDate | null;
  readonly signedAt: CalendarDate | null;
  /** The signing date where the form leaves part of it blank (EDTF). */
  readonly startIncomplete: string | null;
  readonly reference: CalendarDate | null;
  readonly definitions: Definitions;
  /** Events the text dates elsewhere ("channel uploaded" -> 2010-08-01). */
  readonly events?: ReadonlyMap<string, CalendarDate>;
  /** What the term starts on when `start` is not known: "entry into force". */
  readonly startEvent?: string;
}

// "the date on which the channel is uploaded": an event told as a thing and what is done to it.
const DATE_ON_WHICH =
  /^(?:the\s+)?(?:date|day)\s+(?:on which|when|that|upon which)\s+(?:the\s+|its\s+)?([\w'-]+(?:\s+[\w'-]+){0,3}?)\s+(?:is|are|has been|have been|was|were)\s+(?:first\s+)?([a-z]+ed)\b/i;

function datedEvent(text: string, context: TermContext): CalendarDate | null {
  const m = DATE_ON_WHICH.exec(text);
  return m && context.events
    ? (context.events.get(passiveEventKey(m[1] ?? '', m[2] ?? '')) ?? null)
    : null;
}

/**
 * A point in time the text names: a calendar date, a date with blank parts, or an event the text
 * does not date ("the Launch Date", "first Commercial Sale").
 */
export type TermPoint =
  | { kind: 'date'; date: CalendarDate }
  | { kind: 'incomplete'; edtf: string }
  | { kind: 'event'; event: string };

// "the third anniversary thereof": the start just named, as "three years thereafter" counts.
const START =
  /^(?:the\s+|its\s+)?(?:effective date|commencement date|start date|effective time|commencement of (?:this|the) (?:agreement|term))\b|^(?:thereof|therefrom)\b/i;
const SIGNING =
  /^(?:hereof\b|(?:the\s+)?(?:date hereof|date (?:it is |this agreement is )?(?:signed|executed)|date of (?:this|the) (?:agreement|contract)|(?:date of )?(?:its |the )?(?:last |final )?(?:execution|signing|signature)(?: (?:hereof|of (?:this|the) (?:agreement|contract)))?\b|(?:day and year|date) first\b))/i;

export function pointOf(phrase: string, context: TermContext): TermPoint {
  const text = phrase
    .trim()
    .replace(/^(?:of|on|from|and\s+(?:after|including))\s+/i, '')
    .replace(/^(?:the\s+)?date of\s+(?=(?:the\s+)?effective date)/i, '');
  const [mention] = findDateMentions(text.slice(0, 60));
  // "the tentative launch date of January 4, 1999" names its date.
  const named = /^(?:the\s+)?[\w\s-]{0,40}?\bdate\s+of\s+/i.exec(text);
  const near = mention && (mention.start <= 4 || mention.start === named?.[0].length);
  const date = near ? resolveMention(mention, context.reference) : null;
  if (date) return { kind: 'date', date };
  const [blank] = findIncompleteDates(text.slice(0, 60));
  if (blank && blank.start <= 4) return { kind: 'incomplete', edtf: blank.edtf };
  if (START.test(text)) return known(context.start, context);
  if (SIGNING.test(text)) return known(context.signedAt ?? context.start, context);
  const defined = /^(?:the\s+)?((?:[A-Z][\w-]*\s+){0,4}Date)\b/.exec(text);
  const definedDate = defined?.[1] ? context.definitions.dates.get(defined[1].toLowerCase()) : null;
  if (definedDate) return { kind: 'date', date: definedDate };
  // An "Agreement Date" the text does not define otherwise is the date the agreement bears.
  if (/^(?:the\s+)?agreement date\b/i.test(text))
    return known(context.signedAt ?? context.start, context);
  const otherDate = datedInstrument(defined?.[1] ?? '', context);
  if (otherDate) return { kind: 'date', date: otherDate };
  const eventDate = datedEvent(text, context);
  if (eventDate) return { kind: 'date', date: eventDate };
  return { kind: 'event', event: eventName(text) };
}

/**
 * "the Offtake Agreement Effective Date" where "Offtake Agreement" means "the Crude Oil Sale
 * and Purchase Agreement ... dated 1 November 1999": another instrument known by its date.
 */
function datedInstrument(name: string, context: TermContext): CalendarDate | null {
  const instrument = /^(.+?)\s+(?:Effective\s+)?Date$/.exec(name.trim())?.[1];
  const meaning = instrument ? context.definitions.meanings.get(instrument.toLowerCase()) : null;
  const dated = meaning ? /\bdated\s+(?:as of\s+)?(.{6,30})/i.exec(meaning) : null;
  const [mention] = dated?.[1] ? findDateMentions(dated[1]) : [];
  return mention?.start === 0 ? resolveMention(mention, context.reference) : null;
}

function known(date: CalendarDate | null, context: TermContext): TermPoint {
  if (date) return { kind: 'date', date };
  if (context.startIncomplete) return { kind: 'incomplete', edtf: context.startIncomplete };
  return { kind: 'event', event: context.startEvent ?? 'the start of the term' };
}

/** The event's own words, up to the end of its phrase. */
export function eventName(text: string): string {
  // "the date of first commercial sale and continue for five years": the event ends before the
  // sentence goes on to what the term does.
  const cut =
    text.split(
      /[,;(]|\s+(?:unless|provided|subject to|or until|whichever)\b|\s+and\s+(?:shall\s+|will\s+)?(?:thereafter\s+|then\s+)?(?:continue|remain|expire|end|terminate|renew|be)s?\b/i,
    )[0] ?? '';
  const name = (cut.trim() || text.trim()).replace(/\.$/, '');
  // A long phrase is cut at a word, not inside one.
  return name.length <= 120 ? name : name.slice(0, 121).replace(/\s+\S*$/, '');
}

function shiftedName(point: string, duration: Duration, sign: 1 | -1): string {
  return `${toIsoDuration(duration)} ${sign === 1 ? 'after' : 'before'} ${point}`;
}

/** A point moved by a period; an event moved by a period is still an event with no date. */
export function shiftPoint(point: TermPoint, duration: Duration, sign: 1 | -1): TermPoint {
  switch (point.kind) {
    case 'date':
      return { kind: 'date', date: applyDuration(point.date, duration, sign) };
    case 'incomplete': {
      const edtf = sign === 1 ? shiftIncompleteDate(point.edtf, duration) : null;
      return edtf
        ? { kind: 'incomplete', edtf }
        : { kind: 'event', event: shiftedName(point.edtf, duration, sign) };
    }
    case 'event':
      return { kind: 'event', event: shiftedName(point.event, duration, sign) };
  }
}

export function pointText(point: TermPoint): string {
  switch (point.kind) {
    case 'date':
      return formatIsoDate(point.date);
    case 'incomplete':
      return point.edtf;
    case 'event':
      return point.event;
  }
}
