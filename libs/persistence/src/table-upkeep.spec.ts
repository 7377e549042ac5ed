import fc from 'fast-check';

import { upkeepPauseMs } from './table-upkeep';

describe('the pause between two looks at the tables', () => {
  it('is the interval give or take a quarter, whatever the draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_600_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (intervalMs, draw) => {
          const pause = upkeepPauseMs(intervalMs, () => draw);
          expect(pause).toBeGreaterThanOrEqual(Math.floor(intervalMs * 0.75));
          expect(pause).toBeLessThanOrEqual(Math.ceil(intervalMs * 1.25));
        },
      ),
    );
  });

  it('is the interval itself for a middling draw, so the interval stays the average', () => {
    expect(upkeepPauseMs(30_000, () => 0.5)).toBe(30_000);
  });

  it('differs between draws, so services started together drift apart', () => {
    expect(upkeepPauseMs(30_000, () => 0)).toBe(22_500);
    expect(upkeepPauseMs(30_000, () => 0.999)).toBe(37_485);
  });
});
