import type { AlertWebhookBody } from '../alert-notification';
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
}

const SEVERITY_MARK: Record<Severity, string> = {
  critical: '🔴',
  high: '🟠',
  medium: '🟡',
  low: '🔵',
  info: '⚪',
};

export function severityMark(severity: Severity): string {
  return SEVERITY_MARK[severity];
}

export function notificationContent(body: AlertWebhookBody): NotificationContent {
  const { data } = body;
  const agreement = data.agreementTitle ?? `agreement ${data.agreementId}`;
  return {
    alertId: data.alertId,
    milestoneId: data.milestoneId,
    severity: data.severity,
    headline: `${capitalise(data.when)}: ${oneLine(data.title)}`,
    summary: data.summary,
    facts: [
      ['Due', data.dueDate],
      ['When', data.when],
      ['Severity', data.severity],
      ['Category', data.category],
      ['Agreement', oneLine(agreement)],
    ],
    evidence: oneLine(data.evidence.text),
    dueDate: data.dueDate,
    title: oneLine(data.title),
    ackUrl: data.ackUrl ?? null,
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
