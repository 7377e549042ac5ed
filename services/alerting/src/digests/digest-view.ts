import type { DigestEntity, DigestStatus } from '@dealwatch/alerting/data-access';
import type { DigestWebhookBody } from '@dealwatch/alerting/domain';

/** A digest as the API shows it: when it goes, how it went, and what it says once fixed. */
export interface DigestView {
  /** Also its `webhook-id` and e-mail Message-ID. */
  id: string;
  receiver: string;
  dueAt: Date;
  date: string;
  timeZone: string;
  since: Date;
  status: DigestStatus;
  attemptCount: number;
  /** Only while another attempt is planned. */
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  lastError: string | null;
  sendEmpty: boolean;
  /** What it sends (the webhook body), fixed at its first attempt; null before. */
  content: DigestWebhookBody | null;
}

export function digestView(digest: DigestEntity): DigestView {
  return {
    id: digest.id,
    receiver: digest.receiver,
    dueAt: digest.dueAt,
    date: digest.localDate,
    timeZone: digest.timeZone,
    since: digest.since,
    status: digest.status,
    attemptCount: digest.attempts,
    nextAttemptAt: digest.status === 'pending' ? digest.nextAttemptAt : null,
    deliveredAt: digest.deliveredAt,
    lastError: digest.lastError,
    sendEmpty: digest.sendEmpty,
    content: digest.body === null ? null : (JSON.parse(digest.body) as DigestWebhookBody),
  };
}
