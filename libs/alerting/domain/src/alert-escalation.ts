import { approximateMs, parseIsoDuration } from '@dealwatch/time';

import { uuidV5 } from './alert-identity';
import type { AlertWebhookBody } from './alert-notification';
import type { EscalationPolicy } from './routing/route-tree';

const ESCALATED_NOTIFICATION_NAMESPACE = '2d7e9f1a-3b4c-4d5e-8f6a-7b8c9d0e1f2a';
const ESCALATED_EVENT_NAMESPACE = '8a9b0c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d';

/** The `type` of the body that tells a receiver an alert nobody acknowledged now reaches it. */
export const ALERT_ESCALATED_WEBHOOK_TYPE = 'milestone.escalated';

export interface AlertEscalation {
  /** 1 for the first escalation, and so on. */
  level: number;
  /** The receivers of this level. */
  receivers: string[];
  escalatedAt: string;
  /** When the alert was first sent: unacknowledged since then. */
  firingSince: string;
}

/** The firing body with the escalation added, so receivers see the same alert, now theirs too. */
export interface EscalatedWebhookBody {
  type: typeof ALERT_ESCALATED_WEBHOOK_TYPE;
  timestamp: string;
  data: AlertWebhookBody['data'] & { escalation: AlertEscalation };
}

export function buildEscalatedBody(
  firing: AlertWebhookBody,
  escalation: AlertEscalation,
): EscalatedWebhookBody {
  const summary = `Escalated (level ${escalation.level}, unacknowledged): ${firing.data.summary}`;
  return {
    type: ALERT_ESCALATED_WEBHOOK_TYPE,
    timestamp: escalation.escalatedAt,
    data: { ...firing.data, summary, escalation },
  };
}

/** How long an alert waits, unacknowledged, before each level: the policy's, or the default. */
export function escalationDelayMs(
  policy: Pick<EscalationPolicy, 'after'>,
  fallback: string,
): number {
  return approximateMs(parseIsoDuration(policy.after ?? fallback));
}

/**
 * What the next escalation after `level` (0 before the first) is: its receivers, and when the one
 * after it is due (null after the last level).
 */
export function nextEscalation(
  levels: readonly string[][],
  level: number,
  escalatedAt: Date,
  delayMs: number,
): { level: number; receivers: string[]; nextAt: Date | null } | null {
  const receivers = levels[level];
  if (!receivers) return null;
  const next = level + 1;
  return {
    level: next,
    receivers,
    nextAt: next < levels.length ? new Date(escalatedAt.getTime() + delayMs) : null,
  };
}

/** The `webhook-id` of an alert's escalation notifications: stable, and not the firing one's. */
export function escalatedNotificationIdFor(alertId: string): string {
  return uuidV5(alertId.toLowerCase(), ESCALATED_NOTIFICATION_NAMESPACE);
}

/** The id of the `AlertEscalatedV1` event of one level: each level is announced once. */
export function escalatedEventIdFor(alertId: string, level: number): string {
  return uuidV5(`${alertId.toLowerCase()}#${level}`, ESCALATED_EVENT_NAMESPACE);
}
