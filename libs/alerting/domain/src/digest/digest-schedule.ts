import { addCalendar, calendarDateIn, isValidTimeZone, zonedInstant } from '@dealwatch/time';

import { uuidV5 } from '../alert-identity';

const DIGEST_NAMESPACE = '0f4e2d6c-8b1a-4c3d-9e5f-6a7b8c9d0e1f';
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** When a receiver's daily summary goes: `at` (HH:MM) on the wall clock of `timeZone`. */
export interface DigestSchedule {
  at: string;
  /** An IANA time zone, such as Europe/Berlin. */
  timeZone: string;
  /** Send a digest that lists nothing, saying so; by default an empty day sends nothing. */
  sendEmpty: boolean;
}

/** What is wrong with a schedule given as plain data, or null when it is fine. */
export function digestScheduleProblem(at: unknown, timeZone: unknown): string | null {
  if (typeof at !== 'string' || !LOCAL_TIME.test(at)) {
    return 'at must be a time of day as HH:MM, such as 08:00';
  }
  if (typeof timeZone !== 'string' || timeZone === '' || !isValidTimeZone(timeZone)) {
    return 'timeZone must be an IANA time zone, such as Europe/Berlin';
  }
  return null;
}

/**
 * The first instant after `after` at which the wall clock of the schedule's zone shows `at`: once
 * every local day, so 08:00 in Berlin is 07:00Z in winter and 06:00Z in summer. A time the clocks
 * skip is moved forward by the gap (02:30 becomes 03:30); one they repeat goes once.
 */
export function nextDigestAt(schedule: Pick<DigestSchedule, 'at' | 'timeZone'>, after: Date): Date {
  let date = calendarDateIn(after, schedule.timeZone);
  for (;;) {
    const candidate = zonedInstant(date, schedule.at, schedule.timeZone);
    if (candidate.getTime() > after.getTime()) return candidate;
    date = addCalendar(date, { days: 1 });
  }
}

/** The digest before the one due at `dueAt`: where "since the last digest" starts. */
export function previousDigestAt(
  schedule: Pick<DigestSchedule, 'at' | 'timeZone'>,
  dueAt: Date,
): Date {
  const date = addCalendar(calendarDateIn(dueAt, schedule.timeZone), { days: -1 });
  return zonedInstant(date, schedule.at, schedule.timeZone);
}

/**
 * A receiver's digest due at one instant: the same id however often it is planned or sent, so a
 * retry carries the same `webhook-id` and a day's digest exists once.
 */
export function digestIdFor(receiver: string, dueAt: Date): string {
  return uuidV5(`${receiver}@${dueAt.toISOString()}`, DIGEST_NAMESPACE);
}
