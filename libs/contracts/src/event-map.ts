import { AgreementDocumentAddedV1 } from './events/agreement-document-added/agreement-document-added-v1.event';
import { AgreementIngestedV1 } from './events/agreement-ingested/agreement-ingested-v1.event';
import { AlertAcknowledgedV1 } from './events/alert-acknowledged/alert-acknowledged-v1.event';
import { AlertDeliveredV1 } from './events/alert-delivered/alert-delivered-v1.event';
import { AlertEscalatedV1 } from './events/alert-escalated/alert-escalated-v1.event';
import { AlertFailedV1 } from './events/alert-failed/alert-failed-v1.event';
import { AlertResolvedV1 } from './events/alert-resolved/alert-resolved-v1.event';
import { ClausesExtractedV1 } from './events/clauses-extracted/clauses-extracted-v1.event';
import { MilestoneReminderV1 } from './events/milestone-reminder/milestone-reminder-v1.event';
import { MilestoneScheduledV1 } from './events/milestone-scheduled/milestone-scheduled-v1.event';
import { MilestoneStatusChangedV1 } from './events/milestone-status-changed/milestone-status-changed-v1.event';
import { ObligationReviewedV1 } from './events/obligation-reviewed/obligation-reviewed-v1.event';
import { Topics } from './topics';
import type { Topic } from './topics';

/** Topic -> payload class. Publishing a payload on the wrong topic does not compile. */
export const payloadClasses = {
  [Topics.AgreementIngestedV1]: AgreementIngestedV1,
  [Topics.AgreementDocumentAddedV1]: AgreementDocumentAddedV1,
  [Topics.ClausesExtractedV1]: ClausesExtractedV1,
  [Topics.MilestoneScheduledV1]: MilestoneScheduledV1,
  [Topics.MilestoneReminderV1]: MilestoneReminderV1,
  [Topics.MilestoneStatusChangedV1]: MilestoneStatusChangedV1,
  [Topics.AlertDeliveredV1]: AlertDeliveredV1,
  [Topics.AlertAcknowledgedV1]: AlertAcknowledgedV1,
  [Topics.AlertResolvedV1]: AlertResolvedV1,
  [Topics.AlertEscalatedV1]: AlertEscalatedV1,
  [Topics.AlertFailedV1]: AlertFailedV1,
  [Topics.ObligationReviewedV1]: ObligationReviewedV1,
} as const satisfies { [T in Topic]: new () => object };

export type EventPayloads = { [T in Topic]: InstanceType<(typeof payloadClasses)[T]> };
export type PayloadOf<T extends Topic> = EventPayloads[T];
