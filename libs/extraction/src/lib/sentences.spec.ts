import { splitLines, splitSentences } from './sentences';

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
  });
});
