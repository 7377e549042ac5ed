import type { DeliveryVerdict } from './delivery-verdict';

/** What happened when one e-mail was handed to the SMTP server. */
export type SmtpOutcome =
  | { kind: 'accepted'; responseCode: number | null }
  | { kind: 'failed'; responseCode: number | null; code: string | null; message: string };

/**
 * Judges one SMTP hand-over. Accepted is delivered (to the relay: what the mailbox does is beyond
 * us). A 5xx reply is permanent (RFC 5321: do not repeat the same transaction), and so are a refused
 * login and a missing SMTP_URL, which only a configuration change mends; a 4xx reply, a timeout or a lost connection may
 * pass, so it is retried.
 */
export function judgeSmtpOutcome(outcome: SmtpOutcome): DeliveryVerdict {
  if (outcome.kind === 'accepted') return { kind: 'delivered' };
  const reason = describe(outcome);
  const permanent =
    (outcome.responseCode !== null && outcome.responseCode >= 500) ||
    outcome.code === 'EAUTH' ||
    outcome.code === 'ENOTCONFIGURED';
  return permanent ? { kind: 'permanent', reason } : { kind: 'retry', reason, retryAfterMs: null };
}

function describe(outcome: Extract<SmtpOutcome, { kind: 'failed' }>): string {
  const message = outcome.message.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (outcome.responseCode !== null) return `SMTP ${outcome.responseCode}: ${message}`;
  return outcome.code ? `SMTP ${outcome.code}: ${message}` : `SMTP: ${message}`;
}
