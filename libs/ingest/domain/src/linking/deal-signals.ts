import { calendarDateOf } from '../formats/converted-document';

/**
 * A light sniff of who and when, enough to tell two reports of one signing from reports of two:
 * the states a text names more than once, and the calendar dates it states. Not the extraction
 * engine, which belongs to another service.
 */
const STATES: Record<string, RegExp> = {
  // Case matters: `US` is the country, `us` the pronoun.
  'United States': /\b(?:United States|U\.S\.(?:A\.)?|USA?|America)(?![\p{L}])/gu,
  Japan: /\b(?:Japan)\b/giu,
  Australia: /\b(?:Australia)\b/giu,
  Malaysia: /\b(?:Malaysia)\b/giu,
  Thailand: /\b(?:Thailand)\b/giu,
  'Saudi Arabia': /\b(?:Saudi Arabia)\b/giu,
  Ukraine: /\b(?:Ukraine)\b/giu,
  China: /\b(?:China)\b/giu,
  India: /\b(?:India)\b/giu,
  Indonesia: /\b(?:Indonesia)\b/giu,
  'South Korea': /\b(?:South Korea|Republic of Korea)\b/giu,
  Vietnam: /\b(?:Vietnam|Viet Nam)\b/giu,
  Philippines: /\b(?:Philippines)\b/giu,
  Canada: /\b(?:Canada)\b/giu,
  Mexico: /\b(?:Mexico)\b/giu,
  Brazil: /\b(?:Brazil)\b/giu,
  'United Kingdom': /\b(?:United Kingdom)\b/giu,
  'European Union': /\b(?:European Union)\b/giu,
  Germany: /\b(?:Germany)\b/giu,
  France: /\b(?:France)\b/giu,
  Norvania: /\b(?:Norvania)\b/giu,
  Esterland: /\b(?:Esterland)\b/giu,
};

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
  return Object.entries(STATES)
    .filter(([, pattern]) => [...text.matchAll(pattern)].length >= 2)
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
