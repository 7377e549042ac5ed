import type { EscalatedWebhookBody } from '../alert-escalation';
import type { AlertWebhookBody } from '../alert-notification';
import type { ResolvedWebhookBody } from '../alert-resolution';
import type { Severity } from '../severity';

/** What every format shows of an alert, whatever its layout. */
export interface NotificationContent {
  alertId: string;
  milestoneId: string;
  severity: Severity;
  /** Short, for a subject line or a card title. */
  headline: string;
  /** The one line a person reads on a phone. */
  summary: string;
  facts: [label: string, value: string][];
  evidence: string;
  dueDate: string;
  title: string;
  /** A one-click acknowledgement link, when the alert has one. */
  ackUrl: string | null;
  /** True for the notification that an alert is closed. */
  resolved: boolean;
}

const SEVERITY_MARK: Record<Severity, string> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  info: '⚪',
};

const RESOLVED_MARK = '✅';

export function severityMark(content: Pick<NotificationContent, 'severity' | 'resolved'>): string {
  return content.resolved ? RESOLVED_MARK : SEVERITY_MARK[content.severity];
}

export function notificationContent(
  body: AlertWebhookBody | ResolvedWebhookBody | EscalatedWebhookBody,
): NotificationContent {
  const { data } = body;
  const agreement = data.agreementTitle ?? `agreement ${data.agreementId}`;
  const resolution = 'resolution' in data ? data.resolution : null;
  const escalation = 'escalation' in data ? data.escalation : null;
  const escalated = escalation ? `Escalated (level ${escalation.level}): ` : '';
  return {
    alertId: data.alertId,
    milestoneId: data.milestoneId,
    severity: data.severity,
    headline: resolution
      ? `Resolved (${resolution.milestoneStatus}): ${oneLine(data.title)}`
      : `${escalated}${capitalise(data.when)}: ${oneLine(data.title)}`,
    summary: data.summary,
    resolved: resolution !== null,
    facts: [
      ...(resolution
        ? ([['Resolved', `${resolution.milestoneStatus} by ${resolution.actor}`]] as [
            string,
            string,
          ][])
        : []),
      ...(escalation
        ? ([
            [
              'Escalated',
              `level ${escalation.level}, unacknowledged since ${escalation.firingSince}`,
            ],
          ] as [string, string][])
        : []),
      ['Due', data.dueDate],
      ['When', data.when],
      ['Severity', data.severity],
      ['Category', data.category],
      ['Agreement', oneLine(agreement)],
    ],
    evidence: oneLine(data.evidence.text),
    dueDate: data.dueDate,
    title: oneLine(data.title),
    ackUrl: resolution ? null : (data.ackUrl ?? null),
  };
}

export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts to `max` characters with an ellipsis, for fields with a length limit. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
