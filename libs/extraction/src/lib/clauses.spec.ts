import { findCommitmentClauses } from './clauses';
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
      'and publish annual reports.',
    ]);
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

  it('drops a lead-in and a reporting attribution', () => {
    expect(
      clauses(
        'Under the Framework, the two countries will hold a ministerial meeting, the ministry said.',
      ),
    ).toEqual(['the two countries will hold a ministerial meeting']);
  });

  it('starts after "under which" so the instrument is not the subject', () => {
    expect(
      clauses('They signed a memorandum under which Malaysia will not impose export quotas.'),
    ).toEqual(['Malaysia will not impose export quotas.']);
  });

  it('finds nothing without a commitment word', () => {
    expect(clauses('The Parties met in Tokyo on Tuesday.')).toEqual([]);
  });
});
