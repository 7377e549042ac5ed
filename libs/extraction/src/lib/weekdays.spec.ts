import { dayOnWeekday, weekdayNumber, weekdayOfWeek } from './weekdays';

const on = (year: number, month: number, day: number) => ({ year, month, day });

describe('weekdays', () => {
  it('numbers the days of the week from Sunday, and no other word', () => {
    expect(weekdayNumber('Sunday')).toBe(0);
    expect(weekdayNumber('FRIDAY')).toBe(5);
    expect(weekdayNumber('Fri')).toBeNull();
  });

  it('takes the year that puts a day and month on its weekday, around the text date', () => {
    // 15 December is a Tuesday in 2026, a Wednesday in 2027 and a Monday in 2025.
    expect(dayOnWeekday(12, 15, 2, on(2026, 12, 1))).toEqual(on(2026, 12, 15));
    expect(dayOnWeekday(12, 15, 3, on(2026, 12, 1))).toEqual(on(2027, 12, 15));
    expect(dayOnWeekday(12, 15, 1, on(2026, 12, 1))).toEqual(on(2025, 12, 15));
    expect(dayOnWeekday(12, 15, 5, on(2026, 12, 1))).toBeNull();
  });

  it('finds a day of the week of a date or of a week after it, weeks starting on Monday', () => {
    // Tuesday 1 December 2026.
    expect(weekdayOfWeek(on(2026, 12, 1), 5, 0)).toEqual(on(2026, 12, 4));
    expect(weekdayOfWeek(on(2026, 12, 1), 5, 1)).toEqual(on(2026, 12, 11));
    expect(weekdayOfWeek(on(2026, 12, 1), 1, 1)).toEqual(on(2026, 12, 7));
    // A Sunday ends its week: next week starts the day after.
    expect(weekdayOfWeek(on(2026, 12, 6), 1, 1)).toEqual(on(2026, 12, 7));
  });
});
