import { rateWindow, windowStart } from './rate-limiter';

describe('rateWindow', () => {
  const minute = Date.parse('2026-01-05T10:00:00Z');

  it('allows up to the limit in one minute, counting down what remains', () => {
    expect(rateWindow(minute + 15_000, 1, 3)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetSeconds: 45,
    });
    expect(rateWindow(minute + 15_000, 3, 3)).toMatchObject({ allowed: true, remaining: 0 });
    expect(rateWindow(minute + 59_500, 4, 3)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetSeconds: 1,
    });
  });

  it('starts a new window on each minute', () => {
    expect(windowStart(minute + 59_999)).toBe(minute);
    expect(windowStart(minute + 60_000)).toBe(minute + 60_000);
  });
});
