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
