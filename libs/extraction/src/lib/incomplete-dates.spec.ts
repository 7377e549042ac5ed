import type { Duration } from './durations';
import { bareYearLine, findIncompleteDates, shiftIncompleteDate } from './incomplete-dates';

const years = (amount: number): Duration => ({ amount, unit: 'Y', businessDays: false });
const months = (amount: number): Duration => ({ amount, unit: 'M', businessDays: false });
const edtf = (text: string) => findIncompleteDates(text).map((m) => m.edtf);

describe('incomplete dates', () => {
  it.each([
    ['dated as of September ___, 2019', '2019-09-XX'],
    ['made this ____ day of ________, 2004', '2004-XX-XX'],
    ['[ ] day of [ ], 2020', '2020-XX-XX'],
    ['____ day of May, 2000', '2000-05-XX'],
    ['14 day of SEPTEMBER, 200_', '200X-09-14'],
    ['_____ day of ________, 19____', '19XX-XX-XX'],
    ['the 30th day of April', 'XXXX-04-30'],
    ['shall expire on ______, 20___, and', '20XX-XX-XX'],
    ['dated as of [•], 2021', '2021-XX-XX'],
    ['dated as of October [___], 2018', '2018-10-XX'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(edtf(text)).toEqual([expected]);
  });

  it('does not read a full date or a recurring day of a month as blank', () => {
    expect(edtf('as of the 15th day of January, 2026')).toEqual([]);
    expect(edtf('on the last day of March in each year')).toEqual([]);
  });

  it('reads a line that is only a blank and a year', () => {
    expect(bareYearLine(', 2020')).toBe('2020-XX-XX');
    expect(bareYearLine('___________, 2015')).toBe('2015-XX-XX');
    expect(bareYearLine('Signed in 2015')).toBeNull();
  });

  it('moves a date by whole years, keeping the blank parts blank', () => {
    expect(shiftIncompleteDate('2015-XX-XX', years(20))).toBe('2035-XX-XX');
    expect(shiftIncompleteDate('XXXX-04-30', years(3))).toBe('XXXX-04-30');
  });

  it('moves a date with a written month by months, across the year end', () => {
    expect(shiftIncompleteDate('2017-11-XX', months(3))).toBe('2018-02-XX');
  });

  it('keeps only the year digits every possible value shares', () => {
    // 2000..2009 plus one year is 2001..2010: only "20" is certain.
    expect(shiftIncompleteDate('200X-09-14', months(12))).toBe('20XX-09-14');
  });

  it('gives up where not even the century of the year stays certain', () => {
    // 2000..2099 plus ten years is 2010..2109.
    expect(shiftIncompleteDate('20XX-XX-XX', years(10))).toBeNull();
    expect(shiftIncompleteDate('20XX-06-01', years(10))).toBe('XXXX-06-01');
  });

  it('gives up where months move a date whose month is blank', () => {
    expect(shiftIncompleteDate('2015-XX-XX', months(6))).toBeNull();
  });
});
