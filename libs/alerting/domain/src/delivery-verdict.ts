import { parseRetryAfter } from './retry-after';

/** What happened when one webhook request was sent. */
export type HttpOutcome =
  | { kind: 'response'; status: number; retryAfter: string | null; body: string }
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'connection-error'; message: string }
  /** Not sent at all: the destination is not one we may call (SSRF guard, OUTBOUND_ALLOWLIST). */
  | { kind: 'refused'; reason: string };

export type DeliveryVerdict =
  | { kind: 'delivered' }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null }
  | { kind: 'permanent'; reason: string };

/** Statuses that say "not now" rather than "never". */
const RETRYABLE_CLIENT_ERRORS = new Set([408, 429]);
/** Statuses whose Retry-After we honour, as RFC 9110 defines it for them. */
const HONOURS_RETRY_AFTER = new Set([429, 503]);
const MAX_BODY_IN_REASON = 200;

/**
 * Judges one attempt. 2xx is delivered. 5xx, 408, 429, timeouts and connection errors may pass, so
 * they are retried. Any other answer (another 4xx, a redirect, which we do not follow because it
 * would send a signed alert somewhere else) will not change by itself: it is permanent. So is a
 * destination the SSRF guard refused: only a configuration change can let it through.
 */
export function judgeOutcome(outcome: HttpOutcome, now: Date): DeliveryVerdict {
  switch (outcome.kind) {
    case 'timeout':
      return {
        kind: 'retry',
        reason: `no answer within ${outcome.timeoutMs} ms`,
        retryAfterMs: null,
      };
    case 'connection-error':
      return { kind: 'retry', reason: `connection failed: ${outcome.message}`, retryAfterMs: null };
    case 'refused':
      return { kind: 'permanent', reason: `destination refused: ${outcome.reason}` };
    case 'response':
      return judgeResponse(outcome, now);
  }
}

function judgeResponse(
  { status, retryAfter, body }: Extract<HttpOutcome, { kind: 'response' }>,
  now: Date,
): DeliveryVerdict {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  const reason = describeStatus(status, body);
  if (status >= 500 || RETRYABLE_CLIENT_ERRORS.has(status)) {
    const retryAfterMs = HONOURS_RETRY_AFTER.has(status) ? parseRetryAfter(retryAfter, now) : null;
    return { kind: 'retry', reason, retryAfterMs };
  }
  return { kind: 'permanent', reason };
}

function describeStatus(status: number, body: string): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (!text) return `HTTP ${status}`;
  const clipped = text.length > MAX_BODY_IN_REASON ? `${text.slice(0, MAX_BODY_IN_REASON)}…` : text;
  return `HTTP ${status}: ${clipped}`;
}
