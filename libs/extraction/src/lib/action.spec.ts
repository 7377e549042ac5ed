import { actionOf, baseVerb } from './action';
import { findTriggers } from './triggers';

/** The action of the first commitment in a clause, as the extractor reads it. */
function title(clause: string): string {
  const [trigger] = findTriggers(clause);
  return trigger ? actionOf(clause, trigger.start, trigger.end).title : '';
}

describe('the action as a milestone title', () => {
  it('names the day a date is set for, not "be the date"', () => {
    expect(
      title(
        'The First Delivery Date shall be the date falling 90 days after the date of this Amendment.',
      ),
    ).toBe('the First Delivery Date');
  });

  it('holds an event that "is scheduled", without the time', () => {
    expect(
      title(
        'A bilateral ministerial meeting is scheduled within 180 days to set investment priorities',
      ),
    ).toBe('hold a bilateral ministerial meeting');
    expect(title('The annual review meeting is scheduled for June 18, 2026.')).toBe(
      'hold the annual review meeting',
    );
  });

  it('keeps the "not" of a duty to refrain, whether in the trigger or after it', () => {
    expect(title('The Supplier shall not assign this Agreement without consent.')).toBe(
      'not assign this Agreement without consent',
    );
    expect(
      title("Kuroshima has also agreed not to acquire more than 19.9% of Mirador's shares."),
    ).toBe("not acquire more than 19.9% of Mirador's shares");
  });

  it('keeps the "not" of a duty to refrain that is stated twice over', () => {
    expect(
      title(
        'The Licensee shall not, and shall procure that its Affiliates shall not, reverse engineer the Software.',
      ),
    ).toBe('not reverse engineer the Software');
  });

  it('ends the action where a time limit begins, even one the time expressions leave out', () => {
    expect(
      title(
        'The Licensee shall pay the Licence Fee not later than the tenth (10th) Business Day of each month.',
      ),
    ).toBe('pay the Licence Fee');
    expect(title('The Agent shall file the notice on or before the Closing Date.')).toBe(
      'file the notice',
    );
  });

  it('reads past a time set off by commas between the modal and its verb', () => {
    expect(title('The Buyer shall, on or before 1 March of each year, provide a forecast.')).toBe(
      'provide a forecast',
    );
    expect(title('The Agent shall, upon request, deliver copies of the register.')).toBe(
      'deliver copies of the register',
    );
  });

  it('names a scheduled thing that is not held by itself', () => {
    expect(title('First production of carbonate from the Project is targeted by end-2027.')).toBe(
      'First production of carbonate from the Project',
    );
  });

  it('names an event said to occur or take place by itself', () => {
    expect(title('Closing is expected to occur in the first quarter of 2027.')).toBe('Closing');
    expect(title('The first meeting shall take place in 2027.')).toBe('hold the first meeting');
    expect(title('Completion, which is expected to occur by 31 March 2026, is conditional.')).toBe(
      'Completion',
    );
  });

  it('gives a lone verb after "is expected to" its subject as object', () => {
    expect(title('The transaction is expected to close in the first half of 2026.')).toBe(
      'close the transaction',
    );
  });

  it('turns a passive duty into the verb with its subject', () => {
    expect(
      title('The second tranche of US$60 million will be paid no later than 30 September 2026.'),
    ).toBe('pay the second tranche of US$60 million');
    expect(title('The annual report shall be submitted within 90 days after year end.')).toBe(
      'submit the annual report',
    );
  });

  it('turns a passive with a place or a party after it into the verb with its subject', () => {
    expect(title('The meeting is to be held in Tokyo by June 2028.')).toBe(
      'hold the meeting in Tokyo',
    );
    expect(title('The goods shall be delivered to the Buyer within 30 days.')).toBe(
      'deliver the goods to the Buyer',
    );
  });

  it('leaves the agent of a passive out of the title, and reports it apart', () => {
    const clause = 'The agreement must be ratified by the European Parliament.';
    const [trigger] = findTriggers(clause);
    const action = trigger && actionOf(clause, trigger.start, trigger.end);
    expect(action).toMatchObject({
      title: 'ratify the agreement',
      agent: 'the European Parliament',
    });
    expect(title('A working group will be set up by both sides by 2027.')).toBe(
      'set up a working group',
    );
  });

  it('reports no agent for a passive that names none, and none for an active clause', () => {
    const agentOf = (clause: string) => {
      const [trigger] = findTriggers(clause);
      return trigger && actionOf(clause, trigger.start, trigger.end).agent;
    };
    expect(agentOf('The goods shall be delivered to the Buyer within 30 days.')).toBeNull();
    expect(agentOf('The meeting is scheduled for June 18, 2026.')).toBeNull();
    expect(agentOf('The Seller shall deliver the goods by the Buyer')).toBeUndefined();
  });

  it('leaves a repetition written after a date, and a day of each period, out of the title', () => {
    expect(title('The annual report shall be submitted by March 31 of each year.')).toBe(
      'submit the annual report',
    );
    expect(title('The Buyer shall pay the fee on the first day of each month.')).toBe(
      'pay the fee',
    );
    expect(title('The Seller shall report the sales of each month.')).toBe(
      'report the sales of each month',
    );
  });

  it('keeps the particle of a phrasal verb in the passive', () => {
    expect(title('A working group will be set up by 30 June 2027.')).toBe('set up a working group');
    expect(title('The retained amount shall be paid out within 30 days of Closing.')).toBe(
      'pay out the retained amount',
    );
  });

  it('drops the time expression from an active verb phrase', () => {
    expect(
      title(
        'Seller shall deliver the first Shipment of Product to Buyer no later than June 30, 2026.',
      ),
    ).toBe('deliver the first Shipment of Product to Buyer');
    expect(
      title(
        'A Party affected by a Force Majeure Event shall notify the other Party in writing within five (5) Business Days after becoming aware of it.',
      ),
    ).toBe('notify the other Party in writing');
  });

  it('closes the gap a time expression leaves between commas', () => {
    expect(
      title(
        'The Participants intend to identify, within ninety (90) days of the entry into force of this Framework, a list of priority projects.',
      ),
    ).toBe('identify a list of priority projects');
  });

  it('keeps abbreviations and does not end on a dangling word', () => {
    expect(title('The Participants intend to establish a U.S.-Japan Rapid Response Group.')).toBe(
      'establish a U.S.-Japan Rapid Response Group',
    );
    // Eight words would end on "and".
    expect(
      title('The two governments will give each other early notice of projects and tenders.'),
    ).toBe('give each other early notice of projects');
  });

  it('gives the gerund after "tasked ... with" or "committed to" as the verb', () => {
    expect(title('Leaders tasked their ministers with concluding negotiations by 2027.')).toBe(
      'conclude negotiations',
    );
    expect(title('Japan is committed to setting up a fund.')).toBe('set up a fund');
    expect(title('Japan is committed to making progress.')).toBe('make progress');
    // Not a verb that commitments start with: as written.
    expect(title('Japan is committed to bolstering ties.')).toBe('bolstering ties');
  });

  it('ends the action where a time of day starts', () => {
    expect(title('Chile shall file the notice by close of business on 5 March 2026.')).toBe(
      'file the notice',
    );
    expect(title('Peru shall deliver the bid by 5:00 p.m. (New York time) on 5 March 2026.')).toBe(
      'deliver the bid',
    );
  });

  it('ends the action where "once" starts a condition, but not at "once a year"', () => {
    expect(title('Acme expects to create 400 jobs once the plant is fully operational.')).toBe(
      'create 400 jobs',
    );
    expect(title('The committee shall meet once a year.')).toBe('meet once a year');
  });

  it('turns a passive with a repetition after it into the verb with its subject', () => {
    expect(title('A review of the partnership will be conducted every two years.')).toBe(
      'conduct a review of the partnership',
    );
  });

  it('does not end the action at the dot of "U.S." or "Inc."', () => {
    expect(title('Vietnam will purchase U.S. farm goods.')).toBe('purchase U.S. farm goods');
    expect(title('Beta shall pay Acme Inc. the fee.')).toBe('pay Acme Inc. the fee');
  });

  it('does not cut a figure from what it counts', () => {
    expect(title('Vietnam will purchase 50 Boeing aircraft valued at over $8 billion.')).toBe(
      'purchase 50 Boeing aircraft valued at over $8 billion',
    );
  });

  it('does not end the action on "at least" or "starting"', () => {
    expect(
      title(
        'Member States shall review their programmes at least every five years and, where appropriate, update them.',
      ),
    ).toBe('review their programmes');
    expect(
      title(
        'The loan will be repaid in semi-annual instalments starting 24 months after drawdown.',
      ),
    ).toBe('repay the loan in semi-annual instalments');
  });

  it('does not cut a long action inside a name, nor end it on a participle', () => {
    expect(
      title('Licensee shall deliver to Licensor an audited statement of Net Sales each year.'),
    ).toBe('deliver to Licensor an audited statement of Net Sales');
    expect(
      title('The Department will disburse the funds in three tranches tied to milestones.'),
    ).toBe('disburse the funds in three tranches');
  });

  it('cuts a long action before the last modifier that fits, not inside it', () => {
    expect(
      title(
        'Provider shall notify Customer of any Security Incident without undue delay and in any event within 72 hours.',
      ),
    ).toBe('notify Customer of any Security Incident');
    expect(
      title(
        'Provider shall furnish certificates of insurance to Customer prior to commencing the Services.',
      ),
    ).toBe('furnish certificates of insurance to Customer');
    expect(title('Provider shall perform the services described in each Statement of Work.')).toBe(
      'perform the services',
    );
    expect(
      title('The EU will mobilise EUR 1.5 billion through its Global Gateway strategy by 2030.'),
    ).toBe('mobilise EUR 1.5 billion');
    // Within eight words, the modifier stays.
    expect(title('The Supplier shall not assign this Agreement without consent.')).toBe(
      'not assign this Agreement without consent',
    );
    // "for" takes the action's own object: "for the Licensed Process" is what the plan is of.
    expect(
      title(
        'The Licensee shall deliver a development plan for the Licensed Process to the Licensor.',
      ),
    ).toBe('deliver a development plan for the Licensed Process');
  });

  it('ends the action where "as soon as" begins', () => {
    expect(
      title(
        'The Borrower shall supply to the Lender as soon as they become available its financial statements.',
      ),
    ).toBe('supply to the Lender');
  });

  it('does not end a cut title on a preposition', () => {
    expect(
      title('Germany will provide up to EUR 300 million through its H2Global programme.'),
    ).toBe('provide up to EUR 300 million');
    expect(
      title(
        'The two sides will direct at least US$1 billion in investment toward a pipeline of projects.',
      ),
    ).toBe('direct at least US$1 billion in investment');
  });

  it('keeps the thousands of a quantity', () => {
    expect(title('Seller shall sell 1,000 tonnes of Product each Contract Year.')).toBe(
      'sell 1,000 tonnes of Product each Contract Year',
    );
  });

  it('keeps the words when the whole phrase is a date', () => {
    expect(title('The merger agreement provides for an outside date of September 30, 2026.')).toBe(
      'an outside date of September 30, 2026',
    );
  });
});

describe('the base form of a past participle', () => {
  it.each([
    ['paid', 'pay'],
    ['held', 'hold'],
    ['submitted', 'submit'],
    ['delivered', 'deliver'],
    ['completed', 'complete'],
    ['approved', 'approve'],
    ['closed', 'close'],
    ['notified', 'notify'],
    ['provided', 'provide'],
    ['issued', 'issue'],
    ['granted', 'grant'],
    ['needed', 'need'],
    ['invited', 'invite'],
    ['united', 'unite'],
    ['expedited', 'expedite'],
    ['visited', 'visit'],
    ['audited', 'audit'],
    ['solicited', 'solicit'],
    ['disbursed', 'disburse'],
    ['licensed', 'license'],
    ['collapsed', 'collapse'],
  ])('%s -> %s', (participle, base) => {
    expect(baseVerb(participle)).toBe(base);
  });

  it('gives no base form for a word that is not a participle', () => {
    expect(baseVerb('annual')).toBeNull();
  });
});

describe('the action of a limit with a backstop', () => {
  it.each([
    'The Lessee shall return the equipment within 20 days and in any event no later than 15 March 2026.',
    'The Lessee shall return the equipment within 20 days but in no event later than 15 March 2026.',
    'The Lessee shall return the equipment within 20 days and in all cases by 15 March 2026.',
  ])('ends before "in any event": "%s"', (clause) => {
    expect(title(clause)).toBe('return the equipment');
  });
});

describe('the action of a limit set by a weekday', () => {
  it.each([
    'The Lessor shall return the keys by COB Tuesday 15/12.',
    'The Lessor shall return the keys by 15/12.',
    'The Lessor shall return the keys by Friday next week.',
    'The Lessor shall return the keys by the end of next week.',
  ])('leaves the time out of "%s"', (clause) => {
    expect(title(clause)).toBe('return the keys');
  });
});

describe('the action of a limit written "by no later than"', () => {
  it.each([
    [
      'The Operator shall by no later than 30 June 2027 open the escrow account.',
      'open the escrow account',
    ],
    [
      'The Operator shall by not later than 30 June 2027 file the permit application.',
      'file the permit application',
    ],
    ['The Operator shall by on or before 30 June 2027 appoint an auditor.', 'appoint an auditor'],
  ])('leaves the limit out of "%s"', (clause, expected) => {
    expect(title(clause)).toBe(expected);
  });

  it('keeps a "by" that names who acts', () => {
    expect(title('The report shall be delivered by the Operator no later than 30 June 2027.')).toBe(
      'deliver the report',
    );
  });
});
