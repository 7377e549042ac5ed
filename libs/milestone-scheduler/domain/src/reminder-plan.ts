import {
  addCalendar,
  approximateMs,
  calendarDateIn,
  isCalendarDuration,
  parseIsoDuration,
  timePartMs,
  wallClock,
  zonedInstant,
} from '@dealwatch/time';
import type { IsoDuration } from '@dealwatch/time';

import { onOrBeforeBusinessDay } from './business-days';
import type { BusinessCalendar } from './business-days';

/** Offsets used when neither the milestone nor a policy says otherwise. */
export const DEFAULT_REMINDER_OFFSETS = ['P30D', 'P7D', 'P1D', 'PT0S'] as const;
export const OVERDUE = 'overdue';
/** Wall-clock time at which day offsets of a calendar due date fire unless a policy says otherwise. */
export const REMINDER_TIME_OF_DAY = '09:00';

/** A calendar date in a time zone: due at 09:00 there, overdue once the day has ended. */
export interface DateDue {
  dueDate: string;
  timeZone: string;
  /** `HH:MM` at which it is due and its day offsets fire; default 09:00. */
  timeOfDay?: string;
}

/** An exact instant: due and overdue at that instant; the zone names its calendar date. */
export interface InstantDue {
  dueAt: Date;
  timeZone: string;
}

export type MilestoneDue = DateDue | InstantDue;

export interface PlannedReminder {
  /** An ISO 8601 duration before the due time, or `overdue`. */
  offset: string;
  fireAt: Date;
  /** `skipped`: its time had passed when the milestone was planned, and it is not the overdue one. */
  status: 'pending' | 'skipped';
}

export interface ReminderPlan {
  /** The calendar date the milestone is due on, in its zone. */
  dueDate: string;
  /** The due time: 09:00 on the due date in the milestone's zone, or the instant itself. */
  dueAt: Date;
  /** When the milestone becomes overdue: the end of its due date, or the instant itself. */
  overdueAt: Date;
  reminders: PlannedReminder[];
}

export function isInstantDue(due: MilestoneDue): due is InstantDue {
  return 'dueAt' in due;
}

/**
 * Plans a milestone's reminders. Reminders whose time has already passed are skipped, except the
 * overdue one, which fires at once: a milestone created after its due date is news only as overdue.
 * Before an instant, the date part of an offset counts on the wall clock of the milestone's zone (a
 * day before 15:00 is 15:00 the day before, DST or not) and the time part exactly. With a business
 * `calendar`, a reminder (not the overdue one) falling on a day off moves to the business day
 * before at the same wall-clock time.
 */
export function planReminders(
  due: MilestoneDue,
  offsets: readonly string[],
  now: Date,
  calendar: BusinessCalendar | null = null,
): ReminderPlan {
  const { dueDate, dueAt, overdueAt } = dueTimes(due);
  const before = [...new Set(offsets)].map((offset) => {
    const fireAt = isInstantDue(due)
      ? fireTimeBeforeInstant(due, parseIsoDuration(offset))
      : fireTimeBeforeDate(due, dueAt, parseIsoDuration(offset));
    return { offset, fireAt: calendar ? offBusinessDays(fireAt, due.timeZone, calendar) : fireAt };
  });
  // A stable sort keeps overdue after a reminder due at the same instant (PT0S before an instant).
  const reminders: PlannedReminder[] = [...before, { offset: OVERDUE, fireAt: overdueAt }]
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime())
    .map((reminder) => ({
      ...reminder,
      status: reminder.offset === OVERDUE || reminder.fireAt > now ? 'pending' : 'skipped',
    }));
  return { dueDate, dueAt, overdueAt, reminders };
}

/** The calendar date, due time and overdue time of a due, without its reminders. */
export function dueTimes(due: MilestoneDue): Omit<ReminderPlan, 'reminders'> {
  if (isInstantDue(due)) {
    return {
      dueDate: calendarDateIn(due.dueAt, due.timeZone),
      dueAt: due.dueAt,
      overdueAt: due.dueAt,
    };
  }
  return {
    dueDate: due.dueDate,
    dueAt: zonedInstant(due.dueDate, due.timeOfDay ?? REMINDER_TIME_OF_DAY, due.timeZone),
    overdueAt: zonedInstant(addCalendar(due.dueDate, { days: 1 }), '00:00', due.timeZone),
  };
}

function fireTimeBeforeDate(due: DateDue, dueAt: Date, duration: IsoDuration): Date {
  if (!isCalendarDuration(duration)) return new Date(dueAt.getTime() - approximateMs(duration));
  const timeOfDay = due.timeOfDay ?? REMINDER_TIME_OF_DAY;
  return zonedInstant(calendarBefore(due.dueDate, duration), timeOfDay, due.timeZone);
}

/** The same wall-clock time on the nearest business day on or before the one `fireAt` falls on. */
function offBusinessDays(fireAt: Date, timeZone: string, calendar: BusinessCalendar): Date {
  const { date, time } = wallClock(fireAt, timeZone);
  const businessDay = onOrBeforeBusinessDay(date, calendar);
  return businessDay === date ? fireAt : zonedInstant(businessDay, time, timeZone);
}

function fireTimeBeforeInstant(due: InstantDue, duration: IsoDuration): Date {
  const exact = timePartMs(duration);
  // Only a date part goes through the wall clock, which cannot tell the two 01:30s of a DST fall-back apart.
  if (approximateMs(duration) === exact) return new Date(due.dueAt.getTime() - exact);
  const { date, time } = wallClock(due.dueAt, due.timeZone);
  const sameTimeEarlier = zonedInstant(calendarBefore(date, duration), time, due.timeZone);
  return new Date(sameTimeEarlier.getTime() - exact);
}

function calendarBefore(date: string, duration: IsoDuration): string {
  return addCalendar(date, {
    years: -duration.years,
    months: -duration.months,
    days: -(duration.weeks * 7 + duration.days),
  });
}
