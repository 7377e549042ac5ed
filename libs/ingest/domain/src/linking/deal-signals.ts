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

/** Legal forms as written; each is compared in lower case without its dots (`S.A.` as `sa`). */
const LEGAL_FORMS = [
  ...'Inc Incorporated Corp Corporation Ltd Limited Co Company LLC L.L.C LLP LP L.P PLC plc GmbH'
    .concat(' AG SE SA S.A SAS S.A.S SpA S.p.A NV N.V BV B.V AB ASA A/S Oy KK K.K Bhd Srl')
    .split(' '),
  ...['Pty Ltd', 'Pty. Ltd', 'Pte Ltd', 'Pte. Ltd', 'Sdn Bhd', 'Sdn. Bhd'],
];
/** Long forms under their short one, so that `Limited` and `Ltd` name one company. */
const SHORT_FORM = new Map([
  ['incorporated', 'inc'],
  ['corporation', 'corp'],
  ['limited', 'ltd'],
  ['company', 'co'],
]);
/**
 * A legal form after a word: where a company's name ends. Looked for first, as it is rare, and
 * the name read backwards from it: a scan for names ahead of every capital costs ten times more.
 */
const LEGAL_FORM = new RegExp(
  String.raw`(?<=[\p{L}\p{N}],?[ \t]+)(?:${LEGAL_FORMS.flatMap((form) => [form, form.toUpperCase()])
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})\.?(?![\p{L}\p{N}-])`,
  'gu',
);
/** A capitalised word, or `&` between two (`Wexley & Prior`). */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{N}&'’-]*|&)`;
/** Up to six name words right before a legal form. */
const NAME_BEFORE_FORM = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${NAME_WORD}[ \t]+){0,5}${NAME_WORD}(?=,?[ \t]+$)`,
  'u',
);
/** Longer than six words of a name can be. */
const NAME_REACH = 160;
/**
 * Legal forms read at most: parties are named first, and a text made of `Ltd Ltd Ltd ...` would
 * otherwise cost seconds.
 */
const MAX_LEGAL_FORMS = 200;
/** Words a capitalised run may start with that are not part of the name (`BETWEEN ACME INC.`). */
const LEADING_WORDS =
  /^(?:(?:and|between|by|with|the|of|to|from|for|this|among|amongst)(?:\s+|$))+/;

/**
 * Companies the text names with their legal form (`Coldwater Magnet Works, Inc.`), as
 * `coldwater magnet works inc`: what tells one signing of a model contract from another.
 */
export function namedOrganisations(text: string): string[] {
  const found = new Set<string>();
  let read = 0;
  for (const { 0: form, index } of text.matchAll(LEGAL_FORM)) {
    if (++read > MAX_LEGAL_FORMS) break;
    const [words] = NAME_BEFORE_FORM.exec(text.slice(Math.max(0, index - NAME_REACH), index)) ?? [];
    const name = words?.toLowerCase().replace(/\s+/g, ' ').replace(LEADING_WORDS, '');
    if (!name) continue;
    const written = form.toLowerCase().replace(/\./g, '');
    found.add(`${name} ${SHORT_FORM.get(written) ?? written}`);
  }
  return [...found].sort();
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
