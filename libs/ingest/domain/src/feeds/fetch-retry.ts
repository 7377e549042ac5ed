/** What one request ended with, as the retry decisions need it. */
export type FetchOutcome =
  | { kind: 'error'; message: string }
  | { kind: 'status'; status: number; retryAfter: string | null };

/** Transient: worth asking again later (network error, timeout, 408, 429, 5xx). */
export type FetchVerdict =
  | { kind: 'ok' }
  | { kind: 'transient'; reason: string; retryAfterMs: number | null }
  | { kind: 'permanent'; reason: string };

export interface RetryPolicy {
  /** Attempts in all (the first included) before an item is marked failed. */
  budget: number;
  /** Delay before the second attempt; each later one doubles it. */
  baseMs: number;
  /** Longest delay between two attempts. */
  maxMs: number;
}

/** A retry, or a failure with its reason. `attempts` counts the attempt just made. */
export type RetryDecision =
  | { kind: 'retry'; at: Date; attempts: number; reason: string }
  | { kind: 'failed'; attempts: number; reason: string };

/** Seconds or an HTTP date, as milliseconds from `now`; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

export function verdictOf(outcome: FetchOutcome, now: Date): FetchVerdict {
  if (outcome.kind === 'error') {
    return { kind: 'transient', reason: outcome.message, retryAfterMs: null };
  }
  const { status } = outcome;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  const reason = `answered ${status}`;
  if (status === 408 || status === 429 || status >= 500) {
    return { kind: 'transient', reason, retryAfterMs: retryAfterMs(outcome.retryAfter, now) };
  }
  return { kind: 'permanent', reason };
}

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of
 * min(maxMs, baseMs * 2^(n-1)); `random` is in [0, 1).
 */
export function backoffMs(retry: number, baseMs: number, maxMs: number, random: number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** After a transient failure of attempt number `attempts`: when to try again, or give up. */
export function decideRetry(
  attempts: number,
  verdict: Extract<FetchVerdict, { kind: 'transient' }>,
  policy: RetryPolicy,
  now: Date,
  random: number,
): RetryDecision {
  if (attempts >= policy.budget) {
    return { kind: 'failed', attempts, reason: `${verdict.reason} (after ${attempts} attempts)` };
  }
  const delay = Math.max(
    backoffMs(attempts, policy.baseMs, policy.maxMs, random),
    Math.min(verdict.retryAfterMs ?? 0, policy.maxMs),
  );
  return { kind: 'retry', at: new Date(now.getTime() + delay), attempts, reason: verdict.reason };
}

/**
 * When a source whose feed failed transiently `failures` times in a row is next polled: its interval
 * doubled per failure beyond the first, capped at `maxMs`, and never before Retry-After.
 */
export function sourceBackoffUntil(
  failures: number,
  intervalMs: number,
  verdict: Extract<FetchVerdict, { kind: 'transient' }>,
  maxMs: number,
  now: Date,
): Date {
  const doubled = Math.min(maxMs, intervalMs * 2 ** Math.max(0, failures - 1));
  const delay = Math.max(doubled, Math.min(verdict.retryAfterMs ?? 0, maxMs));
  return new Date(now.getTime() + delay);
}
