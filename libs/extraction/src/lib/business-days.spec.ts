import { addBusinessDays, isBusinessDay } from './business-days';
import { formatIsoDate, parseIsoDate } from './calendar-date';

const d = (iso: string) => parseIsoDate(iso)!;

describe('business days', () => {
  it('skips weekends, counting from the day after the anchor', () => {
    // Friday 2026-03-06 + 1 business day = Monday 2026-03-09.
    expect(formatIsoDate(addBusinessDays(d('2026-03-06'), 1, 'US'))).toBe('2026-03-09');
  });

  it('skips a US federal holiday (Thanksgiving 2026-11-26)', () => {
    // Wed 25 Nov + 2 business days: Thu 26 is Thanksgiving, so Fri 27 then Mon 30.
    expect(formatIsoDate(addBusinessDays(d('2026-11-25'), 2, 'US'))).toBe('2026-11-30');
  });

  it('uses the observed date of a holiday that falls on a weekend', () => {
    // 4 July 2026 is a Saturday: the federal holiday is observed on Friday 3 July.
    expect(isBusinessDay(d('2026-07-03'), 'US')).toBe(false);
  });

  it('uses the holidays of the given jurisdiction', () => {
    // Easter Monday is a bank holiday in England, not a US federal holiday.
    expect(isBusinessDay(d('2026-04-06'), 'GB')).toBe(false);
    expect(isBusinessDay(d('2026-04-06'), 'US')).toBe(true);
  });
});
