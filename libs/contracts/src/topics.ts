/**
 * Every topic DealWatch publishes. Downstream systems subscribe to these names, so a value here is a
 * public API: never edit one in place. A changed payload gets a new versioned topic (and class), and
 * the old one keeps flowing until its consumers have moved (a migration plan, not a rename).
 */
export const Topics = {
  AgreementIngestedV1: 'dealwatch.agreement.ingested.v1',
  AgreementDocumentAddedV1: 'dealwatch.agreement.document-added.v1',
  ClausesExtractedV1: 'dealwatch.clauses.extracted.v1',
  MilestoneScheduledV1: 'dealwatch.milestone.scheduled.v1',
  MilestoneReminderV1: 'dealwatch.milestone.reminder.v1',
  MilestoneStatusChangedV1: 'dealwatch.milestone.status-changed.v1',
  AlertDeliveredV1: 'dealwatch.alert.delivered.v1',
  AlertAcknowledgedV1: 'dealwatch.alert.acknowledged.v1',
  AlertResolvedV1: 'dealwatch.alert.resolved.v1',
  AlertEscalatedV1: 'dealwatch.alert.escalated.v1',
  AlertFailedV1: 'dealwatch.alert.failed.v1',
  ObligationReviewedV1: 'dealwatch.obligation.reviewed.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

export const allTopics: readonly Topic[] = Object.values(Topics);

/** Where a consumer parks a message it cannot process, with the reason in the headers. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

export function isTopic(name: string): name is Topic {
  return (allTopics as readonly string[]).includes(name);
}
