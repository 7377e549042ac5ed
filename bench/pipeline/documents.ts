import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

const COUNTRIES = [
  'Canada',
  'Chile',
  'Brazil',
  'India',
  'Indonesia',
  'Kenya',
  'Mexico',
  'Norway',
  'Peru',
  'Poland',
  'Vietnam',
  'Zambia',
];
const DAY_MS = 86_400_000;

/** The corpus agreements (or the sample when the corpus is not beside the repository). */
export function loadTemplates(workspaceRoot: string): string[] {
  const corpus = resolve(workspaceRoot, '..', 'shared', 'corpus', 'agreements');
  if (!existsSync(corpus))
    return [readFileSync(resolve(workspaceRoot, 'samples', 'seed-us-japan.txt'), 'utf8')];
  return readdirSync(corpus)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => readFileSync(resolve(corpus, file), 'utf8'));
}

/** A small deterministic generator, so a run can be repeated document for document. */
function random(seed: number): () => number {
  let state = seed * 2654435761 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

/**
 * A realistic, distinct agreement: paragraphs drawn from three corpus documents, another partner
 * country and its own publication date. Distinct enough that neither exact nor near-duplicate
 * detection folds the load into a few agreements, as real traffic would not be.
 */
export function variant(templates: string[], index: number): string {
  const next = random(index + 1);
  const picks = [0, 1, 2].map(() => templates[Math.floor(next() * templates.length)]!);
  const paragraphs = picks.flatMap((template) =>
    template
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph.length > 80 && next() < 0.5),
  );
  const country = COUNTRIES[index % COUNTRIES.length]!;
  const published = new Date(Date.UTC(2026, 0, 1) + (index % 700) * DAY_MS)
    .toISOString()
    .slice(0, 10);
  const body = paragraphs
    .join('\n\n')
    .replace(/\bJapan(ese)?\b/g, (_, adjective: string | undefined) =>
      adjective ? `${country}n` : country,
    );
  return `date ${published} https://bench.example/${index}\n\nUnited States and ${country} agreement ${index}\n\n${body}\n`;
}
