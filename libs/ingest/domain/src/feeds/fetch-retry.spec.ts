import { backoffMs, decideRetry, retryAfterMs, sourceBackoffUntil, verdictOf } from './fetch-retry';

const now = new Date('2026-01-10T12:00:00Z');
const policy = { budget: 4, baseMs: 1_000, maxMs: 5_000 };
const transient = (retryAfter: number | null = null) => ({
  kind: 'transient' as const,
  reason: 'answered 503',
  retryAfterMs: retryAfter,
});

describe('verdictOf', () => {
  it('treats network errors, timeouts, 408, 429 and 5xx as transient, with Retry-After', () => {
    expect(verdictOf({ kind: 'error', message: 'timed out after 15000 ms' }, now)).toEqual({
      kind: 'transient',
      reason: 'timed out after 15000 ms',
      retryAfterMs: null,
    });
    expect(verdictOf({ kind: 'status', status: 429, retryAfter: '120' }, now)).toEqual({
      kind: 'transient',
      reason: 'answered 429',
      retryAfterMs: 120_000,
    });
    for (const status of [408, 500, 502, 503, 504]) {
      expect(verdictOf({ kind: 'status', status, retryAfter: null }, now).kind).toBe('transient');
    }
  });

  it('treats other 4xx as permanent and 2xx as success', () => {
    for (const status of [400, 401, 403, 404, 410, 451]) {
      expect(verdictOf({ kind: 'status', status, retryAfter: null }, now)).toEqual({
        kind: 'permanent',
        reason: `answered ${status}`,
      });
    }
    expect(verdictOf({ kind: 'status', status: 200, retryAfter: null }, now)).toEqual({
      kind: 'ok',
    });
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates; a date in the past means now; garbage means nothing', () => {
    expect(retryAfterMs('30', now)).toBe(30_000);
    // 12:02:30 is two and a half minutes after 12:00:00.
    expect(retryAfterMs('Sat, 10 Jan 2026 12:02:30 GMT', now)).toBe(150_000);
    expect(retryAfterMs('Sat, 10 Jan 2026 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});

describe('backoffMs', () => {
  it('doubles per retry, between half and all of the ceiling, capped', () => {
    // Ceilings 1000, 2000, 4000, then 8000 capped to 5000.
    expect(backoffMs(1, 1_000, 5_000, 0)).toBe(500);
    expect(backoffMs(1, 1_000, 5_000, 0.5)).toBe(750);
    expect(backoffMs(2, 1_000, 5_000, 0)).toBe(1_000);
    expect(backoffMs(3, 1_000, 5_000, 0.75)).toBe(3_500);
    expect(backoffMs(4, 1_000, 5_000, 0)).toBe(2_500);
    expect(backoffMs(4, 1_000, 5_000, 0.999)).toBe(4_998);
  });
});

describe('decideRetry', () => {
  it('retries after the jittered backoff while the budget lasts', () => {
    // Attempt 2 failed: ceiling 2000, random 0.5 → 1500 ms.
    expect(decideRetry(2, transient(), policy, now, 0.5)).toEqual({
      kind: 'retry',
      at: new Date('2026-01-10T12:00:01.500Z'),
      attempts: 2,
      reason: 'answered 503',
    });
  });

  it('waits for Retry-After when it is later than the backoff, but no longer than the cap', () => {
    expect(decideRetry(1, transient(3_000), policy, now, 0)).toMatchObject({
      at: new Date('2026-01-10T12:00:03.000Z'),
    });
    expect(decideRetry(1, transient(3_600_000), policy, now, 0)).toMatchObject({
      at: new Date('2026-01-10T12:00:05.000Z'),
    });
  });

  it('gives up with the reason once the budget is spent', () => {
    expect(decideRetry(4, transient(), policy, now, 0.5)).toEqual({
      kind: 'failed',
      attempts: 4,
      reason: 'answered 503 (after 4 attempts)',
    });
  });
});

describe('sourceBackoffUntil', () => {
  it('doubles the interval per failure in a row, capped, and honours Retry-After', () => {
    const hour = 3_600_000;
    // Interval 15 min: first failure 15 min, third 60 min, sixth 480 min capped at 6 h.
    expect(sourceBackoffUntil(1, 900_000, transient(), 6 * hour, now)).toEqual(
      new Date('2026-01-10T12:15:00Z'),
    );
    expect(sourceBackoffUntil(3, 900_000, transient(), 6 * hour, now)).toEqual(
      new Date('2026-01-10T13:00:00Z'),
    );
    expect(sourceBackoffUntil(6, 900_000, transient(), 6 * hour, now)).toEqual(
      new Date('2026-01-10T18:00:00Z'),
    );
    expect(sourceBackoffUntil(1, 900_000, transient(2 * hour), 6 * hour, now)).toEqual(
      new Date('2026-01-10T14:00:00Z'),
    );
  });
});
