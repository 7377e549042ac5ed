import { uuidV5 } from '../alert-identity';
import type { AlertWebhookBody } from '../alert-notification';
import { notificationContent } from '../formats/notification-content';
import type { NotificationContent } from '../formats/notification-content';
import { compareSeverity } from '../severity';

const GROUPED_NOTIFICATION_NAMESPACE = '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f';

/** The `type` of a body that carries several alerts at once. */
export const ALERTS_GROUPED_WEBHOOK_TYPE = 'milestone.reminders';

/** A body whose `data` is any one alert's: firing, resolved or escalated. */
export interface SingleAlertBody {
  type: string;
  timestamp: string;
  data: AlertWebhookBody['data'];
}

/** Several notifications to one receiver sent as one: each as it would have gone alone. */
export interface GroupedWebhookBody {
  type: typeof ALERTS_GROUPED_WEBHOOK_TYPE;
  timestamp: string;
  data: {
    count: number;
    /** Why they went together, e.g. held back by the receiver's rate limit. */
    reason: string;
    alerts: (SingleAlertBody['data'] & { type: string })[];
  };
}

export function buildGroupedBody(
  bodies: readonly SingleAlertBody[],
  reason: string,
  at: Date,
): GroupedWebhookBody {
  return {
    type: ALERTS_GROUPED_WEBHOOK_TYPE,
    timestamp: at.toISOString(),
    data: {
      count: bodies.length,
      reason,
      alerts: bodies.map((body) => ({ type: body.type, ...body.data })),
    },
  };
}

/**
 * What chat and e-mail show of a group: the most urgent severity, a line per alert, and each
 * alert's headline as a fact. No acknowledgement link: each alert has its own.
 */
export function groupedContent(body: GroupedWebhookBody): NotificationContent {
  const contents = body.data.alerts.map((data) =>
    notificationContent({ type: 'milestone.reminder', timestamp: body.timestamp, data }),
  );
  const first = contents[0];
  if (!first) throw new RangeError('a grouped notification needs at least one alert');
  const severity = contents
    .map((content) => content.severity)
    .reduce((a, b) => (compareSeverity(a, b) >= 0 ? a : b));
  return {
    alertId: first.alertId,
    milestoneId: first.milestoneId,
    severity,
    headline: `${contents.length} alerts (${body.data.reason})`,
    summary: contents.map((content) => `• ${content.summary}`).join('\n'),
    facts: contents.map((content, index): [string, string] => [
      `${index + 1}. ${content.dueDate}`,
      content.headline,
    ]),
    evidence: '',
    dueDate: first.dueDate,
    title: `${contents.length} alerts`,
    ackUrl: null,
    resolved: false,
  };
}

/** The `webhook-id` of a group: the same for the same deliveries, so a resend is recognised. */
export function groupedNotificationIdFor(deliveryIds: readonly string[]): string {
  return uuidV5([...deliveryIds].sort().join(','), GROUPED_NOTIFICATION_NAMESPACE);
}
