import type { NotificationKind } from './delivery.entity';

/** A delivery the worker holds the lease of, with what it needs to send and announce it. */
export interface ClaimedDelivery {
  deliveryId: string;
  alertId: string;
  receiver: string;
  receiverId: string | null;
  notification: NotificationKind;
  /** This attempt's number; the lease is only ours while the row still says so. */
  attempt: number;
  /** Held back by the receiver's rate limit before: goes with the others held, as one. */
  held: boolean;
  /** The group it goes out with (see the route's groupBy); null when it goes alone. */
  groupKey: string | null;
  body: string;
  reminderId: string;
  milestoneId: string;
  agreementId: string;
  sourceEventId: string;
  correlationId: string;
}

export interface ClaimedRow {
  delivery_id: string;
  alert_id: string;
  receiver: string;
  receiver_id: string | null;
  notification: NotificationKind;
  attempt: number;
  held: boolean;
  group_key: string | null;
  body: string;
  reminder_id: string;
  milestone_id: string;
  agreement_id: string;
  source_event_id: string;
  correlation_id: string;
}

export function toClaimed(row: ClaimedRow): ClaimedDelivery {
  return {
    deliveryId: row.delivery_id,
    alertId: row.alert_id,
    receiver: row.receiver,
    receiverId: row.receiver_id,
    notification: row.notification,
    attempt: row.attempt,
    held: row.held,
    groupKey: row.group_key,
    body: row.body,
    reminderId: row.reminder_id,
    milestoneId: row.milestone_id,
    agreementId: row.agreement_id,
    sourceEventId: row.source_event_id,
    correlationId: row.correlation_id,
  };
}
