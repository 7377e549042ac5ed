import type { DateMention } from './date-mentions';
import { CLOSE_OF_DAY, MONTHS, MONTH_NAMES, WEEKDAY_NAME, findDateMentions } from './date-mentions';
import type { Duration } from './durations';
import { DURATION_PATTERN, durationFromMatch, toIsoDuration } from './durations';
import { allMatches } from './matches';
import { ORDINAL_PATTERN, parseOrdinal } from './numbers';
import { findNumericDayMonths } from './numeric-day-month';
import type { Season } from './seasons';
import { indexStartingFrom } from './spans';
import { commitmentVerbIn } from './verbs';
import { weekdayNumber } from './weekdays';

/** A time expression found in a clause, before its anchor is resolved to a date. */
export type ExpressionShape =
  | {
      type: 'relative';
      duration: Duration;
      relation: 'after' | 'before';
      anchor: string | null;
      same: boolean;
      /** "within 30 days thereafter": from what the commitment before it is due by. */
      thereafter: boolean;
      /**
       * "may terminate ..., and the Supplier shall then return all materials within 10 days": from
       * an event said before, which the clause does not name.
       */
      then: boolean;
    }
  | {
      type: 'date';
      mention: DateMention;
      firstOfSeries: boolean;
      /** The weekday written before a date without a year (0 = Sunday), which fixes its year. */
      weekday: number | null;
    }
  | { type: 'period-end'; year: number; month: number; part: string }
  /** "by the end of the year", "in the first quarter of next year", "next month": from the text's date. */
  | {
      type: 'coming-period-end';
      unit: 'year' | 'quarter' | 'month';
      ahead: number;
      month: number;
      part: string;
    }
  /** "by Friday next week", "by the end of this week": a day of the text's week or the next. */
  | { type: 'coming-week'; weekday: number; ahead: number; part: string }
  | { type: 'fiscal-year-end'; year: number }
  /**
   * "by March 2028", "in June", "by mid-June", "on the first business day of July 2026": a month
   * named without its date, at the day of it said; a month without its year is the next one from
   * the agreement's start.
   */
  | { type: 'month'; year: number | null; month: number; day: DayOfMonth }
  /** "by 2028", "in 2028": the end of a year named alone, which must not be past. */
  | { type: 'year-end'; year: number }
  /**
   * "in spring 2027", "by the summer of 2027", "before autumn 2027", "this summer": the end of the
   * season (or of the month before it), whose months depend on the hemisphere. A year of null is
   * the text's own.
   */
  | { type: 'season'; season: Season; year: number | null; before: boolean }
  /** "annually from 2027": when a repetition starts; no deadline without one. */
  | { type: 'from-year'; year: number }
  /** "on or before such date": the one date said in the sentence up to it or in the one before. */
  | { type: 'referred-date'; mention: DateMention; where: 'its sentence' | 'the sentence before' }
  | { type: 'event'; anchor: string }
  | { type: 'window'; end: DateMention };

/** Which day of a month named without its date is meant; the end when none is said. */
export type DayOfMonth = 'end' | 'middle' | 'first' | 'first business' | 'last business';

export interface TimeExpression {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: 'within' | 'by' | 'on' | 'window';
  readonly shape: ExpressionShape;
}

// An anchor phrase runs to the end of its clause: a comma, a stop, a purpose/condition word, or a
// backstop ("and in any event by"). Not the "to" of "receipt of the Notice to Proceed", a term of
// construction contracts.
const ANCHOR = `((?:(?!\\b(?:to(?!\\s+proceed\\b)|in order|so that|until|unless|provided|and shall|and to|(?:and )?thereafter|for the purpose|(?:(?:and|but)\\s+)?in\\s+(?:any|every|all|no)\\s+(?:event|case)s?)\\b)[^,;.()])+)`;
// "within a transitional period of seven years from the date of entry into force": the period is
// the limit.
const NAMED_PERIOD = String.raw`(?:(?:a|the)\s+(?:transition(?:al)?\s+|implementation\s+|phase-?out\s+)?period\s+of\s+)?`;
const RELATIVE_AFTER = new RegExp(
  `\\b(?:(within|no later than|not later than|not more than|over|during|(?:(?:on|by|before|on or before|no later than|not later than)\\s+the\\s+(?:date|day)\\s+)?falling|in(?=\\s+the\\s+(?:next|coming)\\s))\\s+(?:the\\s+(?:next|coming|first|(same)|following)\\s+)?${NAMED_PERIOD})?${DURATION_PATTERN}(?:\\s+period)?(?:(?:\\s+(?:immediately\\s+)?(?:after|of|from|following)|,\\s+(?:of|after|following)(?!\\s+which\\b))\\s+${ANCHOR})?`,
  'gi',
);
const RELATIVE_BEFORE = new RegExp(
  `\\b(?:at least|not less than|no later than|not later than|no fewer than|no less than)?\\s*${DURATION_PATTERN}\\s+(?:(?:prior\\s+)?(?:written\\s+)?(?:notice\\s+)?)?(?:prior to|before|in advance of)\\s+${ANCHOR}`,
  'gi',
);
// "no later than the tenth", "on the 15th": the day a count of days falls on.
const ORDINAL_DAY_LEAD = String.raw`\b(?:(?:no|not)\s+later\s+than|by|on\s+or\s+before|on)\s+the\s+${ORDINAL_PATTERN}\s+`;
// "no later than the tenth Business Day after the request": a count of days from an event.
const ORDINAL_DAY_AFTER = new RegExp(
  String.raw`${ORDINAL_DAY_LEAD}(business\s+|working\s+|calendar\s+)?day\s+(?:after|following)\s+${ANCHOR}`,
  'gi',
);
// "not later than the 15th day of the month following the end of each quarter": that many days
// after each end, every period ending on a month's last day.
const DAY_OF_FOLLOWING_MONTH = new RegExp(
  String.raw`${ORDINAL_DAY_LEAD}day\s+of\s+the\s+month\s+(?:following|after)\s+(the\s+end\s+of\s+(?:each|every)\s+(?:calendar\s+|fiscal\s+|financial\s+)?(?:month|quarter|year))`,
  'gi',
);
const DATE_LEAD = new RegExp(
  String.raw`(?:\b(no later than|not later than|on or before|on or prior to|by|before|prior to|on or about|scheduled for|an outside date of|outside date of|long-?stop date of|due on|on|until|through|in no event later than|in no case later than))\s+(?:the\s+)?(?:(${WEEKDAY_NAME}),?\s+)?$`,
  'i',
);
// "is extended from 30 September 2026 to 31 January 2027", "postponed to 1 March 2027": the date a
// limit is moved to. Tried only where such a verb comes before the date.
const MOVING_VERB =
  /\b(?:extended|postponed|deferred|moved|rescheduled|put\s+back|pushed\s+back)\b/i;
const MOVED_TO =
  /\b(?:extended|postponed|deferred|moved|rescheduled|back)\b[^.;:]{0,45}?\b(to)\s+(?:the\s+)?$/i;
// "which were due on 30 June 2026", "originally scheduled for", "formerly due by": a limit a later
// one replaces, not the one to keep.
const SUPERSEDED =
  /\b(?:previously|formerly|originally|(?:which|that)\s+(?:was|were|had\s+been))\b[^,;()\d]{0,30}$/i;
// "repay the Loan in semi-annual instalments payable on each March 15 and September 15, commencing
// March 15, 2030": the first instalment's date. Not the start of a period a payment is for ("royalties
// for each quarter commencing January 1"), which names no instalments.
const INSTALMENTS = /\b(?:instal|install)ments?\b/i;
const INSTALMENTS_START = /\b(?:commencing|beginning|starting)(?:\s+(?:on|from))?\s+(?:the\s+)?$/i;
const FIRST_OF_SERIES =
  /\bthe first [\w\s]{0,30}?(?:falling due|due|shall take place|takes place|payable)\s+on\s+$/i;
// The month in which each part of a year ends.
const PARTS: Readonly<Record<string, [number]>> = {
  'first half': [6],
  'second half': [12],
  'first quarter': [3],
  'second quarter': [6],
  'third quarter': [9],
  'fourth quarter': [12],
};
// "in the first half of 2027", "by the end of the third quarter of next year".
// Without a year ("First shipments will leave in the third quarter"), of the text's own year.
const PERIOD_END =
  /\b(?:by|in|during|before)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(first|second|third|fourth)\s+(half|quarter)(?:\s+of\s+(?:(?:(?:calendar|fiscal)\s+(?:year\s+)?)?(\d{4})|(this|next)\s+year)|(?!\s+of\b))/gi;
// "by the end of 2027", "by end-2027", "by year-end 2027", "by the end of the calendar year 2027".
const YEAR_END =
  /\b(?:by|before)\s+(?:the\s+)?(?:end[\s-](?:of\s+)?(?:the\s+calendar\s+year\s+)?|year[\s-]end\s+)(\d{4})\b/gi;
// "by mid-2028", "in early 2028", "by the middle of next year": the end of that part of the year
// (early, the first quarter; mid, the first half; late, the whole year). The preposition may be
// left out: "will ratify the pact early next year".
const PART_OF_YEAR =
  /\b(?:(?:by|in|during|before|until)\s+(?:the\s+)?)?(early|mid|middle\s+of|late)[\s-]*(?:(\d{4})|(this|next)\s+year)\b/gi;
const PART_OF_YEAR_END: Readonly<Record<string, [string, number]>> = {
  early: ['first quarter', 3],
  mid: ['first half', 6],
  middle: ['first half', 6],
  late: ['year', 12],
};
// "will open a plant by 2028", "in 2028", "before 2028" (by the end of 2027). Not a quantity
// ("in 2000 tonnes"), a range ("in 2027-28"), a decimal, or when something was done ("as amended
// in 2019").
const YEAR_ALONE =
  /\b(by|in|during|before)(?<!\b(?:amended|enacted|adopted|signed|dated|established|founded|published|issued|approved|ratified|concluded|made|introduced|launched|started|began|opened)\s+(?:by|in|during|before))\s+((?:19|20)\d\d)\b(?![-–/.]\d|\s+(?:tonnes?|tons?|kg|units?|barrels?|shares?|dollars|euros|yen|prices|terms|values|employees|jobs|people|[mgk]w|[mgk]wh|hectares|acres|copies)\b)/gi;
// Periods named from the text's own date, as reports and announcements do.
const COMING_YEAR_END =
  /\b(?:(?:by|before|until)\s+(?:the\s+)?end\s+of\s+(?:the|this|(next))\s+year|by\s+year[-\s]end|(?:later\s+)?this\s+year|(next)\s+year)\b(?!['’])/gi;
// "next month", "by the end of this quarter", "by the end of the month": the text's own (or the
// next) month or quarter. Not "the month in which the invoice is received", an event's.
const COMING_PERIOD =
  /\b(?:(?:by|before)\s+the\s+end\s+of\s+(?:(this|next)|the)\s+(month|quarter)|(this|next)\s+(month|quarter))\b(?!\s+(?:in\s+which|following|after|of|when)\b)/gi;
// "by Friday next week", "by close of business on Friday this week", "on Tuesday of next week",
// "by the end of next week": a day of the text's week or the next. Not "the week in which the
// vessel arrives", an event's.
const COMING_WEEK = new RegExp(
  String.raw`\b(?:(?:by|before|on|until|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before)\s+(?:${CLOSE_OF_DAY}\s+(?:on\s+)?)?)?(${WEEKDAY_NAME})\s+(?:of\s+)?(this|next)\s+week\b|\b(?:by|before|until)\s+(?:the\s+)?end\s+of\s+(?:(this|next)|the)\s+week\b(?!\s+(?:in\s+which|following|after|of|when)\b)`,
  'gi',
);
const WEEK = /\bweek\b/i;
// A week's end is its Friday, its last day of business.
const FRIDAY = 5;
// "in Q3 2028", "by 3Q 2028", "in H1 2028", "by the end of 1H 2028", "by end-Q1 2027", "by Q4": a
// quarter or half by number.
const NUMBERED_PERIOD =
  /\b(?:by|in|during|before)\s+(?:(?:the\s+)?end(?:\s+of\s+|\s*-\s*|\s+))?(?:Q([1-4])|([1-4])Q|H([12])|([12])H)(?:\s+(\d{4}))?\b/g;
const ORDINALS = ['first', 'second', 'third', 'fourth'];
// "by March 2028", "in June", "by the end of June", "by mid-June", "before March" (by the end of
// February), "on the first business day of July 2026", "scheduled for September 2027", and as
// programme targets are written, "by end-June 2027". Capitalised, so that the modal "may" is no
// month; not a date with its day ("June 30").
const MONTH_ALONE = new RegExp(
  String.raw`\b([Bb]y|[Ii]n|[Dd]uring|[Bb]efore|[Ss]cheduled for|[Nn]o later than|[Nn]ot later than|[Oo]n or before|[Oo]n or prior to|[Oo]n(?=\s+the\s+(?:first|last)\s))\s+(?:(?:the\s+)?(end|middle|(?:first|last)\s+(?:business\s+|working\s+)?day)\s+of\s+|([Ee]nd)[-\s]\s*|(mid)-?\s*)?(${MONTH_NAMES.join('|')})(?:\s+(\d{4}))?\b(?![\s,]*\d)`,
  'g',
);
// "in spring 2027", "by the summer of 2027", "by the end of autumn 2027", "this summer". Not
// winter, which spans two years: "winter 2027" is read both ways.
const SEASON =
  /\b(?:(by|in|during|before|until)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(spring|summer|autumn|fall)(?:\s+of)?\s+((?:19|20)\d\d)|(?:(by|in|during|before|until)\s+)?this\s+(spring|summer|autumn|fall))\b/gi;
// "by the end of the second year of this Agreement", "within the first year of the Term": that
// many whole years (months) from the anchor. Not "during the first year", a span in which something
// happens ("monthly reports"), not by when.
const NTH_PERIOD = new RegExp(
  String.raw`\b(?:(?:by|before|no later than|not later than)\s+the\s+end\s+of|within)\s+the\s+${ORDINAL_PATTERN}\s+(year|month)\s+(?:of|after|following|from)\s+${ANCHOR}`,
  'gi',
);
const FROM_YEAR =
  /\b(?:from|starting(?:\s+in)?|beginning(?:\s+in)?|commencing(?:\s+in)?)\s+((?:19|20)\d\d)\b(?![-–/.]\d|\s*(?:to|through|until|and|[-–])\s*(?:19|20)\d\d)/gi;
// "by the end of fiscal year 2027", "in FY27", "by end-FY2027", "the 2027-2028 fiscal year": named
// after the year it ends in.
const FISCAL_YEAR_LEAD = String.raw`\b(?:by|in|during|before|no later than|not later than)\s+(?:the\s+end\s+of\s+|end-)?(?:the\s+)?`;
const FISCAL_YEAR = new RegExp(
  String.raw`${FISCAL_YEAR_LEAD}(?:(?:fiscal|financial)\s+year\s*|FY\s*'?)(?:(\d{4})|(\d{2})\b|\d{4}[-–/](\d{2}|\d{4}))\b|${FISCAL_YEAR_LEAD}\d{4}[-–/](\d{2}|\d{4})\s+(?:fiscal|financial)\s+year\b`,
  'gi',
);
// "at completion", "upon signing"; "upon entry into force", "beginning on the date of entry into
// force of this Agreement" (a tariff cut in annual stages, the first that day). Not "consult on the
// entry into force", a subject.
const EVENT_AT =
  /\b(?:at|upon|on)\s+((?:the\s+)?(?:first\s+)?(?:completion|closing|signing|signature|execution))\b|\b(?:upon|on)\s+(the\s+date\s+of\s+(?:the\s+)?entry\s+into\s+force)\b|\b(?:at|upon)\s+((?:the\s+)?entry\s+into\s+force)\b/gi;
const LAST_DAY_OF_EACH = /\bon the last day of each ((?:[A-Z][\w-]*\s+){0,3}Period)\b/g;
// "on each anniversary of the Effective Date", "by the third anniversary of Closing": whole years
// after the anchor (and again each year, for "each", which findRecurrence reads).
const ANNIVERSARY = new RegExp(
  `\\b(?:on|by|before|prior to|no later than|not later than)\\s+(?:each|every|the)\\s+(?:${ORDINAL_PATTERN}\\s+)?anniversary\\s+of\\s+${ANCHOR}`,
  'gi',
);
// "on or before the Effective Date": a date the agreement defines, capitalised as defined terms are.
// So is a rule's "compliance date", which the Federal Register writes in lower case.
const DEFINED_DATE =
  /\b([Oo]n or before|[Nn]o later than|[Nn]ot later than|[Pp]rior to|[Bb]efore|[Bb]y|[Oo]n)\s+the\s+((?:[A-Z][\w-]*\s+){0,4}Date|compliance\s+date)\b/g;
const WINDOW_FROM = /\bfrom\s+$/i;
const THEREAFTER = /^\s*(?:thereafter|after that|afterwards)\b/i;
const THEN = /\b(?:shall|will|must|would)\s+then\b|\bthen\s+(?:shall|will|must|would)\b/i;

// "The Buyer shall within 15 days from the date of signing pay the advance": a period put between
// the modal and its verb, whose event ends where the verb begins.
const MODAL_AT_END = /\b(?:shall|will|must|should)\s+(?:not\s+)?$/i;

/** The match without the commitment's verb and what follows it, where its event runs on into it. */
function beforeFrontedVerb(
  clause: string,
  m: RegExpExecArray,
  anchorGroup: number,
): RegExpExecArray {
  const anchor = m[anchorGroup];
  if (!anchor || !MODAL_AT_END.test(clause.slice(Math.max(0, m.index - 20), m.index))) return m;
  const verb = commitmentVerbIn(anchor);
  if (verb <= 0) return m;
  const cut = Object.assign([...m], { index: m.index, input: m.input }) as RegExpExecArray;
  cut[0] = m[0].slice(0, m[0].length - anchor.length + verb);
  cut[anchorGroup] = anchor.slice(0, verb);
  return cut;
}

function relative(
  clause: string,
  match: RegExpExecArray,
  offset: number,
  relation: 'after' | 'before',
): TimeExpression | null {
  const m = beforeFrontedVerb(clause, match, offset + 4);
  const duration = durationFromMatch(
    m[offset] ?? '',
    m[offset + 1],
    m[offset + 2],
    m[offset + 3] ?? '',
  );
  if (!duration) return null;
  const anchor = (m[offset + 4] ?? '').trim() || null;
  const lead = relation === 'after' ? m[1] : undefined;
  // A bare period ("for five years") is a term, not a deadline: it needs a lead word or an anchor.
  if (relation === 'after' && !lead && !anchor) return null;
  if (relation === 'after' && !lead) {
    // "for 24 months after the first closing" is a term; "30 days after receipt" is a deadline.
    const connector = /\b(after|of|from|following)\b/i.exec(m[0]);
    if (!connector || !/^(after|following)$/i.test(connector[1] ?? '')) return null;
    if (/\b(for|during|throughout)\s+(a\s+period\s+of\s+)?$/i.test(clause.slice(0, m.index)))
      return null;
  }
  const same = relation === 'after' && Boolean(m[2]);
  const trimmed = m[0].trim();
  const start = m.index + m[0].indexOf(trimmed);
  // "thereafter" is part of the expression: the title leaves it out with the rest.
  const after =
    relation === 'after' && !anchor ? THEREAFTER.exec(clause.slice(start + trimmed.length)) : null;
  const end = start + trimmed.length + (after?.[0].length ?? 0);
  return {
    start,
    end,
    text: clause.slice(start, end),
    kind: 'within',
    shape: {
      type: 'relative',
      duration,
      relation,
      anchor,
      same,
      thereafter: Boolean(after),
      then: relation === 'after' && !anchor && THEN.test(clause.slice(0, m.index)),
    },
  };
}

export function findTimeExpressions(clause: string): TimeExpression[] {
  const found: TimeExpression[] = [];
  for (const m of allMatches(RELATIVE_BEFORE, clause)) {
    const e = relative(clause, m, 1, 'before');
    if (e) found.push(e);
  }
  for (const m of allMatches(RELATIVE_AFTER, clause)) {
    const e = relative(clause, m, 3, 'after');
    if (e) found.push(e);
  }
  for (const m of allMatches(ORDINAL_DAY_AFTER, clause)) {
    const days = parseOrdinal(m[1] ?? '');
    const anchor = (m[3] ?? '').trim() || null;
    if (days === null) continue;
    const businessDays = Boolean(m[2]?.trim().match(/business|working/i));
    found.push(countedFrom(m, { amount: days, unit: 'D', businessDays }, anchor, 'within'));
  }
  for (const m of allMatches(DAY_OF_FOLLOWING_MONTH, clause)) {
    const days = parseOrdinal(m[1] ?? '');
    if (days === null || days > 31) continue;
    const duration = { amount: days, unit: 'D' as const, businessDays: false };
    found.push(countedFrom(m, duration, m[2] ?? null, 'by'));
  }
  for (const m of allMatches(PERIOD_END, clause)) {
    const part = `${m[1] ?? ''} ${m[2] ?? ''}`.toLowerCase();
    const [month] = PARTS[part] ?? [12];
    found.push(byExpression(m, yearPartEnd(m[3], m[4] ?? 'this', month, part)));
  }
  for (const m of allMatches(YEAR_END, clause)) {
    found.push(byExpression(m, yearPartEnd(m[1], undefined, 12, 'year')));
  }
  for (const m of allMatches(PART_OF_YEAR, clause)) {
    const word = (m[1] ?? '').toLowerCase().split(/\s+/)[0] ?? '';
    const [part, month] = PART_OF_YEAR_END[word] ?? ['year', 12];
    found.push(byExpression(m, yearPartEnd(m[2], m[3], month, part)));
  }
  for (const m of allMatches(MONTH_ALONE, clause)) {
    const before = m[1]?.toLowerCase() === 'before';
    const named = MONTH_NAMES.indexOf(m[5] ?? '') + 1;
    const year = m[6] ? Number(m[6]) : null;
    const part = m[2] ?? m[3];
    // "before March 2028" is by the end of February 2028.
    const [month, inYear] =
      before && !part && !m[4]
        ? named === 1
          ? [12, year === null ? null : year - 1]
          : [named - 1, year]
        : [named, year];
    const day = m[4] ? 'middle' : dayOfMonth(part);
    const expression = byExpression(m, { type: 'month', year: inYear, month, day });
    found.push(m[1]?.toLowerCase() === 'on' ? { ...expression, kind: 'on' } : expression);
  }
  for (const m of allMatches(YEAR_ALONE, clause)) {
    const year = Number(m[2]) - (m[1]?.toLowerCase() === 'before' ? 1 : 0);
    found.push(byExpression(m, { type: 'year-end', year }));
  }
  for (const m of allMatches(SEASON, clause)) {
    const season = (m[2] ?? m[5] ?? '').toLowerCase();
    found.push(
      byExpression(m, {
        type: 'season',
        season: season === 'fall' ? 'autumn' : (season as Season),
        year: m[3] ? Number(m[3]) : null,
        before: (m[1] ?? m[4])?.toLowerCase() === 'before',
      }),
    );
  }
  for (const m of allMatches(NTH_PERIOD, clause)) {
    const amount = parseOrdinal(m[1] ?? '');
    const anchor = m[3]?.trim();
    if (!amount || !anchor) continue;
    const unit = m[2]?.toLowerCase() === 'month' ? 'M' : 'Y';
    found.push(countedFrom(m, { amount, unit, businessDays: false }, anchor, 'within'));
  }
  for (const m of allMatches(COMING_YEAR_END, clause)) {
    found.push(byExpression(m, yearPartEnd(undefined, m[1] ?? m[2] ?? 'this', 12, 'year')));
  }
  for (const m of allMatches(COMING_PERIOD, clause)) {
    const ahead = (m[1] ?? m[3])?.toLowerCase() === 'next' ? 1 : 0;
    const unit = (m[2] ?? m[4] ?? 'month').toLowerCase() === 'quarter' ? 'quarter' : 'month';
    found.push(byExpression(m, { type: 'coming-period-end', unit, ahead, month: 0, part: unit }));
  }
  if (WEEK.test(clause)) {
    for (const m of allMatches(COMING_WEEK, clause)) {
      const ahead = (m[2] ?? m[3])?.toLowerCase() === 'next' ? 1 : 0;
      const named = m[1] ? weekdayNumber(m[1]) : null;
      const part = named === null ? 'end (Friday)' : (m[1] ?? '');
      const shape = { type: 'coming-week' as const, weekday: named ?? FRIDAY, ahead, part };
      const expression = byExpression(m, shape);
      found.push(/^on\s/i.test(m[0]) ? { ...expression, kind: 'on' } : expression);
    }
  }
  for (const m of allMatches(NUMBERED_PERIOD, clause)) {
    const quarter = Number(m[1] ?? m[2] ?? 0);
    const half = Number(m[3] ?? m[4] ?? 0);
    const [month, part] = quarter
      ? [quarter * 3, `${ORDINALS[quarter - 1]} quarter`]
      : [half * 6, `${ORDINALS[half - 1]} half`];
    // "by Q4" with no year: of the text's own year.
    found.push(byExpression(m, yearPartEnd(m[5], 'this', month, part)));
  }
  for (const m of allMatches(FROM_YEAR, clause)) {
    found.push(byExpression(m, { type: 'from-year', year: Number(m[1]) }));
  }
  for (const m of allMatches(FISCAL_YEAR, clause)) {
    const written = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const year = written.length === 2 ? 2000 + Number(written) : Number(written);
    found.push(byExpression(m, { type: 'fiscal-year-end', year }));
  }
  const namesInstalments = INSTALMENTS.test(clause);
  for (const mention of findDateMentions(clause)) {
    const before = clause.slice(Math.max(0, mention.start - 60), mention.start);
    const first =
      FIRST_OF_SERIES.exec(before) ?? (namesInstalments ? INSTALMENTS_START.exec(before) : null);
    if (first) {
      const start = mention.start - first[0].length;
      found.push({
        start,
        end: mention.end,
        text: clause.slice(start, mention.end),
        kind: 'on',
        shape: { type: 'date', mention, firstOfSeries: true, weekday: null },
      });
      continue;
    }
    if (SUPERSEDED.test(before)) continue;
    const lead =
      DATE_LEAD.exec(before) ??
      (MOVING_VERB.test(before) ? MOVED_TO.exec(before) : null) ??
      complianceLead(clause, mention.start, before);
    if (!lead?.[1]) continue;
    const start = mention.start - lead[0].length + lead[0].indexOf(lead[1]);
    const word = lead[1].toLowerCase();
    if (word === 'until' || word === 'through') {
      const from = findDateMentions(clause.slice(0, start)).pop();
      if (from && WINDOW_FROM.test(clause.slice(Math.max(0, from.start - 6), from.start))) {
        const s = from.start - 5;
        found.push({
          start: s,
          end: mention.end,
          text: clause.slice(s, mention.end),
          kind: 'window',
          shape: { type: 'window', end: mention },
        });
      }
      continue;
    }
    const kind =
      /^(on|on or about|scheduled for|due on|beginning|starting|on and after|on or after|as of)$/.test(
        word,
      )
        ? 'on'
        : 'by';
    found.push({
      start,
      end: mention.end,
      text: clause.slice(start, mention.end),
      kind,
      shape: { type: 'date', mention, firstOfSeries: false, weekday: weekdayOf(lead[2]) },
    });
  }
  if (DAY_MONTH_FIGURES.test(clause)) {
    for (const { mention, weekday, ...at } of findNumericDayMonths(clause)) {
      found.push({ ...at, shape: { type: 'date', mention, firstOfSeries: false, weekday } });
    }
  }
  for (const m of allMatches(LAST_DAY_OF_EACH, clause)) {
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: 'on',
      shape: { type: 'event', anchor: m[1] ?? '' },
    });
  }
  for (const m of allMatches(ANNIVERSARY, clause)) {
    const years = m[1] ? parseOrdinal(m[1]) : 1;
    const anchor = m[2]?.trim();
    if (!years || !anchor) continue;
    const duration = { amount: years, unit: 'Y' as const, businessDays: false };
    found.push(countedFrom(m, duration, anchor, /^on\b/i.test(m[0]) ? 'on' : 'by'));
  }
  for (const m of allMatches(DEFINED_DATE, clause)) {
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: m[1]?.toLowerCase() === 'on' ? 'on' : 'by',
      shape: { type: 'event', anchor: m[2] ?? '' },
    });
  }
  for (const m of allMatches(EVENT_AT, clause)) {
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind: 'on',
      shape: { type: 'event', anchor: m[1] ?? m[2] ?? m[3] ?? '' },
    });
  }
  return dropContained(found);
}

// "must comply with the amended standards beginning September 1, 2025", "compliance ... is
// required on and after December 18, 2028": the day a rule must be complied with.
const COMPLIANCE_LEAD = /\b(beginning|starting|on and after|on or after|as of)\s+(?:the\s+)?$/i;
const COMPLIANCE = /\bcompl(?:y|ies|iance)\b/i;

/** The lead of the day compliance is required from, where the clause is about complying. */
function complianceLead(clause: string, at: number, before: string): RegExpExecArray | null {
  const lead = COMPLIANCE_LEAD.exec(before);
  return lead && COMPLIANCE.test(clause.slice(0, at)) ? lead : null;
}

const weekdayOf = (name: string | undefined) => (name ? weekdayNumber(name) : null);
// A cheap test before the search for "25/11" and "25.11.".
const DAY_MONTH_FIGURES = /\d[/.]\d/;

/** A period counted from the event a match names, the match's trailing space left out. */
function countedFrom(
  m: RegExpExecArray,
  duration: Duration,
  anchor: string | null,
  kind: TimeExpression['kind'],
): TimeExpression {
  const text = m[0].trimEnd();
  return {
    start: m.index,
    end: m.index + text.length,
    text,
    kind,
    shape: {
      type: 'relative',
      duration,
      relation: 'after',
      anchor,
      same: false,
      thereafter: false,
      then: false,
    },
  };
}

function byExpression(m: RegExpExecArray, shape: ExpressionShape): TimeExpression {
  return { start: m.index, end: m.index + m[0].length, text: m[0], kind: 'by', shape };
}

/** "the first business day", "the middle", "the last day" (the end), or nothing (the end). */
function dayOfMonth(words: string | undefined): DayOfMonth {
  const said = (words ?? 'end').toLowerCase();
  if (said === 'middle') return 'middle';
  const business = /business|working/.test(said);
  if (said.startsWith('first')) return business ? 'first business' : 'first';
  return business ? 'last business' : 'end';
}

/** The end of a part of a year, named by its number or counted from the text's date ("next"). */
function yearPartEnd(
  year: string | undefined,
  fromText: string | undefined,
  month: number,
  part: string,
): ExpressionShape {
  if (year) return { type: 'period-end', year: Number(year), month, part };
  const ahead = fromText?.toLowerCase() === 'next' ? 1 : 0;
  return { type: 'coming-period-end', unit: 'year', ahead, month, part };
}

/**
 * Keeps the longest of overlapping expressions, earliest first. Those kept are apart, so they stay
 * in order of start and each candidate is checked against its two neighbours there: a scan of all
 * of them cost a square in their number on a text of thousands of dates.
 */
function dropContained(found: TimeExpression[]): TimeExpression[] {
  const longestFirst = [...found].sort((a, b) => b.end - b.start - (a.end - a.start));
  const kept: TimeExpression[] = [];
  for (const e of longestFirst) {
    const after = indexStartingFrom(kept, e.start);
    const next = kept[after];
    const previous = kept[after - 1];
    if ((next && next.start < e.end) || (previous && previous.end > e.start)) continue;
    kept.splice(after, 0, e);
  }
  return kept;
}

// "the monthly fee", "its quarterly report": a word of a noun after a determiner says what kind
// of thing it is, not how often anything is due. "provide monthly reports" does.
const NOT_AFTER_DETERMINER = String.raw`(?<!\b(?:the|a|an|its|their|his|her|that|this|any|such|each)\s+)`;
const recurrence = (source: string) => new RegExp(String.raw`\b(?:${source})\b`, 'i');

const RECURRENCE: readonly [RegExp, string][] = [
  [
    /\b(?:semi-annually|bi-annually|twice (?:a|each|per) year|every six months|on a semi-annual basis|semi-annual (?:instal|install)ments?)\b/i,
    'P6M',
  ],
  [
    recurrence(
      String.raw`annually|${NOT_AFTER_DETERMINER}yearly|once (?:a|each|per|in each) (?:calendar )?year|every (?:calendar )?year|(?:in|of) each (?:calendar )?year|(?:${MONTHS.join('|')}) each year|each year thereafter|on an? (?:annual|yearly) basis|(?:each|every) anniversary|(?<!semi-)annual (?:(?:instal|install)ments?|stages|steps|tranches|cuts|reductions)`,
    ),
    'P1Y',
  ],
  [
    recurrence(
      String.raw`${NOT_AFTER_DETERMINER}quarterly|every (?:three|3) months|(?:each|every) (?:calendar |fiscal )?quarter|on a quarterly basis`,
    ),
    'P3M',
  ],
  [
    recurrence(
      String.raw`${NOT_AFTER_DETERMINER}monthly|every month|each (?:calendar )?month|on a monthly basis`,
    ),
    'P1M',
  ],
  [/\b(?:fortnightly|every (?:other week|fortnight)|on a fortnightly basis)\b/i, 'P2W'],
  [
    recurrence(String.raw`${NOT_AFTER_DETERMINER}weekly|every week|each week|on a weekly basis`),
    'P1W',
  ],
];

// "a penalty of 0.5% for every week of delay", "per day of late delivery": a rate of damages, due
// as the delay runs, not a duty repeated each week.
const RATE_OF_DELAY = /^\s+(?:of|in)\s+(?:the\s+)?(?:delay|late|lateness|default|overdue)\b/i;

const EVERY_DURATION = new RegExp(`\\bevery\\s+${DURATION_PATTERN}`, 'i');

/** A repetition written in the clause ("quarterly", "annually", "each year thereafter"). */
export function findRecurrence(
  clause: string,
): { period: string; start: number; text: string } | null {
  for (const [re, period] of RECURRENCE) {
    const m = re.exec(clause);
    if (m && !RATE_OF_DELAY.test(clause.slice(m.index + m[0].length)))
      return { period, start: m.index, text: m[0] };
  }
  const every = EVERY_DURATION.exec(clause);
  if (every) {
    const d = durationFromMatch(every[1] ?? '', every[2], every[3], every[4] ?? '');
    if (d) return { period: toIsoDuration(d), start: every.index, text: every[0] };
  }
  return null;
}
