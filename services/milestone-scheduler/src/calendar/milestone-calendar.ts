import type { MilestoneEntity, ReminderEntity } from '@dealwatch/milestone-scheduler/data-access';

import ical, { ICalAlarmType, ICalEventStatus } from 'ical-generator';

const PRODUCT = { company: 'DealWatch', product: 'milestone-scheduler', language: 'EN' };

/**
 * An RFC 5545 calendar of milestones: one VEVENT each (all-day on its due date, or at its instant),
 * with a VALARM at the time of each reminder still to fire. UIDs are the milestone ids, so a
 * subscribed calendar updates an event in place when its milestone is rescheduled.
 */
export function milestoneCalendar(
  milestones: { milestone: MilestoneEntity; reminders: ReminderEntity[] }[],
): string {
  const calendar = ical({ name: 'DealWatch milestones', prodId: PRODUCT });
  for (const { milestone, reminders } of milestones) {
    if (!milestone.dueDate || !milestone.dueAt) continue;
    const allDay = milestone.dueKind === 'date';
    const event = calendar.createEvent({
      id: `${milestone.id}@dealwatch`,
      summary: milestone.status === 'overdue' ? `Overdue: ${milestone.title}` : milestone.title,
      description: describe(milestone),
      allDay,
      // A calendar date has no zone: its day is the same everywhere, written as a DATE value.
      start: allDay ? new Date(`${milestone.dueDate}T00:00:00Z`) : milestone.dueAt,
      stamp: milestone.updatedAt,
      lastModified: milestone.updatedAt,
      status: ICalEventStatus.CONFIRMED,
      categories: [{ name: milestone.category }],
    });
    for (const reminder of reminders) {
      if (reminder.status !== 'pending') continue;
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: reminder.fireAt,
        description:
          reminder.offset === 'overdue'
            ? `Overdue: ${milestone.title}`
            : `${milestone.title} (due ${milestone.dueDate})`,
      });
    }
  }
  return calendar.toString();
}

function describe(milestone: MilestoneEntity): string {
  return [
    milestone.agreementTitle ? `Agreement: ${milestone.agreementTitle}` : null,
    milestone.evidence ? `“${milestone.evidence}”` : null,
    milestone.owner ? `Owner: ${milestone.owner}` : null,
    `Status: ${milestone.status}`,
  ]
    .filter((line) => line !== null)
    .join('\n');
}
