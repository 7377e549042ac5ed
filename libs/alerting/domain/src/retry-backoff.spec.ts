import { backoffDelayMs } from './retry-backoff';

const policy = { baseMs: 1_000, maxMs: 300_000 };
const half = () => 0.5;

describe('backoffDelayMs', () => {
  it('doubles the ceiling with each failure and draws below it', () => {
    // Ceilings 1 s, 2 s, 4 s, 8 s; half of each, and half the rest.
    expect([1, 2, 3, 4].map((n) => backoffDelayMs(n, policy, half))).toEqual([
      750, 1_500, 3_000, 6_000,
    ]);
  });

  it('never exceeds the maximum, however many failures', () => {
    // 2^9 s = 512 s is past the 300 s cap.
    expect(backoffDelayMs(10, policy, half)).toBe(225_000);
    expect(backoffDelayMs(1_000, policy, () => 0.999999)).toBeLessThan(300_000);
  });

  it('spans the upper half of the range, so a retry never comes straight back (equal jitter)', () => {
    expect(backoffDelayMs(3, policy, () => 0)).toBe(2_000);
    expect(backoffDelayMs(3, policy, () => 0.999)).toBe(3_998);
  });

  it('keeps the wait between half the ceiling and the ceiling when the random source strays outside [0, 1)', () => {
    expect(backoffDelayMs(1, policy, () => -1)).toBe(500);
    expect(backoffDelayMs(1, policy, () => 7)).toBe(1_000);
  });

  it('refuses an attempt count that is not a positive integer', () => {
    expect(() => backoffDelayMs(0, policy, half)).toThrow(RangeError);
    expect(() => backoffDelayMs(1.5, policy, half)).toThrow(RangeError);
  });
});
