import type { CalendarDate } from './calendar-date';
import { deadlineContext } from './deadline-context.fixture';
import { classifyLines } from './noise';
import type { ObligationContext } from './obligations';
import { findObligations } from './obligations';
import { splitLines } from './sentences';

const SIGNED: CalendarDate = { year: 2026, month: 1, day: 15 };
const deadlines = deadlineContext(SIGNED, {
  effectiveAt: SIGNED,
  termExpiry: { year: 2028, month: 12, day: 31 },
  renewalPeriod: 'P1Y',
});

function obligations(text: string, over: Partial<ObligationContext> = {}) {
  const lines = splitLines(text);
  return findObligations(text, lines, classifyLines(lines), {
    deadlines,
    parties: ['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.'],
    title: null,
    declaredNonBinding: false,
    bindingParagraphs: [],
    policyInstrument: false,
    shorthandTerms: false,
    ...over,
  });
}

describe('obligations', () => {
  it('takes a contract duty as binding, with its category and exact span', () => {
    const text =
      'Preamble line\n3.1 Seller shall deliver the first Shipment of Product by June 30, 2026.';
    const [delivery] = obligations(text);
    expect(delivery).toMatchObject({ binding: true, category: 'delivery' });
    expect(text.slice(delivery?.span[0], delivery?.span[1])).toBe(delivery?.text);
  });

  it('takes an intention as not binding', () => {
    expect(
      obligations('The Parties intend to hold a ministerial meeting within 180 days.')[0]?.binding,
    ).toBe(false);
  });

  it('takes "will" in a policy instrument as not binding', () => {
    expect(
      obligations('The Participants will cooperate on mapping.', { policyInstrument: true })[0]
        ?.binding,
    ).toBe(false);
  });

  it('takes "commit to" as a political commitment in a policy instrument, a duty elsewhere', () => {
    const text = 'The Participants commit to share geological survey data by 2028.';
    expect(obligations(text, { policyInstrument: true })[0]?.binding).toBe(false);
    expect(obligations(text)[0]?.binding).toBe(true);
  });

  it('takes nothing in an instrument that declares itself non-binding as binding', () => {
    expect(
      obligations('Each Participant shall share data.', { declaredNonBinding: true })[0]?.binding,
    ).toBe(false);
  });

  it('takes the paragraphs a non-binding instrument excepts as binding', () => {
    const text = [
      '2. Alpha intends to complete its due diligence within 45 days.',
      '6. Exclusivity. Beta shall not solicit any competing proposal.',
      '6.2 Beta shall notify Alpha of any approach.',
      '7. Each party shall bear its own costs.',
    ].join('\n');
    expect(
      obligations(text, { declaredNonBinding: true, bindingParagraphs: ['6'] }).map(
        (o) => o.binding,
      ),
    ).toEqual([false, true, true, false]);
  });

  it('takes "have agreed to" as binding unless the instrument declares itself non-binding', () => {
    const text = 'The Parties have agreed to share geological data.';
    expect(obligations(text)[0]?.binding).toBe(true);
    expect(obligations(text, { declaredNonBinding: true })[0]?.binding).toBe(false);
  });

  it('records a non-renewal notice window as a non-binding notice with its last day', () => {
    const [notice] = obligations(
      'This Agreement shall renew for one year unless either Party gives notice of non-renewal at least ninety (90) days before the expiration of the then-current Term.',
    );
    // 31 December 2028 - 90 days = 2 October 2028.
    expect(notice).toMatchObject({
      category: 'notice',
      binding: false,
      deadline: { dueDate: '2028-10-02' },
    });
  });

  it('reads a notice of an intention to terminate before expiry as the same window', () => {
    const [notice] = obligations(
      'This Agreement shall be renewed for periods of five years, unless either Contracting Party notifies the other in writing of its intention to terminate it at least ninety (90) days before the expiry of the then-current Term.',
    );
    expect(notice).toMatchObject({
      action: 'give notice of non-renewal',
      deadline: { dueDate: '2028-10-02' },
    });
  });

  it('names the subject of a quoted commitment without its quotation mark', () => {
    expect(obligations('"The new plant will employ 2,000 people by 2028."')[0]?.actors).toEqual([
      'new plant',
    ]);
  });

  it('names both parties as the actors of "each Contracting Party"', () => {
    expect(
      obligations('Each Contracting Party shall designate a contact point.')[0]?.actors,
    ).toEqual(['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.']);
  });

  it('skips recitals and the instrument describing its own status', () => {
    const text = [
      'WHEREAS the Parties shall cooperate;',
      'This Memorandum is not legally binding and the Participants will not rely on it.',
    ].join('\n');
    expect(obligations(text)).toEqual([]);
  });

  it("reads a bullet's commitment once where the body says it again, and skips a subjectless one", () => {
    const text = [
      '- The transaction is expected to close in Q1 2026',
      '- Expected to create 400 jobs by 2028',
      '- Beta will purchase 50 aircraft',
      'The transaction is expected to close in the first quarter of 2026.',
    ].join('\n');
    expect(obligations(text).map((o) => [o.action, o.deadline?.dueDate ?? null])).toEqual([
      ['purchase 50 aircraft', null],
      ['close the transaction', '2026-03-31'],
    ]);
  });

  it("reads every bullet under a fact sheet's lead-in, whatever verb it starts with", () => {
    const text = [
      'Under the agreement, Indonesia will:',
      '• Remove export restrictions on nickel ore within 120 days;',
      '• Modernize customs procedures for battery materials in 2027;',
      '• Grant equal access to mining concessions by mid-2027.',
    ].join('\n');
    const read = obligations(text, { parties: ['United States', 'Indonesia'] });
    expect(read.map((o) => [o.actors, o.action, o.deadline?.dueDate])).toEqual([
      [['Indonesia'], 'remove export restrictions on nickel ore', '2026-05-15'],
      [['Indonesia'], 'modernize customs procedures for battery materials', '2027-12-31'],
      [['Indonesia'], 'grant equal access to mining concessions', '2027-06-30'],
    ]);
  });

  it('reads the objects listed under a lead-in that names the action, each with its own time', () => {
    const text = [
      '7.1 The Company shall deliver to each Shareholder:',
      '(a) monthly management accounts, within 15 days after the end of each calendar month;',
      '(b) audited annual accounts, within 120 days after the end of each calendar year; and',
      '(c) a certificate of insurance.',
      '7.2 The Company shall keep proper books.',
    ].join('\n');
    expect(obligations(text).map((o) => [o.actors, o.action, o.deadline?.dueDate ?? null])).toEqual(
      [
        [['Company'], 'deliver to each Shareholder monthly management accounts', '2026-02-15'],
        [['Company'], 'deliver to each Shareholder audited annual accounts', '2027-04-30'],
        [['Company'], 'deliver to each Shareholder a certificate of insurance', null],
        [['Company'], 'keep proper books', null],
      ],
    );
  });

  it('keeps a lead-in that names the action as a commitment where nothing is listed under it', () => {
    const text =
      'Garman shall provide the following Maintenance Services:\nThe fee is payable monthly.';
    expect(obligations(text).map((o) => o.action)).toEqual([
      'provide the following Maintenance Services',
    ]);
  });

  it('reads the items listed under a lead-in line as its commitments', () => {
    const text = [
      '1. The Seller shall:',
      '(a) deliver the first Shipment within 60 days after the date of this Agreement;',
      '(b) provide monthly production reports; and',
      '(c) maintain ISO 9001 certification',
      '2. The Buyer agrees to:',
      '- pay each invoice within 30 days of receipt;',
      '- issue a binding forecast no later than 15 April 2026.',
      'The Buyer shall keep records.',
      '- The Parties will invest US$1 billion.',
    ].join('\n');
    expect(
      obligations(text).map((o) => [o.text, o.actors, o.action, o.deadline?.expression ?? null]),
    ).toEqual([
      [
        'deliver the first Shipment within 60 days after the date of this Agreement',
        ['Seller'],
        'deliver the first Shipment',
        'within 60 days after the date of this Agreement',
      ],
      [
        'provide monthly production reports',
        ['Seller'],
        'provide monthly production reports',
        'monthly',
      ],
      ['maintain ISO 9001 certification', ['Seller'], 'maintain ISO 9001 certification', null],
      [
        'pay each invoice within 30 days of receipt',
        ['Buyer'],
        'pay each invoice',
        'within 30 days of receipt',
      ],
      [
        'issue a binding forecast no later than 15 April 2026',
        ['Buyer'],
        'issue a binding forecast',
        'no later than 15 April 2026',
      ],
      // A line that is no item ends the list: the bullet after it is read as a line of its own.
      ['The Buyer shall keep records.', ['Buyer'], 'keep records', null],
      [
        'The Parties will invest US$1 billion',
        ['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.'],
        'invest US$1 billion',
        null,
      ],
    ]);
  });

  it('reads capitalised verbs as items, and ends a list at a section heading', () => {
    const text = [
      'The Participants intend to:',
      '- Establish a working group within 90 days;',
      '- Hold a ministerial meeting within 180 days.',
      'The Parties hereby agree to the following:',
      '1. Definitions.',
      '2. PAYMENT',
      '3. Notices.',
    ].join('\n');
    expect(obligations(text).map((o) => [o.action, o.binding])).toEqual([
      ['establish a working group', false],
      ['hold a ministerial meeting', false],
    ]);
  });

  it('names the parties as actors of a collective commitment', () => {
    expect(obligations('The Parties shall meet annually.')[0]?.actors).toEqual([
      'Alpha Minerals Pty Ltd',
      'Beta Magnets, Inc.',
    ]);
  });

  it('names the actors of a commitment on each of the commitments listed after it', () => {
    const listed = obligations(
      'The Parties will establish a working group, provide financing to projects, and publish annual reports.',
    );
    expect(listed.map((o) => o.actors)).toEqual([
      ['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.'],
      ['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.'],
      ['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.'],
    ]);
  });

  it('names who acts in a passive, not the thing acted on', () => {
    const actorsOf = (text: string) => obligations(text)[0]?.actors;
    expect(actorsOf('The Purchase Price shall be paid by the Buyer within 10 days.')).toEqual([
      'Buyer',
    ]);
    expect(actorsOf('A working group will be established by the Parties by 2027.')).toEqual([
      'Alpha Minerals Pty Ltd',
      'Beta Magnets, Inc.',
    ]);
    expect(actorsOf("Beta's first instalment will be paid within 30 days.")).toEqual([
      'Beta Magnets, Inc.',
    ]);
    expect(actorsOf("The Supplier's annual report shall be submitted by March 31.")).toEqual([
      'Supplier',
    ]);
  });

  it('names the parties as actors of a passive or a scheduled event with no agent', () => {
    const parties = ['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.'];
    expect(obligations('A joint committee will be set up within 60 days.')[0]?.actors).toEqual(
      parties,
    );
    expect(obligations('A ministerial meeting is scheduled within 180 days.')[0]?.actors).toEqual(
      parties,
    );
    expect(
      obligations('The transaction is expected to close in the first half of 2026.')[0]?.actors,
    ).toEqual(parties);
  });

  it('names the parties as actors of what the leaders or a cooperation undertake', () => {
    const parties = ['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.'];
    expect(obligations('The two leaders will meet again in 2027.')[0]?.actors).toEqual(parties);
    expect(obligations('The ministers will meet again in 2027.')[0]?.actors).toEqual(parties);
    expect(obligations('Cooperation will also cover joint mapping.')[0]?.actors).toEqual(parties);
  });

  it('names a state as the actor where its capital, short name or officials act', () => {
    const parties = ['United States', 'India'];
    const actorsOf = (sentence: string) => obligations(sentence, { parties })[0]?.actors;
    expect(actorsOf('Washington will lift the duty on steel by June 2026.')).toEqual([
      'United States',
    ]);
    expect(actorsOf('The U.S. will cut tariffs within 90 days.')).toEqual(['United States']);
    expect(actorsOf('U.S. officials will visit the port by June 2026.')).toEqual(['United States']);
    expect(actorsOf('New Delhi will open its market by June 2026.')).toEqual(['India']);
    // The state's companies are not the state.
    expect(actorsOf('American companies will invest $1 billion by 2028.')).toEqual([
      'American companies',
    ]);
    // A state not party to the agreement is named as written.
    expect(actorsOf('Tokyo will host the talks by June 2026.')).toEqual(['Tokyo']);
  });

  it('names the one state among the parties as "the government" of a news report', () => {
    const actorsOf = (sentence: string, parties: string[]) =>
      obligations(sentence, { parties })[0]?.actors;
    expect(
      actorsOf('The government has pledged to supply power to the site.', [
        'Kazakhstan',
        'Copperline Smelting LLC',
      ]),
    ).toEqual(['Kazakhstan']);
    // With two states, which one is not said.
    expect(
      actorsOf('The government will publish the rules by June 2026.', ['United States', 'India']),
    ).toEqual(['government']);
  });

  it('names a province party as "the Province" and a state party by its official name', () => {
    const actorsOf = (sentence: string, parties: string[]) =>
      obligations(sentence, { parties })[0]?.actors;
    expect(
      actorsOf('The Province will publish an export strategy by March 2027.', [
        'British Columbia',
        'Japan',
      ]),
    ).toEqual(['British Columbia']);
    expect(
      actorsOf('The State of Queensland and the Republic of Korea agreed to build a corridor.', [
        'Queensland',
        'South Korea',
      ]),
    ).toEqual(['Queensland', 'South Korea']);
  });

  it("leaves a news report's dateline out of the actor", () => {
    const actorsOf = (sentence: string, parties: string[]) =>
      obligations(sentence, { parties })[0]?.actors;
    expect(
      actorsOf('PERTH, 3 November 2026 - Yarrabee Lithium will expand its plant by 2028.', []),
    ).toEqual(['Yarrabee Lithium']);
    // A capital in the dateline is where the report comes from, not a state acting.
    expect(
      actorsOf('BUENOS AIRES, Nov 30 - Quenta Andina will invest $300 million by 2028.', [
        'Argentina',
        'Quenta Andina',
      ]),
    ).toEqual(['Quenta Andina']);
  });

  it('reads a commitment with a time that names no date, and leaves it without a deadline', () => {
    const found = obligations(
      'Alpha will send a delegation in the coming weeks. Beta will shortly publish the rules. Alpha will sign the lease in due course.',
    );
    expect(found.map((o) => [o.actors, o.deadline])).toEqual([
      [['Alpha Minerals Pty Ltd'], null],
      [['Beta Magnets, Inc.'], null],
      [['Alpha Minerals Pty Ltd'], null],
    ]);
  });

  it('leaves the auxiliary out of the actor ("The Ministry has also committed to")', () => {
    expect(
      obligations('The Ministry has also committed to fund the road by 2028.')[0]?.actors,
    ).toEqual(['Ministry']);
  });

  it('names the parties as actors of what "is due to" happen, and the event as its title', () => {
    const [start] = obligations('Construction is due to start in the second half of 2027.');
    expect(start?.actors).toEqual(['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.']);
    expect(start?.action).toBe('start Construction');
    expect(start?.binding).toBe(false);
  });

  it("names an action item's owner without the note on who it is", () => {
    expect(
      obligations('3. Meridian (me) to circulate the safety case no later than 4 Dec.')[0]?.actors,
    ).toEqual(['Meridian']);
  });

  it('names who a reported decision binds, not who reports it', () => {
    expect(
      obligations('The Committee agreed that DPE shall carry out quarterly safety audits.')[0]
        ?.actors,
    ).toEqual(['DPE']);
  });

  it("names the subject after a clause's label and a period put before it", () => {
    expect(
      obligations(
        'Exclusivity: For a period of 90 days from the date of countersignature of this letter, TGR shall not solicit any proposal.',
      )[0]?.actors,
    ).toEqual(['TGR']);
  });

  it('reads "Neither Party shall" as a duty of both parties to refrain', () => {
    const [duty] = obligations('Neither Party shall impose any restriction on exports.');
    expect(duty?.actors).toEqual(['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.']);
    expect(duty?.action).toBe('not impose any restriction on exports');
  });

  it('names the parties as actors of "the countries" and "the two nations"', () => {
    const parties = ['United States', 'India'];
    const actorsOf = (sentence: string) => obligations(sentence, { parties })[0]?.actors;
    expect(actorsOf('The countries aim to double trade by 2030.')).toEqual(parties);
    expect(actorsOf('The two nations will meet again by June 2026.')).toEqual(parties);
    expect(actorsOf('The countries of the region will hold a summit by 2027.')).toEqual([
      'countries of the region',
    ]);
  });

  it('names the parties as actors of their leaders named one by one', () => {
    const parties = ['Australia', 'United States'];
    const actorsOf = (sentence: string) => obligations(sentence, { parties })[0]?.actors;
    expect(
      actorsOf('Prime Minister Albanese and President Trump today agreed to meet again by 2027.'),
    ).toEqual(parties);
    expect(
      actorsOf(
        'U.S. President Donald Trump and Japanese Prime Minister Sanae Takaichi will meet in 2027.',
      ),
    ).toEqual(parties);
    // One leader alone is named as written.
    expect(actorsOf('President Trump will visit Sydney in 2027.')).toEqual(['President Trump']);
  });

  it('names the one company among the parties as "the company" of a news report', () => {
    expect(
      obligations('The company will open a plant by 2028.', {
        parties: ['United States', 'Coastal Refining LLC'],
      })[0]?.actors,
    ).toEqual(['Coastal Refining LLC']);
    expect(obligations('The Company shall pay the fee.')[0]?.actors).toEqual(['Company']);
  });

  it('names the one an agreement commits, not the agreement', () => {
    expect(
      obligations('The agreement commits Beta to reduce its tariffs by 2028.')[0]?.actors,
    ).toEqual(['Beta Magnets, Inc.']);
    expect(
      obligations('The memorandum commits the signatories to meet annually.')[0]?.actors,
    ).toEqual(['Alpha Minerals Pty Ltd', 'Beta Magnets, Inc.']);
    expect(obligations('Alpha commits funds to the project.')).toEqual([]);
  });

  it('leaves the time of another verb of the subject out of the deadline', () => {
    const [elevation] = obligations(
      'The two leaders met in Jakarta on 12 March 2026 and agreed to elevate the relationship.',
    );
    expect(elevation?.deadline).toBeNull();
    const [meeting] = obligations(
      'The two ministers met on 12 March 2026 and will meet again by 30 June 2026.',
    );
    expect(meeting?.deadline?.dueDate).toBe('2026-06-30');
    const [fronted] = obligations('On 1 May 2027, Alpha and Beta will sign the offtake agreement.');
    expect(fronted?.deadline?.dueDate).toBe('2027-05-01');
  });

  it('names the subject of a condition as the "it" that follows it', () => {
    expect(
      obligations('If the Provider misses the target in any month, it shall credit the fee.')[0]
        ?.actors,
    ).toEqual(['Provider']);
  });

  it('names whoever says "it" will, not the saying', () => {
    expect(obligations('Beta said it plans to hire 300 workers.')[0]?.actors).toEqual([
      'Beta Magnets, Inc.',
    ]);
    expect(obligations('Syrah said it plans to hire 300 workers.')[0]?.actors).toEqual(['Syrah']);
    expect(obligations('Syrah said on Monday it would hire 300 workers.')[0]?.actors).toEqual([
      'Syrah',
    ]);
    expect(
      obligations('Codelco said in a statement it will cut output by 2027.')[0]?.actors,
    ).toEqual(['Codelco']);
    expect(obligations('The company also agreed to sell its stake.')[0]?.actors).toEqual([
      'company',
    ]);
  });

  it('names the covenanting party, not the "it" of its covenant', () => {
    expect(
      obligations('The Borrower covenants that it will maintain the cover ratio.')[0]?.actors,
    ).toEqual(['Borrower']);
  });

  it('names the subject that follows a phrase of time or condition put before it', () => {
    expect(
      obligations(
        'Within 10 Business Days after each quarter, the Supplier shall deliver a report.',
      )[0]?.actors,
    ).toEqual(['Supplier']);
    expect(
      obligations('No later than 1 May 2027, the Buyer will pay the deposit.')[0]?.actors,
    ).toEqual(['Buyer']);
    expect(
      obligations('Upon request of the Parties, the Agent shall deliver the register.')[0]?.actors,
    ).toEqual(['Agent']);
  });

  it('names the actor of a numbered clause without its number, and quotes it without it', () => {
    const [repayment] = obligations('7.1 The Borrower shall repay the Loans in full.');
    expect(repayment?.actors).toEqual(['Borrower']);
    expect(repayment?.text).toBe('The Borrower shall repay the Loans in full.');
    expect(repayment?.span).toEqual([4, 47]);
  });

  it('dates "on or before such date" by the one date of the sentence right before it', () => {
    const [, notice] = obligations(
      'The Seller shall deliver the Product on 1 June 2026. The Buyer shall pay the price on or before such date.',
    );
    expect(notice?.action).toBe('pay the price');
    expect(notice?.deadline).toMatchObject({
      expression: 'on or before such date',
      kind: 'by',
      dueDate: '2026-06-01',
      rule: 'date named in the sentence before',
    });
  });

  it('leaves "on or before such date" undated past a heading or a second date', () => {
    const pastHeading = obligations(
      'The Seller shall deliver the Product on 1 June 2026.\n\n7. Price\n\nThe Buyer shall pay the price on or before such date.',
    );
    expect(pastHeading.at(-1)?.deadline).toBeNull();
    const twoDates = obligations(
      'The Seller shall deliver the first lot on 1 June 2026 and the second on 1 July 2026. The Buyer shall pay the price on or before such date.',
    );
    expect(twoDates.at(-1)?.deadline).toBeNull();
  });

  it('takes the name a relative pronoun stands for as the actor', () => {
    const [found] = obligations(
      'The programme needs the approval of the Regional Development Board, which is expected to consider it in March 2026.',
    );
    expect(found?.actors).toEqual(['Regional Development Board']);
    const [other] = obligations(
      'The Agent shall notify the Lenders, who shall respond within 10 days.',
    );
    expect(other?.actors).toEqual(['Agent']);
  });

  it('leaves the verb out of an actor who "is committed to" act', () => {
    const [found] = obligations(
      'The authorities are committed to restoring fiscal buffers by end-2027.',
    );
    expect(found?.actors).toEqual(['authorities']);
  });
});

describe('a commitment paid or delivered in parts, as its list says', () => {
  const schedule = [
    'The Licensee shall pay the Licensor the sum of EUR 900,000 in instalments as follows:',
    '(a) EUR 300,000 within ten (10) days after the date of this Agreement;',
    '(b) EUR 300,000 on or before 31 March 2026; and',
    '(c) EUR 300,000 no later than 30 September 2026.',
  ].join('\n');

  it('reads each part as due when its item says, with the lead-in as its action', () => {
    const found = obligations(schedule);
    expect(found.map((o) => [o.action, o.deadline?.dueDate])).toEqual([
      ['pay the Licensor the sum of EUR 900,000', undefined],
      ['pay the Licensor EUR 300,000', '2026-01-25'],
      ['pay the Licensor EUR 300,000', '2026-03-31'],
      ['pay the Licensor EUR 300,000', '2026-09-30'],
    ]);
    expect(found[2]).toMatchObject({ category: 'payment', binding: true });
  });

  it('names the part beside an action that names no sum', () => {
    const text =
      'The Seller shall deliver the Cathodes in lots as follows:\n(a) 500 tonnes by 30 April 2026;\n(b) 500 tonnes by 31 July 2026.';
    expect(
      obligations(text)
        .slice(1)
        .map((o) => o.action),
    ).toEqual([
      'deliver the Cathodes in lots (500 tonnes)',
      'deliver the Cathodes in lots (500 tonnes)',
    ]);
  });

  it('reads no part from an item without a time, nor from items of another kind', () => {
    const untimed =
      'The Buyer shall pay the price as follows:\n(a) USD 10,000 in cash;\n(b) USD 5,000 in shares.';
    expect(obligations(untimed)).toHaveLength(1);
    const conditions =
      'Completion is conditional on the following:\n(a) the Buyer obtaining approval by 30 June 2026;\n(b) no default.';
    expect(obligations(conditions).map((o) => o.action)).not.toContainEqual(
      expect.stringMatching(/approval/),
    );
  });
});

describe('a delivery schedule set out as a table', () => {
  it('binds the party that commits to deliver as the schedule says to each of its rows', () => {
    const text = [
      'Beta shall deliver the Magnets in accordance with the Delivery Schedule.',
      'Delivery Schedule',
      'Lot | Quantity | Delivery Date',
      'A | 20 t | 31 May 2026',
      'B | 20 t | 31 August 2026',
    ].join('\n');
    expect(obligations(text).map((o) => [o.actors, o.action, o.deadline?.dueDate])).toEqual([
      [
        ['Beta Magnets, Inc.'],
        'deliver the Magnets in accordance with the Delivery Schedule',
        undefined,
      ],
      [['Beta Magnets, Inc.'], 'deliver A (20 t)', '2026-05-31'],
      [['Beta Magnets, Inc.'], 'deliver B (20 t)', '2026-08-31'],
    ]);
  });
});
