import { formatIsoDate } from './calendar-date';
import { findDefinitions } from './definitions';
import type { TermEnd } from './term-end';
import { dateRangeEnd, endOf, readTermEnd } from './term-end';
import type { TermContext } from './term-points';

const context: TermContext = {
  start: { year: 2019, month: 6, day: 12 },
  signedAt: { year: 2019, month: 6, day: 1 },
  startIncomplete: null,
  reference: null,
  definitions: findDefinitions('', null),
};

const show = (end: TermEnd | null) =>
  end?.kind === 'date' ? formatIsoDate(end.date) : end ? end.kind : null;

describe('the end a phrase names', () => {
  it.each([
    ['December 31, 2022', '2022-12-31'],
    ['the fifth (5th) anniversary of the Effective Date', '2024-06-12'],
    ['the third anniversary of the date hereof', '2022-06-01'],
    ['the 30th day after the Effective Date', '2019-07-12'],
    ['one (1) year subsequent to the Effective Date', '2020-06-12'],
    ['fifteen months therefrom', '2020-09-12'],
    ['the date that is two (2) years after the date of this Agreement', '2021-06-01'],
    ['the end of Year 3', '2022-06-12'],
    ['the day prior to the fourth anniversary of the Effective Date', '2023-06-11'],
    ['the last day in February, 2023', '2023-02-28'],
    ['the second anniversary thereof', '2021-06-12'],
    ['the end of calendar year 2024', '2024-12-31'],
    ['the end of 2023', '2023-12-31'],
    [
      'March 31 of the year in which the second anniversary of the Effective Date occurs',
      '2021-03-31',
    ],
    ['two (2) years from and after the Effective Date', '2021-06-12'],
    ['five years from the date of the last signature hereto', '2024-06-01'],
    ['twenty-four months from its effective date', '2021-06-12'],
    ['the first anniversary hereof', '2020-06-01'],
    ['12:00 midnight, New York City time, on the 30th day after the Effective Date', '2019-07-12'],
  ])('reads "%s" as %s', (phrase, expected) => {
    expect(show(endOf(phrase, context))).toBe(expected);
  });

  it('reads "terminated by either party" as no end of its own', () => {
    expect(endOf('terminated by either Party upon notice', context)).toEqual({ kind: 'open' });
  });

  it('reads the end of the agreement itself as no end of its own', () => {
    expect(endOf('the termination or expiration of this Agreement', context)).toEqual({
      kind: 'open',
    });
  });

  it('reads a period after a notice of termination as no end of its own', () => {
    expect(
      endOf('the 60th day following a written notice of its decision to terminate', context),
    ).toEqual({ kind: 'open' });
  });

  it("reads a party's exercise of its right to terminate as no end of its own", () => {
    expect(
      endOf('the exercise by the Licensee of its right to terminate under Clause 9', context),
    ).toEqual({ kind: 'open' });
  });

  it('keeps an undated event as the end', () => {
    expect(endOf('the expiration of the Royalty Term, unless sooner terminated', context)).toEqual({
      kind: 'event',
      event: 'the expiration of the Royalty Term',
    });
  });
});

describe('the end a sentence states', () => {
  it('prefers a dated end to an event in the same sentence', () => {
    const sentence =
      'This Agreement shall terminate five (5) years following the launch of the first Website, but in no event later than February 28, 2013.';
    expect(show(readTermEnd(sentence, context))).toBe('2013-02-28');
  });

  it('reads a date right after the verb', () => {
    expect(
      show(
        readTermEnd(
          'The Term shall begin on the date hereof and shall expire December 31, 2023.',
          context,
        ),
      ),
    ).toBe('2023-12-31');
  });

  it('reads "from one date to another"', () => {
    expect(
      show(
        readTermEnd('Terms of the project: 12 weeks from February 8, 2018 to May 3, 2018', context),
      ),
    ).toBe('2018-05-03');
  });

  it('does not take "through its affiliates" for an end', () => {
    expect(
      readTermEnd('This Agreement shall be performed through its affiliates.', context),
    ).toBeNull();
  });

  it('does not take the start named after "for the" as the end of the term', () => {
    // "for" leads to an end only before a defined period ("for the Term"); the start date the
    // phrase names (2019-06-12 here) would otherwise end the term on the day it begins.
    const sentence =
      'The Lease will run for an initial period of eight (8) months beginning for the commencement date, unless ended sooner.';
    expect(readTermEnd(sentence, context)).toBeNull();
    expect(
      readTermEnd(
        'The Lease will run for an initial period of eight (8) months beginning for the Commencement Date.',
        context,
      ),
    ).toBeNull();
  });

  it('lets "the first to occur of" pick the earliest dated limb', () => {
    const sentence =
      'This Agreement shall terminate at and as of (the first to occur of): (a) the 30th day after the Effective Date; (b) the expiration of the Offer.';
    expect(show(readTermEnd(sentence, context))).toBe('2019-07-12');
  });

  it('reads an agreement that ceases to have effect on an event as ending then', () => {
    const sentence =
      'This Agreement shall lapse and be of no further force or effect on the exercise by either party of its option to terminate it.';
    expect(readTermEnd(sentence, context)).toEqual({ kind: 'open' });
  });

  it('ends a term that lasts while something does when that ends', () => {
    expect(
      readTermEnd('This Licence shall remain in force for the lifetime of the Patent.', context),
    ).toEqual({ kind: 'event', event: 'the end of the lifetime of the Patent' });
    expect(
      readTermEnd(
        'The Agreement shall continue for so long as the Distributor holds a valid permit.',
        context,
      ),
    ).toEqual({
      kind: 'event',
      event: 'the end of the period in which the Distributor holds a valid permit',
    });
  });

  it('does not split "three (3) years" as if "(3)" opened a limb', () => {
    const sentence =
      'This Agreement shall remain in effect until the later to occur of the date that is (x) three (3) years from the date hereof and (y) the date on which the Fund is wound up.';
    expect(show(readTermEnd(sentence, context))).toBe('2022-06-01');
  });
});

describe('a period written as its two dates', () => {
  it('ends on the second date', () => {
    expect(show(dateRangeEnd('March 1, 2021 through February 28, 2022', context))).toBe(
      '2022-02-28',
    );
    expect(show(dateRangeEnd('1 July 2019 to 30 June 2020 (twelve months).', context))).toBe(
      '2020-06-30',
    );
  });

  it('does not read two dates inside a sentence as a range', () => {
    expect(
      dateRangeEnd('Payments made between March 1, 2021 and February 28, 2022 are final.', context),
    ).toBeNull();
    expect(
      dateRangeEnd('Signed March 1, 2021 to be read with the letter of May 2, 2021', context),
    ).toBeNull();
  });
});
