import type { ExtractedObligationV1 } from '@dealwatch/contracts';
import { addCalendar, isIsoDuration, parseIsoDuration, timePartMs } from '@dealwatch/time';

import { addBusinessDays } from './business-days';
import type { BusinessCalendar } from './business-days';

const DAY_MS = 86_400_000;

/** A deadline counted from another obligation of the same agreement being met. */
export interface ChainLink {
  /** The obligation whose completion starts the count. */
  anchorKey: string;
  /** How long after that completion the chained obligation is due (ISO 8601). */
  offset: string;
  /** The offset's days are business days ("within 10 business days after"). */
  businessDays: boolean;
}

type Obligation = Pick<ExtractedObligationV1, 'obligationKey' | 'text' | 'span' | 'deadline'>;

/**
 * The obligation a deadline waits on, for one the extraction could not date because it counts from
 * an event ("within 90 days after the ministerial meeting"): the event is the other obligation of
 * the agreement whose text names it, outside that obligation's own deadline; the nearest one before
 * it in the text wins, else the first after. Null when the deadline is dated, counts backwards, has
 * no length, or no obligation names the event.
 */
export function chainLinkOf(
  obligation: Obligation,
  obligations: readonly Obligation[],
): ChainLink | null {
  const deadline = obligation.deadline;
  if (!deadline || deadline.dueDate || deadline.anchor.type !== 'event') return null;
  if (deadline.relation !== 'after' || !deadline.duration || !isIsoDuration(deadline.duration))
    return null;
  const ref = normalise(deadline.anchor.ref ?? '').replace(/^(?:the|a|an) /, '');
  if (!ref) return null;
  const names = new RegExp(`(?<![\\p{L}\\p{N}])${escape(ref)}(?![\\p{L}\\p{N}])`, 'u');
  const candidates = obligations.filter(
    (other) => other.obligationKey !== obligation.obligationKey && names.test(ownText(other)),
  );
  const before = candidates.filter((other) => other.span[0] < obligation.span[0]);
  const anchor = before.at(-1) ?? candidates.find((other) => other.span[0] >= obligation.span[0]);
  return anchor
    ? {
        anchorKey: anchor.obligationKey,
        offset: deadline.duration,
        businessDays: deadline.businessDays === true,
      }
    : null;
}

/**
 * The due date of a chained milestone whose anchor was met on `metDate`: the offset's calendar part
 * on the calendar, a time part rounded up to whole days (a due date has no time). With a business
 * `calendar`, an offset of days only counts business days, from the day after `metDate`.
 */
export function chainedDueDate(
  metDate: string,
  offset: string,
  calendar: BusinessCalendar | null = null,
): string {
  const duration = parseIsoDuration(offset);
  const daysOnly =
    duration.years === 0 &&
    duration.months === 0 &&
    duration.weeks === 0 &&
    timePartMs(duration) === 0;
  if (calendar && daysOnly) return addBusinessDays(metDate, duration.days, calendar);
  return addCalendar(metDate, {
    years: duration.years,
    months: duration.months,
    days: duration.weeks * 7 + duration.days + Math.ceil(timePartMs(duration) / DAY_MS),
  });
}

/** The obligation's text without its own deadline, which may name the very event it counts from. */
function ownText(obligation: Obligation): string {
  const expression = obligation.deadline?.expression;
  const text = expression ? obligation.text.split(expression).join(' ') : obligation.text;
  return normalise(text);
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
