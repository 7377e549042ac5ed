import {
  addDays,
  addMonths,
  dayOfWeek,
  formatIsoDate,
  makeDate,
  parseIsoDate,
} from './calendar-date';

const d = (iso: string) => parseIsoDate(iso)!;

describe('calendar dates', () => {
  it('parses and formats ISO calendar dates', () => {
    expect(formatIsoDate(d('2025-10-28'))).toBe('2025-10-28');
    expect(parseIsoDate('2025-02-30')).toBeNull();
  });

  it('adds days across month and year ends', () => {
    expect(formatIsoDate(addDays(d('2025-10-28'), 180))).toBe('2026-04-26');
    expect(formatIsoDate(addDays(d('2028-12-31'), -90))).toBe('2028-10-02');
  });

  it('clamps month arithmetic to the last day of the target month', () => {
    expect(formatIsoDate(addMonths(d('2025-08-31'), 6))).toBe('2026-02-28');
    expect(formatIsoDate(addMonths(d('2025-10-31'), 6))).toBe('2026-04-30');
    expect(formatIsoDate(addMonths(d('2024-02-29'), 12))).toBe('2025-02-28');
    expect(formatIsoDate(addMonths(d('2026-01-15'), -1))).toBe('2025-12-15');
  });

  it('knows the day of the week (Sunday = 0)', () => {
    expect(dayOfWeek(d('2025-10-28'))).toBe(2);
  });

  it('rejects impossible dates', () => {
    expect(makeDate(2025, 13, 1)).toBeNull();
  });
});
