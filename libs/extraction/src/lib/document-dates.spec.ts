import type { CalendarDate } from './calendar-date';
import { formatIsoDate } from './calendar-date';
import { findDefinitions } from './definitions';
import {
  effectiveOnEvent,
  findEffectiveDates,
  findPublishedAt,
  firstYearReference,
} from './document-dates';
import { splitLines } from './sentences';

const iso = (date: CalendarDate | null) => (date ? formatIsoDate(date) : null);
const published = (text: string, reference: CalendarDate | null = null) =>
  iso(findPublishedAt(text, splitLines(text), reference));
const effective = (text: string, signedAt: CalendarDate | null = null) =>
  iso(findEffectiveDates(text, findDefinitions(text, null), signedAt, null).effectiveAt);
const MAY_1_2020: CalendarDate = { year: 2020, month: 5, day: 1 };

describe('publication date', () => {
  it('reads a metadata line', () => {
    expect(published(' date 2025-10-28 https://example.org/page.html\nHeadline')).toBe(
      '2025-10-28',
    );
  });

  it('reads a "Published" byline', () => {
    expect(published('Headline\nPublished 21 October 2025\nBody text follows here.')).toBe(
      '2025-10-21',
    );
  });

  it('reads a wire dateline, taking the year from the reference', () => {
    expect(
      published('KUALA LUMPUR, Oct 26 (Meridian Wire) - Leaders signed two memorandums.', {
        year: 2025,
        month: 10,
        day: 27,
      }),
    ).toBe('2025-10-26');
  });

  it('reads a press-release dateline with the place in ordinary capitals', () => {
    const release = `Two States Sign a Memorandum

Valletta, Malta, 3 February 2027 — The two governments today signed a memorandum.`;
    expect(published(release)).toBe('2027-02-03');
  });

  it('reads a dateline whose place ends on a dash, not a comma', () => {
    const release = `Agency Announces Loan for a Graphite Mine

WASHINGTON – January 14, 2026 – The Agency today announced a loan.`;
    expect(published(release)).toBe('2026-01-14');
  });

  it("reads a dateline with a newswire's tag before its dash", () => {
    const release = `Boreal Nickel Corp. and Kestrel Inc. Form a Joint Venture

MONTREAL, Feb. 3, 2026 /PRNewswire/ -- Boreal Nickel Corp. today announced a venture.`;
    expect(published(release)).toBe('2026-02-03');
  });

  it("reads a dateline that ends on a colon, as a fund's press release writes it", () => {
    const release = `Staff Concludes Mission to Norvania

Press Release No. 27/051

Washington, DC – March 9, 2027: A staff team concluded its mission to Norvania today.`;
    expect(published(release)).toBe('2027-03-09');
  });

  it('reads a dateline whose date is in brackets after its place', () => {
    const release = `Bank Approves Loan for Coastal Roads

Manila, Philippines (14 April 2027) — The Bank approved a loan today.`;
    expect(published(release)).toBe('2027-04-14');
  });

  it('does not take a colon after a date in the body for a dateline', () => {
    expect(
      published(`Two States Sign a Memorandum

Press note

The talks resumed on 3 February 2027: both delegations agreed on a text that runs for many years and covers trade.`),
    ).toBeNull();
  });

  it('does not take a dated sentence of the body for a dateline', () => {
    expect(
      published(`Two States Sign a Memorandum

The talks resumed, 3 February 2027 — a week late — and the two governments signed a memorandum that runs for many years and covers trade.`),
    ).toBeNull();
  });

  it('finds none in a contract', () => {
    expect(published('SUPPLY AGREEMENT\nThis Agreement is made as of March 3, 2011.')).toBeNull();
  });
});

describe('year reference', () => {
  it('takes the latest full date in the text when none is given', () => {
    expect(iso(firstYearReference('Signed 1 May 2024; amended on 2 June 2025.', null))).toBe(
      '2025-06-02',
    );
  });
});

describe('effective date', () => {
  it('reads a date defined as the Effective Date', () => {
    expect(effective('entered into as of January 15, 2026 (the "Effective Date")')).toBe(
      '2026-01-15',
    );
  });

  it('reads "shall become effective as of" a date', () => {
    expect(effective('This Agreement shall become effective as of July 1, 2020.')).toBe(
      '2020-07-01',
    );
  });

  it('reads a label on one line and its date on the next', () => {
    expect(effective('EFFECTIVE DATE\n                JUNE 1, 1998')).toBe('1998-06-01');
  });

  it('reads "the commencement date ... will be" a date', () => {
    expect(effective('The commencement date for this contract will be 16th June 2004.')).toBe(
      '2004-06-16',
    );
  });

  it('takes the signing date for "takes effect on signature"', () => {
    expect(effective('This Memorandum takes effect on signature.', MAY_1_2020)).toBe('2020-05-01');
  });

  it('takes the signing date where the Effective Date means the date of this Agreement', () => {
    expect(effective('"Effective Date" means the date of this Agreement.', MAY_1_2020)).toBe(
      '2020-05-01',
    );
  });

  it('takes the day after signing for "on the day after the date of last signature"', () => {
    expect(
      effective(
        'effective beginning on 12:01 a.m. on the day after the date of last signature',
        MAY_1_2020,
      ),
    ).toBe('2020-05-02');
  });

  it('takes the later date borne for a contract effective on signed acceptance', () => {
    const offer = 'Offer to Lease\n\nJune 2, 2021\n\n6/9/21\n\n';
    const acceptance = 'This Lease takes effect on the date of signed acceptance by the Landlord.';
    expect(effective(offer + acceptance, { year: 2021, month: 6, day: 2 })).toBe('2021-06-09');
  });

  it('takes the last of the signature dates where the Effective Date is the last signature', () => {
    const blocks = 'Tenant\nDate: 4 October 2022\n\nLandlord\nDate: 11 October 2022\n\n';
    const definition = 'The Effective Date of this Lease is the date of last signature below.';
    expect(effective(blocks + definition, { year: 2022, month: 10, day: 4 })).toBe('2022-10-11');
  });

  it('does not take a payment counted from the last signature for the effective date', () => {
    const blocks = 'Date: 4 October 2022\n\nDate: 11 October 2022\n\n';
    const payment = 'The deposit is payable within ten days of the date of last signature.';
    expect(effective(blocks + payment, { year: 2022, month: 10, day: 4 })).toBeNull();
  });

  it('reads an effective date named after an event the text dates', () => {
    const text = [
      'The effective date of the start of the Term will be from the Launch Date.',
      'The launch date of the Co-Branded Site shall be September 1st, 1999.',
    ].join('\n');
    expect(effective(text)).toBe('1999-09-01');
  });

  it.each([
    ['The effective date of this Lease is 2 March 2021.', '2021-03-02'],
    ['This Memorandum takes effect on 2 March 2021.', '2021-03-02'],
    ['The Licence commences on March 2, 2021 and runs for a year.', '2021-03-02'],
    ['This Deed is made on 9 January 2021, effective 2 March 2021.', '2021-03-02'],
    [
      'The Term of this Lease shall be for a period of two years commencing the 3rd day of March 2021.',
      '2021-03-03',
    ],
    [
      'The initial term of this Lease begins on 3 March 2021 and ends on 2 March 2023.',
      '2021-03-03',
    ],
    ['The term of the Licence shall start on March 3, 2021.', '2021-03-03'],
    ['This Deed shall be deemed effective as of 3 March 2021.', '2021-03-03'],
    ['Effective as of March 3, 2021, the Landlord and the Tenant agree as follows.', '2021-03-03'],
    ['This Lease is effective retroactively to March 3, 2021.', '2021-03-03'],
  ])('reads the effective date in "%s"', (text, expected) => {
    expect(effective(text)).toBe(expected);
  });

  it('takes the signing date for "shall be effective upon signature"', () => {
    expect(effective('This Agreement shall be effective upon signature.', MAY_1_2020)).toBe(
      '2020-05-01',
    );
  });

  it('does not take the start of a renewal term for the effective date', () => {
    expect(
      effective('The renewal term of this Lease shall be one year commencing on 3 March 2023.'),
    ).toBeNull();
    expect(
      effective(
        'The Licence is granted on 1 March 2021. Any extended term shall commence on 3 March 2023. The Licence shall begin on 5 March 2021.',
      ),
    ).toBe('2021-03-05');
  });

  it('does not take the start of a duty under the agreement for the effective date', () => {
    expect(effective('Deliveries of the Product shall begin on 1 June 2021.')).toBeNull();
    expect(effective('Production commences on March 3, 2021 at the Plant.')).toBeNull();
  });

  it('does not take the end of a period the agreement is effective to for its start', () => {
    expect(effective('This Lease is effective to March 3, 2021.')).toBeNull();
  });

  describe('entry into force', () => {
    const inForce = (text: string) =>
      iso(findEffectiveDates(text, findDefinitions(text, null), null, null).entryIntoForceAt);

    it('reads the date of a later clause where the first mention of entry into force has none', () => {
      const treaty = [
        'Tariffs on listed goods shall be reduced in three stages beginning on the date of entry into force of this Agreement.',
        'Each Party shall designate a contact point within sixty days after entry into force.',
        'This Agreement shall enter into force on 1 July 2028.',
      ].join('\n');
      expect(inForce(treaty)).toBe('2028-07-01');
    });

    it('reads a closing line "Entry into force:" after a clause counting from it', () => {
      const closing =
        'The Sides will meet within ninety days of the entry into force of this Memorandum.\nEntry into force: 3 March 2027';
      expect(inForce(closing)).toBe('2027-03-03');
    });

    it('finds none where no mention of entry into force has a date', () => {
      expect(
        inForce(
          'This Agreement shall enter into force thirty days after the later notification. Within a year after entry into force, the Parties shall meet.',
        ),
      ).toBeNull();
    });
  });

  it('finds none where the text states none', () => {
    expect(effective('The Parties shall cooperate in good faith.', MAY_1_2020)).toBeNull();
  });

  describe('an Effective Date that is the day of an event', () => {
    const none = findDefinitions('', null);

    it('is one still to come where conditions must be fulfilled first', () => {
      expect(
        effectiveOnEvent(
          'thirty (30) years from the Effective Date, which shall be the date on which the last of the Conditions Precedent in Article 4 is fulfilled.',
          none,
        ),
      ).toBe(true);
      const text = '"Effective Date" means the day on which the Minister approves the transfer.';
      expect(effectiveOnEvent(text, findDefinitions(text, null))).toBe(true);
    });

    it('is the signing where the event is the signing', () => {
      const text =
        '"Effective Date" means the date on which this Agreement has been executed by both Parties.';
      expect(effectiveOnEvent(text, findDefinitions(text, null))).toBe(false);
    });
  });
});
