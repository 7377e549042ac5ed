import { approximateMs, isCalendarDuration, parseIsoDuration } from '@dealwatch/time';

import { addCalendar, zonedInstant } from './zoned-time';

/** Offsets used when neither the milestone nor a policy says otherwise. */
export const DEFAULT_REMINDER_OFFSETS = ['P30D', 'P7D', 'P1D', 'PT0S'] as const;
export const OVERDUE = 'overdue';
/** Wall-clock time at which day offsets of a calendar due date fire. */
export const REMINDER_TIME_OF_DAY = '09:00';

export interface MilestoneDue {
  dueDate: string;
  timeZone: string;
}

export interface PlannedReminder {
  /** An ISO 8601 duration before the due time, or `overdue`. */
  offset: string;
  fireAt: Date;
  /** `skipped`: its time had passed when the milestone was planned, and it is not the overdue one. */
  status: 'pending' | 'skipped';
}

export interface ReminderPlan {
  /** The due time: the due date at 09:00 in the milestone's zone. */
  dueAt: Date;
  /** When the due date has ended in the milestone's zone. */
  overdueAt: Date;
  reminders: PlannedReminder[];
}

/**
 * Plans a milestone's reminders. Reminders whose time has already passed are skipped, except the
 * overdue one, which fires at once: a milestone created after its due date is news only as overdue.
 */
export function planReminders(
  due: MilestoneDue,
  offsets: readonly string[],
  now: Date,
): ReminderPlan {
  const dueAt = zonedInstant(due.dueDate, REMINDER_TIME_OF_DAY, due.timeZone);
  const overdueAt = zonedInstant(addCalendar(due.dueDate, { days: 1 }), '00:00', due.timeZone);
  const before = [...new Set(offsets)].map((offset) => ({
    offset,
    fireAt: fireTimeBefore(due, dueAt, offset),
  }));
  const reminders: PlannedReminder[] = [...before, { offset: OVERDUE, fireAt: overdueAt }]
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime())
    .map((reminder) => ({
      ...reminder,
      status: reminder.offset === OVERDUE || reminder.fireAt > now ? 'pending' : 'skipped',
    }));
  return { dueAt, overdueAt, reminders };
}

function fireTimeBefore(due: MilestoneDue, dueAt: Date, offset: string): Date {
  const duration = parseIsoDuration(offset);
  if (!isCalendarDuration(duration)) return new Date(dueAt.getTime() - approximateMs(duration));
  const date = addCalendar(due.dueDate, {
    years: -duration.years,
    months: -duration.months,
    days: -(duration.weeks * 7 + duration.days),
  });
  return zonedInstant(date, REMINDER_TIME_OF_DAY, due.timeZone);
}
