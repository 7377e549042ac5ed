import { formatIsoDate, parseIsoDate } from './calendar-date';
import { applyDuration, parseDurationPhrase, sameDuration, toIsoDuration } from './durations';

const iso = (text: string) => {
  const duration = parseDurationPhrase(text);
  return duration ? toIsoDuration(duration) : null;
};

describe('durations', () => {
  it.each([
    ['six months', 'P6M'],
    ['180 days', 'P180D'],
    ['180-day', 'P180D'],
    ['six-month period', 'P6M'],
    ['thirty (30) days', 'P30D'],
    ['twenty-four (24) months', 'P24M'],
    ['one hundred twenty (120) days', 'P120D'],
    ["six months' written notice", 'P6M'],
    ['one (1) year', 'P1Y'],
    ['a year', 'P1Y'],
    ['two weeks', 'P2W'],
    ['forty-eight (48) hours', 'PT48H'],
    ['72 hours', 'PT72H'],
    ['a fortnight', 'P2W'],
    ['two fortnights', 'P4W'],
  ])('reads "%s" as %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('marks business days', () => {
    expect(parseDurationPhrase('five (5) Business Days')).toEqual({
      amount: 5,
      unit: 'D',
      businessDays: true,
    });
  });

  it('compares durations by value', () => {
    expect(sameDuration('P12M', 'P1Y')).toBe(true);
    expect(sameDuration('P1W', 'P7D')).toBe(true);
    expect(sameDuration('P6M', 'P180D')).toBe(false);
    expect(sameDuration('PT48H', 'P2D')).toBe(true);
    expect(sameDuration('PT4H', 'P1D')).toBe(false);
  });

  it('applies month durations with month-end clamping', () => {
    const start = parseIsoDate('2025-08-31')!;
    expect(formatIsoDate(applyDuration(start, parseDurationPhrase('six months')!, 1))).toBe(
      '2026-02-28',
    );
  });

  it('counts hours as the days they reach into, a date having no time of day', () => {
    const start = parseIsoDate('2025-08-31')!;
    const after = (text: string) =>
      formatIsoDate(applyDuration(start, parseDurationPhrase(text)!, 1));
    expect(after('48 hours')).toBe('2025-09-02');
    expect(after('four (4) hours')).toBe('2025-09-01');
  });
});
