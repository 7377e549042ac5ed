import type { CalendarDate } from './calendar-date';
import { formatIsoDate, parseIsoDate } from './calendar-date';
import { findDayOfPeriod, nextDayOfPeriod } from './period-days';

const date = (iso: string) => parseIsoDate(iso) as CalendarDate;
const next = (clause: string, anchor: string, country = 'US') => {
  const spec = findDayOfPeriod(clause);
  return spec ? formatIsoDate(nextDayOfPeriod(spec, date(anchor), country)) : null;
};

describe('a day fixed within each period', () => {
  it('reads the ordinal, the kind of day and the period', () => {
    expect(
      findDayOfPeriod(
        'Buyer shall, on or before the fifth (5th) business day of each calendar quarter, send',
      ),
    ).toMatchObject({ day: 5, businessDays: true, period: 'P3M' });
    expect(findDayOfPeriod('pay rent by the 15th day of each month')).toMatchObject({
      day: 15,
      businessDays: false,
      period: 'P1M',
    });
    expect(findDayOfPeriod('report on the last working day of every year')).toMatchObject({
      day: 'last',
      businessDays: true,
      period: 'P1Y',
    });
  });

  it('reads the day without the word "day"', () => {
    expect(findDayOfPeriod('submit the report by the 15th of each month')).toMatchObject({
      day: 15,
      period: 'P1M',
      text: 'by the 15th of each month',
    });
    expect(next('pay the fee no later than the tenth of each month', '2026-03-03')).toBe(
      '2026-03-10',
    );
  });

  it('ignores a day that is not tied to each period', () => {
    expect(findDayOfPeriod('within five business days of the Closing')).toBeNull();
    expect(findDayOfPeriod('on the fifth day of March')).toBeNull();
  });

  it('takes the first such day after the anchor, this period or the next', () => {
    expect(next('by the 15th day of each month', '2026-06-01')).toBe('2026-06-15');
    expect(next('by the 15th day of each month', '2026-06-20')).toBe('2026-07-15');
    expect(next('by the last day of each quarter', '2026-02-10')).toBe('2026-03-31');
  });

  it('counts business days past weekends and the public holidays of the jurisdiction', () => {
    // Q3 2026 opens on Wednesday 1 July; Independence Day (Saturday 4 July) is observed on Friday 3 July.
    expect(next('on or before the fifth business day of each calendar quarter', '2026-06-01')).toBe(
      '2026-07-08',
    );
    // Without the US holiday, the fifth business day is Tuesday 7 July.
    expect(
      next('on or before the fifth business day of each calendar quarter', '2026-06-01', 'DE'),
    ).toBe('2026-07-07');
  });

  it('takes the last business day before a period that ends on a weekend', () => {
    // 31 January 2027 is a Sunday.
    expect(next('on the last business day of each month', '2027-01-10')).toBe('2027-01-29');
  });
});
