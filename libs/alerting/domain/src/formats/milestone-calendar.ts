import ical, { ICalCalendarMethod } from 'ical-generator';

import type { NotificationContent } from './notification-content';

/**
 * The milestone as an iCalendar all-day event on its due date, for an e-mail attachment. Its UID is
 * the milestone's, so every alert of one milestone updates the same calendar entry rather than
 * adding another; `stamp` is passed in because the domain does not read the clock.
 */
export function milestoneCalendar(content: NotificationContent, stamp: Date): string {
  const calendar = ical({
    prodId: { company: 'DealWatch', product: 'alerting', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    name: 'DealWatch milestones',
  });
  const [year, month, day] = content.dueDate.split('-').map(Number);
  calendar.createEvent({
    id: `${content.milestoneId}@dealwatch`,
    // A date, not an instant: the due date is a calendar day wherever the reader is.
    start: new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1),
    allDay: true,
    stamp,
    summary: content.title,
    description: [
      content.summary,
      '',
      ...content.facts.map(([label, value]) => `${label}: ${value}`),
      '',
      `“${content.evidence}”`,
    ].join('\n'),
    ...(content.ackUrl ? { url: content.ackUrl } : {}),
  });
  return calendar.toString();
}
