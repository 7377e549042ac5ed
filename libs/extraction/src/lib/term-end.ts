import type { CalendarDate } from './calendar-date';
import { addDays, compareDates, endOfMonth } from './calendar-date';
import { findDateMentions, resolveMention } from './date-mentions';
import { DURATION_PATTERN, durationFromMatch } from './durations';
import { allMatches } from './matches';
import { ORDINAL_PATTERN, parseOrdinal } from './numbers';
import type { TermContext, TermPoint } from './term-points';
import { eventName, pointOf, shiftPoint } from './term-points';

/**
 * How a term ends: on a date (perhaps with blank parts), on or a fixed time after an event the
 * text does not date ("the expiration of the last Patent", "twelve months from the Launch
 * Date"), or never of itself ("until terminated by either party": perpetual).
 */
export type TermEnd =
  | { kind: 'date'; date: CalendarDate }
  | { kind: 'incomplete'; edtf: string }
  | { kind: 'event'; event: string }
  | { kind: 'open' };

const UNTIL_TERMINATED =
  /^(?:(?:it|this agreement|the agreement|this contract) (?:is|has been) |being |so |earlier )?(?:terminated|revoked|rescinded|cancell?ed)\b|^(?:the |both )?parties\s+(?:mutually\s+)?(?:agree|decide)\w*\s+(?:in writing\s+)?to\s+(?:terminate|end|cancel)\b|^(?:either|one|any|a|the other|each) (?:party|parties|of the parties|participant)\b[^.;]{0,80}?\b(?:terminat|gives? notice)|^(?:termination|terminated) (?:by|in accordance|pursuant|as provided)|^(?:the\s+)?(?:earlier\s+)?(?:termination|expiration)(?:\s+(?:or|and\/or)\s+(?:earlier\s+)?(?:termination|expiration))?\s+of\s+(?:this|the)\s+(?:agreement|contract)\b/i;
// "the fifth anniversary of the Effective Date", "the third anniversary thereof".
const ANNIVERSARY = new RegExp(
  `^(?:the\\s+)?${ORDINAL_PATTERN}\\s+anniversary\\s+(?:of\\s+)?(.+)`,
  'i',
);
const NTH_DAY = new RegExp(
  `^(?:the\\s+)?${ORDINAL_PATTERN}\\s+day\\s+(?:after|following|from|subsequent to)\\s+(.+)`,
  'i',
);
const PERIOD = new RegExp(
  `^(?:(?:a|the)\\s+(?:period|term)\\s+of\\s+)?${DURATION_PATTERN}\\s+(?:(?:immediately\\s+)?(after|from|following|subsequent to|of|commencing on|beginning on|beginning)\\s+(.+)|(therefrom|thereafter|thereof|hereafter))`,
  'i',
);
const YEAR_N = new RegExp(
  `^(?:the\\s+)?end of (?:(?:contract|agreement|license)\\s+)?year\\s+(\\d{1,2})\\b|^(?:the\\s+)?end of the\\s+${ORDINAL_PATTERN}\\s+(?:contract |agreement |license )?year\\b`,
  'i',
);

// "the 60th day following a written notice ... of its decision to terminate", "the exercise by
// the Licensor of its right to terminate": the agreement runs until a party chooses to end it.
const PARTY_ENDS =
  /\bnotice\b[^.;]{0,80}?\bterminat|\bterminat\w*\b[^.;]{0,40}?\bnotice\b|\b(?:exercise|election|decision)\b[^.;]{0,60}?\b(?:right|option|elect\w*|decid\w*) to terminate\b/i;

// "the end of calendar year 2024", "the end of 2024".
const CALENDAR_YEAR_END = /^(?:the\s+)?end of (?:the\s+)?(?:calendar\s+)?(?:year\s+)?(\d{4})\b/i;
const OF_THE_YEAR = /^\s*of the (?:calendar\s+)?year (?:in which|during which)\s+/i;

/**
 * "December 31 of the year in which the third anniversary of the Effective Date occurs": the
 * day in the year of the point named after it, not the day in the year the text was read.
 */
function dayInYearOf(text: string, context: TermContext, depth: number): TermEnd | null {
  const [day] = findDateMentions(text.slice(0, 20));
  if (!day || day.start !== 0 || day.year !== null) return null;
  const rest = text.slice(day.end);
  const inYear = OF_THE_YEAR.exec(rest);
  if (!inYear) return null;
  const point = rest.slice(inYear[0].length).replace(/\s+(?:falls|occurs)\b/i, '');
  return moved(endOf(point, context, depth), (d) => {
    const monthEnd = endOfMonth(d.year, day.month);
    return { ...monthEnd, day: Math.min(day.day, monthEnd.day) };
  });
}

export function fromPoint(point: TermPoint): TermEnd {
  switch (point.kind) {
    case 'date':
      return { kind: 'date', date: point.date };
    case 'incomplete':
      return { kind: 'incomplete', edtf: point.edtf };
    case 'event':
      return PARTY_ENDS.test(point.event)
        ? { kind: 'open' }
        : { kind: 'event', event: point.event };
  }
}

function moved(end: TermEnd | null, move: (date: CalendarDate) => CalendarDate): TermEnd | null {
  return end?.kind === 'date' ? { kind: 'date', date: move(end.date) } : end;
}

/**
 * The end named by a phrase that follows "until", "expire on", "terminate on" or stands as a
 * limb of "the later of": a date, "the fifth anniversary of the Effective Date", "the 30th day
 * after the Effective Date", "three (3) years from the date hereof", "the end of Year 3", a
 * defined term, "terminated by either party", or an event.
 */
export function endOf(phrase: string, context: TermContext, depth = 0): TermEnd | null {
  const text = phrase
    .trim()
    .replace(/^(?:the\s+)?(?:date|day)\s+(?:that|which|on which it)\s+(?:is|falls)\s+/i, '')
    .replace(
      /^(?:at\s+)?(?:\d{1,2}:\d{2}|midnight|noon|(?:the\s+)?close of business)\b[^;]{0,50}?\bon\s+/i,
      '',
    );
  // "terminate in its entirety", "in accordance with": not an end.
  if (text.length === 0 || /^(?:its entirety|whole|part|accordance)\b/i.test(text)) return null;
  const monthEnd =
    /^(?:the\s+)?last day of the (?:calendar\s+)?month\s+(?:in which|during which|of|that is|falling)?\s*/i.exec(
      text,
    );
  // "the month in which the fifth anniversary of X falls": the anniversary, without "falls".
  if (monthEnd)
    return moved(
      endOf(text.slice(monthEnd[0].length).replace(/\s+(?:falls|occurs)\b/i, ''), context, depth),
      (d) => endOfMonth(d.year, d.month),
    );
  const dayInYear = dayInYearOf(text, context, depth);
  if (dayInYear) return dayInYear;
  const calendarYear = CALENDAR_YEAR_END.exec(text);
  if (calendarYear?.[1]) return { kind: 'date', date: endOfMonth(Number(calendarYear[1]), 12) };
  const lastDayIn = /^(?:the\s+)?last day (?:in|of)\s+(\w+),?\s+(\d{4})\b/i.exec(text);
  const month = lastDayIn
    ? findDateMentions(`${lastDayIn[1] ?? ''} 1, ${lastDayIn[2] ?? ''}`)[0]
    : undefined;
  if (month?.year) return { kind: 'date', date: endOfMonth(month.year, month.month) };
  const dayBefore = /^(?:the\s+)?day (?:immediately )?(?:prior to|before|preceding)\s+/i.exec(text);
  if (dayBefore)
    return moved(endOf(text.slice(dayBefore[0].length), context, depth), (d) => addDays(d, -1));
  const point = pointOf(text, context);
  if (point.kind !== 'event') return fromPoint(point);
  const anniversary = ANNIVERSARY.exec(text);
  const years = anniversary?.[1] ? parseOrdinal(anniversary[1]) : null;
  if (anniversary?.[2] && years)
    return fromPoint(
      shiftPoint(
        pointOf(anniversary[2], context),
        { amount: years, unit: 'Y', businessDays: false },
        1,
      ),
    );
  const nthDay = NTH_DAY.exec(text);
  const days = nthDay?.[1] ? parseOrdinal(nthDay[1]) : null;
  if (nthDay?.[2] && days)
    return fromPoint(
      shiftPoint(pointOf(nthDay[2], context), { amount: days, unit: 'D', businessDays: false }, 1),
    );
  const period = PERIOD.exec(text);
  if (period) {
    const duration = durationFromMatch(period[1] ?? '', period[2], period[3], period[4] ?? '');
    const base = period[6] ? pointOf(period[6], context) : pointOf('the Effective Date', context);
    if (duration) return fromPoint(shiftPoint(base, duration, 1));
  }
  const yearN = YEAR_N.exec(text);
  const n = yearN ? Number(yearN[1] ?? parseOrdinal(yearN[2] ?? '')) : null;
  // Year N of the term ends on its Nth anniversary.
  if (n)
    return fromPoint(
      shiftPoint(
        pointOf('the Effective Date', context),
        { amount: n, unit: 'Y', businessDays: false },
        1,
      ),
    );
  if (UNTIL_TERMINATED.test(text)) return { kind: 'open' };
  // A defined period: "the Service Period", "the end of the Initial Term".
  const defined =
    /^(?:the\s+)?(?:(?:end|expiration|expiry) of (?:the\s+)?)?((?:[A-Z][\w-]*\s*){1,5})/.exec(text);
  const meaning = defined?.[1]
    ? context.definitions.meanings.get(defined[1].trim().toLowerCase())
    : undefined;
  if (meaning && depth < 1) {
    const inner = readTermEnd(meaning, context, depth + 1);
    if (inner) return inner;
  }
  return fromPoint({ kind: 'event', event: eventName(text) });
}

const CHOICE =
  /\b(?:the\s+)?(earlier|earliest|later|latest|sooner|soonest|longer|longest|shorter|shortest|first|last)(?:\s+to\s+(?:occur|expire))?\s+of\s*\)?\s*:?\s*/i;
// "(a)", "(ii)", "(x)" opening a limb, not the "(3)" of "three (3) years".
const LIMB_MARK =
  /(?:^|[:;,]\s*|\b(?:of|and|or|is|be)\s+)\(\s*(?:[ivx]{1,4}|[a-z]|[1-9])\s*\)\s*/gi;

/** "the later of (a) the fourth anniversary of the Effective Date, or (b) ...": each limb's end. */
function choiceEnd(sentence: string, context: TermContext, depth: number): TermEnd | null {
  const choice = CHOICE.exec(sentence);
  if (!choice?.[1]) return null;
  if (depth === 0 && !isTermSubject(sentence.slice(0, choice.index))) return null;
  const later = /^(later|latest|longer|longest|last)$/i.test(choice[1]);
  const rest = sentence.slice(choice.index + choice[0].length);
  const marked = rest.split(LIMB_MARK);
  const limbs =
    marked.length >= 2 ? marked.slice(1) : rest.split(/,?\s+(?:or|and)\s+(?=the\b|\d|[A-Z])/);
  const ends = limbs
    .map((limb) => endOf(limb.replace(/[,;]?\s*(?:or|and)?\s*$/i, ''), context, depth))
    .filter((e): e is TermEnd => e !== null);
  return combine(ends, later);
}

/** A dated limb decides (the date an operations team must watch); otherwise the limbs' kind. */
function combine(ends: readonly TermEnd[], later: boolean): TermEnd | null {
  const dated = ends.flatMap((e) => (e.kind === 'date' ? [e.date] : []));
  if (dated.length > 0) {
    const sorted = [...dated].sort(compareDates);
    const date = later ? sorted[sorted.length - 1] : sorted[0];
    return date ? { kind: 'date', date } : null;
  }
  return (
    ends.find((e) => e.kind === 'incomplete') ??
    (later ? ends.find((e) => e.kind === 'open') : undefined) ??
    ends.find((e) => e.kind === 'event') ??
    ends.find((e) => e.kind === 'open') ??
    null
  );
}

// "for the duration of the Project", "for so long as the Licensee holds the Patent": the term
// lasts while a state of affairs does, and ends with it.
const WHILE =
  '(?:for|during)\\s+the\\s+(?:duration|life|lifetime)\\s+of|for\\s+(?:so|as)\\s+long\\s+as';
const WHILE_LEAD = new RegExp(`^(?:${WHILE})`, 'i');

// Words after which the end of the term is named. A verb needs its preposition ("expire on",
// "terminate upon") unless a date follows at once ("shall expire December 31, 2023").
const END_LEADS = new RegExp(
  `\\b(?:until|till|through(?:\\s+to)?|up\\s+to\\s+and\\s+including|in no event later than|(?:expire|terminate|end|conclude|cease)s?(?:\\s+(?:and\\s+(?:expire|terminate)|automatically|without further notice))*(?:\\s+(?:on|at(?:\\s+and\\s+as\\s+of)?|as\\s+of|upon|in|with)|(?=\\s+(?:[A-Z][a-z]+\\.?\\s+\\d|\\d|${DURATION_PATTERN})))|(?:be|become)s?\\s+of\\s+no\\s+further\\s+(?:force\\s+(?:or|and)\\s+)?effect\\s+(?:on|upon|as\\s+of)|(?:ending|expiring|concluding|terminating)(?:\\s+on)?|(?:termination|expiration|expiry|end) date\\s*(?::|shall be|will be|is)|from\\s+\\S[^;]{3,30}?\\s+to|${WHILE}|(?:for|throughout|during)(?=\\s+the\\s+[A-Z]))\\s+`,
  'gi',
);
// What a term's end must be said of: the instrument or its term ("this OMA" by its short
// name), not a price or a licence fee.
const TERM_SUBJECT =
  /\b(?:terms?|agreement|contract|licen[cs]e|lease|deed|appointment|employment|engagement|framework|memorand\w*|arrangement|instrument|treaty|accord|(?:termination|expiration|expiry) date)\b/i;

export function isTermSubject(text: string): boolean {
  return TERM_SUBJECT.test(text) || /\b[Tt]his\s+[A-Z]{2,}\b/.test(text);
}
// A right to end the agreement is not its term: "either party may terminate".
const RIGHT_BEFORE =
  /\b(?:may|can|might|right to|option to|elect(?:s|ed)? to|entitled to)\s+(?:\w+\s+){0,2}$/i;

/** The end of what the term lasts for: "the end of the Project", "the end of the period in which ...". */
function whileEnd(
  lead: string,
  after: string,
  context: TermContext,
  depth: number,
): TermEnd | null {
  const end = endOf(after, context, depth);
  if (end?.kind !== 'event') return end;
  const period = /long\s+as/i.test(lead)
    ? 'the period in which'
    : lead
        .replace(/^(?:for|during)\s+/i, '')
        .replace(/\s+/g, ' ')
        .trim();
  return { kind: 'event', event: `the end of ${period} ${end.event}` };
}

/** The end of the term stated in one sentence, if it states one. */
export function readTermEnd(sentence: string, context: TermContext, depth = 0): TermEnd | null {
  const chosen = choiceEnd(sentence, context, depth);
  if (chosen) return chosen;
  let fallback: TermEnd | null = null;
  for (const lead of allMatches(END_LEADS, sentence)) {
    if (RIGHT_BEFORE.test(sentence.slice(Math.max(0, lead.index - 40), lead.index))) continue;
    const after = sentence.slice(lead.index + lead[0].length);
    // "for the Term", "throughout the Initial Period" name a defined period; "for the
    // commencement date" or "during the month" do not (the lead regex ignores case).
    const whileLead = WHILE_LEAD.test(lead[0]);
    if (!whileLead && /^(?:for|throughout|during)\b/i.test(lead[0]) && !/^the\s+[A-Z]/.test(after))
      continue;
    // "beginning for the Commencement Date" names where the term starts, not where it ends.
    if (/\b(?:commenc|begin|start)\w*\s*$/i.test(sentence.slice(0, lead.index))) continue;
    // "The prices shall remain in effect until ..." says nothing of the agreement's term.
    if (depth === 0 && !isTermSubject(sentence.slice(0, lead.index + lead[0].length))) continue;
    const end = whileLead ? whileEnd(lead[0], after, context, depth) : endOf(after, context, depth);
    if (!end) continue;
    if (end.kind === 'date' || end.kind === 'incomplete') return end;
    // "through", "to" and "for" are also ordinary prepositions: only a date after them is an end.
    if (!whileLead && /^(?:through|from|for|throughout|during)/i.test(lead[0])) continue;
    if (!fallback || (fallback.kind === 'open' && end.kind === 'event')) fallback = end;
  }
  return fallback;
}

const RANGE_LINK = /^\s*(?:through|thru|to|until|till|[-–—])\s*$/i;

/**
 * A period written as nothing but its two dates ("1 May 2020 through 30 April 2021", perhaps
 * with a note in brackets), as a contract's cover table gives its term: the end is the second.
 */
export function dateRangeEnd(sentence: string, context: TermContext): TermEnd | null {
  const mentions = findDateMentions(sentence);
  const [from, to] = mentions;
  if (mentions.length !== 2 || !from || !to) return null;
  if (sentence.slice(0, from.start).trim() !== '') return null;
  if (!RANGE_LINK.test(sentence.slice(from.end, to.start))) return null;
  if (!/^\s*(?:\([^)]*\))?\s*\.?$/.test(sentence.slice(to.end))) return null;
  const date = resolveMention(to, context.reference);
  return date ? { kind: 'date', date } : null;
}
