import type {
  MilestoneEntity,
  MilestoneHistoryEntity,
  ReminderEntity,
} from '@dealwatch/milestone-scheduler/data-access';

/** A milestone as the API shows it, with its reminders in firing order. */
export function milestoneView(milestone: MilestoneEntity, reminders: ReminderEntity[]) {
  return {
    id: milestone.id,
    agreementId: milestone.agreementId,
    obligationKey: milestone.obligationKey,
    title: milestone.title,
    category: milestone.category,
    owner: milestone.owner,
    status: milestone.status,
    dueKind: milestone.dueKind,
    dueDate: milestone.dueDate,
    dueAt: milestone.dueAt?.toISOString() ?? null,
    overdueAt: milestone.overdueAt?.toISOString() ?? null,
    timeZone: milestone.timeZone,
    reminderOffsets: milestone.reminderOffsets,
    policy: milestone.policy,
    timeOfDay: milestone.timeOfDay,
    jurisdiction: milestone.jurisdiction,
    agreementTitle: milestone.agreementTitle,
    parties: milestone.parties,
    evidence: milestone.evidence,
    evidenceSpan:
      milestone.evidenceStart !== null && milestone.evidenceEnd !== null
        ? [milestone.evidenceStart, milestone.evidenceEnd]
        : null,
    deadlineExpression: milestone.deadlineExpression,
    /** A person's verdict on the extracted obligation, if it was reviewed. */
    reviewVerdict: milestone.reviewVerdict,
    /** The milestone this one waits on, and how long after that one is met it falls due. */
    chain: milestone.anchorMilestoneId
      ? {
          anchorMilestoneId: milestone.anchorMilestoneId,
          offset: milestone.anchorOffset,
          businessDays: milestone.anchorBusinessDays,
        }
      : null,
    createdAt: milestone.createdAt.toISOString(),
    updatedAt: milestone.updatedAt.toISOString(),
    reminders: reminders.map((reminder) => ({
      id: reminder.id,
      offset: reminder.offset,
      fireAt: reminder.fireAt.toISOString(),
      status: reminder.status,
      firedAt: reminder.firedAt?.toISOString() ?? null,
    })),
  };
}

export function historyView(row: MilestoneHistoryEntity) {
  return {
    changedAt: row.changedAt.toISOString(),
    actor: row.actor,
    reason: row.reason,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    fromDueDate: row.fromDueDate,
    toDueDate: row.toDueDate,
    fromDueAt: row.fromDueAt?.toISOString() ?? null,
    toDueAt: row.toDueAt?.toISOString() ?? null,
    eventId: row.eventId,
  };
}
