import fc from 'fast-check';

import { distinctRounds } from './distinct-rounds';

describe('distinctRounds', () => {
  it('keeps items with distinct keys in one round, in their order', () => {
    expect(distinctRounds(['a', 'b', 'c'], (key) => key)).toEqual([['a', 'b', 'c']]);
  });

  it('puts a second change of the same key into the next round', () => {
    const changes = [
      { id: 'm1', status: 'due' },
      { id: 'm2', status: 'due' },
      { id: 'm1', status: 'overdue' },
      { id: 'm1', status: 'met' },
    ];
    expect(distinctRounds(changes, (change) => change.id)).toEqual([
      [changes[0], changes[1]],
      [changes[2]],
      [changes[3]],
    ]);
  });

  it('answers no rounds for no items', () => {
    expect(distinctRounds([], String)).toEqual([]);
  });

  it('never repeats a key in a round, loses nothing and keeps each key in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.nat())), (items) => {
        const rounds = distinctRounds(items, ([key]) => key);
        for (const round of rounds)
          expect(new Set(round.map(([key]) => key)).size).toBe(round.length);
        expect(rounds.flat()).toHaveLength(items.length);
        for (const key of ['a', 'b', 'c'])
          expect(rounds.flat().filter(([k]) => k === key)).toEqual(
            items.filter(([k]) => k === key),
          );
      }),
    );
  });
});
