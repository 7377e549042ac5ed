import { COUNTRIES } from '@dealwatch/countries';

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

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

/** Every name of every state, longest first so "North Korea" is not read as "Korea". */
const STATE_MENTION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${COUNTRIES.flatMap((country) => country.names)
    .sort((a, b) => b.length - a.length)
    .map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
const UNITED_STATES = new Set(COUNTRIES.find((country) => country.code === 'US')?.names);
const STATES = COUNTRIES.map((country) => country.name).sort();

/**
 * The two states of variant `index`, a pair no other index below STATES.length² / 2 (about
 * 20,000) gets: linking joins documents of one pair of parties, so shared pairs would fold the
 * load into fewer agreements.
 */
export function partiesOf(index: number): [string, string] {
  const first = index % STATES.length;
  const second = (first + 1 + Math.floor(index / STATES.length)) % STATES.length;
  return [STATES[first]!, STATES[second]!];
}

/**
 * A realistic, distinct agreement: corpus paragraphs (as many as three corpus documents would
 * give), its own pair of parties (the United States of the corpus become the first, every other
 * state the second) and its own publication date. Paragraphs are drawn from the whole corpus, not
 * from a few documents, so no two variants share enough wording to be near copies: neither exact
 * nor near-duplicate detection nor same-parties linking folds the load into fewer agreements, as
 * real traffic would not be.
 */
export function variant(templates: string[], index: number): string {
  const next = random(index + 1);
  const pool = paragraphsOf(templates);
  const paragraphs: string[] = [];
  // The sample alone (no corpus beside the repository) has fewer paragraphs than a variant takes.
  const wanted = Math.min(PARAGRAPHS_PER_VARIANT, pool.length);
  for (let taken = new Set<number>(); taken.size < wanted;) {
    const pick = Math.floor(next() * pool.length);
    if (taken.has(pick)) continue;
    taken.add(pick);
    paragraphs.push(pool[pick]!);
  }
  const [first, second] = partiesOf(index);
  const published = new Date(Date.UTC(2026, 0, 1) + (index % 700) * DAY_MS)
    .toISOString()
    .slice(0, 10);
  const body = paragraphs
    .join('\n\n')
    .replace(STATE_MENTION, (name) => (UNITED_STATES.has(name) ? first : second));
  return `date ${published} https://bench.example/${index}\n\n${first} and ${second} agreement ${index}\n\n${body}\n`;
}

const PARAGRAPHS_PER_VARIANT = 18;
const pools = new WeakMap<string[], string[]>();

function paragraphsOf(templates: string[]): string[] {
  const known = pools.get(templates);
  if (known) return known;
  const pool = templates.flatMap((template) =>
    template
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter((paragraph) => paragraph.length > 80),
  );
  pools.set(templates, pool);
  return pool;
}
