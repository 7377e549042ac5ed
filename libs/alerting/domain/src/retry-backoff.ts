export interface BackoffPolicy {
  /** The ceiling of the first wait; each failure doubles it. */
  baseMs: number;
  /** No wait is ever longer. */
  maxMs: number;
}

/**
 * Exponential backoff with equal jitter: after the n-th failed attempt, wait at least half of
 * min(maxMs, baseMs * 2^(n-1)) and a uniformly random time up to the rest. The randomness spreads
 * retries of many alerts to one receiver that failed at once, instead of them all coming back
 * together; the floor keeps a retry from coming straight back to a receiver that has just failed,
 * where it could only add a failure (and open its breaker sooner). `random` returns a value in [0, 1).
 */
export function backoffDelayMs(
  failedAttempts: number,
  policy: BackoffPolicy,
  random: () => number,
): number {
  if (!Number.isInteger(failedAttempts) || failedAttempts < 1) {
    throw new RangeError(`failedAttempts must be a positive integer, got ${failedAttempts}`);
  }
  // Capping the exponent keeps 2^n finite; by then the ceiling is maxMs anyway.
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(failedAttempts - 1, 52));
  const fraction = Math.min(Math.max(random(), 0), 1);
  return Math.floor(ceiling / 2 + (fraction * ceiling) / 2);
}
