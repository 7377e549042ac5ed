import { Topics } from '@dealwatch/contracts';
import type { EventMetadata, OutboxEvent } from '@dealwatch/messaging';
import type { MilestoneEntity, ReminderEntity } from '@dealwatch/milestone-scheduler/data-access';

import { subjectOf } from './milestone-change';
import type { Before } from './milestone-change';
import type { Change } from './milestone-lifecycle';

/* The events every change of a milestone announces, built from the rows as they now are. */

/** `milestone.status-changed`: what a milestone was, what it is now, and who changed it. */
export function statusChangedEvent(
  before: Before,
  after: MilestoneEntity,
  change: Change,
): OutboxEvent {
  return {
    topic: Topics.MilestoneStatusChangedV1,
    payload: {
      milestoneId: after.id,
      agreementId: subjectOf(after),
      previousStatus: before.status ?? after.status,
      status: after.status,
      dueDate: after.dueDate,
      previousDueDate: before.dueDate,
      changedAt: change.at.toISOString(),
      actor: change.actor,
      reason: change.reason,
    },
    metadata: metadataOf(after, change),
  };
}

/** `milestone.scheduled` for a dated milestone, none for a tracked one. */
export function scheduledEvents(
  milestone: MilestoneEntity,
  reminders: ReminderEntity[],
  change: Change,
): OutboxEvent[] {
  if (!milestone.dueDate || !milestone.overdueAt) return [];
  return [
    {
      topic: Topics.MilestoneScheduledV1,
      payload: {
        milestoneId: milestone.id,
        agreementId: subjectOf(milestone),
        obligationKey: milestone.obligationKey,
        title: milestone.title,
        category: milestone.category,
        dueDate: milestone.dueDate,
        overdueAt: milestone.overdueAt.toISOString(),
        evidence: milestone.evidence,
        reminders: reminders.flatMap((reminder) =>
          reminder.status === 'cancelled'
            ? []
            : [
                {
                  reminderId: reminder.id,
                  offset: reminder.offset,
                  fireAt: reminder.fireAt.toISOString(),
                  status: reminder.status,
                },
              ],
        ),
      },
      metadata: metadataOf(milestone, change),
    },
  ];
}

/** Keyed by the milestone's agreement, and traced to the change's cause. */
function metadataOf(milestone: MilestoneEntity, change: Change): EventMetadata {
  return {
    subject: subjectOf(milestone),
    correlationId: change.correlationId ?? null,
    causationId: change.causationId ?? null,
  };
}
