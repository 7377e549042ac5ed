import { addBusinessDays, isBusinessDay, onOrBeforeBusinessDay } from './business-days';
import { planReminders } from './reminder-plan';

const weekends = { skipWeekends: true, holidays: null };
const us = { skipWeekends: true, holidays: 'US' };
const january = new Date('2026-01-01T00:00:00Z');

const fireTimes = (plan: ReturnType<typeof planReminders>) =>
  Object.fromEntries(plan.reminders.map((r) => [r.offset, r.fireAt.toISOString()]));

describe('business days', () => {
  it('knows weekends and the observed US holidays', () => {
    expect(isBusinessDay('2026-03-13', weekends)).toBe(true); // Friday
    expect(isBusinessDay('2026-03-14', weekends)).toBe(false); // Saturday
    // 4 July 2026 is a Saturday, observed on Friday 3 July.
    expect(isBusinessDay('2026-07-03', us)).toBe(false);
    expect(isBusinessDay('2026-07-03', weekends)).toBe(true);
  });

  it('finds the business day on or before a date', () => {
    expect(onOrBeforeBusinessDay('2026-03-15', weekends)).toBe('2026-03-13');
    expect(onOrBeforeBusinessDay('2026-07-05', us)).toBe('2026-07-02');
    expect(onOrBeforeBusinessDay('2026-07-02', us)).toBe('2026-07-02');
  });

  it('counts business days from the day after, both ways', () => {
    // Thu 2 July + 2: Fri 3 (holiday), Sat, Sun skipped -> Mon 6, Tue 7.
    expect(addBusinessDays('2026-07-02', 2, us)).toBe('2026-07-07');
    expect(addBusinessDays('2026-07-07', -2, us)).toBe('2026-07-02');
    expect(addBusinessDays('2026-07-02', 0, us)).toBe('2026-07-02');
  });
});

describe('planReminders with a business calendar', () => {
  it('moves a reminder on a Saturday or Sunday to the Friday before, same time', () => {
    // Monday 16 March 2026: P2D is Saturday 14, P1D Sunday 15.
    const plan = planReminders(
      { dueDate: '2026-03-16', timeZone: 'UTC' },
      ['P3D', 'P2D', 'P1D', 'PT0S'],
      january,
      weekends,
    );
    expect(fireTimes(plan)).toEqual({
      P3D: '2026-03-13T09:00:00.000Z',
      P2D: '2026-03-13T09:00:00.000Z',
      P1D: '2026-03-13T09:00:00.000Z',
      PT0S: '2026-03-16T09:00:00.000Z',
      overdue: '2026-03-17T00:00:00.000Z',
    });
  });

  it('moves a reminder off observed Independence Day to the business day before', () => {
    // Monday 6 July 2026 in New York (EDT, UTC-4): P3D is Fri 3 July (observed), P2D Sat 4 July.
    const plan = planReminders(
      { dueDate: '2026-07-06', timeZone: 'America/New_York' },
      ['P3D', 'P2D', 'PT0S'],
      january,
      us,
    );
    expect(fireTimes(plan)).toEqual({
      P3D: '2026-07-02T13:00:00.000Z',
      P2D: '2026-07-02T13:00:00.000Z',
      PT0S: '2026-07-06T13:00:00.000Z',
      overdue: '2026-07-07T04:00:00.000Z',
    });
  });

  it('skips holidays alone when the policy keeps weekends', () => {
    const plan = planReminders(
      { dueDate: '2026-07-06', timeZone: 'UTC' },
      ['P2D', 'P1D'],
      january,
      { skipWeekends: false, holidays: 'US' },
    );
    // Sat 4 July is a holiday and so is Fri 3 July; Sunday 5 July is neither.
    expect(fireTimes(plan)).toMatchObject({
      P2D: '2026-07-02T09:00:00.000Z',
      P1D: '2026-07-05T09:00:00.000Z',
    });
  });

  it('keeps the wall-clock time across a DST change when it moves a reminder', () => {
    // New York springs forward on Sunday 8 March 2026. P1D of Monday 9 March is Sunday 09:00 EDT;
    // it moves to Friday 6 March, 09:00 EST (UTC-5).
    const plan = planReminders(
      { dueDate: '2026-03-09', timeZone: 'America/New_York' },
      ['P1D', 'PT0S'],
      january,
      weekends,
    );
    expect(fireTimes(plan)).toEqual({
      P1D: '2026-03-06T14:00:00.000Z',
      PT0S: '2026-03-09T13:00:00.000Z',
      overdue: '2026-03-10T04:00:00.000Z',
    });
  });

  it('fires at the policy time of day, and moves exact offsets before an instant too', () => {
    const dated = planReminders(
      { dueDate: '2026-03-16', timeZone: 'UTC', timeOfDay: '14:30' },
      ['P1D', 'PT0S'],
      january,
      weekends,
    );
    expect(dated.dueAt.toISOString()).toBe('2026-03-16T14:30:00.000Z');
    expect(fireTimes(dated)['P1D']).toBe('2026-03-13T14:30:00.000Z');
    const instant = planReminders(
      { dueAt: new Date('2026-03-16T10:15:00Z'), timeZone: 'UTC' },
      ['PT48H'],
      january,
      weekends,
    );
    expect(fireTimes(instant)['PT48H']).toBe('2026-03-13T10:15:00.000Z');
  });

  it('never moves overdue, and skips a reminder moved into the past', () => {
    // Due Friday 13 March: overdue is Saturday 00:00 and stays there. Planned on Friday 12:00 for
    // Monday 16, P2D (Saturday) moves to Friday 09:00, already past.
    const friday = planReminders(
      { dueDate: '2026-03-13', timeZone: 'UTC' },
      ['PT0S'],
      january,
      weekends,
    );
    expect(fireTimes(friday)['overdue']).toBe('2026-03-14T00:00:00.000Z');
    const late = planReminders(
      { dueDate: '2026-03-16', timeZone: 'UTC' },
      ['P2D'],
      new Date('2026-03-13T12:00:00Z'),
      weekends,
    );
    expect(late.reminders.map((r) => [r.offset, r.status])).toEqual([
      ['P2D', 'skipped'],
      ['overdue', 'pending'],
    ]);
  });
});
