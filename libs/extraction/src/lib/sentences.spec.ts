import { splitLines, splitSentences, unwrapLines } from './sentences';

describe('sentence segmentation', () => {
  it('keeps offsets into the original text', () => {
    const text = 'Title\n\nFirst one. Second one.';
    const lines = splitLines(text);
    expect(lines.map((line) => line.text)).toEqual(['Title', 'First one. Second one.']);
    const sentences = splitSentences(text, lines[1]!);
    for (const sentence of sentences) {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
    expect(sentences.map((s) => s.text)).toEqual(['First one.', 'Second one.']);
  });

  it('does not split after abbreviations, initials or "per cent."', () => {
    const text =
      'Mirador Lithium Corp. ("Mirador") signed with Donald J. Trump. It buys a 40 per cent. interest.';
    const [line] = splitLines(text);
    expect(splitSentences(text, line!).map((s) => s.text)).toEqual([
      'Mirador Lithium Corp. ("Mirador") signed with Donald J. Trump.',
      'It buys a 40 per cent. interest.',
    ]);
    const time = 'Bids are due by 5:00 p.m. (New York time) on 5 March 2026.';
    expect(splitSentences(time, splitLines(time)[0]!)).toHaveLength(1);
  });
});

describe('unwrapping lines', () => {
  const lines = (text: string) => splitLines(unwrapLines(text)).map((line) => line.text);

  it('puts a paragraph wrapped over several lines on one line, keeping offsets', () => {
    const text =
      '3.1 The Seller shall deliver the first shipment of\nProduct no later than 30 June 2026, and the\nBuyer shall pay within thirty (30) days\nafter receipt.\n3.2 The Buyer shall keep records.';
    const unwrapped = unwrapLines(text);
    expect(unwrapped).toHaveLength(text.length);
    expect(splitLines(unwrapped).map((line) => line.text)).toEqual([
      '3.1 The Seller shall deliver the first shipment of Product no later than 30 June 2026, and the Buyer shall pay within thirty (30) days after receipt.',
      '3.2 The Buyer shall keep records.',
    ]);
  });

  it('keeps apart what starts anew: a blank line, a list item, a clause, a name over its role', () => {
    expect(lines('Title\n\nthe body')).toEqual(['Title', 'the body']);
    expect(lines('The Seller shall:\n(a) deliver the goods; and\n(b) pay the fees.')).toHaveLength(
      3,
    );
    expect(lines('OSTRANDER DEVELOPMENT BANK\nas Lender')).toEqual([
      'OSTRANDER DEVELOPMENT BANK',
      'as Lender',
    ]);
    expect(lines('Canada and Germany sign a minerals pact\nBy Jane Doe')).toHaveLength(2);
  });

  it("keeps a header's labelled lines apart, a name ending in a word that may go on included", () => {
    expect(
      lines('Party A (Buyer): Holmvik Shipping AS\nParty B (Seller): Dalian Valve Co.'),
    ).toEqual(['Party A (Buyer): Holmvik Shipping AS', 'Party B (Seller): Dalian Valve Co.']);
    expect(lines('The fee shall be paid as\nfollows: half on signing.')).toHaveLength(1);
  });

  it("keeps a table's rows apart, and the rule under its header", () => {
    expect(
      lines('Milestone | Due\n--------|--------\nFinancial close | 30 June 2026\nTake-\nor-pay'),
    ).toEqual([
      'Milestone | Due',
      '--------|--------',
      'Financial close | 30 June 2026',
      'Take- or-pay',
    ]);
  });
});

describe('the sentences of a section of an executive order', () => {
  const sentences = (text: string) => splitSentences(text, splitLines(text)[0]!).map((s) => s.text);

  it('reads a heading run in before its first item as a sentence of its own', () => {
    expect(
      sentences('Sec. 4. Defense Production Act. (a) The Secretary of Defense shall act.'),
    ).toEqual(['Sec. 4.', 'Defense Production Act.', '(a) The Secretary of Defense shall act.']);
  });

  it('keeps an item that follows a sentence or a semicolon in it', () => {
    expect(sentences('The Buyer shall pay the fees. (b) deliver the goods.')).toHaveLength(1);
    expect(sentences('The Supplier shall: (a) pay; (b) deliver.')).toHaveLength(1);
  });
});

describe('unwrapping a paragraph wrapped at a width', () => {
  const lines = (text: string) => splitLines(unwrapLines(text)).map((line) => line.text);

  it('goes on in a name across a line break', () => {
    expect(
      lines(
        [
          'order, the Secretary of Commerce, in coordination with the Secretaries of',
          'Defense, the Interior, Agriculture, and Energy, and the United States Trade',
          'Representative, shall submit a report to the President.',
        ].join('\n'),
      ),
    ).toHaveLength(1);
  });

  it('keeps a long headline apart from the line under it', () => {
    expect(
      lines(
        'FACT SHEET: President Donald J. Trump Secures Critical Minerals Agreement with Australia\nThe White House',
      ),
    ).toHaveLength(2);
  });
});
