import { calendarDateIn, offsetMs, wallClock, zonedInstant } from './zoned-time';

describe('zoned time', () => {
  it('finds the instant a wall clock shows, in summer and in winter', () => {
    // New York is four hours behind UTC under daylight saving time, five outside it.
    expect(zonedInstant('2026-07-06', '09:00', 'America/New_York').toISOString()).toBe(
      '2026-07-06T13:00:00.000Z',
    );
    expect(zonedInstant('2026-01-06', '09:00', 'America/New_York').toISOString()).toBe(
      '2026-01-06T14:00:00.000Z',
    );
  });

  it('reads UTC, under any of its names, as never ahead', () => {
    for (const timeZone of ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']) {
      expect(zonedInstant('2026-07-06', '09:00:30', timeZone).toISOString()).toBe(
        '2026-07-06T09:00:30.000Z',
      );
      expect(offsetMs(new Date('2026-07-01T12:00:00Z'), timeZone)).toBe(0);
    }
  });

  it('follows a zone that is at UTC only in winter', () => {
    expect(offsetMs(new Date('2026-01-15T12:00:00Z'), 'Europe/London')).toBe(0);
    expect(offsetMs(new Date('2026-07-15T12:00:00Z'), 'Europe/London')).toBe(3_600_000);
    // Clocks go forward at 01:00 UTC on 29 March 2026.
    expect(wallClock(new Date('2026-03-29T00:30:00Z'), 'Europe/London')).toEqual({
      date: '2026-03-29',
      time: '00:30:00.000',
    });
    expect(wallClock(new Date('2026-03-29T01:30:00Z'), 'Europe/London')).toEqual({
      date: '2026-03-29',
      time: '02:30:00.000',
    });
  });

  it('tells the calendar date in the zone, not in UTC', () => {
    expect(calendarDateIn(new Date('2026-07-06T02:00:00Z'), 'America/New_York')).toBe('2026-07-05');
    expect(calendarDateIn(new Date('2026-07-06T02:00:00Z'), 'UTC')).toBe('2026-07-06');
  });
});
