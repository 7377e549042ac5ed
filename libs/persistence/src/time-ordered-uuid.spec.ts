import { timeOrderedUuid } from './time-ordered-uuid';

describe('timeOrderedUuid', () => {
  it('makes version 7 UUIDs, as any UUID column or validator takes them', () => {
    expect(timeOrderedUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('sorts ids in the order they were made, within one millisecond too', () => {
    const ids = Array.from({ length: 1000 }, () => timeOrderedUuid());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
