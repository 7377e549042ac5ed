import {
  digestIdFor,
  digestScheduleProblem,
  nextDigestAt,
  previousDigestAt,
} from './digest-schedule';

const berlin = { at: '08:00', timeZone: 'Europe/Berlin' };

describe('nextDigestAt', () => {
  it('is later the same local day when that time has not come yet, else the next day', () => {
    expect(nextDigestAt(berlin, new Date('2026-01-15T06:59:59.000Z'))).toEqual(
      new Date('2026-01-15T07:00:00.000Z'),
    );
    expect(nextDigestAt(berlin, new Date('2026-01-15T07:00:00.000Z'))).toEqual(
      new Date('2026-01-16T07:00:00.000Z'),
    );
  });

  it('keeps the local time across the change to and from summer time', () => {
    // Berlin moves to UTC+2 on 2026-03-29 and back to UTC+1 on 2026-10-25.
    expect(nextDigestAt(berlin, new Date('2026-03-28T07:00:00.000Z'))).toEqual(
      new Date('2026-03-29T06:00:00.000Z'),
    );
    expect(nextDigestAt(berlin, new Date('2026-10-24T06:00:00.000Z'))).toEqual(
      new Date('2026-10-25T07:00:00.000Z'),
    );
  });

  it('moves a time the clocks skip forward by the gap, and sends a repeated one once', () => {
    const night = { at: '02:30', timeZone: 'Europe/Berlin' };
    // 02:30 does not exist on 2026-03-29: 03:30 CEST. On 2026-10-25 it comes twice: one digest.
    expect(nextDigestAt(night, new Date('2026-03-28T12:00:00.000Z'))).toEqual(
      new Date('2026-03-29T01:30:00.000Z'),
    );
    const repeated = nextDigestAt(night, new Date('2026-10-24T12:00:00.000Z'));
    expect(nextDigestAt(night, repeated).getTime() - repeated.getTime()).toBeGreaterThan(
      23 * 3_600_000,
    );
  });

  it('reads the local day in the zone, not in UTC', () => {
    const tokyo = { at: '08:00', timeZone: 'Asia/Tokyo' };
    // 23:30Z on the 15th is already 08:30 on the 16th in Tokyo.
    expect(nextDigestAt(tokyo, new Date('2026-01-15T23:30:00.000Z'))).toEqual(
      new Date('2026-01-16T23:00:00.000Z'),
    );
  });
});

describe('previousDigestAt', () => {
  it('is the same local time a local day earlier, across a DST change', () => {
    expect(previousDigestAt(berlin, new Date('2026-03-29T06:00:00.000Z'))).toEqual(
      new Date('2026-03-28T07:00:00.000Z'),
    );
  });
});

describe('digestScheduleProblem', () => {
  it.each([
    ['8:00', 'Europe/Berlin', /HH:MM/],
    ['24:00', 'Europe/Berlin', /HH:MM/],
    ['08:00', 'Mars/Olympus', /IANA time zone/],
    ['08:00', '', /IANA time zone/],
  ])('names what is wrong with %s in %s', (at, timeZone, problem) => {
    expect(digestScheduleProblem(at, timeZone)).toMatch(problem);
  });

  it('accepts a time of day and a zone', () => {
    expect(digestScheduleProblem('23:59', 'America/New_York')).toBeNull();
  });
});

describe('digestIdFor', () => {
  it('is one id per receiver and due instant', () => {
    const dueAt = new Date('2026-01-16T07:00:00.000Z');
    expect(digestIdFor('ops', dueAt)).toBe(digestIdFor('ops', new Date(dueAt)));
    expect(digestIdFor('ops', dueAt)).not.toBe(digestIdFor('legal', dueAt));
    expect(digestIdFor('ops', dueAt)).not.toBe(
      digestIdFor('ops', new Date('2026-01-17T07:00:00.000Z')),
    );
  });
});
