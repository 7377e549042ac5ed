import type { MilestoneReminderV1 } from '@dealwatch/contracts';

import { alertIdFor } from './alert-identity';
import { offsetInWords } from './offset-in-words';
import { OVERDUE } from './reminder-offset';
import { severityOf } from './severity';
import type { Severity } from './severity';

/** The `type` of the webhook body, in the Standard Webhooks `{ type, timestamp, data }` layout. */
export const ALERT_WEBHOOK_TYPE = 'milestone.reminder';

/** What a receiver gets. Receivers depend on this shape: add fields, never rename or remove one. */
export interface AlertWebhookBody {
  type: typeof ALERT_WEBHOOK_TYPE;
  /** When the reminder fired. */
  timestamp: string;
  data: {
    alertId: string;
    reminderId: string;
    milestoneId: string;
    agreementId: string;
    agreementTitle: string | null;
    title: string;
    category: string;
    severity: Severity;
    /** The reminder's offset as sent by the scheduler: an ISO 8601 duration or `overdue`. */
    offset: string;
    /** The offset in words: "due in 7 days", "overdue since 2026-04-29". */
    when: string;
    dueDate: string;
    /** One line a person can read on a phone. */
    summary: string;
    /** True when the reminder went out well after it was planned. */
    late: boolean;
    scheduledFor: string;
    /** The agreement's sentence the milestone comes from. */
    evidence: { text: string; span: [number, number] | null };
    /** A signed one-click acknowledgement link, when the service has a public URL for it. */
    ackUrl?: string | null;
  };
}

export interface AlertNotification {
  alertId: string;
  severity: Severity;
  when: string;
  summary: string;
  body: AlertWebhookBody;
}

/** Turns a reminder into the alert receivers get; the same reminder always gives the same alert. */
export function buildAlertNotification(reminder: MilestoneReminderV1): AlertNotification {
  const alertId = alertIdFor(reminder.reminderId);
  const severity = severityOf(reminder.offset);
  const when = describeWhen(reminder.offset, reminder.dueDate);
  const summary = summarise(reminder, when);
  return {
    alertId,
    severity,
    when,
    summary,
    body: {
      type: ALERT_WEBHOOK_TYPE,
      timestamp: reminder.firedAt,
      data: {
        alertId,
        reminderId: reminder.reminderId,
        milestoneId: reminder.milestoneId,
        agreementId: reminder.agreementId,
        agreementTitle: reminder.agreementTitle ?? null,
        title: reminder.title,
        category: reminder.category,
        severity,
        offset: reminder.offset,
        when,
        dueDate: reminder.dueDate,
        summary,
        late: reminder.late,
        scheduledFor: reminder.scheduledFor,
        evidence: { text: reminder.evidence.text, span: reminder.evidence.span ?? null },
      },
    },
  };
}

/**
 * A milestone due on a date is met until that day ends, so it is overdue from the day after; the
 * words name that day rather than the due date, which would read as one day too early.
 */
function describeWhen(offset: string, dueDate: string): string {
  if (offset === OVERDUE) return `overdue since ${nextDay(dueDate)}`;
  return offsetInWords(offset) ?? `due on ${dueDate}`;
}

function summarise(reminder: MilestoneReminderV1, when: string): string {
  const dueNote =
    reminder.offset === OVERDUE
      ? ` (was due ${reminder.dueDate})`
      : when.includes(reminder.dueDate)
        ? ''
        : ` (${reminder.dueDate})`;
  const agreement = reminder.agreementTitle
    ? `"${oneLine(reminder.agreementTitle)}"`
    : `agreement ${reminder.agreementId}`;
  const late = reminder.late ? ` Sent late: planned for ${reminder.scheduledFor}.` : '';
  return `${capitalise(when)}${dueNote}: ${oneLine(reminder.title)} — ${agreement}.${late}`;
}

function nextDay(calendarDate: string): string {
  const [year, month, day] = calendarDate.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, (day ?? 1) + 1)).toISOString().slice(0, 10);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
