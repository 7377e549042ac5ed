import type { AnchorContext } from './anchors';
import { defaultAnchor, normaliseRef, resolveAnchor } from './anchors';
import type { CalendarDate } from './calendar-date';
import { findDefinitions } from './definitions';

const day = (iso: string): CalendarDate => ({
  year: Number(iso.slice(0, 4)),
  month: Number(iso.slice(5, 7)),
  day: Number(iso.slice(8, 10)),
});

function context(over: Partial<AnchorContext> = {}): AnchorContext {
  return {
    signedAt: day('2025-10-28'),
    publishedAt: day('2025-10-29'),
    effectiveAt: day('2026-01-15'),
    entryIntoForceAt: null,
    definitions: findDefinitions('', null),
    events: new Map(),
    fiscalYearEnd: { month: 12, day: 31 },
    termExpiry: null,
    ...over,
  };
}

describe('anchors', () => {
  it('reads "the signing of this Framework" as the signing date', () => {
    expect(resolveAnchor('the signing of this Framework', context())).toEqual({
      type: 'signing',
      date: day('2025-10-28'),
    });
  });

  it('reads "the MoU is signed" as the signing, but not the signing of another instrument', () => {
    expect(resolveAnchor('the MoU is signed', context()).type).toBe('signing');
    expect(resolveAnchor('this Agreement has been signed', context()).type).toBe('signing');
    expect(resolveAnchor('the loan agreement is signed', context())).toMatchObject({
      type: 'event',
      date: null,
    });
  });

  it('reads "this Dialogue" of a communiqué as the date it was issued', () => {
    expect(resolveAnchor('this Dialogue', context({ effectiveAt: null }))).toEqual({
      type: 'signing',
      date: day('2025-10-28'),
    });
    expect(resolveAnchor('the next Dialogue', context()).type).toBe('event');
  });

  it('waits for an Effective Date that is the day of an event still to come', () => {
    expect(
      resolveAnchor('the Effective Date', context({ effectiveAt: null, effectiveOnEvent: true })),
    ).toEqual({ type: 'event', ref: 'Effective Date', date: null });
    expect(resolveAnchor('the Effective Date', context({ effectiveAt: null }))).toMatchObject({
      type: 'effective',
      date: day('2025-10-28'),
    });
  });

  it("reads a licence's date of grant as the date it was signed", () => {
    expect(resolveAnchor('the Date of Grant', context()).type).toBe('signing');
  });

  it('reads "the date hereof" as the signing date', () => {
    expect(resolveAnchor('the date hereof', context()).type).toBe('signing');
  });

  it('ends each contract year the day before an anniversary of the start, unless defined', () => {
    // Effective 2026-01-15: contract years end on 14 January.
    expect(resolveAnchor('the end of each Contract Year', context())).toMatchObject({
      type: 'event',
      date: day('2027-01-14'),
      period: 'P1Y',
    });
    const definitions = findDefinitions('"Contract Year" means each calendar year.', null);
    expect(resolveAnchor('the end of each Contract Year', context({ definitions }))).toMatchObject({
      date: day('2026-12-31'),
    });
  });

  it('reads the close of each fiscal year as its end', () => {
    // Effective 2026-01-15: the first fiscal year to close after it ends on 31 December 2026.
    expect(resolveAnchor('the close of each fiscal year', context())).toMatchObject({
      date: day('2026-12-31'),
      period: 'P1Y',
    });
  });

  it('reads the date of this amendment or letter as the signing date', () => {
    expect(resolveAnchor('the date of this Amendment', context()).type).toBe('signing');
    expect(resolveAnchor('the date of this letter', context()).type).toBe('signing');
  });

  it('reads "the Effective Date" as the effective date', () => {
    expect(resolveAnchor('the Effective Date', context())).toEqual({
      type: 'effective',
      date: day('2026-01-15'),
    });
  });

  it('reads "entry into force" as the entry into force, else the effective date', () => {
    expect(resolveAnchor('the entry into force of this Agreement', context())).toEqual({
      type: 'entry-into-force',
      date: day('2026-01-15'),
    });
  });

  it('reads "this announcement" as the publication date', () => {
    expect(resolveAnchor('the date of this announcement', context())).toEqual({
      type: 'publication',
      date: day('2025-10-29'),
    });
  });

  it('starts "the end of each fiscal quarter" at the first quarter end after the start', () => {
    expect(resolveAnchor('the end of each fiscal quarter', context())).toMatchObject({
      type: 'event',
      date: day('2026-03-31'),
      period: 'P3M',
    });
  });

  it('ends "each Fiscal Year" on the fiscal year end the document defines', () => {
    const june = context({ fiscalYearEnd: { month: 6, day: 30 } });
    expect(resolveAnchor('the end of each Fiscal Year', june)).toMatchObject({
      date: day('2026-06-30'),
      period: 'P1Y',
    });
  });

  it('dates "the expiration of the then-current Term" by the term expiry', () => {
    const expiring = context({ termExpiry: day('2028-12-31') });
    expect(resolveAnchor('the expiration of the then-current Term', expiring).date).toEqual(
      day('2028-12-31'),
    );
  });

  it('dates an event by a date the document defines', () => {
    const defined = context({
      definitions: findDefinitions('"Closing Date" means 30 June 2026.', null),
    });
    expect(resolveAnchor('the Closing Date', defined)).toEqual({
      type: 'event',
      ref: 'Closing Date',
      date: day('2026-06-30'),
    });
  });

  it('dates an event by a date the text states for it elsewhere', () => {
    const events = new Map([['annual general meeting', day('2026-06-18')]]);
    expect(resolveAnchor('the annual general meeting', context({ events })).date).toEqual(
      day('2026-06-18'),
    );
  });

  it('leaves an event the text does not date open, with its own words as the ref', () => {
    expect(resolveAnchor('receipt of the invoice', context())).toEqual({
      type: 'event',
      ref: 'receipt of the invoice',
      date: null,
    });
  });

  it('counts an unanchored period from signing, else the effective date, else publication', () => {
    expect(defaultAnchor(context()).type).toBe('signing');
    expect(defaultAnchor(context({ signedAt: null })).type).toBe('effective');
    expect(defaultAnchor(context({ signedAt: null, effectiveAt: null })).type).toBe('publication');
  });

  it('compares refs without their articles and punctuation', () => {
    expect(normaliseRef('The Closing,')).toBe('closing');
  });

  it('reads "the date of this order" as the signing of a President\'s instrument', () => {
    expect(resolveAnchor('the date of this order', context())).toEqual({
      type: 'signing',
      date: day('2025-10-28'),
    });
    expect(resolveAnchor('the date of this proclamation', context()).type).toBe('signing');
  });

  it("reads the enactment of an Act as its signing, and a bill's as an event to come", () => {
    expect(resolveAnchor('the date of enactment of this Act', context()).type).toBe('signing');
    expect(resolveAnchor('the date of enactment of this Act', context({ signedAt: null }))).toEqual(
      { type: 'event', ref: 'date of enactment of this Act', date: null },
    );
    // Another Act's enactment is not this one's.
    expect(resolveAnchor('the date of enactment of the Energy Act', context()).type).toBe('event');
  });
});
