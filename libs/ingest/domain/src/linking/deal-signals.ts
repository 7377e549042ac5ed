import { COUNTRIES } from '@dealwatch/countries';

import { calendarDateOf } from '../formats/converted-document';

// A light sniff of who and when, enough to tell two reports of one signing from reports of two:
// the states a text names more than once, and the calendar dates it states. Not the extraction
// engine, which belongs to another service.

/** Every unambiguous name of every state, longest first so "North Korea" is not read as "Korea". */
const STATE_NAMES = new Map(
  COUNTRIES.flatMap((country) => country.names.map((name) => [name, country.name] as const)),
);
const STATE_MENTION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...STATE_NAMES.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}\\p{N}])`,
  // Case matters: `US` is the country, `us` the pronoun.
  'gu',
);

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** States named at least twice: a single mention is context ("as Japan did"), not a party. */
export function principalParties(text: string): string[] {
  const mentions = new Map<string, number>();
  for (const [name] of text.matchAll(STATE_MENTION)) {
    const state = STATE_NAMES.get(name) ?? name;
    mentions.set(state, (mentions.get(state) ?? 0) + 1);
  }
  return [...mentions]
    .filter(([, count]) => count >= 2)
    .map(([state]) => state)
    .sort();
}

/** Every calendar date the text states (ISO or `October 28, 2025`), as YYYY-MM-DD, sorted. */
export function dateHints(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/\b(20\d{2})-(\d{2})-(\d{2})\b/g)) {
    found.add(`${match[1]}-${match[2]}-${match[3]}`);
  }
  const named = /\b([A-Z][a-z]+)\.? (\d{1,2}),? (20\d{2})\b/g;
  for (const match of text.matchAll(named)) {
    const month = MONTHS.findIndex((name) => name.startsWith((match[1] ?? '').toLowerCase()));
    if (month < 0 || (match[1] ?? '').length < 3) continue;
    found.add(
      `${match[3]}-${String(month + 1).padStart(2, '0')}-${(match[2] ?? '').padStart(2, '0')}`,
    );
  }
  return [...found].filter((date) => calendarDateOf(date) === date).sort();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
