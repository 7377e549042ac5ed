import type { CalendarDate } from './calendar-date';
import { deadlineContext } from './deadline-context.fixture';
import type { DeadlineContext } from './deadlines';
import { extractDeadline } from './deadlines';
import { findDefinitions } from './definitions';

const day = (iso: string): CalendarDate => ({
  year: Number(iso.slice(0, 4)),
  month: Number(iso.slice(5, 7)),
  day: Number(iso.slice(8, 10)),
});

function context(over: Partial<DeadlineContext> = {}): DeadlineContext {
  return deadlineContext(day('2025-08-31'), { effectiveAt: day('2025-12-22'), ...over });
}

const due = (clause: string, over: Partial<DeadlineContext> = {}) =>
  extractDeadline(clause, context(over), null)?.dueDate ?? null;

describe('deadlines', () => {
  it.each([
    ['The fund will be launched by the end of the year.', '2027-12-31'],
    ['The fund will be launched later this year.', '2027-12-31'],
    ['The mine will open by the end of next year.', '2028-12-31'],
    ['Financing will be provided in the first quarter of next year.', '2028-03-31'],
    ['A working group will be set up next month.', '2027-04-30'],
    ['The refinery will start production by the middle of next year.', '2028-06-30'],
    ['The refinery will start production by mid-2028.', '2028-06-30'],
    ['Brazil will complete the survey by early 2028.', '2028-03-31'],
    ['The plant will be commissioned in late 2027.', '2027-12-31'],
    ['The plant will be commissioned by the end of the month.', '2027-03-31'],
    ['The plant will be commissioned by the end of this quarter.', '2027-03-31'],
    ['The plant will be commissioned next quarter.', '2027-06-30'],
    ['The deal is expected to close in Q3 2028.', '2028-09-30'],
    ['The deal is expected to close by 4Q 2028.', '2028-12-31'],
    ['The deal is expected to close in H1 2028.', '2028-06-30'],
  ])('reads "%s" from the date of the report', (clause, expected) => {
    expect(due(clause, { publishedAt: day('2027-03-03') })).toBe(expected);
  });

  it.each([
    ['Acme will open a refinery by 2028.', '2028-12-31'],
    ['Acme will open a refinery in 2028 with Beta.', '2028-12-31'],
    ['Acme will open a refinery during 2027.', '2027-12-31'],
    ['Acme will open a refinery before 2028.', '2027-12-31'],
  ])('reads "%s" as the end of the year it names', (clause, expected) => {
    expect(due(clause, { publishedAt: day('2027-03-03') })).toBe(expected);
  });

  it.each([
    // When a thing was done, not by when.
    'Acme shall comply with the Mining Act as amended in 2019.',
    // A year before the agreement's.
    'Acme will keep the refinery built before 2020 in operation.',
    // A quantity and a range.
    'Acme will ship the ore in 2000 tonnes lots.',
    'Acme will invest USD 5 million in 2027-28.',
  ])('reads no year-end deadline in "%s"', (clause) => {
    expect(due(clause, { publishedAt: day('2027-03-03') })).toBeNull();
  });

  it.each([
    ['Acme will finalise the terms by March 2028.', '2028-03-31'],
    ['Acme will finalise the terms by the end of June.', '2027-06-30'],
    ['Acme will finalise the terms in September.', '2027-09-30'],
    ['Acme will finalise the terms by mid-June.', '2027-06-15'],
    ['Acme will finalise the terms before March 2028.', '2028-02-29'],
    // January has passed on the report's date: the next one.
    ['Acme will finalise the terms by January.', '2028-01-31'],
  ])('reads the month named without its day in "%s"', (clause, expected) => {
    expect(due(clause, { signedAt: null, effectiveAt: null, publishedAt: day('2027-03-03') })).toBe(
      expected,
    );
  });

  it.each([
    ['The ministry will table the revised budget law by end-October 2027.', '2027-10-31'],
    ['The regulator shall issue the tariff methodology by end June 2027.', '2027-06-30'],
    [
      'The authorities will publish the audit by end-February 2028 (structural benchmark).',
      '2028-02-29',
    ],
  ])(
    'reads a programme target "by end-<month>" in "%s" as the end of that month',
    (clause, expected) => {
      expect(
        due(clause, { signedAt: null, effectiveAt: null, publishedAt: day('2027-03-03') }),
      ).toBe(expected);
    },
  );

  it.each([
    ['The ministry will adopt the procurement manual by end-Q3 2027.', '2027-09-30'],
    ['The ministry will adopt the procurement manual by end-H1 2028.', '2028-06-30'],
    ['The ministry will clear its arrears by end-FY2027.', '2027-12-31'],
    ['The next programme review is scheduled for October 2027.', '2027-10-31'],
  ])('reads a programme target or a scheduled month in "%s"', (clause, expected) => {
    expect(due(clause, { signedAt: null, effectiveAt: null, publishedAt: day('2027-03-03') })).toBe(
      expected,
    );
  });

  it('keeps "by the end of June" and "by mid-June" as they were', () => {
    const report = { signedAt: null, effectiveAt: null, publishedAt: day('2027-03-03') };
    expect(due('Acme will finalise the terms by the end of June 2027.', report)).toBe('2027-06-30');
    expect(due('Acme will finalise the terms by mid-June 2027.', report)).toBe('2027-06-15');
    expect(due('Acme will finalise the terms before June 2027.', report)).toBe('2027-05-31');
  });

  it.each([
    [
      'The date by which the Operator must obtain the Export Licence is extended from 31 May 2027 to 30 September 2027.',
      '2027-09-30',
    ],
    [
      'The deadline for the Guarantor to deliver its legal opinion is postponed to 14 July 2027.',
      '2027-07-14',
    ],
    [
      'The Operator shall deliver the title documents, which were due on 1 April 2027, no later than 1 August 2027.',
      '2027-08-01',
    ],
    [
      'The Operator shall pay the commitment fee originally payable on 10 May 2027 by 10 June 2027.',
      '2027-06-10',
    ],
  ])('keeps the new limit, not the one it replaces, in "%s"', (clause, expected) => {
    expect(due(clause, { signedAt: null, effectiveAt: null, publishedAt: day('2027-03-03') })).toBe(
      expected,
    );
  });

  it('keeps a limit after a relative clause that is not about an earlier limit', () => {
    const report = { signedAt: null, effectiveAt: null, publishedAt: day('2027-03-03') };
    expect(
      due(
        'The Operator, which was founded in 2001, shall file the report by 30 June 2027.',
        report,
      ),
    ).toBe('2027-06-30');
    expect(due('The Operator shall move the cargo to the terminal by 30 June 2027.', report)).toBe(
      '2027-06-30',
    );
  });

  describe('a tariff cut in annual stages', () => {
    const inForce = { entryIntoForceAt: day('2028-04-01') };

    it('is first due on the day of entry into force, then each year', () => {
      expect(
        extractDeadline(
          'Duties on category D goods shall be removed in seven equal annual stages beginning on the date of entry into force of this Agreement.',
          context(inForce),
          null,
        ),
      ).toMatchObject({ dueDate: '2028-04-01', recurrence: 'R/2028-04-01/P1Y' });
    });

    it('is first due on the date it begins on, then each year', () => {
      expect(
        extractDeadline(
          'Duties on category E goods shall be removed in three annual cuts beginning on 1 January 2029.',
          context(inForce),
          null,
        ),
      ).toMatchObject({ dueDate: '2029-01-01', recurrence: 'R/2029-01-01/P1Y' });
    });

    it('reads "upon entry into force" as that day', () => {
      expect(
        due(
          'Each Party shall notify its contact point upon entry into force of this Agreement.',
          inForce,
        ),
      ).toBe('2028-04-01');
    });

    it('reads no limit into entry into force as a subject', () => {
      expect(
        due('The Parties shall consult on the entry into force of the protocol.', inForce),
      ).toBeNull();
    });
  });

  it.each([
    'Acme will send a trade mission in the coming weeks.',
    'Acme will meet the regulator soon to settle the terms.',
    'Acme will shortly publish the tender rules.',
    'Acme will exchange the signed copies in due course.',
    'Acme will open a second office in the near future.',
    'Acme will release the funds as soon as possible.',
    'Acme shall promptly notify Beta of any defect.',
    'Acme will publish the shortlist in the months ahead.',
  ])('reads no due date into a time that names none, in "%s"', (clause) => {
    expect(extractDeadline(clause, context({ publishedAt: day('2027-03-03') }), null)).toBeNull();
  });

  it('reads no deadline into a month that has passed, or into a date with its day', () => {
    const report = { signedAt: null, effectiveAt: null, publishedAt: day('2027-03-03') };
    expect(
      due('Acme, which was listed in March 2025, will finalise the terms.', report),
    ).toBeNull();
    expect(due('Acme will finalise the terms by June 30, 2027.', report)).toBe('2027-06-30');
  });

  it('reads no date into the month of an event ("the month following receipt")', () => {
    expect(
      due('Acme shall pay by the end of the month following receipt of the invoice.', {
        publishedAt: day('2027-03-03'),
      }),
    ).toBeNull();
  });

  it('reads no deadline into a possessive "next year\'s"', () => {
    expect(
      due("The ministry will publish next year's budget.", { publishedAt: day('2027-03-03') }),
    ).toBeNull();
  });

  it('dates instalments from the first one, where they commence on a date', () => {
    const signed = { signedAt: day('2027-02-10'), effectiveAt: null };
    expect(
      extractDeadline(
        'The Borrower shall repay the Loan in semi-annual instalments payable on each 1 May and 1 November, commencing 1 May 2031.',
        context(signed),
        null,
      ),
    ).toMatchObject({ dueDate: '2031-05-01', recurrence: 'R/2031-05-01/P6M' });
    expect(
      extractDeadline(
        'The Borrower shall pay the Loan in eight quarterly instalments beginning on 30 September 2029.',
        context(signed),
        null,
      ),
    ).toMatchObject({ dueDate: '2029-09-30', recurrence: 'R/2029-09-30/P3M' });
  });

  it('reads a transitional period as the limit it sets', () => {
    const inForce = { entryIntoForceAt: day('2028-04-01') };
    expect(
      due(
        'Norvania shall remove the listed export taxes within a transitional period of five years from the date of entry into force of this Agreement.',
        inForce,
      ),
    ).toBe('2033-04-01');
    expect(
      due(
        'The Operator shall comply with the new standards within a period of 18 months after the Effective Date.',
      ),
    ).toBe('2027-06-22');
  });

  it('reads no limit into the start of the period a payment is for', () => {
    expect(
      due('The Licensee shall pay royalties for each quarter commencing 1 January 2028.', {
        signedAt: day('2027-02-10'),
        effectiveAt: null,
      }),
    ).not.toBe('2028-01-01');
  });

  it('counts from the end of each calendar semester, a half of the year', () => {
    const signed = { signedAt: day('2027-02-10'), effectiveAt: null };
    expect(
      extractDeadline(
        'The Recipient shall furnish each progress report not later than 45 days after the end of each calendar semester.',
        context(signed),
        null,
      ),
    ).toMatchObject({ dueDate: '2027-08-14', recurrence: 'R/2027-08-14/P6M' });
    expect(
      extractDeadline(
        'The Recipient shall furnish interim accounts within 60 days after the end of each half-year.',
        context(signed),
        null,
      ),
    ).toMatchObject({ dueDate: '2027-08-29', recurrence: 'R/2027-08-29/P6M' });
  });

  it('counts from the start of each period, the first whose deadline is not before the signing', () => {
    const budget =
      'The Borrower shall deliver the Budget not less than 30 days before the start of each Financial Year.';
    expect(
      extractDeadline(budget, context({ signedAt: day('2027-03-01'), effectiveAt: null }), null),
    ).toMatchObject({ dueDate: '2027-12-02', recurrence: 'R/2027-12-02/P1Y' });
    expect(due(budget, { signedAt: day('2027-12-20'), effectiveAt: null })).toBe('2028-12-02');
  });

  it('counts from the start of each Contract Year, which begins on the anniversary of the start', () => {
    const forecast =
      'The Buyer shall issue a binding forecast no later than ninety (90) days prior to the start of each Contract Year.';
    expect(
      extractDeadline(forecast, context({ signedAt: day('2026-04-01'), effectiveAt: null }), null),
    ).toMatchObject({ dueDate: '2027-01-01', recurrence: 'R/2027-01-01/P1Y' });
  });

  it('counts from the end of each billing month or reporting quarter, as of each month', () => {
    const invoice = extractDeadline(
      'The Seller shall deliver an invoice within ten (10) days after the end of each billing month.',
      context({ signedAt: day('2026-01-15'), effectiveAt: null }),
      null,
    );
    expect(invoice).toMatchObject({ dueDate: '2026-02-10', recurrence: 'R/2026-02-10/P1M' });
    expect(
      due('The Seller shall report within 30 days after the end of each reporting quarter.', {
        signedAt: day('2026-01-15'),
        effectiveAt: null,
      }),
    ).toBe('2026-04-30');
  });

  it('repeats from the end of "that quarter" of a duty for each quarter', () => {
    expect(
      due(
        'The Grantee must submit a claim for each quarter within 20 working days of the end of that quarter.',
        { signedAt: day('2024-12-02'), effectiveAt: null, holidayCountry: 'GB' },
      ),
    ).toBe('2025-01-29');
  });

  it('reads "the 15th day of the month following the end of each quarter" as days after each end', () => {
    expect(
      extractDeadline(
        'Production returns shall be submitted not later than the 15th day of the month following the end of each quarter.',
        context({ signedAt: day('2026-04-21'), effectiveAt: null }),
        null,
      ),
    ).toMatchObject({ dueDate: '2026-07-15', recurrence: 'R/2026-07-15/P3M' });
  });

  it('reads a limit in hours, which waits for its event and never runs from the signing', () => {
    expect(
      extractDeadline(
        'The Licensee must notify the Licensor within 48 hours of any security breach.',
        context(),
        null,
      ),
    ).toMatchObject({
      dueDate: null,
      duration: 'PT48H',
      anchor: { type: 'event', ref: 'any security breach' },
    });
    expect(
      extractDeadline(
        'The Licensor shall respond to a support request within four (4) hours.',
        context(),
        null,
      ),
    ).toMatchObject({ dueDate: null, duration: 'PT4H', anchor: { type: 'event' } });
  });

  it('counts anniversaries in whole years from their anchor, every year for "each"', () => {
    expect(
      extractDeadline(
        'The Licensee shall pay the annual fee on each anniversary of the Effective Date.',
        context(),
        null,
      ),
    ).toMatchObject({
      dueDate: '2026-12-22',
      duration: 'P1Y',
      recurrence: 'R/2026-12-22/P1Y',
      anchor: { type: 'effective' },
    });
    expect(
      due('The Seller shall deliver the accounts by the second anniversary of the date hereof.'),
    ).toBe('2027-08-31');
    expect(
      extractDeadline(
        'The Buyer shall pay the deferred consideration on the third anniversary of the Closing Date.',
        context(),
        null,
      ),
    ).toMatchObject({
      dueDate: null,
      duration: 'P3Y',
      anchor: { type: 'event', ref: 'Closing Date' },
    });
  });

  it.each([
    'on or before the Effective Date',
    'no later than the Effective Date',
    'prior to the Effective Date',
    'by the Effective Date',
  ])('reads "%s" as due on the date the agreement defines', (limit) => {
    expect(
      extractDeadline(
        `Provider shall deliver a certificate of insurance ${limit}.`,
        context(),
        null,
      ),
    ).toMatchObject({ expression: limit, kind: 'by', dueDate: '2025-12-22' });
  });

  it('reads no defined date into a lowercase "date"', () => {
    expect(due('Provider shall deliver the report on the date agreed.')).toBeNull();
  });

  it('waits for the event before a period that runs "then", never counting from the signing', () => {
    expect(
      extractDeadline(
        "Either party may terminate on 30 days' notice, and the Supplier shall then return all materials within 10 days.",
        context(),
        null,
      ),
    ).toMatchObject({ dueDate: null, duration: 'P10D', anchor: { type: 'event' } });
    // Without "then", a period with no start still runs from the signing.
    expect(due('The Supplier shall return all materials within 10 days.')).toBe('2025-09-10');
  });

  it('counts a period that names no start from the event the clause opens with', () => {
    expect(
      extractDeadline(
        'Upon termination, the Provider shall return all Customer Data within thirty (30) days.',
        context(),
        null,
      ),
    ).toMatchObject({
      dueDate: null,
      duration: 'P30D',
      anchor: { type: 'event', ref: 'termination' },
    });
    expect(
      due(
        'Upon execution of this Agreement, the Buyer shall pay the deposit within five (5) days.',
      ),
    ).toBe('2025-09-05');
    expect(due('The Buyer shall pay the deposit within five (5) days.')).toBe('2025-09-05');
  });

  it('counts from an event the clause opens with "On" or "At", but not from a date', () => {
    expect(
      extractDeadline(
        'On expiry or termination, the Provider shall delete all data within 30 days.',
        context(),
        null,
      ),
    ).toMatchObject({ dueDate: null, anchor: { type: 'event', ref: 'expiry or termination' } });
    expect(due('On 1 October 2025, the Buyer shall pay the deposit within five (5) days.')).toBe(
      '2025-10-01',
    );
  });

  it('sets a yearless date ahead of the signing, not behind the latest date in the text', () => {
    const forecast = 'The Buyer shall provide a forecast on or before 1 March of each year.';
    const signedEarlyIn2027 = { signedAt: day('2027-02-03'), effectiveAt: null };
    expect(
      extractDeadline(
        forecast,
        context({ ...signedEarlyIn2027, reference: day('2027-02-03') }),
        null,
      ),
    ).toMatchObject({ dueDate: '2027-03-01', recurrence: 'R/2027-03-01/P1Y' });
    expect(due(forecast, { signedAt: day('2027-03-02'), reference: day('2032-10-31') })).toBe(
      '2028-03-01',
    );
  });

  it('counts months from signing, clamping to the month end', () => {
    // 31 August 2025 + 6 months = 28 February 2026.
    expect(
      extractDeadline('The Parties will provide financing within six months.', context(), null),
    ).toMatchObject({
      dueDate: '2026-02-28',
      duration: 'P6M',
      relation: 'after',
      anchor: { type: 'signing' },
    });
  });

  it('repeats a day fixed within each period from the first one after signing', () => {
    // Signed 31 August 2025: the next quarter opens on 1 October; the 10th falls on a Friday.
    expect(
      extractDeadline(
        'The Licensee shall deliver a royalty statement no later than the tenth day of each calendar quarter.',
        context(),
        null,
      ),
    ).toMatchObject({
      kind: 'recurring',
      dueDate: '2025-10-10',
      recurrence: 'R/2025-10-10/P3M',
      anchor: { type: 'signing' },
    });
  });

  it('keeps a duration written before a day of each period as the first deadline', () => {
    expect(
      due(
        'The Supplier shall deliver the plan within 30 days of signing and thereafter on the first day of each month.',
      ),
    ).toBe('2025-09-30');
  });

  it('counts back from the expiry for "at least N days before"', () => {
    // 31 December 2028 - 90 days = 2 October 2028.
    expect(
      extractDeadline(
        'unless either Party gives notice at least ninety (90) days before the expiration of the then-current Term',
        context({ termExpiry: day('2028-12-31') }),
        null,
      ),
    ).toMatchObject({ dueDate: '2028-10-02', relation: 'before', kind: 'by' });
  });

  it('skips weekends and public holidays when counting business days', () => {
    // From Monday 22 December 2025: 23, 24, (25 Christmas), 26, 29, 30 December.
    expect(
      extractDeadline(
        'Seller shall notify Buyer within five (5) Business Days after the Effective Date.',
        context(),
        null,
      ),
    ).toMatchObject({ dueDate: '2025-12-30', businessDays: true });
  });

  it('takes a date named in the clause', () => {
    expect(due('Seller shall deliver the first Shipment no later than June 30, 2026.')).toBe(
      '2026-06-30',
    );
  });

  it('ends "by the end of 2027" on 31 December', () => {
    expect(due('Construction is targeted by the end of 2027.')).toBe('2027-12-31');
  });

  it.each([
    ['The Buyer shall pay by the end of the calendar year 2027.', '2027-12-31'],
    ['The Buyer shall pay by year-end 2026.', '2026-12-31'],
    ['The Buyer shall pay by end 2026.', '2026-12-31'],
    ['The Buyer shall pay before the end of 2026.', '2026-12-31'],
  ])('ends "%s" on the 31 December of the year named', (clause, expected) => {
    expect(due(clause)).toBe(expected);
  });

  it.each([
    ['The Buyer shall pay the balance on the first business day of July 2026.', '2026-07-01'],
    // New Year's Day 2027 is a Friday and a holiday.
    ['The Buyer shall pay the balance on the first business day of January 2027.', '2027-01-04'],
    // 31 May 2026 is a Sunday.
    ['The Buyer shall pay the balance by the last business day of May 2026.', '2026-05-29'],
    ['The Buyer shall pay the balance by the first day of September 2026.', '2026-09-01'],
  ])('takes the day of the month "%s" names', (clause, expected) => {
    expect(due(clause)).toBe(expected);
  });

  it('reads a date after its weekday, and the end of a month without "the"', () => {
    const minutes = { signedAt: day('2026-03-10'), effectiveAt: null };
    expect(due('DPE to circulate the study by Friday 20 March.', minutes)).toBe('2026-03-20');
    expect(due('The Ministry will revert by end of April.', minutes)).toBe('2026-04-30');
  });

  it('says "on" of a payment fixed to a day of a month', () => {
    const deadline = extractDeadline(
      'The Buyer shall pay the balance on the first business day of July 2026.',
      context(),
      null,
    );
    expect(deadline).toMatchObject({ kind: 'on', rule: expect.stringMatching(/US holidays/) });
  });

  it('counts "on the date falling 60 months after" from its event', () => {
    const deadline = extractDeadline(
      'The Borrower shall repay the Loan on the date falling 60 months after the date of this Agreement.',
      context(),
      null,
    );
    expect(deadline).toMatchObject({
      expression: 'on the date falling 60 months after the date of this Agreement',
      dueDate: '2030-08-31',
    });
  });

  it('counts a period from the event named after a comma, never from the signing', () => {
    const deadline = extractDeadline(
      'The Grantee shall notify the Funder promptly, and in any event within 10 days, of any change of control.',
      context(),
      null,
    );
    expect(deadline).toMatchObject({ dueDate: null, anchor: { ref: 'any change of control' } });
    // "after which" starts a clause of its own: the period runs from the signing.
    expect(due('The Buyer shall pay within 30 days, after which interest accrues.')).toBe(
      '2025-09-30',
    );
  });

  it('starts a repetition with the year it runs from', () => {
    expect(
      extractDeadline(
        'Kansai will purchase 3,000 tonnes of oxide annually from 2027.',
        context(),
        null,
      ),
    ).toMatchObject({ dueDate: '2027-12-31', recurrence: 'R/2027-12-31/P1Y' });
    expect(due('Japan will report quarterly starting in 2027.')).toBe('2027-03-31');
  });

  it('reads no deadline into the year something starts, and prefers a limit beside it', () => {
    expect(due('The levy applies to exports from 2027.')).toBeNull();
    expect(due('Australia will phase out the levy from 2027 and by 2030 at the latest.')).toBe(
      '2030-12-31',
    );
  });

  it('ends "the first half of 2026" on 30 June', () => {
    expect(due('The deal is expected to close in the first half of 2026.')).toBe('2026-06-30');
  });

  it.each([
    ['The pilot line will be built in spring 2027.', 'US', '2027-05-31'],
    ['The pilot line will be built by the summer of 2027.', 'JP', '2027-08-31'],
    ['The pilot line will be built by the end of autumn 2027.', 'US', '2027-11-30'],
    ['The pilot line will be built in fall 2027.', 'US', '2027-11-30'],
    ['The pilot line will be built before summer 2027.', 'US', '2027-05-31'],
    ['The pilot line will be built in spring 2027.', 'AU', '2027-11-30'],
    ['The pilot line will be built in autumn 2027.', 'CL', '2027-05-31'],
    ['The pilot line will be built before spring 2027.', 'NZ', '2027-08-31'],
  ])('ends "%s" with that season where %s is', (clause, country, expected) => {
    expect(due(clause, { holidayCountry: country })).toBe(expected);
  });

  it('reads a season of the text\'s own year for "this summer"', () => {
    expect(due('Drilling will start this summer.', { publishedAt: day('2027-03-03') })).toBe(
      '2027-08-31',
    );
  });

  it('names the months a season was read as, and dates none that spans the new year', () => {
    const deadline = extractDeadline('Work will start in spring 2027.', context(), null);
    expect(deadline?.rule).toMatch(/March to May, northern hemisphere/);
    // Summer south of the equator runs from December to February: which year's is not said.
    const southern = extractDeadline(
      'Work will start in summer 2027.',
      context({ holidayCountry: 'AU' }),
      null,
    );
    expect(southern?.dueDate).toBeNull();
    expect(due('Work will start in winter 2027.')).toBeNull();
  });

  it('reads no deadline into a season that had passed at the signing', () => {
    expect(due('The parties first met in spring 2024 in Lima.')).toBeNull();
  });

  it.each([
    [
      'The Supplier shall finish the study by the end of the second year of this Agreement.',
      '2027-12-22',
    ],
    ['The Supplier shall train the staff within the first year of the Term.', '2026-12-22'],
    ['The Supplier shall train the staff by the end of the sixth month of the Term.', '2026-06-22'],
    ['The Supplier shall file the plan within 12 months of this Agreement.', '2026-12-22'],
    [
      'The Supplier shall file the plan within 90 days of the term of this Agreement.',
      '2026-03-22',
    ],
  ])('counts "%s" from the agreement\'s start', (clause, expected) => {
    expect(due(clause)).toBe(expected);
  });

  it('reads "during the first year" as when a repetition runs, not by when it is due', () => {
    const clause = 'During the first year of the Term, the Supplier shall provide monthly reports.';
    expect(extractDeadline(clause, context(), null)).toMatchObject({
      kind: 'recurring',
      dueDate: '2025-09-30',
    });
  });

  it('counts from the signing where the agreement names no effective date', () => {
    expect(
      due('Beta shall file the plan within 12 months of this Agreement.', { effectiveAt: null }),
    ).toBe('2026-08-31');
  });

  it('keeps counting from an event of the agreement, not its start', () => {
    const deadline = extractDeadline(
      'The Supplier shall return the samples within 30 days after the termination of this Agreement.',
      context(),
      null,
    );
    expect(deadline).toMatchObject({ dueDate: null, anchor: { type: 'event' } });
  });

  it("reads a quarter or half named without its year as of the text's year", () => {
    const report = { publishedAt: day('2026-05-11') };
    expect(due('First shipments will leave Antofagasta in the third quarter.', report)).toBe(
      '2026-09-30',
    );
    expect(due('Deliveries will start in the second half.', report)).toBe('2026-12-31');
  });

  it('reads "FY27" and "the 2027-2028 fiscal year" by the year they end in', () => {
    const aprilToMarch = { fiscalYearEnd: { month: 3, day: 31 }, fiscalYearStated: true };
    expect(due('Alpha shall reach a decision by the end of FY27.', aprilToMarch)).toBe(
      '2027-03-31',
    );
    expect(
      due(
        'Beta shall commence works no later than the end of the 2027-2028 fiscal year.',
        aprilToMarch,
      ),
    ).toBe('2028-03-31');
  });

  it('starts a yearly date in the year the series commences', () => {
    expect(
      due('Ontario shall submit a progress report by June 30 of each year, commencing in 2027.', {
        signedAt: day('2026-03-03'),
      }),
    ).toBe('2027-06-30');
  });

  it('ends "fiscal year 2027" on the fiscal year end the document defines', () => {
    expect(
      due('The Ministry will complete the survey by fiscal year 2027.', {
        fiscalYearEnd: { month: 9, day: 30 },
      }),
    ).toBe('2027-09-30');
  });

  it('starts a bare repetition one period after signing', () => {
    expect(extractDeadline('The Participants will meet quarterly.', context(), null)).toMatchObject(
      {
        kind: 'recurring',
        dueDate: '2025-11-30',
        recurrence: 'R/2025-11-30/P3M',
      },
    );
  });

  describe('a repetition in each period of the calendar', () => {
    const signedMidMonth = context({ signedAt: day('2025-08-14') });

    it.each([
      [
        'The Steering Committee shall meet at least once in every calendar quarter.',
        '2025-09-30',
        'P3M',
      ],
      ['The Operator shall hold a site review each calendar month.', '2025-08-31', 'P1M'],
      ['The Lessee shall inspect the premises once every calendar year.', '2025-12-31', 'P1Y'],
    ])('holds "%s" due by the end of the period signing falls in', (clause, first, period) => {
      expect(extractDeadline(clause, signedMidMonth, null)).toMatchObject({
        dueDate: first,
        recurrence: `R/${first}/${period}`,
      });
    });

    it('holds the next period as the first where signing falls on the last day of one', () => {
      const signedAtQuarterEnd = context({ signedAt: day('2026-03-31') });
      expect(
        extractDeadline('The Board shall meet every calendar quarter.', signedAtQuarterEnd, null)
          ?.dueDate,
      ).toBe('2026-06-30');
    });

    it('leaves a repetition that names no calendar period one period after signing', () => {
      expect(
        extractDeadline('The Board shall meet every quarter.', signedMidMonth, null)?.dueDate,
      ).toBe('2025-11-14');
    });
  });

  it('counts "within the same period" from the anchor of the previous deadline', () => {
    expect(
      extractDeadline('and shall report within the same 30 days', context(), {
        anchor: 'the Effective Date',
      })?.dueDate,
    ).toBe('2026-01-21');
  });

  it('resolves a defined date through its definition', () => {
    const definitions = findDefinitions(
      '"Final Maturity Date" means the date falling seven (7) years after the date of this Agreement.',
      null,
    );
    expect(
      extractDeadline(
        'The Borrower shall repay the Loan in full on the Final Maturity Date.',
        context({ definitions }),
        null,
      ),
    ).toMatchObject({ dueDate: '2032-08-31', kind: 'on' });
  });

  it('keeps a deadline from an undated event open with its ref', () => {
    expect(
      extractDeadline(
        'Buyer shall pay within thirty (30) days after receipt of the invoice.',
        context(),
        null,
      ),
    ).toMatchObject({ dueDate: null, anchor: { type: 'event', ref: 'receipt of the invoice' } });
  });
});

describe('a limit set "in any event" after another', () => {
  const read = (clause: string) => extractDeadline(clause, context(), null);

  it.each([
    'The Lessee shall return the equipment within 20 days and in any event no later than 15 March 2026.',
    'The Lessee shall return the equipment within 20 days of the inspection, but in no event later than 15 March 2026.',
    'The Lessee shall return the equipment within 20 days after the demand, and in all cases by 15 March 2026.',
  ])('is the due date where the period before it has no date of its own: "%s"', (clause) => {
    expect(read(clause)).toMatchObject({
      dueDate: '2026-03-15',
      kind: 'by',
      anchor: { type: 'date' },
    });
    expect(read(clause)?.rule).toMatch(/the limit in any event after "within 20 days/);
  });

  it('gives way to a period from a dated start the clause names, where that ends first', () => {
    expect(
      read(
        'The Lessee shall return the equipment within 20 days after the Effective Date and in any event by 15 March 2026.',
      ),
    ).toMatchObject({
      dueDate: '2026-01-11',
      kind: 'within',
      rule: 'effective + P20D; before "by 15 March 2026", the limit in any event',
    });
  });

  it('bounds such a period where it would end later', () => {
    expect(
      read(
        'The Lessee shall return the equipment within 120 days after the Effective Date and in any event by 15 March 2026.',
      ),
    ).toMatchObject({ dueDate: '2026-03-15', kind: 'by' });
  });

  it('leaves a limit with no backstop as it reads', () => {
    expect(
      read(
        'The Lessee shall return the equipment within 20 days and deliver a report by 15 March 2026.',
      ),
    ).toMatchObject({ dueDate: '2025-09-20', kind: 'within' });
  });
});

describe('a day named by its weekday in a dated message', () => {
  // A note sent on Tuesday 1 December 2026.
  const note = { signedAt: day('2026-12-01'), effectiveAt: null, reference: day('2027-02-01') };
  const read = (clause: string) => extractDeadline(clause, context(note), null);

  it.each([
    ['The Lessor shall return the keys by COB Tuesday 15/12.', '2026-12-15'],
    ['The Lessor shall return the keys no later than 17:00 on Friday 18.12.', '2026-12-18'],
    // Not in 2026, whose 15 December is a Tuesday.
    ['The Lessor shall return the keys by Wednesday 15/12.', '2027-12-15'],
    ['The Lessor shall return the keys by Monday 15 December.', '2025-12-15'],
  ])('dates "%s" in the year that puts the day on its weekday', (clause, expected) => {
    expect(read(clause)).toMatchObject({
      dueDate: expected,
      rule: 'date named in the text, in the year of its weekday',
    });
  });

  it.each([
    'The Operator shall provide 24/7 support.',
    'The Board shall approve the sale by a 3/4 majority.',
    'The Lessor shall comply with clause 25/11 of the Charter.',
    'The Lessor shall cut the fee by 1/2.',
    'The Lessor shall install release 14.04 on Monday.',
  ])('reads no date in the figures of "%s"', (clause) => {
    expect(read(clause)).toBeNull();
  });

  it('dates a day and month whose weekday is wrong in every year near the note, or that has none, on the next such day', () => {
    expect(read('The Lessor shall return the keys by Friday 15/12.')?.dueDate).toBe('2026-12-15');
    expect(read('The Lessor shall return the keys by 14/11.')?.dueDate).toBe('2027-11-14');
  });

  it.each([
    ['The Lessor shall return the keys by Friday next week.', '2026-12-11', 'by'],
    [
      'The Lessor shall return the keys by close of business on Friday next week.',
      '2026-12-11',
      'by',
    ],
    ['The Lessor shall return the keys on Monday of next week.', '2026-12-07', 'on'],
    ['The Lessor shall return the keys by Thursday this week.', '2026-12-03', 'by'],
    ['The Lessor shall return the keys by the end of next week.', '2026-12-11', 'by'],
    ['The Lessor shall return the keys by the end of the week.', '2026-12-04', 'by'],
  ])('counts "%s" from the week of the note', (clause, expected, kind) => {
    expect(read(clause)).toMatchObject({ dueDate: expected, kind, anchor: { type: 'date' } });
  });

  it('reads no day into a week named without one, nor changes a week counted as a period', () => {
    expect(read('The Lessor shall return the keys next week.')).toBeNull();
    expect(read('The Lessor shall return the keys within one week.')?.dueDate).toBe('2026-12-08');
  });

  it('dates no week in a text without a date of its own, nor one of an event', () => {
    const undated = { signedAt: null, effectiveAt: null, reference: day('2026-12-01') };
    expect(
      extractDeadline(
        'The Lessor shall return the keys by Friday next week.',
        context(undated),
        null,
      ),
    ).toMatchObject({ dueDate: null, rule: 'Friday of a week not dated' });
    expect(
      read('The Lessor shall return the keys by the end of the week in which the vessel sails.'),
    ).toBeNull();
  });
});
