import fc from 'fast-check';

import { sizeBoundedGroups } from './size-bounded-groups';

const identity = (size: number) => size;

describe('size-bounded groups', () => {
  it('keeps small items together and starts a new group before the limit is passed', () => {
    expect(sizeBoundedGroups([300, 300, 300, 200, 600], identity, 1_000)).toEqual([
      [300, 300, 300],
      [200, 600],
    ]);
  });

  it('gives an item over the limit a group of its own', () => {
    expect(sizeBoundedGroups([100, 2_500, 100], identity, 1_000)).toEqual([[100], [2_500], [100]]);
  });

  it('gives nothing for nothing', () => {
    expect(sizeBoundedGroups([], identity, 1_000)).toEqual([]);
  });

  it('keeps every item once and in order, in as few groups as fit, each within the limit or alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 3_000 })),
        fc.integer({ min: 1, max: 2_000 }),
        (sizes, max) => {
          const groups = sizeBoundedGroups(sizes, identity, max);
          expect(groups.flat()).toEqual(sizes);
          const totals = groups.map((group) => group.reduce((sum, size) => sum + size, 0));
          for (const [index, group] of groups.entries()) {
            expect(totals[index]! <= max || group.length === 1).toBe(true);
            // A group ends only where its next item would not have fitted.
            const next = groups[index + 1]?.[0];
            if (next !== undefined) expect(totals[index]! + next).toBeGreaterThan(max);
          }
        },
      ),
    );
  });
});
