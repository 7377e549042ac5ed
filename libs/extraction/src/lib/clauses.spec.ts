import { findCommitmentClauses, findShorthandClause } from './clauses';
import { makeSpan } from './sentences';

const clauses = (sentence: string) =>
  findCommitmentClauses(sentence, makeSpan(sentence, 0, sentence.length)).map((c) => c.span.text);

describe('commitment clauses', () => {
  it('splits a list of commitments of different kinds after one modal', () => {
    expect(
      clauses(
        'The Parties will establish a working group, provide financing to projects, and publish annual reports.',
      ),
    ).toEqual([
      'The Parties will establish a working group',
      'provide financing to projects',
      'publish annual reports.',
    ]);
  });

  it('keeps a phrase of time or measure after a comma with its commitment', () => {
    expect(
      clauses(
        'The two governments will convene a ministerial dialogue annually, starting in early 2027.',
      ),
    ).toHaveLength(1);
    expect(
      clauses('The Parties will fund three projects, including the Lobito corridor, by 2028.'),
    ).toHaveLength(1);
  });

  it('keeps a list of one kind together', () => {
    expect(
      clauses('Seller shall pay the fees, pay the royalties, and pay the taxes.'),
    ).toHaveLength(1);
  });

  it('splits at a semicolon into independent commitments', () => {
    expect(clauses('Seller shall deliver the Product; Buyer shall pay the price.')).toEqual([
      'Seller shall deliver the Product',
      'Buyer shall pay the price.',
    ]);
  });

  it('does not split a deadline qualified by "but in any event"', () => {
    expect(
      clauses('Buyer shall pay promptly, but in any event within 120 days of delivery.'),
    ).toHaveLength(1);
  });

  it.each([
    [
      'For goods in staging category D, tariffs shall be removed in four annual stages.',
      'tariffs shall be removed in four annual stages.',
    ],
    [
      'As a prior action for the first review, the Treasury shall publish the arrears audit.',
      'the Treasury shall publish the arrears audit.',
    ],
    [
      'With respect to the Northern Terminal, the Operator shall maintain a spill plan.',
      'the Operator shall maintain a spill plan.',
    ],
  ])('drops what a commitment is about before who makes it in "%s"', (sentence, clause) => {
    expect(clauses(sentence)).toEqual([clause]);
  });

  it("reads an amendment's new words from inside their quotation", () => {
    expect(
      clauses(
        'Clause 14.2 of the Existing Agreement is amended to read as follows: "The Operator shall insure the vessel."',
      ),
    ).toEqual(['The Operator shall insure the vessel."']);
  });

  it.each([
    'As soon as practicable, the Operator shall notify the Port Authority.',
    'For a period of 30 days after Closing, the Seller shall provide transition services.',
    'With each set of accounts, the Operator shall deliver a compliance certificate.',
    'As from 1 March 2027, the Operator shall pay the revised tariff.',
  ])('keeps a lead-in that says when, or what the duty goes with, in "%s"', (sentence) => {
    expect(clauses(sentence)).toEqual([sentence]);
  });

  it('drops a lead-in and a reporting attribution', () => {
    expect(
      clauses(
        'Under the Framework, the two countries will hold a ministerial meeting, the ministry said.',
      ),
    ).toEqual(['the two countries will hold a ministerial meeting']);
    expect(
      clauses(
        "Korean firms will invest $9 billion over five years, Indonesia's investment ministry said in a statement.",
      ),
    ).toEqual(['Korean firms will invest $9 billion over five years']);
    expect(
      clauses('"This partnership will create 20,000 jobs," the Indonesian minister said.'),
    ).toEqual(['"This partnership will create 20,000 jobs']);
  });

  it('keeps apart the items of a list that each say when', () => {
    expect(
      clauses(
        'The two countries agreed to set up a task force within 60 days to oversee the projects, and to review progress annually.',
      ),
    ).toEqual([
      'The two countries agreed to set up a task force within 60 days to oversee the projects',
      'to review progress annually.',
    ]);
  });

  it('splits two verbs of one duty joined by "and" where each says when', () => {
    expect(
      clauses(
        'The grantee must begin construction within 18 months and reach commercial operation by December 31, 2029.',
      ),
    ).toEqual([
      'The grantee must begin construction within 18 months',
      'reach commercial operation by December 31, 2029.',
    ]);
  });

  it('keeps "and" after a time limit in one commitment where what follows is no verb with a time', () => {
    for (const sentence of [
      'The Buyer shall pay the deposit within 30 days and the balance by June 30, 2027.',
      'The Borrower shall deliver a report within 30 days and thereafter every quarter.',
      'The Seller shall notify the Buyer within 5 days and explain the delay.',
    ])
      expect(clauses(sentence)).toEqual([sentence]);
  });

  it('starts after "under which" so the instrument is not the subject', () => {
    expect(
      clauses('They signed a memorandum under which Malaysia will not impose export quotas.'),
    ).toEqual(['Malaysia will not impose export quotas.']);
  });

  it('leaves out the clause number or list marker the commitment is written under', () => {
    expect(clauses('7.1 The Borrower shall repay the Loans in full.')).toEqual([
      'The Borrower shall repay the Loans in full.',
    ]);
    expect(clauses('4.2.1. Each Party shall notify the other.')).toEqual([
      'Each Party shall notify the other.',
    ]);
    expect(clauses('Article 12 The Supplier shall deliver the ore.')).toEqual([
      'The Supplier shall deliver the ore.',
    ]);
    expect(clauses('§ 5: The Buyer shall pay the price.')).toEqual([
      'The Buyer shall pay the price.',
    ]);
    expect(
      clauses('(a) the Licensee shall pay royalties; (b) the Licensor shall audit them.'),
    ).toEqual(['the Licensee shall pay royalties', 'the Licensor shall audit them.']);
    expect(clauses('iv) the Agent shall file the notice.')).toEqual([
      'the Agent shall file the notice.',
    ]);
  });

  it('keeps a number that is part of the subject', () => {
    expect(clauses('1.5 million tonnes shall be delivered each year.')).toEqual([
      '1.5 million tonnes shall be delivered each year.',
    ]);
    expect(clauses('12 Months after Closing the Buyer shall pay the balance.')).toEqual([
      '12 Months after Closing the Buyer shall pay the balance.',
    ]);
  });

  it('starts after whoever reports the commitment, unless only the reporter names the subject', () => {
    expect(
      clauses(
        'In its own statement, the Australian government said the two sides would direct US$1 billion to projects.',
      ),
    ).toEqual(['the two sides would direct US$1 billion to projects.']);
    expect(clauses('The Thai document says the participants expect to invest in assets.')).toEqual([
      'the participants expect to invest in assets.',
    ]);
    expect(clauses('The Seller said it will deliver the ore in May.')).toEqual([
      'The Seller said it will deliver the ore in May.',
    ]);
    expect(clauses('The United States will provide financing in 2028.')).toEqual([
      'The United States will provide financing in 2028.',
    ]);
  });

  it('splits two duties of one subject joined by "and shall", each naming that subject', () => {
    const sentence =
      'Provider shall maintain insurance throughout the Term and shall deliver a certificate of insurance by 1 June 2026.';
    const found = findCommitmentClauses(sentence, makeSpan(sentence, 0, sentence.length));
    expect(found.map((c) => [c.span.text, c.subject])).toEqual([
      ['Provider shall maintain insurance throughout the Term', 'Provider '],
      ['shall deliver a certificate of insurance by 1 June 2026.', 'Provider '],
    ]);
  });

  it('splits two aims of one subject joined by "and expects to"', () => {
    const sentence =
      'Orion intends to list its shares by March 2028 and expects to realise synergies within 24 months.';
    const found = findCommitmentClauses(sentence, makeSpan(sentence, 0, sentence.length));
    expect(found.map((c) => [c.span.text, c.subject])).toEqual([
      ['Orion intends to list its shares by March 2028', 'Orion '],
      ['expects to realise synergies within 24 months.', 'Orion '],
    ]);
  });

  it('gives the items of a list the subject of the commitment they continue', () => {
    const sentence =
      'The Parties will establish a working group, provide financing to projects, and publish annual reports.';
    expect(
      findCommitmentClauses(sentence, makeSpan(sentence, 0, sentence.length)).map((c) => c.subject),
    ).toEqual(['The Parties ', 'The Parties ', 'The Parties ']);
  });

  it('keeps a duty to refrain stated twice over ("shall not, and shall procure that") in one', () => {
    expect(
      clauses(
        'The Licensee shall not, and shall procure that its Affiliates shall not, reverse engineer the Software.',
      ),
    ).toHaveLength(1);
  });

  it('keeps "and shall" of a new subject in one commitment', () => {
    expect(
      clauses('During each Contract Year, Buyer shall purchase and Seller shall sell 100 tonnes.'),
    ).toHaveLength(1);
  });

  it('splits at "and" before a new subject led by "a"', () => {
    expect(
      clauses(
        'The consortium must begin construction within 12 months, and a battery cell plant in West Java is due to be completed by the end of 2028.',
      ),
    ).toEqual([
      'The consortium must begin construction within 12 months',
      'a battery cell plant in West Java is due to be completed by the end of 2028.',
    ]);
  });

  it('splits at "and" before a new subject with a commitment word of its own', () => {
    const sentence =
      'Japan will provide financing within six months and the United States will hold a ministerial meeting within 180 days.';
    const found = findCommitmentClauses(sentence, makeSpan(sentence, 0, sentence.length));
    expect(found.map((c) => [c.span.text, c.subject])).toEqual([
      ['Japan will provide financing within six months', 'Japan '],
      ['the United States will hold a ministerial meeting within 180 days.', 'the United States '],
    ]);
    expect(
      clauses('The Buyer shall pay the price within 30 days, and Seller shall deliver the goods.'),
    ).toEqual(['The Buyer shall pay the price within 30 days', 'Seller shall deliver the goods.']);
  });

  it('leaves out a right that comes before the first commitment, with its subject', () => {
    const sentence =
      "Customer may audit Provider's compliance once per year, and Provider shall remedy any findings within 60 days.";
    const found = findCommitmentClauses(sentence, makeSpan(sentence, 0, sentence.length));
    expect(found.map((c) => [c.span.text, c.subject])).toEqual([
      ['Provider shall remedy any findings within 60 days.', 'Provider '],
    ]);
  });

  it('takes the speaker of a quotation for its "we"', () => {
    const sentence =
      '"We are going to deliver the first shipments before 2030," Canada\'s energy minister told reporters.';
    const [clause] = findCommitmentClauses(sentence, makeSpan(sentence, 0, sentence.length));
    expect(clause?.subject).toBe("Canada's energy minister");
    expect(clause?.span.text).toBe('"We are going to deliver the first shipments before 2030');
  });

  it('does not take the month of May for a right before the commitment', () => {
    expect(clauses('On 1 May 2027, Alpha and Beta will sign the offtake agreement.')).toEqual([
      'On 1 May 2027, Alpha and Beta will sign the offtake agreement.',
    ]);
  });

  it('gives every commitment of a sentence the event the sentence opens with', () => {
    const sentence =
      'Upon termination, the Provider shall return all data within thirty days and shall delete its copies, and the Customer shall pay all fees within ten days.';
    const found = findCommitmentClauses(sentence, makeSpan(sentence, 0, sentence.length));
    expect(found.map((c) => c.fronted)).toEqual(['termination', 'termination', 'termination']);
    const plain = 'The Customer shall pay all fees.';
    expect(
      findCommitmentClauses(plain, makeSpan(plain, 0, plain.length)).map((c) => c.fronted),
    ).toEqual([null]);
  });

  it('gives a pronoun after "and" the subject before it', () => {
    const sentence = 'Acme will open an office in 2027, and they will hire 200 engineers by 2029.';
    const found = findCommitmentClauses(sentence, makeSpan(sentence, 0, sentence.length));
    expect(found.map((c) => [c.span.text, c.subject])).toEqual([
      ['Acme will open an office in 2027', 'Acme '],
      ['they will hire 200 engineers by 2029.', 'Acme '],
    ]);
  });

  it('keeps "and" within one commitment where the new subject does not start a commitment', () => {
    // Inside a clause of "as", "that", ...: one commitment that names another's action.
    expect(
      clauses(
        'The Company will provide such information as the Investor and its advisers will reasonably request.',
      ),
    ).toHaveLength(1);
    // The second subject belongs to the first: the same commitment, said more precisely.
    expect(
      clauses(
        'The Committee shall convene annually, and its first meeting shall take place no later than 30 June 2026.',
      ),
    ).toHaveLength(1);
    // Nor "and" between two subjects of one commitment word.
    expect(
      clauses('Japan and the United States will hold a ministerial meeting within 180 days.'),
    ).toHaveLength(1);
  });

  it('reads each item of a list run on in the sentence as a commitment of the lead-in', () => {
    const sentence =
      'The Supplier shall: (a) deliver the first shipment within 60 days; (b) provide monthly reports; and (c) maintain ISO 9001 certification.';
    const found = findCommitmentClauses(sentence, makeSpan(sentence, 0, sentence.length));
    expect(found.map((c) => [c.span.text, c.subject])).toEqual([
      ['deliver the first shipment within 60 days', 'The Supplier '],
      ['provide monthly reports', 'The Supplier '],
      ['maintain ISO 9001 certification.', 'The Supplier '],
    ]);
    expect(
      clauses(
        'The Buyer shall (i) pay each invoice within 30 days, and (ii) issue a forecast by 15 April 2027.',
      ),
    ).toEqual(['pay each invoice within 30 days', 'issue a forecast by 15 April 2027.']);
  });

  it('does not take the figures of "one (1) hour ... four (4) hours" for a list', () => {
    expect(
      clauses('The Provider shall respond within one (1) hour and explain the cause in (4) lines.'),
    ).toEqual([
      'The Provider shall respond within one (1) hour and explain the cause in (4) lines.',
    ]);
  });

  it('does not take a reference to a paragraph or a lone letter for a list', () => {
    expect(
      clauses(
        'The Buyer shall pay the amounts in paragraph (a) of Schedule 1 and paragraph (b) of Schedule 2.',
      ),
    ).toHaveLength(1);
    expect(
      clauses('The Buyer shall pay the amounts set out in (a) above and (b) below.'),
    ).toHaveLength(1);
    expect(clauses('The Buyer shall pay (a) fee within 30 days.')).toHaveLength(1);
  });

  it('finds nothing without a commitment word', () => {
    expect(clauses('The Parties met in Tokyo on Tuesday.')).toEqual([]);
  });
});

describe('what the speakers of a declaration take note of', () => {
  const subjects = (sentence: string) =>
    findCommitmentClauses(sentence, makeSpan(sentence, 0, sentence.length)).map((c) => [
      c.span.text,
      c.subject,
    ]);

  it.each([
    ['We note that the Fund will publish a review of debt by March 2027.'],
    ['We recognise that developing countries will need support at scale.'],
    ['We welcome the new roadmap, which will guide our work until 2030.'],
    ['We, the Leaders, warmly welcome the offer of Chile to host the next summit.'],
  ])('is no commitment of theirs: "%s"', (sentence) => {
    expect(subjects(sentence)).toEqual([]);
  });

  it('is theirs where they commit after it, by "and" or by "we" again', () => {
    expect(subjects('We welcome the report of the task force and commit to act on it.')).toEqual([
      ['We welcome the report of the task force and commit to act on it.', 'We'],
    ]);
    expect(subjects('We reaffirm that we will not impose export bans.')).toEqual([
      ['We reaffirm that we will not impose export bans.', 'We'],
    ]);
  });

  it('names the speakers as who commits in the part after the one they note things in', () => {
    expect(
      subjects('We reaffirm our support for the Alliance and will expand it in 2027.'),
    ).toEqual([['will expand it in 2027.', 'We']]);
  });
});

describe('predictions and views in a news report', () => {
  const found = (sentence: string) =>
    findCommitmentClauses(sentence, makeSpan(sentence, 0, sentence.length));

  it.each([
    ['The smelter will start production by 2028, analysts said.'],
    ['Production will begin in 2028, according to analysts at a Lima brokerage.'],
    ['Economists at Andes Bank predict the mine will reach full output in 2029.'],
    ['Officials said they hoped the terminal would open next year.'],
    ['The minister said he expected the refinery would be completed by March 2028.'],
    ['"We are confident the railway will be finished by 2029," the governor said.'],
  ])('is no commitment: "%s"', (sentence) => {
    expect(found(sentence)).toEqual([]);
  });

  it("takes a party's quoted promise as said to the press, by the one who said it", () => {
    const [promise] = found('"We will ship the first cargo by June," said the chief executive.');
    expect(promise).toMatchObject({
      span: { text: '"We will ship the first cargo by June' },
      subject: 'the chief executive',
      spoken: true,
    });
  });

  it('keeps what a party is reported to commit to, and a noun that a forecast word describes', () => {
    expect(found('Orion will invest $2 billion over five years, the company said.')).toEqual([
      expect.not.objectContaining({ spoken: true }),
    ]);
    expect(found('The anticipated Closing shall take place on 30 June 2027.')).toHaveLength(1);
    expect(found('Analysts hold the view that Orion shall pay the fee.')).toHaveLength(1);
  });
});

describe('a term stated without a modal, as a charter party or a term sheet states it', () => {
  const term = (sentence: string) => {
    const clause = findShorthandClause(sentence, makeSpan(sentence, 0, sentence.length));
    if (!clause) return null;
    const { span, trigger } = clause;
    return [span.text, span.text.slice(trigger.start, trigger.end), clause.subject];
  };

  it.each([
    [
      '4. Vessel to be delivered at Busan on or about 1 March 2027.',
      ['Vessel to be delivered at Busan on or about 1 March 2027.', 'to', 'Vessel '],
    ],
    [
      'Freight payable within five banking days.',
      ['Freight payable within five banking days.', 'payable', 'Freight '],
    ],
    [
      'Repayment: Loan to be repaid in ten equal semi-annual instalments.',
      ['Loan to be repaid in ten equal semi-annual instalments.', 'to', 'Loan '],
    ],
    [
      'All port dues to be paid by the Charterers.',
      ['All port dues to be paid by the Charterers.', 'to', 'All port dues '],
    ],
  ])('reads "%s"', (sentence, expected) => {
    expect(term(sentence)).toEqual(expected);
  });

  it.each([
    ['This Charter Party to be governed by English law.'],
    ['Purpose: to promote trade in refined copper.'],
    ['Laydays not to commence before 10 January 2027.'],
    ['Price to be determined by the independent expert.'],
    ['the cargo to be loaded at Durban'],
  ])('finds none in "%s"', (sentence) => {
    expect(term(sentence)).toBeNull();
  });
});
