import { pauseUntil } from './pause-until';

const now = new Date('2026-04-28T09:00:00.000Z');
const later = (ms: number) => new Date(now.getTime() + ms);

describe('pauseUntil', () => {
  it('sleeps until the next thing falls due', () => {
    expect(pauseUntil(later(120), now, 2_000)).toBe(120);
  });

  it('sleeps no longer than the poll interval', () => {
    expect(pauseUntil(later(60_000), now, 2_000)).toBe(2_000);
    expect(pauseUntil(null, now, 2_000)).toBe(2_000);
  });

  it('pauses briefly, not at all, for what is already due', () => {
    expect(pauseUntil(later(-500), now, 2_000)).toBe(5);
  });
});
