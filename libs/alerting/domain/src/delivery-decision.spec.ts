import { decideAfterAttempt } from './delivery-decision';

const policy = { maxAttempts: 3, baseMs: 1_000, maxMs: 60_000 };
const now = new Date('2026-04-28T09:00:00.000Z');
const half = () => 0.5;
const at = (ms: number) => new Date(now.getTime() + ms);

describe('decideAfterAttempt', () => {
  it('marks an accepted alert delivered', () => {
    expect(decideAfterAttempt({ kind: 'delivered' }, 1, policy, now, half)).toEqual({
      status: 'delivered',
    });
  });

  it('gives up at once on a permanent failure, whatever budget is left', () => {
    expect(
      decideAfterAttempt({ kind: 'permanent', reason: 'HTTP 400' }, 1, policy, now, half),
    ).toEqual({ status: 'dead', reason: 'rejected: HTTP 400' });
  });

  it('schedules a retry after the jittered backoff of the attempts so far', () => {
    const failure = { kind: 'retry' as const, reason: 'HTTP 500', retryAfterMs: null };
    // Ceilings 1 s then 2 s; half of each, and a random half of the rest.
    expect(decideAfterAttempt(failure, 1, policy, now, half)).toEqual({
      status: 'pending',
      nextAttemptAt: at(750),
      reason: 'HTTP 500',
    });
    expect(decideAfterAttempt(failure, 2, policy, now, half)).toEqual({
      status: 'pending',
      nextAttemptAt: at(1_500),
      reason: 'HTTP 500',
    });
  });

  it('waits as long as Retry-After asks instead of the backoff', () => {
    const busy = { kind: 'retry' as const, reason: 'HTTP 429', retryAfterMs: 30_000 };
    expect(decideAfterAttempt(busy, 1, policy, now, half)).toMatchObject({
      nextAttemptAt: at(30_000),
    });
  });

  it('caps a Retry-After longer than the longest wait allowed', () => {
    const busy = { kind: 'retry' as const, reason: 'HTTP 503', retryAfterMs: 86_400_000 };
    expect(decideAfterAttempt(busy, 1, policy, now, half)).toMatchObject({
      nextAttemptAt: at(60_000),
    });
  });

  it('gives up when the last attempt of the budget fails, saying how often it tried', () => {
    const failure = { kind: 'retry' as const, reason: 'no answer within 5000 ms', retryAfterMs: 0 };
    expect(decideAfterAttempt(failure, 3, policy, now, half)).toEqual({
      status: 'dead',
      reason: 'gave up after 3 attempts: no answer within 5000 ms',
    });
  });
});
