import { parseRetryAfter } from './retry-after';

const now = new Date('2026-04-28T09:00:00.000Z');

describe('parseRetryAfter', () => {
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date as the time left until then', () => {
    expect(parseRetryAfter('Tue, 28 Apr 2026 09:01:30 GMT', now)).toBe(90_000);
  });

  it('treats an HTTP-date in the past as "retry now"', () => {
    expect(parseRetryAfter('Tue, 28 Apr 2026 08:00:00 GMT', now)).toBe(0);
  });

  it('ignores a missing, negative, fractional or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('1.5', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
