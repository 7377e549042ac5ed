import fc from 'fast-check';

import { SIGNATURE_SIZE, bandKeys, minhashSignature, shingleHashes, wordsOf } from './minhash';

/*
 * The signatures and band keys are stored: every later version must compute the same values for the
 * same text, or new uploads stop finding the agreements stored before. This is their definition,
 * written the plain way, as the reference the optimised code is held to.
 */
function referenceFnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const unit of Array.from({ length: text.length }, (_, index) => text.charCodeAt(index))) {
    hash = Math.imul(hash ^ unit, 0x01000193);
  }
  return hash >>> 0;
}

function referenceMix(value: number): number {
  let hash = value >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

function referenceSignature(words: string[], size: number): number[] {
  const shingles = new Set<number>();
  for (let start = 0; start <= Math.max(0, words.length - size); start++) {
    if (words.length > 0) shingles.add(referenceFnv1a(words.slice(start, start + size).join(' ')));
  }
  return Array.from({ length: SIGNATURE_SIZE }, (_, index) => {
    const seed = referenceMix(Math.imul(index + 1, 0x9e3779b1));
    return Math.min(0xffffffff, ...[...shingles].map((hash) => referenceMix(hash ^ seed)));
  });
}

const agreementText = fc
  .array(
    fc.oneof(
      fc.constantFrom('the', 'Parties', 'shall', 'within', '180', 'days', 'financing', 'rare'),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
    ),
    { maxLength: 60 },
  )
  .map((words) => words.join(' '));

describe('MinHash fingerprints', () => {
  it('are the signatures of their definition, for shingles of one and of three words', () => {
    fc.assert(
      fc.property(agreementText, fc.constantFrom(1, 3), (text, size) => {
        const words = wordsOf(text);
        expect(minhashSignature(shingleHashes(words, size))).toEqual(
          referenceSignature(words, size),
        );
      }),
    );
  });

  it('give a text with no words the signature of the empty set', () => {
    expect(minhashSignature(shingleHashes([], 3))).toEqual(
      new Array<number>(SIGNATURE_SIZE).fill(0xffffffff),
    );
  });

  it('give one band key per band, equal for equal texts and different for different ones', () => {
    const keysOf = (text: string) => bandKeys(minhashSignature(shingleHashes(wordsOf(text), 3)));
    const framework =
      'The Parties shall select priority projects and provide financing within six months.';
    expect(keysOf(framework)).toEqual(keysOf(framework.toUpperCase()));
    expect(keysOf(framework)).toHaveLength(32);
    expect(keysOf('A wholly unrelated supply contract for lithium carbonate.')).not.toEqual(
      expect.arrayContaining([keysOf(framework)[0]]),
    );
  });
});
