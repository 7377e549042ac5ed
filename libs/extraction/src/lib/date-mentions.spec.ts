import { formatIsoDate, parseIsoDate } from './calendar-date';
import { findDateMentions, resolveMention, resolveMentionFrom } from './date-mentions';

const first = (text: string, reference: string | null = null) => {
  const [mention] = findDateMentions(text);
  if (!mention) return null;
  const resolved = resolveMention(mention, reference ? parseIsoDate(reference) : null);
  return resolved ? formatIsoDate(resolved) : null;
};

describe('date mentions', () => {
  it.each([
    ['signed on October 28, 2025.', '2025-10-28'],
    ['made on 28 August 2025', '2025-08-28'],
    ['as of the 15th day of January, 2026 (the "Effective Date")', '2026-01-15'],
    ['24t h day of August 2018', '2018-08-24'],
    ['date 2025-10-28 https://example.org', '2025-10-28'],
    ['dated 04/25/2018', '2018-04-25'],
    ['dated 29/3/18', '2018-03-29'],
    ['Oct. 28, 2025', '2025-10-28'],
    ['JANUARY 1, 2009', '2009-01-01'],
    ['1s t day of October 2008', '2008-10-01'],
    ['5th Day of March, 2019', '2019-03-05'],
    ['1st day of --- November, 2003', '2003-11-01'],
    ['May 3,2006', '2006-05-03'],
    ['April. 1st 2019', '2019-04-01'],
    ['accepted 3-5-98', '1998-03-05'],
    ['made this 9 May day of 2001', '2001-05-09'],
    ['valid until 30.09.2024', '2024-09-30'],
    ['made this first day of March, 2004', '2004-03-01'],
    ['the Twenty-Third day of November 2010', '2010-11-23'],
    ['OCTOBER 2ND, 2012', '2012-10-02'],
    ['dated July 4 , 1999', '1999-07-04'],
    ['signed 7-Feb-2013', '2013-02-07'],
    ['signed 07-FEB-13', '2013-02-07'],
  ])('reads "%s"', (text, expected) => {
    expect(first(text)).toBe(expected);
  });

  it('resolves a yearless date to the latest one on or before the reference', () => {
    expect(first('KUALA LUMPUR, Oct 26 (Wire) -', '2025-10-28')).toBe('2025-10-26');
    expect(first('signed in Washington on 30 April', '2025-05-09')).toBe('2025-04-30');
    expect(first('on Dec 30', '2026-01-02')).toBe('2025-12-30');
  });

  it('resolves a yearless deadline to the first such day on or after the agreement', () => {
    const ahead = (text: string, from: string) => {
      const [mention] = findDateMentions(text);
      const resolved = mention ? resolveMentionFrom(mention, parseIsoDate(from)) : null;
      return resolved ? formatIsoDate(resolved) : null;
    };
    expect(ahead('on or before 1 March', '2027-02-03')).toBe('2027-03-01');
    expect(ahead('on or before 1 March', '2027-03-01')).toBe('2027-03-01');
    expect(ahead('on or before 1 March', '2027-03-02')).toBe('2028-03-01');
    expect(ahead('by 31 March 2026', '2027-03-02')).toBe('2026-03-31');
  });

  it('does not read a hyphenated reference or range of numbers as a date', () => {
    expect(findDateMentions('Sections 10-12-2015-7 and pages 3-5-98-1')).toHaveLength(0);
  });

  it('does not read a dotted clause number as a date', () => {
    expect(findDateMentions('see clause 12.3.2014.1 and section 4.2.20155')).toHaveLength(0);
  });

  it('does not read the modal "may" as a month', () => {
    expect(findDateMentions('either party may 30 days')).toHaveLength(0);
  });
});
