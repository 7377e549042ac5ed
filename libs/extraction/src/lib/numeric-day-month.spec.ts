import { findNumericDayMonths } from './numeric-day-month';

const read = (clause: string) =>
  findNumericDayMonths(clause).map(({ text, kind, mention, weekday }) => ({
    text,
    kind,
    month: mention.month,
    day: mention.day,
    weekday,
  }));

describe('a day and month in figures without a year', () => {
  it('reads the limit a weekday or a close of business leads up to', () => {
    expect(read('The Lessor shall return the keys by COB Tuesday 15/12.')).toEqual([
      { text: 'by COB Tuesday 15/12', kind: 'by', month: 12, day: 15, weekday: 2 },
    ]);
    expect(read('The Lessor shall return the keys no later than 17:00 on Friday 18.12.')).toEqual([
      { text: 'no later than 17:00 on Friday 18.12.', kind: 'by', month: 12, day: 18, weekday: 5 },
    ]);
    expect(read('The survey takes place on Monday, 7/12, at the port.')).toEqual([
      { text: 'on Monday, 7/12', kind: 'on', month: 7, day: 12, weekday: 1 },
    ]);
  });

  it('puts the month first after a slash unless the first number cannot be one', () => {
    expect(read('The Lessor shall return the keys by Tuesday 15/12.')[0]).toMatchObject({
      month: 12,
      day: 15,
    });
    expect(read('The Lessor shall return the keys by Tuesday 12/15.')[0]).toMatchObject({
      month: 12,
      day: 15,
    });
    // A dot puts the day first.
    expect(read('The Lessor shall return the keys by Tuesday 1.12.')[0]).toMatchObject({
      month: 12,
      day: 1,
    });
  });

  it('reads a date with no weekday only after a limit word, and only where the day cannot be a month', () => {
    expect(read('The Lessor shall return the keys by 15/12.')).toMatchObject([
      { text: 'by 15/12', month: 12, day: 15, weekday: null },
    ]);
    // Either order, or a fraction.
    expect(read('The Lessor shall return the keys by 3/12.')).toEqual([]);
    // Dots are decimals and versions as often as dates.
    expect(read('The Lessor shall return the keys by 15.12.')).toEqual([]);
  });

  it.each([
    'The Operator shall provide 24/7 support.',
    'The Board shall approve it by a 3/4 majority.',
    'The Lessor shall comply with clause 25/11 of the Charter.',
    'The Lessor shall reduce the fee by 1/2.',
    'The Lessor shall reduce the fee by 2/3 of the amount.',
    'The Lessor shall upgrade the servers to 14.04 by 30 June.',
    'The home side won by 21/14 on aggregate.',
    'The Lessor shall call on Monday 3.5 hours after arrival.',
    'The Lessor shall deliver it by 15/12/2026.',
    'The ratio of 13/20 shall be kept on 1.2.3 of the plan.',
  ])('reads no date in "%s"', (clause) => {
    expect(read(clause)).toEqual([]);
  });
});
