import { partiesOf, variant } from './documents';

const paragraph = (n: number) =>
  `Paragraph ${n}: the United States and Japan will cooperate on critical minerals and hold a meeting within 180 days.`;

describe('benchmark documents', () => {
  it('draws a variant from the paragraphs there are when a template has fewer than it takes', () => {
    // The sample alone, as on a machine without the corpus beside the repository.
    const sample = [paragraph(1), paragraph(2), paragraph(3)].join('\n\n');
    const text = variant([sample], 7);
    for (const n of [1, 2, 3]) expect(text).toContain(`Paragraph ${n}:`);
  });

  it("gives each variant its own pair of parties in place of the corpus's states", () => {
    const text = variant([Array.from({ length: 30 }, (_, n) => paragraph(n)).join('\n\n')], 3);
    const [first, second] = partiesOf(3);
    expect(text).toContain(`${first} and ${second} will cooperate`);
    expect(text).not.toContain('United States and Japan');
  });
});
