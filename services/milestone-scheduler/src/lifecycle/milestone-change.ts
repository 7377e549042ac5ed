import type { MilestoneEntity } from '@dealwatch/milestone-scheduler/data-access';
import { isInstantDue } from '@dealwatch/milestone-scheduler/domain';
import type {
  MilestoneDue,
  MilestoneStatus,
  ReminderPlan,
} from '@dealwatch/milestone-scheduler/domain';

import type { Change } from './milestone-lifecycle';

/** A milestone's status and due before a change, for its history row and event. */
export interface Before {
  status: MilestoneStatus | null;
  dueDate: string | null;
  dueAt: Date | null;
}

/** The due a milestone has now, or null for a tracked commitment. */
export function currentDue(milestone: MilestoneEntity): MilestoneDue | null {
  const { dueKind, dueDate, dueAt, timeZone } = milestone;
  if (dueKind === 'instant' && dueAt) return { dueAt, timeZone };
  if (dueKind === 'date' && dueDate) return { dueDate, timeZone };
  return null;
}

/**
 * Events are keyed by agreement, so one agreement's events stay in order. A milestone entered by hand
 * without an agreement stands for itself.
 */
export function subjectOf(milestone: Pick<MilestoneEntity, 'id' | 'agreementId'>): string {
  return milestone.agreementId ?? milestone.id;
}

export function scheduleOf(due: MilestoneDue, plan: ReminderPlan) {
  return {
    dueKind: isInstantDue(due) ? ('instant' as const) : ('date' as const),
    dueDate: plan.dueDate,
    dueAt: plan.dueAt,
    overdueAt: plan.overdueAt,
    timeZone: due.timeZone,
  };
}

export function unscheduled(timeZone: string) {
  return { dueKind: null, dueDate: null, dueAt: null, overdueAt: null, timeZone };
}

export function beforeOf(milestone: MilestoneEntity): Before {
  return { status: milestone.status, dueDate: milestone.dueDate, dueAt: milestone.dueAt };
}

export function historyOf(before: Before, after: MilestoneEntity, change: Change) {
  return {
    milestoneId: after.id,
    changedAt: change.at,
    actor: change.actor,
    reason: change.reason,
    fromStatus: before.status,
    toStatus: after.status,
    fromDueDate: before.dueDate,
    toDueDate: after.dueDate,
    fromDueAt: before.dueAt,
    toDueAt: after.dueAt,
  };
}
