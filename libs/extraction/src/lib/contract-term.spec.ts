import type { CalendarDate } from './calendar-date';
import { findContractTerm } from './contract-term';
import { findDefinitions } from './definitions';
import type { TermContext } from './term-points';

const MARCH_3_2011: CalendarDate = { year: 2011, month: 3, day: 3 };

function term(text: string, context: Partial<TermContext> = {}) {
  return findContractTerm(text, {
    start: MARCH_3_2011,
    signedAt: MARCH_3_2011,
    startIncomplete: null,
    reference: null,
    definitions: findDefinitions(text, null),
    ...context,
  });
}

const expiry = (text: string, context: Partial<TermContext> = {}) =>
  term(text, context).term?.expiresAt ?? null;

describe('contract term: when it ends', () => {
  it('counts a term of years from the Effective Date', () => {
    expect(
      expiry('This Agreement shall continue for a term of five (5) years from the Effective Date.'),
    ).toBe('2016-03-03');
  });

  it('ends an initial term where ", after which" it renews', () => {
    expect(
      expiry(
        'This Agreement continues for an initial term of three (3) years, after which it renews automatically for one-year periods.',
      ),
    ).toBe('2014-03-03');
  });

  it('counts a bare term length from the start of the agreement', () => {
    expect(expiry('The term of this Agreement shall be ten (10) years.')).toBe('2021-03-03');
  });

  it('reads the expiry on an anniversary of the Effective Date', () => {
    expect(
      expiry('This Agreement shall expire on the fifth anniversary of the Effective Date.'),
    ).toBe('2016-03-03');
  });

  it('reads an initial term ending on a stated date', () => {
    expect(expiry('The initial term ending December 31, 2020 may be renewed by the parties.')).toBe(
      '2020-12-31',
    );
  });

  it('reads a date after "shall continue in force until"', () => {
    expect(expiry('This Agreement shall continue in force until June 30, 2014.')).toBe(
      '2014-06-30',
    );
  });

  it('takes the later dated limb of "the later of"', () => {
    expect(
      expiry(
        'This Agreement shall continue until the later of (a) December 31, 2013 and (b) the date on which the last Product is delivered.',
      ),
    ).toBe('2013-12-31');
  });

  it('takes the earlier of two computable limbs', () => {
    expect(
      expiry(
        'This Agreement shall expire on the earlier of (i) the third anniversary of the Effective Date or (ii) June 30, 2013.',
      ),
    ).toBe('2013-06-30');
  });

  it('counts the Nth day after the Effective Date', () => {
    expect(expiry('This Agreement shall terminate on the 30th day after the Effective Date.')).toBe(
      '2011-04-02',
    );
  });

  it('counts a period from a date the sentence says the term commences on', () => {
    expect(
      expiry('The term of this Agreement is two (2) years commencing on January 1, 2012.'),
    ).toBe('2014-01-01');
  });

  it('counts a length from the date the agreement is said to run or be in force from', () => {
    expect(expiry('The Lease runs from 1 January 2012 for 24 months.')).toBe('2014-01-01');
    expect(expiry('This Licence is in force from 1 July 2012 for a period of two years.')).toBe(
      '2014-07-01',
    );
  });

  it('counts a period from the commencement date whatever the preposition after "beginning"', () => {
    expect(
      expiry(
        'The Licence will be for the maximum period of nine (9) months beginning for the Commencement Date.',
      ),
    ).toBe('2011-12-03');
  });

  it('counts a term from the Agreement Date as from the date the agreement bears', () => {
    expect(
      expiry('The Licence ends six (6) years from the Agreement Date.', {
        start: { year: 2012, month: 1, day: 15 },
        signedAt: { year: 2011, month: 12, day: 20 },
      }),
    ).toBe('2017-12-20');
  });

  it('counts a term from an Agreement Date the text defines as that date', () => {
    expect(
      expiry(
        '"Agreement Date" means April 2, 2010.\nThe Licence ends six (6) years from the Agreement Date.',
      ),
    ).toBe('2016-04-02');
  });

  it('counts a term of Contract Years or Lease Years as years', () => {
    expect(expiry('The term of this Agreement shall be for four (4) Contract Years.')).toBe(
      '2015-03-03',
    );
    expect(expiry('The Lease shall continue for two Lease Years.')).toBe('2013-03-03');
  });

  it('counts a length written as an adjective of the term from the start', () => {
    // 2011-03-03 + P1Y and + P3Y.
    expect(expiry('The Company agrees to a one year engagement of the Consultant.')).toBe(
      '2012-03-03',
    );
    expect(expiry('This Agreement shall have an initial three (3) year term.')).toBe('2014-03-03');
  });

  it('does not read a period of performance as the term', () => {
    expect(
      term(
        'During the one-year period after the Effective Date, the Distributor shall purchase Product under this Agreement.',
      ).term,
    ).toBeNull();
  });

  it('counts a term commencing on the date first written above from the signing date', () => {
    expect(
      expiry('The Term shall be three (3) years commencing on the date first written above.', {
        start: { year: 2011, month: 5, day: 1 },
      }),
    ).toBe('2014-03-03');
  });

  it('ends on the last day of the month a period falls in', () => {
    expect(
      expiry(
        'Expiration Date: the last day of the month fifteen (15) years from the Effective Date',
      ),
    ).toBe('2026-03-31');
  });

  it('reads a defined period through its definition', () => {
    const text = [
      '"Service Period" means April 1, 2019 through March 30, 2020.',
      'The Agreement shall commence on the Effective Date and continue in effect for the Service Period.',
      'This Agreement shall continue until the end of the Service Period.',
    ].join('\n');
    expect(expiry(text)).toBe('2020-03-30');
  });

  it('reads the end named by a cover-page label', () => {
    const text =
      'Expiration Date: August 31, 2006\nThis Agreement shall expire on the Expiration Date set forth above.';
    expect(expiry(text)).toBe('2006-08-31');
  });
});

describe('contract term: whose end it is', () => {
  it('does not take the end of a price or an obligation for the end of the term', () => {
    expect(
      expiry(
        'The prices in Exhibit A shall remain in effect until December 31, 2021, as the terms require.',
      ),
    ).toBeNull();
  });

  it('knows the agreement by its short name', () => {
    expect(expiry('This OMA shall expire on the first anniversary of the Effective Date.')).toBe(
      '2012-03-03',
    );
  });
});

describe('contract term: ends without a date', () => {
  it('calls a term that runs until terminated perpetual', () => {
    expect(expiry('This Agreement shall continue until terminated as provided herein.')).toBe(
      'perpetual',
    );
    expect(
      expiry(
        'This Agreement shall remain in effect until terminated by either Party upon thirty (30) days notice.',
      ),
    ).toBe('perpetual');
    expect(expiry('This Agreement shall continue in perpetuity unless terminated earlier.')).toBe(
      'perpetual',
    );
  });

  it('calls an agreement that either party may end on notice, with no term stated, perpetual', () => {
    expect(
      expiry(
        "This Engagement may be terminated by either party giving the other not less than three months' written notice.",
      ),
    ).toBe('perpetual');
    expect(
      expiry('Either Party may terminate this Contract at any time on sixty (60) days notice.'),
    ).toBe('perpetual');
  });

  it('does not call a right to end the agreement on notice perpetual when it waits or needs a cause', () => {
    expect(
      term(
        'Either party may terminate this Agreement on 30 days notice after the second anniversary of the Effective Date.',
      ).term,
    ).toBeNull();
    expect(
      term(
        'This Agreement may be terminated by either party on ten days notice if the other party is in breach.',
      ).term,
    ).toBeNull();
    expect(
      term(
        'Either party may terminate this Agreement by written notice upon a change of control of the other party.',
      ).term,
    ).toBeNull();
  });

  it('does not call the agreement perpetual when a length or an end is stated of something else', () => {
    const notice = ' Either party may terminate this Agreement on 30 days notice.';
    expect(term(`The Services shall be provided for eighteen months.${notice}`).term).toBeNull();
    expect(term(`Deliveries will run until June 30, 2014.${notice}`).term).toBeNull();
  });

  it('lets a stated term win over a right to end the agreement on notice', () => {
    expect(
      expiry(
        'The term of this Agreement is four (4) years. Either party may terminate this Agreement at any time on ninety days written notice.',
      ),
    ).toBe('2015-03-03');
  });

  it('calls a term that runs until revoked, or until the parties agree to end it, perpetual', () => {
    expect(expiry('This Licence shall be valid until revoked in writing by the Licensor.')).toBe(
      'perpetual',
    );
    expect(
      expiry('This Agreement shall remain in force until the parties mutually agree to end it.'),
    ).toBe('perpetual');
  });

  it('calls a term of unlimited duration perpetual', () => {
    expect(expiry('The Contract is concluded for an unlimited period.')).toBe('perpetual');
  });

  it('calls a term that continues "unless terminated", with no end of its own, perpetual', () => {
    expect(
      expiry(
        'This Agreement shall become effective on the date hereof and shall continue in effect unless sooner terminated by either party.',
      ),
    ).toBe('perpetual');
    expect(
      expiry(
        'This Agreement shall become effective as of the day and year first above written and shall govern the relations between the parties thereafter, unless terminated as set forth in Section 6.',
      ),
    ).toBe('perpetual');
  });

  it('lets a stated length win over "unless terminated"', () => {
    expect(
      expiry(
        'This Agreement shall remain in effect unless terminated earlier. The term of this Agreement shall be two (2) years.',
      ),
    ).toBe('2013-03-03');
  });

  it('records an undated end event instead of guessing a date', () => {
    const reading = term(
      'This Agreement shall remain in effect until the expiration of the last Royalty Term.',
    );
    expect(reading.term?.expiresAt).toBeNull();
    expect(reading.term?.endEvent).toBe('the expiration of the last Royalty Term');
  });

  it('ends the event where the sentence goes on to what the term does', () => {
    expect(
      term('The Term shall begin on the opening of the first Store and continue for seven years.')
        .term?.endEvent,
    ).toBe('P7Y after opening of the first Store');
    expect(
      term(
        'This Treaty shall remain in force for ten years from its entry into force and shall thereafter be renewed for periods of five years.',
      ).term?.endEvent,
    ).toBe('P10Y after its entry into force');
  });

  it('cuts a long end event at a word', () => {
    const reading = term(
      'This Agreement shall continue until the Operator has completed the decommissioning of every installation built under the Programme and the regulator has accepted its final report.',
    );
    expect(reading.term?.endEvent).toBe(
      'the Operator has completed the decommissioning of every installation built under the Programme and the regulator has',
    );
  });

  it('counts a period from an event the text dates elsewhere', () => {
    // 2010-08-01 + P4Y.
    const reading = term(
      'The term of the Cooperation will be four years from the date on which the channel is uploaded.',
      { events: new Map([['channel uploaded', { year: 2010, month: 8, day: 1 }]]) },
    );
    expect(reading.term?.expiresAt).toBe('2014-08-01');
  });

  it('counts from another instrument known by the date it is dated', () => {
    // 1 November 1999 + P5Y = 2004-11-01, in a month that ends on 2004-11-30.
    const text = [
      '"Offtake Agreement" means the Crude Oil Sale and Purchase Agreement between the Principal and the Buyer dated 1 November 1999.',
      '"Initial Term" means the period commencing on the Effective Date and concluding on the last day of the month in which the fifth anniversary of the Offtake Agreement Effective Date falls.',
    ].join('\n');
    expect(expiry(text)).toBe('2004-11-30');
  });

  it('leaves a fixed period counted from an undated event unknown', () => {
    const reading = term('The Term shall continue for three years from the Launch Date.');
    expect(reading.term?.expiresAt).toBeNull();
    expect(reading.term?.endEvent).toBe('P3Y after the Launch Date');
  });

  it.each([
    ['The Licence shall be effective for four (4) years.', '2015-03-03'],
    [
      'This Contract shall run for a period of 18 months from the date of its signing.',
      '2012-09-03',
    ],
    ['The Lease shall be binding for an initial period of two years.', '2013-03-03'],
    ['The Agreement will be in force for six years.', '2017-03-03'],
    ['Term: Two (2) years from the Effective Date.', '2013-03-03'],
  ])('reads the length in "%s"', (text, expected) => {
    expect(expiry(text)).toBe(expected);
  });

  it('reads a term the agreement "lasts" for, counted from its signature', () => {
    expect(expiry('This Memorandum shall last for four years starting from its signature.')).toBe(
      '2015-03-03',
    );
  });

  it('reads an end at the close of business on an anniversary', () => {
    expect(
      expiry(
        'The Licence is effective from the Effective Date until the close of business on the third anniversary of the Effective Date.',
      ),
    ).toBe('2014-03-03');
  });

  it('takes a line that is only a date range for the term', () => {
    const text = ['Distribution Period', 'June 1, 2015 through November 30, 2015'].join('\n');
    expect(expiry(text)).toBe('2015-11-30');
  });

  it('prefers the term a sentence states to a bare date range elsewhere', () => {
    const text = [
      'Pricing',
      'January 1, 2016 through June 30, 2016',
      'This Agreement shall continue until December 31, 2018.',
    ].join('\n');
    expect(expiry(text)).toBe('2018-12-31');
  });

  it('gives no expiry where a blank signing year leaves even the century of the end unknown', () => {
    const reading = term('The Term of this Agreement shall be fifteen (15) years.', {
      start: null,
      signedAt: null,
      startIncomplete: '20XX-XX-XX',
    });
    expect(reading.term?.expiresAt ?? null).toBeNull();
    expect(reading.expiresIncomplete).toBeNull();
  });

  it('gives the written parts of an expiry counted from a date left blank', () => {
    const reading = term('The Term of this Agreement shall continue for twenty (20) years.', {
      start: null,
      signedAt: null,
      startIncomplete: '2015-XX-XX',
    });
    expect(reading.term).toBeNull();
    expect(reading.expiresIncomplete).toBe('2035-XX-XX');
  });
});

describe('contract term: renewal', () => {
  it('reads the renewal period and the notice that stops it', () => {
    expect(
      term(
        'This Agreement shall automatically renew for successive one (1) year periods unless either party gives notice of non-renewal at least sixty (60) days prior to expiration.',
      ).term?.renewal,
    ).toEqual({ period: 'P1Y', noticeBeforeExpiry: 'P60D' });
  });

  it('keeps the initial term apart from the renewal in the same sentence', () => {
    const reading = term(
      'This Agreement shall be valid for a period of five (5) years with automatic renewal of one year thereafter.',
    );
    expect(reading.term?.expiresAt).toBe('2016-03-03');
    expect(reading.term?.renewal?.period).toBe('P1Y');
  });

  it('gives a renewal "of the same duration" the length of the initial term', () => {
    const text = [
      'This Agreement shall be for a period of five (5) years commencing upon the Effective Date.',
      'Upon the expiry of the Initial Term this Agreement shall automatically renew for successive terms of the same duration.',
    ].join('\n');
    expect(term(text).term?.renewal?.period).toBe('P5Y');
  });

  it('renews an agreement that renews automatically, with no period, for its initial length', () => {
    const text =
      'The Contract has a term of three years. It shall then be renewed automatically unless replaced by a new contract.';
    expect(term(text).term?.renewal?.period).toBe('P3Y');
  });

  it('marks an agreement that runs on after its fixed term until terminated as evergreen', () => {
    const reading = term(
      'This Agreement shall continue for an initial term of one (1) year and indefinitely after that until terminated by either party.',
    );
    expect(reading.term?.expiresAt).toBe('2012-03-03');
    expect(reading.term?.evergreen).toBe(true);
  });

  it('gives the notice that ends an evergreen agreement once it runs on', () => {
    const reading = term(
      "The Lease runs for an initial period of two (2) years and thereafter until terminated by either party giving forty-five (45) days' prior written notice.",
    );
    expect(reading.term?.expiresAt).toBe('2013-03-03');
    expect(reading.term?.renewal).toBeNull();
    expect(reading.term?.noticeToEnd).toBe('P45D');
  });

  it('marks an agreement that runs on after a dated end as evergreen', () => {
    const reading = term(
      'The Licence continues until 30 June 2014 and thereafter until terminated by either party on two months notice.',
    );
    expect(reading.term?.expiresAt).toBe('2014-06-30');
    expect(reading.term?.evergreen).toBe(true);
    expect(reading.term?.noticeToEnd).toBe('P2M');
  });

  it('gives no notice to end an agreement that is not evergreen', () => {
    const reading = term(
      'This Agreement shall remain in effect until terminated by either party upon sixty (60) days written notice.',
    );
    expect(reading.term?.expiresAt).toBe('perpetual');
    expect(reading.term?.noticeToEnd).toBeUndefined();
  });

  it('reads a month-to-month continuation as a monthly renewal, not as evergreen', () => {
    const reading = term(
      'After the Initial Term, this Agreement shall continue on a month to month basis until terminated by either party.',
    );
    expect(reading.term?.renewal?.period).toBe('P1M');
    expect(reading.term?.evergreen).toBeUndefined();
  });
});
