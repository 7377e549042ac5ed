import { quantile, summary } from './stats';

describe('quantile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.99)).toBe(99);
    expect(quantile(values, 1)).toBe(100);
    expect(quantile(values, 0)).toBe(1);
  });

  it('is NaN without values', () => {
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('summarises p50, p99 and max', () => {
    expect(summary([3, 1, 2])).toEqual({ p50: 2, p99: 3, max: 3 });
  });
});
