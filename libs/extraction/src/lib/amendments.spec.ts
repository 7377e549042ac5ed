import { isAmendingInstruction } from './amendments';
import { deadlineContext } from './deadline-context.fixture';
import { classifyLines } from './noise';
import { findObligations } from './obligations';
import { splitLines } from './sentences';

const SIGNED = { year: 2027, month: 2, day: 1 };

function obligations(text: string) {
  const lines = splitLines(text);
  return findObligations(text, lines, classifyLines(lines), {
    deadlines: deadlineContext(SIGNED, { effectiveAt: SIGNED }),
    parties: ['Orsino Shipping Limited', 'Halden Bank ASA'],
    title: null,
    declaredNonBinding: false,
    bindingParagraphs: [],
    policyInstrument: false,
    shorthandTerms: false,
  });
}

describe('an amendment agreement', () => {
  it.each([
    'Clause 8.4 of the Existing Agreement shall be amended by replacing "1 May 2027" with "1 November 2027".',
    'In paragraph (b) of Clause 20.2, the words "within 60 days" shall be deleted and replaced with "within 90 days".',
    'With effect from the Amendment Date, the Principal Agreement shall be amended as set out below.',
    'The reference in Clause 14.1 to "USD 5,000,000" shall be replaced by a reference to "USD 7,500,000".',
    'Each reference in Clause 6.3 to 1 May 2027 shall be read as a reference to 1 August 2027.',
    'The Existing Agreement and this Amendment shall be read as one instrument.',
  ])('reads no commitment, and no date it strikes out, in "%s"', (instruction) => {
    expect(obligations(instruction)).toEqual([]);
  });

  it('still reads the duties it sets out in its own words', () => {
    const found = obligations(
      'Clause 3 of the Existing Agreement shall be amended as follows.\nThe Borrower shall pay an amendment fee to the Lender no later than 15 March 2027.',
    );
    expect(found.map((o) => [o.actors, o.deadline?.dueDate])).toEqual([
      [['Borrower'], '2027-03-15'],
    ]);
  });

  it("keeps a party's duty to have a document amended", () => {
    expect(
      obligations(
        'The Borrower shall ensure that its articles of association are amended within 30 days after the date of this Agreement.',
      ),
    ).toHaveLength(1);
    expect(
      isAmendingInstruction('The Borrower ', ' procure that the Security Agreement is amended'),
    ).toBe(false);
  });

  it("keeps a passive duty about something other than an agreement's words", () => {
    expect(isAmendingInstruction('The defective parts ', ' be replaced within 10 days')).toBe(
      false,
    );
  });
});
