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

/**
 * A realistic but distinct document: another partner country and other years, so neither exact nor
 * near-duplicate detection folds the load into a few agreements.
 */
export function variant(template: string, index: number): string {
  const country = COUNTRIES[index % COUNTRIES.length]!;
  const yearShift = 1 + (index % 7);
  return `${template
    .replace(/\bJapan(ese)?\b/g, (_, adjective: string | undefined) =>
      adjective ? `${country}n` : country,
    )
    .replace(/\b(20[12]\d)\b/g, (year) =>
      String(Number(year) + yearShift),
    )}\n\nReference ${index}.`;
}
