import { DEFAULT_REMINDER_OFFSETS, planReminders } from './reminder-plan';

const utc = (text: string) => new Date(text);

describe('planReminders', () => {
  const due = { dueDate: '2026-04-28', timeZone: 'UTC' };

  it('fires day offsets at 09:00 on the day that many days before the due date', () => {
    const plan = planReminders(due, DEFAULT_REMINDER_OFFSETS, utc('2026-01-01T00:00:00Z'));
    const fireTimes = Object.fromEntries(
      plan.reminders.map((r) => [r.offset, r.fireAt.toISOString()]),
    );
    expect(fireTimes).toEqual({
      P30D: '2026-03-29T09:00:00.000Z',
      P7D: '2026-04-21T09:00:00.000Z',
      P1D: '2026-04-27T09:00:00.000Z',
      PT0S: '2026-04-28T09:00:00.000Z',
      overdue: '2026-04-29T00:00:00.000Z',
    });
    expect(plan.reminders.every((r) => r.status === 'pending')).toBe(true);
  });

  it('lists reminders in firing order', () => {
    const plan = planReminders(due, ['PT0S', 'P1D', 'P30D'], utc('2026-01-01T00:00:00Z'));
    expect(plan.reminders.map((r) => r.offset)).toEqual(['P30D', 'P1D', 'PT0S', 'overdue']);
  });

  it('fires time offsets exactly before the due time', () => {
    const plan = planReminders(due, ['PT10S', 'PT2H'], utc('2026-01-01T00:00:00Z'));
    expect(plan.reminders.map((r) => r.fireAt.toISOString())).toEqual([
      '2026-04-28T07:00:00.000Z',
      '2026-04-28T08:59:50.000Z',
      '2026-04-29T00:00:00.000Z',
    ]);
  });

  it('skips reminders already past at planning time but fires overdue at once', () => {
    const now = utc('2026-11-29T10:00:00Z');
    const plan = planReminders(due, DEFAULT_REMINDER_OFFSETS, now);
    const pending = plan.reminders.filter((r) => r.status === 'pending');
    expect(pending.map((r) => r.offset)).toEqual(['overdue']);
    expect(pending[0]!.fireAt.getTime()).toBeLessThan(now.getTime());
  });

  it('keeps the reminders still ahead when planned between them', () => {
    const plan = planReminders(due, DEFAULT_REMINDER_OFFSETS, utc('2026-04-25T12:00:00Z'));
    expect(plan.reminders.filter((r) => r.status === 'pending').map((r) => r.offset)).toEqual([
      'P1D',
      'PT0S',
      'overdue',
    ]);
  });

  it('uses the wall clock of the milestone time zone', () => {
    const tokyo = planReminders(
      { dueDate: '2026-04-28', timeZone: 'Asia/Tokyo' },
      ['PT0S'],
      utc('2026-01-01T00:00:00Z'),
    );
    // 09:00 in Tokyo (UTC+9) is midnight UTC; the due date ends at 15:00 UTC.
    expect(tokyo.dueAt.toISOString()).toBe('2026-04-28T00:00:00.000Z');
    expect(tokyo.overdueAt.toISOString()).toBe('2026-04-28T15:00:00.000Z');
  });

  it('follows daylight saving time: 09:00 in New York is 13:00 UTC in summer and 14:00 UTC in winter', () => {
    const plan = planReminders(
      { dueDate: '2026-03-10', timeZone: 'America/New_York' },
      ['P30D', 'PT0S'],
      utc('2026-01-01T00:00:00Z'),
    );
    expect(plan.reminders.map((r) => r.fireAt.toISOString())).toEqual([
      '2026-02-08T14:00:00.000Z',
      '2026-03-10T13:00:00.000Z',
      '2026-03-11T04:00:00.000Z',
    ]);
  });

  it('counts month offsets on the calendar, clamping to the month end', () => {
    const plan = planReminders(
      { dueDate: '2026-03-31', timeZone: 'UTC' },
      ['P1M'],
      utc('2026-01-01T00:00:00Z'),
    );
    expect(plan.reminders[0]!.fireAt.toISOString()).toBe('2026-02-28T09:00:00.000Z');
  });

  it('rejects an offset that is not an ISO 8601 duration', () => {
    expect(() => planReminders(due, ['7 days'], utc('2026-01-01T00:00:00Z'))).toThrow(/ISO 8601/);
  });
});

describe('planReminders before an instant', () => {
  const now = utc('2026-01-01T00:00:00Z');

  it('is due and overdue at the instant itself, on its date in the zone', () => {
    const plan = planReminders(
      { dueAt: utc('2026-04-28T15:30:00Z'), timeZone: 'Asia/Tokyo' },
      ['PT0S'],
      now,
    );
    expect(plan.dueDate).toBe('2026-04-29');
    expect(plan.dueAt.toISOString()).toBe('2026-04-28T15:30:00.000Z');
    expect(plan.overdueAt.toISOString()).toBe('2026-04-28T15:30:00.000Z');
    expect(plan.reminders.map((r) => r.offset)).toEqual(['PT0S', 'overdue']);
  });

  it('counts time offsets exactly, down to seconds', () => {
    const plan = planReminders(
      { dueAt: utc('2026-04-28T15:30:00Z'), timeZone: 'UTC' },
      ['PT10S', 'PT1H30M', 'PT0.5S'],
      now,
    );
    expect(plan.reminders.map((r) => [r.offset, r.fireAt.toISOString()])).toEqual([
      ['PT1H30M', '2026-04-28T14:00:00.000Z'],
      ['PT10S', '2026-04-28T15:29:50.000Z'],
      ['PT0.5S', '2026-04-28T15:29:59.500Z'],
      ['overdue', '2026-04-28T15:30:00.000Z'],
    ]);
  });

  it('counts days on the wall clock of the zone across a DST change', () => {
    // 15:00 in New York on 9 March 2026 (EDT, UTC-4); the clocks went forward on 8 March.
    const plan = planReminders(
      { dueAt: utc('2026-03-09T19:00:00Z'), timeZone: 'America/New_York' },
      ['P7D', 'P1DT1H'],
      now,
    );
    expect(plan.reminders.map((r) => [r.offset, r.fireAt.toISOString()])).toEqual([
      // 15:00 EST on 2 March is 20:00 UTC.
      ['P7D', '2026-03-02T20:00:00.000Z'],
      // 14:00 EDT on 8 March is 18:00 UTC.
      ['P1DT1H', '2026-03-08T18:00:00.000Z'],
      ['overdue', '2026-03-09T19:00:00.000Z'],
    ]);
  });

  it('keeps exact offsets exact in the repeated hour of a DST fall-back', () => {
    // 01:30 EST on 1 November 2026, the second 01:30 of that night in New York.
    const dueAt = utc('2026-11-01T06:30:00Z');
    const plan = planReminders({ dueAt, timeZone: 'America/New_York' }, ['PT10S'], now);
    expect(plan.reminders[0]!.fireAt.toISOString()).toBe('2026-11-01T06:29:50.000Z');
  });

  it('counts months on the calendar, clamping to the month end', () => {
    const plan = planReminders(
      { dueAt: utc('2026-03-31T12:00:00Z'), timeZone: 'UTC' },
      ['P1M'],
      now,
    );
    expect(plan.reminders[0]!.fireAt.toISOString()).toBe('2026-02-28T12:00:00.000Z');
  });

  it('fires overdue at once when the instant has passed, skipping the rest', () => {
    const plan = planReminders(
      { dueAt: utc('2025-12-31T23:00:00Z'), timeZone: 'UTC' },
      ['PT0S', 'P1D'],
      now,
    );
    expect(plan.reminders.map((r) => [r.offset, r.status])).toEqual([
      ['P1D', 'skipped'],
      ['PT0S', 'skipped'],
      ['overdue', 'pending'],
    ]);
  });
});
