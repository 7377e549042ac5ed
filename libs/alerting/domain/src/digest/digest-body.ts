import type { AlertWebhookBody } from '../alert-notification';
import { compareSeverity, severities } from '../severity';
import type { Severity } from '../severity';

/** The `type` of a receiver's daily summary. */
export const ALERTS_DIGEST_WEBHOOK_TYPE = 'milestone.digest';

/** Where an alert of a digest stands when the digest goes. */
export type DigestAlertState = 'firing' | 'acknowledged' | 'resolved';

/**
 * An alert as a digest lists it: its firing notification's data (the ack link only while nobody
 * acknowledged it), and what became of it since.
 */
export type DigestAlert = AlertWebhookBody['data'] & {
  state: DigestAlertState;
  firedAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  /** The milestone status that resolved it: met, waived or cancelled. */
  resolution: string | null;
  resolvedAt: string | null;
};

/** A receiver's daily summary. Receivers depend on this shape: add fields, never rename one. */
export interface DigestWebhookBody {
  type: typeof ALERTS_DIGEST_WEBHOOK_TYPE;
  /** When the digest was due. */
  timestamp: string;
  data: {
    digestId: string;
    receiver: string;
    /** The local day it summarises up to, in `timeZone`. */
    date: string;
    timeZone: string;
    /** The previous digest's time: `alerts` fired from then until `until`. */
    since: string;
    until: string;
    /** How many alerts fired in the period. */
    count: number;
    /** How many of `alerts` have each severity. */
    bySeverity: Record<Severity, number>;
    /** What fired since the last digest, most urgent first (overdue is critical). */
    alerts: DigestAlert[];
    /** Overdue alerts of earlier periods that are still not resolved. */
    stillOpen: DigestAlert[];
  };
}

export interface DigestInput {
  digestId: string;
  receiver: string;
  date: string;
  timeZone: string;
  since: Date;
  until: Date;
  alerts: readonly DigestAlert[];
  stillOpen: readonly DigestAlert[];
}

export function buildDigestBody(input: DigestInput): DigestWebhookBody {
  const alerts = [...input.alerts].sort(mostUrgentFirst);
  const bySeverity = Object.fromEntries(severities.map((severity) => [severity, 0])) as Record<
    Severity,
    number
  >;
  for (const alert of alerts) bySeverity[alert.severity] += 1;
  return {
    type: ALERTS_DIGEST_WEBHOOK_TYPE,
    timestamp: input.until.toISOString(),
    data: {
      digestId: input.digestId,
      receiver: input.receiver,
      date: input.date,
      timeZone: input.timeZone,
      since: input.since.toISOString(),
      until: input.until.toISOString(),
      count: alerts.length,
      bySeverity,
      alerts,
      stillOpen: [...input.stillOpen].sort(mostUrgentFirst),
    },
  };
}

/** True when there is nothing to tell: no alert fired and none is still open overdue. */
export function isEmptyDigest(body: DigestWebhookBody): boolean {
  return body.data.alerts.length === 0 && body.data.stillOpen.length === 0;
}

/** The alerts of a digest in sections, most urgent severity first; empty sections left out. */
export function bySeveritySections(
  alerts: readonly DigestAlert[],
): { severity: Severity; alerts: DigestAlert[] }[] {
  return [...severities]
    .reverse()
    .map((severity) => ({ severity, alerts: alerts.filter((a) => a.severity === severity) }))
    .filter((section) => section.alerts.length > 0);
}

/** By severity (overdue first), then the earliest due date, then title. */
function mostUrgentFirst(a: DigestAlert, b: DigestAlert): number {
  return (
    compareSeverity(b.severity, a.severity) ||
    a.dueDate.localeCompare(b.dueDate) ||
    a.title.localeCompare(b.title)
  );
}
