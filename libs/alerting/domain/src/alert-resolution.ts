import { uuidV5 } from './alert-identity';
import type { AlertWebhookBody } from './alert-notification';

const RESOLVED_NAMESPACE = '9d2c4b6a-1e3f-4a5b-8c7d-0e1f2a3b4c5d';

/** The `type` of the body that tells a receiver an alert it got is closed. */
export const ALERT_RESOLVED_WEBHOOK_TYPE = 'milestone.resolved';

export interface AlertResolution {
  /** The milestone's new status. */
  milestoneStatus: 'met' | 'waived' | 'cancelled';
  actor: string;
  reason: string | null;
  resolvedAt: string;
}

/** The firing body with the resolution added: receivers see the same alert, now closed. */
export interface ResolvedWebhookBody {
  type: typeof ALERT_RESOLVED_WEBHOOK_TYPE;
  timestamp: string;
  data: AlertWebhookBody['data'] & { resolution: AlertResolution };
}

export function buildResolvedBody(
  firing: AlertWebhookBody,
  resolution: AlertResolution,
): ResolvedWebhookBody {
  const { ackUrl: _ackUrl, ...data } = firing.data;
  const summary = `Resolved (${resolution.milestoneStatus}): ${data.title.replace(/\s+/g, ' ').trim()}`;
  return {
    type: ALERT_RESOLVED_WEBHOOK_TYPE,
    timestamp: resolution.resolvedAt,
    data: { ...data, summary, resolution },
  };
}

/** The `webhook-id` of an alert's resolved notification: stable, and not the firing one's. */
export function resolvedNotificationIdFor(alertId: string): string {
  return uuidV5(alertId.toLowerCase(), RESOLVED_NAMESPACE);
}
