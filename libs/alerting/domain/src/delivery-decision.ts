import type { DeliveryVerdict } from './delivery-verdict';
import { backoffDelayMs } from './retry-backoff';
import type { BackoffPolicy } from './retry-backoff';

export interface RetryPolicy extends BackoffPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
}

/** What becomes of a delivery after an attempt. */
export type DeliveryDecision =
  | { status: 'delivered' }
  | { status: 'pending'; nextAttemptAt: Date; reason: string }
  | { status: 'dead'; reason: string };

/**
 * Decides after attempt number `attempt`. A retryable failure waits for the receiver's Retry-After
 * when it sent one, else the jittered backoff; either way no longer than `maxMs`, so one receiver
 * cannot park an alert for days. Once the budget is spent, or on a permanent failure, it is dead.
 */
export function decideAfterAttempt(
  verdict: DeliveryVerdict,
  attempt: number,
  policy: RetryPolicy,
  now: Date,
  random: () => number,
): DeliveryDecision {
  switch (verdict.kind) {
    case 'delivered':
      return { status: 'delivered' };
    case 'permanent':
      return { status: 'dead', reason: `rejected: ${verdict.reason}` };
    case 'retry': {
      if (attempt >= policy.maxAttempts) {
        return {
          status: 'dead',
          reason: `gave up after ${attempt} attempts: ${verdict.reason}`,
        };
      }
      const delay = Math.min(
        verdict.retryAfterMs ?? backoffDelayMs(attempt, policy, random),
        policy.maxMs,
      );
      return {
        status: 'pending',
        nextAttemptAt: new Date(now.getTime() + delay),
        reason: verdict.reason,
      };
    }
  }
}
