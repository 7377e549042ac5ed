import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { fingerprintOf, sameDeal } from './deal-fingerprint';

/** CI clones the repository next to a copy of shared/, so the corpus is found from the repo root. */
const corpus = resolve(__dirname, '../../../../../../shared/corpus/agreements');

interface Gold {
  file: string;
  signedAt: string | null;
  parties: string[];
}

interface Decided {
  a: string;
  b: string;
  same: boolean;
  linked: boolean;
}

// describe.skip still runs its body, so the corpus is read in beforeAll.
(existsSync(join(corpus, 'gold.json')) ? describe : describe.skip)(
  'linking the shared corpus',
  () => {
    let fingerprints: Map<string, ReturnType<typeof fingerprintOf>>;
    let files: string[];
    let decided: Decided[];

    beforeAll(() => {
      const gold = JSON.parse(readFileSync(join(corpus, 'gold.json'), 'utf8')) as Gold[];
      files = readdirSync(corpus).filter((file) => file.endsWith('.txt'));
      fingerprints = new Map(
        files.map((file) => [file, fingerprintOf(readFileSync(join(corpus, file), 'utf8'))]),
      );
      /** One deal: the same parties signing on the same day. */
      const dealOf = (file: string) => {
        const entry = gold.find((candidate) => candidate.file === file);
        return entry ? `${[...entry.parties].sort().join('|')}@${entry.signedAt}` : file;
      };
      const pairs = files.flatMap((a, index) => files.slice(index + 1).map((b) => [a, b] as const));
      decided = pairs.map(([a, b]) => ({
        a,
        b,
        same: dealOf(a) === dealOf(b),
        linked: sameDeal(fingerprints.get(a)!, fingerprints.get(b)!) !== null,
      }));
    });

    it('links the report of the US–Japan framework to the framework itself', () => {
      expect(
        sameDeal(
          fingerprints.get('seed-us-japan.txt')!,
          fingerprints.get('framework-us-japan.txt')!,
        ),
      ).toMatchObject({
        sharedSignals: expect.arrayContaining([
          'parties: Japan, United States',
          'date: 2025-10-28',
        ]),
      });
    });

    it('never links documents about different deals, and reports precision and recall', () => {
      const truePositives = decided.filter((pair) => pair.same && pair.linked).length;
      const falsePositives = decided.filter((pair) => !pair.same && pair.linked);
      const falseNegatives = decided.filter((pair) => pair.same && !pair.linked).length;
      const precision = truePositives / Math.max(1, truePositives + falsePositives.length);
      const recall = truePositives / Math.max(1, truePositives + falseNegatives);
      console.info(
        `linking over ${files.length} corpus documents (${decided.length} pairs): ` +
          `precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`,
      );
      expect(falsePositives.map(({ a, b }) => `${a} ~ ${b}`)).toEqual([]);
      expect(recall).toBe(1);
    });
  },
);
