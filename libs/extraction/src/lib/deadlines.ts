import type { AnchorContext, ResolvedAnchor } from './anchors';
import { defaultAnchor, resolveAnchor } from './anchors';
import { addBusinessDays } from './business-days';
import type { CalendarDate } from './calendar-date';
import {
  addDays,
  addMonths,
  compareDates,
  endOfMonth,
  firstOnOrAfter,
  formatIsoDate,
  parseIsoDate,
} from './calendar-date';
import { resolveMentionFrom } from './date-mentions';
import type { DayOfMonth, ExpressionShape, TimeExpression } from './deadline-expressions';
import { findRecurrence, findTimeExpressions } from './deadline-expressions';
import { applyDuration, parseDurationPhrase, parseIsoDuration, toIsoDuration } from './durations';
import type { DayOfPeriod } from './period-days';
import { findDayOfPeriod, nextDayOfPeriod } from './period-days';
import { seasonEnd } from './seasons';
import type { Deadline, DeadlineAnchor } from './types';
import { dayOnWeekday, weekdayOfWeek } from './weekdays';

export interface DeadlineContext extends AnchorContext {
  /** Whether the text defines its fiscal year; if not, `fiscalYearEnd` is the calendar year's. */
  readonly fiscalYearStated: boolean;
  readonly holidayCountry: string;
  readonly renewalPeriod: string | null;
  /** Year reference for dates written without a year. */
  readonly reference: CalendarDate | null;
}

function toAnchor(anchor: ResolvedAnchor): DeadlineAnchor {
  const out: DeadlineAnchor = { type: anchor.type };
  if (anchor.ref) out.ref = anchor.ref;
  if (anchor.type === 'event' && anchor.date) out.date = formatIsoDate(anchor.date);
  return out;
}

const iso = (date: CalendarDate | null) => (date ? formatIsoDate(date) : null);

/** The last day of the text's month, quarter or year, or of one that many after it. */
function comingPeriodEnd(
  from: CalendarDate,
  unit: 'year' | 'quarter' | 'month',
  ahead: number,
  /** For a year: the month its named part ends in ("the first half": 6). */
  month: number,
): CalendarDate {
  if (unit === 'year') return endOfMonth(from.year + ahead, month);
  const months = unit === 'quarter' ? 3 : 1;
  const inPeriod = addMonths(from, ahead * months);
  const last = Math.ceil(inPeriod.month / months) * months;
  return endOfMonth(inPeriod.year, last);
}

/**
 * The event of "within 30 days thereafter": what the commitment stated just before is due by, which
 * resolveChainedAnchors dates once that one has a date. Never the signing, which would raise an
 * alert years early.
 */
export const PREVIOUS_COMMITMENT = 'the commitment before';

/**
 * The due date from a periodic anchor's first occurrence, or from a later one where the first
 * would fall due before the agreement: "30 days before the start of each Financial Year" in an
 * agreement signed in mid-December first falls due the next December.
 */
function firstDueFromStart(
  first: CalendarDate,
  period: string | undefined,
  dueFrom: (date: CalendarDate) => CalendarDate,
  start: CalendarDate | null,
): CalendarDate {
  const months = period ? monthsOf(period) : null;
  let date = first;
  let due = dueFrom(date);
  for (let more = 2; months && start && compareDates(due, start) < 0 && more > 0; more -= 1) {
    date = addMonths(date, months);
    due = dueFrom(date);
  }
  return due;
}

/** Months in a period of whole months or years ("P3M", "P1Y"); null for any other. */
function monthsOf(period: string): number | null {
  const parts = parseIsoDuration(period);
  if (!parts || parts.weeks > 0 || parts.days > 0 || parts.hours > 0) return null;
  return parts.years * 12 + parts.months;
}

/** From when the agreement's yearless deadlines run: its signing, else its start, else its date. */
function startOf(context: DeadlineContext): CalendarDate | null {
  return context.signedAt ?? context.effectiveAt ?? context.publishedAt ?? context.reference;
}

/** Picks the time limit of a clause and resolves it to a due date with the rule used. */
export function extractDeadline(
  clause: string,
  context: DeadlineContext,
  previousRelative: { anchor: string | null } | null,
  /** The clause's time expressions, when the caller has found them already. */
  expressions: readonly TimeExpression[] = findTimeExpressions(clause),
  /**
   * The event put before the clause's subject ("Following the closing, Orion intends to ... and
   * expects to ..."): the clause's own, or that of the commitment whose subject it shares.
   */
  fronted: string | null = frontedEvent(clause),
): Deadline | null {
  const periodDay = findDayOfPeriod(clause);
  // A limit written before it ("within 30 days, and thereafter on the first day of each month") comes first.
  if (periodDay && !expressions.some((e) => e.start < periodDay.start)) {
    return dayOfPeriodDeadline(periodDay, context);
  }
  const recurrence = findRecurrence(clause);
  const chosen = pickExpression(expressions);
  if (!chosen) return recurrence ? recurringOnly(recurrence, context) : null;
  if (chosen.shape.type === 'from-year') {
    return recurrence ? recurringFromYear(recurrence, chosen, chosen.shape.year) : null;
  }
  const resolved = resolveExpression(chosen, context, previousRelative, fronted);
  if (!resolved) return null;
  const backstop = recurrence ? null : backstopAfter(clause, chosen, expressions);
  const deadline = backstop
    ? withBackstop(resolved, chosen, backstop, context, fronted !== null)
    : resolved;
  const period = recurrence?.period ?? periodOfAnchor(chosen, context);
  const startYear = expressions.find((e) => e.shape.type === 'from-year');
  if (period && deadline.dueDate && startYear?.shape.type === 'from-year') {
    // "by June 30 of each year, commencing in 2027": the first one falls in that year.
    deadline.dueDate = firstFromYear(deadline.dueDate, period, startYear.shape.year);
  }
  if (period && deadline.dueDate) {
    deadline.recurrence = `R/${deadline.dueDate}/${period}`;
    deadline.rule += `, repeating every ${period}`;
    if (deadline.kind !== 'within') deadline.kind = 'recurring';
  }
  return deadline;
}

function pickExpression(expressions: readonly TimeExpression[]): TimeExpression | null {
  // An explicit first date beats a generic rule; otherwise the first limit in the clause wins.
  // When a repetition starts ("from 2027") is no limit: any other expression comes first.
  return (
    expressions.find((e) => e.shape.type === 'date' && e.shape.firstOfSeries) ??
    expressions.find((e) => e.shape.type !== 'event' && e.shape.type !== 'from-year') ??
    expressions.find((e) => e.shape.type === 'event') ??
    expressions[0] ??
    null
  );
}

// "within 30 days and in any event no later than 31 March 2027", "and in all cases by", "but in no
// event later than": a limit that holds whatever the one before it comes to.
const BACKSTOP_BEFORE = /\bin\s+(?:any|every|all|no)\s+(?:event|case)s?,?\s+$/i;
const BACKSTOP_LEAD = /^in\s+no\s+(?:event|case)\b/i;

/** The limit set "in any event" after the chosen one, or null where the clause sets none. */
function backstopAfter(
  clause: string,
  chosen: TimeExpression,
  expressions: readonly TimeExpression[],
): TimeExpression | null {
  return (
    expressions.find(
      (e) =>
        e.start >= chosen.end &&
        (BACKSTOP_LEAD.test(e.text) ||
          BACKSTOP_BEFORE.test(clause.slice(Math.max(chosen.end, e.start - 20), e.start))),
    ) ?? null
  );
}

/**
 * The deadline of a limit with a backstop: the earlier of the two where both have dates from what
 * the clause says, else the backstop's date. A period whose start the clause does not name is
 * counted from the signing for want of one, which is no date to weigh against a firm one.
 */
function withBackstop(
  first: Deadline,
  chosen: TimeExpression,
  backstop: TimeExpression,
  context: DeadlineContext,
  frontedEvent: boolean,
): Deadline {
  const firm = resolveExpression(backstop, context, null, null);
  if (!firm?.dueDate) return first;
  const startNamed =
    chosen.shape.type !== 'relative' || chosen.shape.anchor !== null || frontedEvent;
  if (first.dueDate && startNamed && first.dueDate <= firm.dueDate) {
    return { ...first, rule: `${first.rule}; before "${backstop.text}", the limit in any event` };
  }
  return { ...firm, rule: `${firm.rule}, the limit in any event after "${chosen.text}"` };
}

function periodOfAnchor(expression: TimeExpression, context: DeadlineContext): string | null {
  if (expression.shape.type !== 'relative') return null;
  const anchor = resolveAnchor(expression.shape.anchor, context);
  if (anchor.period) return anchor.period;
  if (anchor.type === 'event' && /expir|term\b/i.test(anchor.ref ?? '') && context.renewalPeriod) {
    return context.renewalPeriod;
  }
  return null;
}

/** The first of a series from `due` every `period` that falls in `year` or later. */
function firstFromYear(due: string, period: string, year: number): string {
  const months = monthsOf(period);
  let date = parseIsoDate(due);
  for (let step = 0; months && date && date.year < year && step < 1200; step += 1) {
    date = addMonths(date, months);
  }
  return date ? formatIsoDate(date) : due;
}

/** "purchase 3,000 tonnes annually from 2027": first due at the end of the year's first period. */
function recurringFromYear(
  recurrence: { period: string; text: string },
  expression: TimeExpression,
  year: number,
): Deadline | null {
  const duration = parseDurationPhrase(periodWords(recurrence.period));
  if (!duration) return null;
  const due = addDays(applyDuration({ year, month: 1, day: 1 }, duration, 1), -1);
  return {
    expression: expression.text,
    kind: 'recurring',
    dueDate: iso(due),
    duration: recurrence.period,
    relation: 'after',
    recurrence: `R/${formatIsoDate(due)}/${recurrence.period}`,
    rule: `recurs every ${recurrence.period}; the first period starts with ${year}`,
    anchor: { type: 'date' },
  };
}

// "at least once every calendar quarter", "in each calendar month": due by the end of each such
// period of the calendar, not a period after the anchor.
const CALENDAR_PERIOD = /\bcalendar\s+(quarter|month|year)\b/i;
const CALENDAR_MONTHS: Readonly<Record<string, number>> = { month: 1, quarter: 3, year: 12 };

/** The end of the first period of the calendar (of `months` months) that ends after `date`. */
function endOfCalendarPeriod(date: CalendarDate, months: number): CalendarDate {
  const lastMonth = Math.ceil(date.month / months) * months;
  const end = endOfMonth(date.year, lastMonth);
  if (compareDates(end, date) > 0) return end;
  const next = addDays(end, 1);
  return endOfMonth(next.year, next.month + months - 1);
}

function recurringOnly(
  recurrence: { period: string; text: string },
  context: DeadlineContext,
): Deadline {
  const anchor = defaultAnchor(context);
  const duration = parseDurationPhrase(periodWords(recurrence.period));
  const unit = CALENDAR_PERIOD.exec(recurrence.text)?.[1]?.toLowerCase();
  const months = unit ? CALENDAR_MONTHS[unit] : undefined;
  const due =
    anchor.date && months
      ? endOfCalendarPeriod(anchor.date, months)
      : anchor.date && duration
        ? applyDuration(anchor.date, duration, 1)
        : null;
  const first = months
    ? `first due at the end of the first calendar ${unit} to end after ${anchor.type}`
    : `first due one period after ${anchor.type}`;
  const deadline: Deadline = {
    expression: recurrence.text,
    kind: 'recurring',
    dueDate: iso(due),
    duration: recurrence.period,
    relation: 'after',
    recurrence: due ? `R/${formatIsoDate(due)}/${recurrence.period}` : `R/${recurrence.period}`,
    rule: `recurs every ${recurrence.period}; ${first}`,
    anchor: toAnchor(anchor),
  };
  return deadline;
}

function dayOfPeriodDeadline(spec: DayOfPeriod, context: DeadlineContext): Deadline {
  const anchor = defaultAnchor(context);
  const due = anchor.date ? nextDayOfPeriod(spec, anchor.date, context.holidayCountry) : null;
  const unit = spec.businessDays ? `business day (${context.holidayCountry} holidays)` : 'day';
  const which = spec.day === 'last' ? `last ${unit}` : `${unit} ${spec.day}`;
  return {
    expression: spec.text,
    kind: 'recurring',
    dueDate: iso(due),
    ...(spec.businessDays ? { businessDays: true as const } : {}),
    recurrence: due ? `R/${formatIsoDate(due)}/${spec.period}` : `R/${spec.period}`,
    rule: `${which} of each ${spec.period} period; first after ${anchor.type}`,
    anchor: toAnchor(anchor),
  };
}

function periodWords(period: string): string {
  const m = /^P(\d+)([DWMY])$/.exec(period);
  const unit = { D: 'days', W: 'weeks', M: 'months', Y: 'years' }[(m?.[2] ?? 'D') as 'D'];
  return `${m?.[1] ?? '1'} ${unit}`;
}

// "Upon termination, the Provider shall return all data within thirty days": the thirty days run
// from the termination, which the clause names before its subject, not from the signing. "On" and
// "at" only before an event ("On expiry or termination,"), not before a date ("On 1 May 2027,").
const FRONTED_EVENT =
  /^(?:(?:promptly|immediately)\s+)?(?:(?:upon|following|after)\s+|(?:on|at)\s+(?=(?:the\s+)?(?:expiry|expiration|termination|completion|closing|delivery|receipt|request|end|conclusion|cessation)\b))([^,]{3,80}?),\s/i;

export function frontedEvent(clause: string): string | null {
  return FRONTED_EVENT.exec(clause)?.[1] ?? null;
}

/** The clause after the event put before its subject, which is when it applies, not what it is. */
export function withoutFrontedEvent(clause: string): string {
  return clause.slice(FRONTED_EVENT.exec(clause)?.[0].length ?? 0);
}

function resolveExpression(
  expression: TimeExpression,
  context: DeadlineContext,
  previousRelative: { anchor: string | null } | null,
  /** The event the clause puts before its subject, for a period that names no start. */
  fronted: string | null,
): Deadline | null {
  const shape = expression.shape;
  const base = { expression: expression.text, kind: expression.kind };
  switch (shape.type) {
    case 'relative': {
      const phrase =
        shape.same && previousRelative ? previousRelative.anchor : (shape.anchor ?? fronted);
      // "within four (4) hours" answers a request or an incident, never the signing: with no start
      // named, an hours limit waits for an event the clause leaves unsaid, as does a period that
      // runs "then", from something said before.
      const anchor: ResolvedAnchor = shape.thereafter
        ? { type: 'event', date: null, ref: PREVIOUS_COMMITMENT }
        : !phrase && (shape.duration.unit === 'H' || shape.then)
          ? { type: 'event', date: null }
          : resolveAnchor(phrase, context);
      const sign = shape.relation === 'after' ? 1 : -1;
      const dueFrom = (date: CalendarDate) =>
        shape.duration.businessDays
          ? addBusinessDays(date, shape.duration.amount, context.holidayCountry, sign)
          : applyDuration(date, shape.duration, sign);
      const due = anchor.date
        ? firstDueFromStart(anchor.date, anchor.period, dueFrom, startOf(context))
        : null;
      const deadline: Deadline = {
        ...base,
        kind: shape.relation === 'before' ? 'by' : 'within',
        dueDate: iso(due),
        duration: toIsoDuration(shape.duration),
        relation: shape.relation,
        rule: `${anchor.type}${anchor.ref ? ` (${anchor.ref})` : ''} ${shape.relation === 'after' ? '+' : '-'} ${toIsoDuration(shape.duration)}${shape.duration.businessDays ? ` business days (${context.holidayCountry} holidays)` : ''}`,
        anchor: toAnchor(anchor),
      };
      if (shape.duration.businessDays) deadline.businessDays = true;
      return deadline;
    }
    case 'date': {
      const start = startOf(context);
      const { mention, weekday } = shape;
      // "by Wednesday 25/11": the year that puts the day on its weekday, else the next such day.
      const onWeekday =
        mention.year === null && weekday !== null && start
          ? dayOnWeekday(mention.month, mention.day, weekday, start)
          : null;
      return {
        ...base,
        dueDate: iso(onWeekday ?? resolveMentionFrom(mention, start)),
        rule: onWeekday
          ? 'date named in the text, in the year of its weekday'
          : 'date named in the text',
        anchor: { type: 'date' },
      };
    }
    case 'referred-date':
      return {
        ...base,
        dueDate: iso(resolveMentionFrom(shape.mention, startOf(context))),
        rule: `date named in ${shape.where}`,
        anchor: { type: 'date' },
      };
    case 'window': {
      const date = resolveMentionFrom(shape.end, startOf(context));
      return {
        ...base,
        dueDate: iso(date),
        rule: 'last day of the stated window',
        anchor: { type: 'date' },
      };
    }
    case 'period-end':
      return {
        ...base,
        dueDate: iso(endOfMonth(shape.year, shape.month)),
        rule: `end of the ${shape.part} of ${shape.year}`,
        anchor: { type: 'date' },
      };
    case 'month': {
      const start = startOf(context);
      const day = (year: number) =>
        dayInMonth(year, shape.month, shape.day, context.holidayCountry);
      // A month with no year is the first such month that ends on or after the start.
      const due = shape.year !== null ? day(shape.year) : start ? firstOnOrAfter(start, day) : null;
      // "signed in March 2025", said in an agreement of 2027, is when, not by when.
      if (!due || (start && compareDates(due, start) < 0)) return null;
      return {
        ...base,
        dueDate: iso(due),
        rule: `${MONTH_DAY_RULE[shape.day]} of the month named${shape.day.endsWith('business') ? ` (${context.holidayCountry} holidays)` : ''}`,
        anchor: { type: 'date' },
      };
    }
    case 'year-end': {
      // "as amended in 2019", in an agreement of 2025, says when, not by when.
      const start = startOf(context);
      if (start && shape.year < start.year) return null;
      return {
        ...base,
        dueDate: iso(endOfMonth(shape.year, 12)),
        rule: `end of ${shape.year}`,
        anchor: { type: 'date' },
      };
    }
    case 'season':
      return resolveSeason(base, shape, context);
    // Read with its repetition in extractDeadline; alone it says when something starts.
    case 'from-year':
      return null;
    case 'coming-period-end': {
      const from = context.publishedAt ?? context.signedAt ?? context.reference;
      if (!from)
        return {
          ...base,
          dueDate: null,
          rule: `end of a ${shape.part} not dated`,
          anchor: { type: 'date' },
        };
      const due = comingPeriodEnd(from, shape.unit, shape.ahead, shape.month);
      return {
        ...base,
        dueDate: iso(due),
        rule: `end of the ${shape.part} ${shape.ahead > 0 ? 'after' : 'of'} the text's date`,
        anchor: { type: 'date' },
      };
    }
    case 'coming-week': {
      // A week is counted from the text's own date, never from when it was received.
      const from = context.publishedAt ?? context.signedAt;
      const week = `the week ${shape.ahead > 0 ? 'after' : 'of'} the text's date`;
      return {
        ...base,
        dueDate: iso(from ? weekdayOfWeek(from, shape.weekday, shape.ahead) : null),
        rule: from ? `${shape.part} of ${week}` : `${shape.part} of a week not dated`,
        anchor: { type: 'date' },
      };
    }
    case 'fiscal-year-end': {
      const { month, day } = context.fiscalYearEnd;
      // A fiscal year ending mid-year is named after the calendar year in which it ends.
      return {
        ...base,
        dueDate: iso({ year: shape.year, month, day }),
        rule: `end of fiscal year ${shape.year} (year ends ${month}-${day})`,
        anchor: { type: 'date' },
      };
    }
    case 'event':
      return resolveEvent(expression, shape.anchor, context);
  }
}

const MONTH_DAY_RULE: Readonly<Record<DayOfMonth, string>> = {
  end: 'end',
  middle: 'middle',
  first: 'first day',
  'first business': 'first business day',
  'last business': 'last business day',
};

function dayInMonth(year: number, month: number, day: DayOfMonth, country: string): CalendarDate {
  const end = endOfMonth(year, month);
  switch (day) {
    case 'end':
      return end;
    case 'middle':
      return { year, month, day: 15 };
    case 'first':
      return { year, month, day: 1 };
    case 'first business':
      return addBusinessDays(addDays({ year, month, day: 1 }, -1), 1, country);
    case 'last business':
      return addBusinessDays(addDays(end, 1), 1, country, -1);
  }
}

function resolveSeason(
  base: Pick<Deadline, 'expression' | 'kind'>,
  shape: Extract<ExpressionShape, { type: 'season' }>,
  context: DeadlineContext,
): Deadline | null {
  const start = startOf(context);
  const year = shape.year ?? (context.publishedAt ?? context.signedAt ?? context.reference)?.year;
  const end = year ? seasonEnd(shape.season, year, shape.before, context.holidayCountry) : null;
  const named = `${shape.season}${year ? ` ${year}` : ''}`;
  if (!end)
    return { ...base, dueDate: null, rule: `${named}, not dated`, anchor: { type: 'date' } };
  // "in spring 2019", said in an agreement of 2025, is when, not by when.
  if (start && compareDates(end.date, start) < 0) return null;
  return {
    ...base,
    dueDate: iso(end.date),
    rule: `${shape.before ? 'last day before' : 'end of'} ${named} (${end.months})`,
    anchor: { type: 'date' },
  };
}

function resolveEvent(
  expression: TimeExpression,
  phrase: string,
  context: DeadlineContext,
): Deadline {
  const defined = context.definitions.meanings.get(phrase.toLowerCase().replace(/^the\s+/, ''));
  if (defined) {
    // "the Final Maturity Date" means "the date falling seven (7) years after the date of this Agreement".
    const inner = findTimeExpressions(defined)[0];
    if (inner && inner.shape.type === 'relative') {
      const resolved = resolveExpression(inner, context, null, null);
      if (resolved)
        return {
          ...resolved,
          expression: expression.text,
          kind: 'on',
          rule: `${phrase} as defined: ${resolved.rule}`,
        };
    }
  }
  const anchor = resolveAnchor(phrase, context);
  // "each period of three (3) months beginning on a Utilisation Date": repeats from an event.
  const periodic = defined ? /\beach period of\s+(.+)/i.exec(defined) : null;
  const period = periodic?.[1] ? parseDurationPhrase(periodic[1]) : null;
  if (period && !anchor.date) {
    return {
      expression: expression.text,
      kind: 'recurring',
      dueDate: null,
      recurrence: `R/${toIsoDuration(period)}`,
      rule: `end of each ${phrase} (${toIsoDuration(period)}), first date not known`,
      anchor: toAnchor(anchor),
    };
  }
  return {
    expression: expression.text,
    // "by the Closing Date" is a limit; "on the Closing Date" and "at completion" a day.
    kind: expression.kind === 'by' ? 'by' : 'on',
    dueDate: iso(anchor.date),
    rule: anchor.date
      ? `date of ${anchor.ref ?? anchor.type}`
      : `on an event whose date is not known`,
    anchor: toAnchor(anchor),
  };
}
