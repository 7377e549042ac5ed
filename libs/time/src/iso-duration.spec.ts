import {
  approximateMs,
  isCalendarDuration,
  parseIsoDuration,
  tryParseIsoDuration,
} from './iso-duration';

describe('parseIsoDuration', () => {
  it('reads every component', () => {
    expect(parseIsoDuration('P1Y2M3W4DT5H6M7S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7,
    });
  });

  it('reads zero as a duration', () => {
    expect(parseIsoDuration('PT0S').seconds).toBe(0);
  });

  it.each(['', 'P', 'PT', '7D', 'P7', 'P-1D'])('rejects %p', (text) => {
    expect(() => parseIsoDuration(text)).toThrow(RangeError);
  });

  it('tells calendar durations from exact ones', () => {
    expect(isCalendarDuration(parseIsoDuration('P7D'))).toBe(true);
    expect(isCalendarDuration(parseIsoDuration('PT10S'))).toBe(false);
  });
});

describe('approximateMs', () => {
  it('counts days, weeks and time exactly', () => {
    expect(approximateMs(parseIsoDuration('P1W1DT1H'))).toBe((8 * 24 + 1) * 3_600_000);
  });

  it('counts a month as 30 days and a year as 365', () => {
    expect(approximateMs(parseIsoDuration('P1Y1M'))).toBe(395 * 86_400_000);
  });
});

describe('tryParseIsoDuration', () => {
  it('answers null instead of throwing', () => {
    expect(tryParseIsoDuration('overdue')).toBeNull();
  });
});
