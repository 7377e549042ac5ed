import { findDefinitions } from './definitions';
import { classifyLines } from './noise';
import { splitLines } from './sentences';
import {
  findIncompleteSignedAt,
  findInstrumentDate,
  findSignedAt,
  findStandaloneDate,
  isBill,
} from './signing-date';

function signedAt(text: string, publishedAt: string | null = null) {
  const lines = splitLines(text);
  const published = publishedAt
    ? {
        year: Number(publishedAt.slice(0, 4)),
        month: Number(publishedAt.slice(5, 7)),
        day: Number(publishedAt.slice(8)),
      }
    : null;
  const date = findSignedAt(
    text,
    lines,
    classifyLines(lines),
    published,
    published,
    findDefinitions(text, null),
  );
  return date ? `${date.year}-${date.month}-${date.day}` : null;
}

describe('signing date', () => {
  it('reads the date after "made as of"', () => {
    expect(signedAt('This Agreement is made as of March 3, 2011 between A Inc. and B LLC.')).toBe(
      '2011-3-3',
    );
  });

  it('reads a date written in words, as treaties are dated', () => {
    expect(
      signedAt(
        'DONE at Seoul, this fourth day of April, two thousand twenty-five, in duplicate in the Spanish, Korean and English languages.',
      ),
    ).toBe('2025-4-4');
    expect(
      signedAt(
        'Signed at Ottawa on the twenty-eighth day of October in the year two thousand and twenty-six.',
      ),
    ).toBe('2026-10-28');
    expect(
      signedAt('Signed in Santiago on the twenty-second of July of two thousand twenty-six.'),
    ).toBe('2026-7-22');
  });

  it('reads the date the parties appear before the notary as the signing date', () => {
    expect(
      signedAt('In Santiago de Chile, on 22 July 2026, appear on the one hand the STATE OF CHILE.'),
    ).toBe('2026-7-22');
  });

  it('reads "done in" a place as signing, like "done at"', () => {
    expect(signedAt('Done in Hanoi on 8th of October 2026 in two originals.')).toBe('2026-10-8');
  });

  it('reads no signing date from a signing still to come', () => {
    expect(
      signedAt('The loan agreement is expected to be signed by 30 September 2025.'),
    ).toBeNull();
    expect(signedAt('The treaty will be signed on 4 April 2026 in Seoul.')).toBeNull();
  });

  it('reads no signing date from the date a commitment is due by', () => {
    expect(
      signedAt(
        'Ministers welcomed the memorandum signed between Alpha Ltd and Beta SE, under which Alpha will supply 1,000 tonnes by 30 June 2027.',
      ),
    ).toBeNull();
    expect(signedAt('The Parties signed the Framework on 27 November 2025 in Brussels.')).toBe(
      '2025-11-27',
    );
  });

  it('reads the date after "made this" or "made the" when a day follows', () => {
    expect(signedAt('This Lease is made the 9th of April, 2016 between A Ltd and B plc.')).toBe(
      '2016-4-9',
    );
    expect(signedAt('This Deed is made this August 14, 2009 by the Trustee.')).toBe('2009-8-14');
  });

  it('does not read "made the" before anything but a day as dating the instrument', () => {
    expect(
      signedAt('The first payment made the Buyer liable for the invoice of May 2, 2016.'),
    ).toBeNull();
  });

  it('resolves "signed on Tuesday" to the Tuesday on or before the publication date', () => {
    // 2025-10-28 is a Tuesday; 2025-10-30 a Thursday.
    expect(signedAt('The ministers signed on Tuesday a framework.', '2025-10-30')).toBe(
      '2025-10-28',
    );
  });

  it('takes "as of the Effective Date" to mean the date the document defines by that name', () => {
    const text = [
      '"Effective Date" shall mean December 5, 2014.',
      'The Parties have executed this Agreement as of the Effective Date.',
    ].join('\n');
    expect(signedAt(text)).toBe('2014-12-5');
  });

  it('ignores a "dated" inside the definition of another agreement', () => {
    const text = [
      '"Offtake Agreement" means that certain Sale Agreement dated 1 November 1999.',
      'This Contract is dated January 3, 2000.',
    ].join('\n');
    expect(signedAt(text)).toBe('2000-1-3');
  });

  it('reads a line that is nothing but a date as the agreement date', () => {
    const lines = splitLines('ACME INC.\nthe 7th day of September, 1999.\nSection 1');
    expect(findStandaloneDate(lines, null)).toEqual({ year: 1999, month: 9, day: 7 });
  });

  it('reads a date labelled only "Date:" on its own line as the agreement date', () => {
    const lines = splitLines('ACME INC.\nDate: 12 March 2016\nSection 1');
    expect(findStandaloneDate(lines, null)).toEqual({ year: 2016, month: 3, day: 12 });
  });

  it.each([
    'Date of signing: 3 June 2026',
    'Signing date: 3 June 2026',
    'Date of Signature: 3 June 2026',
  ])('reads "%s" on its own line, as a translated contract heads its parties', (line) => {
    const lines = splitLines(`SALES CONTRACT\nParty A (Seller): Oren Metals\n${line}\nArticle 1`);
    expect(findStandaloneDate(lines, null)).toEqual({ year: 2026, month: 6, day: 3 });
  });

  it('does not read a date of another event labelled on its own line', () => {
    const lines = splitLines('SALES CONTRACT\nDate of shipment: 3 June 2026\nArticle 1');
    expect(findStandaloneDate(lines, null)).toBeNull();
  });

  it('reads the date of a dateline, after the place the statement was made', () => {
    const joint = splitLines('JOINT STATEMENT\nCanberra, 20 October 2026\nThe leaders agreed.');
    expect(findStandaloneDate(joint, null)).toEqual({ year: 2026, month: 10, day: 20 });
    const dc = splitLines('JOINT STATEMENT\nWashington, D.C. - October 28, 2025\nText.');
    expect(findStandaloneDate(dc, null)).toEqual({ year: 2025, month: 10, day: 28 });
  });

  it('does not read a date after words that are no place as a dateline', () => {
    const lines = splitLines('ACME INC.\nThe parties met on 12 March 2016\nSection 1');
    expect(findStandaloneDate(lines, null)).toBeNull();
  });

  it('reads the date of minutes, its weekday beside it', () => {
    const lines = splitLines('MINUTES\nDate: Tuesday 10 March 2026\nAttendees: DPE, SGI');
    expect(findStandaloneDate(lines, null)).toEqual({ year: 2026, month: 3, day: 10 });
  });

  it("reads a licence's date of grant and an e-mail's date, its weekday and time beside it", () => {
    const licence = splitLines(
      'REPUBLIC OF GHANA\nDate of Grant: 21st day of April 2026\nConditions',
    );
    expect(findStandaloneDate(licence, null)).toEqual({ year: 2026, month: 4, day: 21 });
    const mail = splitLines('From: A\nDate: Thu, 19 Nov 2026 17:42\nSubject: action points');
    expect(findStandaloneDate(mail, null)).toEqual({ year: 2026, month: 11, day: 19 });
  });

  it('does not read a date under another label as the agreement date', () => {
    const lines = splitLines('ACME INC.\nExpiry Date: 12 March 2016\nSection 1');
    expect(findStandaloneDate(lines, null)).toBeNull();
  });

  it('gives the written parts of a signing date left blank', () => {
    const text = 'This Agreement is made and entered into this ___ day of _________, 2004 by X.';
    const lines = splitLines(text);
    expect(findIncompleteSignedAt(text, lines, classifyLines(lines))).toBe('2004-XX-XX');
  });

  it('gives the written parts of a blank date standing alone on its line', () => {
    const text = 'ACME INC.\nFebruary ____, 2017\nThe Term is four years.';
    const lines = splitLines(text);
    expect(findIncompleteSignedAt(text, lines, classifyLines(lines))).toBe('2017-02-XX');
  });
});

describe('the date of a government instrument', () => {
  const dated = (text: string) => {
    const date = findInstrumentDate(splitLines(text));
    return date ? `${date.year}-${date.month}-${date.day}` : null;
  };

  it.each([
    ['Executive Order 14241 of March 20, 2025\nImmediate Measures', '2025-3-20'],
    ['Title 3—   Executive Order 13817 of December 20, 2017', '2017-12-20'],
    ['Proclamation 10962 of June 3, 2025', '2025-6-3'],
    ['Memorandum of April 15, 2025', '2025-4-15'],
    ['PUBLIC LAW 117-58--NOV. 15, 2021\n135 STAT. 429', '2021-11-15'],
    [
      'An Act\nSEC. 1. This Act may be cited as the Act.\nApproved November 15, 2021.',
      '2021-11-15',
    ],
  ])('reads %j', (text, date) => {
    expect(dated(text)).toBe(date);
  });

  it('reads no other line', () => {
    expect(dated('Executive Order 14241 of March 20, 2025, as amended, shall apply.')).toBeNull();
    expect(dated('The plan was approved on March 3, 2025.')).toBeNull();
  });

  it('reads a proclamation signed "this thirtieth day of July, in the year of our Lord"', () => {
    expect(
      signedAt(
        'IN WITNESS WHEREOF, I have hereunto set my hand this thirtieth day of July, in the year of our Lord two thousand twenty-five.',
      ),
    ).toBe('2025-7-30');
  });

  it('tells a bill, which is not signed, by its lines', () => {
    expect(isBill('IN THE SENATE OF THE UNITED STATES\nMarch 4, 2026\nA BILL')).toBe(true);
    expect(isBill('Ms. Jones introduced the following bill; which was referred')).toBe(true);
    expect(isBill('The Buyer shall pay the bill within 30 days.')).toBe(false);
  });
});
