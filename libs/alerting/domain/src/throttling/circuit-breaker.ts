/**
 * A receiver's circuit breaker: after `failureThreshold` failures in a row nothing is sent to it
 * for `cooldownMs`; then it is half-open and one trial goes: a success closes it, a failure opens it
 * again for another cool-down.
 */
export interface BreakerPolicy {
  failureThreshold: number;
  cooldownMs: number;
}

/** What is stored of a breaker (in Redis); all-empty is closed. */
export interface BreakerRecord {
  consecutiveFailures: number;
  /** Epoch ms until which it stays open; null when it never opened since the last success. */
  openUntil: number | null;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerView {
  state: BreakerState;
  consecutiveFailures: number;
  /** While open: when the trial may go. */
  openUntil: Date | null;
}

export function breakerView(record: BreakerRecord, now: Date): BreakerView {
  if (record.openUntil === null) {
    return { state: 'closed', consecutiveFailures: record.consecutiveFailures, openUntil: null };
  }
  const open = now.getTime() < record.openUntil;
  return {
    state: open ? 'open' : 'half-open',
    consecutiveFailures: record.consecutiveFailures,
    openUntil: open ? new Date(record.openUntil) : null,
  };
}

/** Whether the breaker opens after one more failure (a failed trial always reopens it). */
export function opensAfterFailure(record: BreakerRecord, policy: BreakerPolicy): boolean {
  return record.openUntil !== null || record.consecutiveFailures + 1 >= policy.failureThreshold;
}
