import type { Region } from '@dealwatch/countries';
import { COUNTRIES, REGIONS, regionNamed } from '@dealwatch/countries';

import { MONTH_NAMES } from './date-mentions';
import { allMatches, escapeRegExp } from './matches';

const LOCATIVE = /\b(in|at|from|to|near|of)\s+(?:the\s+)?$/i;
// "to expand graphite production in Mozambique": where, not who. A state "to" or "from" which
// something goes may be a party all the same ("to supply rare earths to Japan").
const PLACE = /\b(in|at|near)\s+(?:the\s+)?$/i;
const NOT_THE_STATE = /^\s+(?:text|language|version|translation|original|law|courts?)\b/i;
// "the Paris Agreement", "the Addis Ababa Action Agenda", "the Lima Declaration": an instrument or a
// meeting named after the city where it was made, not the city's government.
const NAMED_AFTER_CAPITAL =
  /^\s+(?:[A-Z][\w-]*\s+){0,2}?(?:Agreements?|Accords?|Declaration|Agenda|Consensus|Convention|Protocol|Principles|Framework|Action\s+Plan|Programme|Program|Summit|Process|Conference|Charter|Treaty|Statement|Communiqu[eé]|Club|Pact|Round|Commitments?)(?![\p{L}\p{N}])/u;
// "WASHINGTON, October 30, 2026 -", "Washington, DC - November 12, 2026:", "TOKYO (Reuters) -",
// "MANILA, PHILIPPINES (28 October 2026) —": a place opening its line before a date (or a wire's
// bracket) is where a report was filed, not a government. A dash alone is no dateline: "Tokyo –
// Seoul summit" names both.
const MONTH_WORD = String.raw`(?:${MONTH_NAMES.join('|')}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)`;
const DATELINE_AFTER = new RegExp(
  String.raw`^(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s*,?\s*(?:[-–—]\s*)?(?:\(|${MONTH_WORD}\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_WORD}(?![\p{L}]))`,
  'u',
);
// "MANILA, " before "PHILIPPINES (28 October 2026)": the city the state follows in a dateline.
const DATELINE_CITY = /^\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2},\s*$/;
// "a Japanese trading house", "Korean carmakers": a demonym naming the state's companies.
const ITS_COMPANIES =
  /^\s+(?:compan(?:y|ies)|firms?|trading\s+house|conglomerates?|miners?|carmakers?|automakers?|refiners?|producers?)\b/i;

interface StateAlias {
  readonly state: string;
  readonly alias: string;
  /** A capital names its government only as an actor ("Tokyo said"), not as a place. */
  readonly capital: boolean;
  /** A demonym names the state's people and companies too ("American companies"). */
  readonly adjective: boolean;
}

const STATE_ALIASES = new Map<string, StateAlias>();
for (const country of COUNTRIES) {
  const add = (alias: string, kind: 'name' | 'adjective' | 'capital') => {
    const key = alias.toLowerCase();
    if (STATE_ALIASES.has(key)) return;
    const [capital, adjective] = [kind === 'capital', kind === 'adjective'];
    STATE_ALIASES.set(key, { state: country.name, alias, capital, adjective });
  };
  for (const name of country.names) add(name, 'name');
  for (const adjective of country.adjectives) add(adjective, 'adjective');
  for (const capital of country.capitals) add(capital, 'capital');
}

const REGION_ALIASES = new Map<string, Region & { alias: string }>();
for (const region of REGIONS)
  for (const alias of [region.name, ...region.aliases])
    REGION_ALIASES.set(alias.toLowerCase(), { ...region, alias });

/**
 * Every alias of every state and every region in one pass, the longest first ("North Korea" before
 * "Korea", "Western Australia" before "Australia", "British Columbia" before "British").
 */
const STATE_ALIAS = new RegExp(
  `(?<![\\w.])(?:${[...STATE_ALIASES.values(), ...REGION_ALIASES.values()]
    .map(({ alias }) => alias)
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\w$])`,
  'gi',
);

/**
 * Whether a case-insensitive hit is the alias as a name: written as the alias is, or in a title
 * set in capitals ("AGREEMENT BETWEEN JAPAN AND ..."), so that "turkey" or "us" are not states.
 * Names of several words are names however they are cased.
 */
function writtenAsName(hit: string, alias: string): boolean {
  if (hit === alias || /\s/.test(alias)) return true;
  return (
    !alias.endsWith('.') && alias.length > 3 && hit === hit.toUpperCase() && !/[a-z]/.test(hit)
  );
}

// "Washington", "the U.S.", "U.S. officials", "the Japanese side": a state, or its government's people,
// named by the state's name, adjective or capital.
const STATE_AS_ACTOR =
  /^(?:the\s+)?(.+?)(?:\s+(?:government|administration|side|delegation|authorities|officials|negotiators))?$/i;

// Longer than this, a subject is a clause ("unless a new Agreement is signed between the USA MCO
// and ..."), and the states it names are not the ones who act.
const NAME_PHRASE_LENGTH = 80;

/**
 * The parties a text names: by the first word of each ("Alpha" of "Alpha Minerals Pty Ltd"), or, in
 * a phrase as short as a name, a state by any of its names ("the Republic of Korea").
 */
export function partiesNamedIn(text: string, parties: readonly string[]): string[] {
  const lower = text.toLowerCase();
  const byFirstWord = (party: string) =>
    lower.includes((party.split(/[\s,]/)[0] ?? party).toLowerCase());
  const named = parties.filter(byFirstWord);
  if (named.length === parties.length || text.length > NAME_PHRASE_LENGTH) return named;
  const states = statesNamedIn(text);
  return parties.filter((party) => byFirstWord(party) || states.has(party));
}

/**
 * The states a text names by a name or a capital, a region's name hiding the state's in it; not by
 * a demonym ("American companies").
 */
function statesNamedIn(text: string): Set<string> {
  const states = new Set<string>();
  for (const m of allMatches(STATE_ALIAS, text)) {
    const key = m[0].toLowerCase();
    const known = STATE_ALIASES.get(key);
    if (known && !known.adjective && !REGION_ALIASES.has(key) && writtenAsName(m[0], known.alias))
      states.add(known.state);
  }
  return states;
}

// "the Province", "the State Government": how a region's government calls itself.
const REGION_SELF = /^(?:(province|state|territory)|(provincial|state|territorial)\s+government)$/i;
const KIND_OF_ADJECTIVE: Record<string, string> = {
  provincial: 'province',
  state: 'state',
  territorial: 'territory',
};

/**
 * The party a subject such as "Province" or "State Government" means: the one region of that kind
 * among the parties ("the Province" of British Columbia), or null.
 */
export function regionCalledBy(subject: string, parties: readonly string[]): string | null {
  const m = REGION_SELF.exec(subject.trim());
  if (!m) return null;
  const kind = m[1]?.toLowerCase() ?? KIND_OF_ADJECTIVE[m[2]?.toLowerCase() ?? ''];
  const regions = parties.filter((party) => regionNamed(party)?.kind === kind);
  return regions.length === 1 ? (regions[0] ?? null) : null;
}

// "Jordan", "Chad": names of a state that a text may also give a person or a thing.
const AMBIGUOUS_STATE_NAMES = new Set(
  COUNTRIES.flatMap((country) => country.ambiguousNames.map((name) => name.toLowerCase())),
);

/** Whether a name is, or may be, a state's or a region's ("Korea", "Jordan", "Ontario"). */
export function isGovernmentName(name: string): boolean {
  const key = name.toLowerCase();
  return (
    STATE_ALIASES.has(key) ||
    REGION_ALIASES.has(key) ||
    AMBIGUOUS_STATE_NAMES.has(key) ||
    stateActing(name) !== null
  );
}

/** The state a commitment's subject names as the one acting, or null. */
export function stateActing(subject: string): string | null {
  const name = STATE_AS_ACTOR.exec(subject.trim())?.[1] ?? '';
  const known = STATE_ALIASES.get(name.toLowerCase());
  return known && writtenAsName(name, known.alias) ? known.state : null;
}

/**
 * Whether a name at `at` is the place of a dateline: a capital opening its line, or a state after
 * the city that does, with a date after it.
 */
function opensDateline(text: string, at: number, after: string, capital: boolean): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  const opens = capital ? before.trim() === '' : DATELINE_CITY.test(before);
  return opens && DATELINE_AFTER.test(after);
}

const STATE_FORM = String.raw`(?:Republic|Kingdom|State|Province|Commonwealth|Federation|Federal Republic|Sultanate|Principality|Grand Duchy)`;
const STATE_NAME = String.raw`([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})`;
// "the Government of the Republic of Norvania", "the Government of Quebec", "the Government of the
// Province of British Columbia".
const GOVERNMENT_OF = new RegExp(
  String.raw`Government of (?:the\s+)?(?:${STATE_FORM}\s+of\s+)?${STATE_NAME}`,
  'g',
);
// "FREE TRADE AGREEMENT BETWEEN THE REPUBLIC OF CASTOVIA AND THE KINGDOM OF MERENIA": the two states
// an instrument is made between, named by their forms of state.
const BETWEEN_STATES = new RegExp(
  String.raw`\bbetween\s+(?:the\s+)?${STATE_FORM}\s+of\s+${STATE_NAME}\s+and\s+(?:the\s+)?${STATE_FORM}\s+of\s+${STATE_NAME}`,
  'g',
);
const SMALL_WORD = /^(?:of|the|and|for|on|in|to|between|concerning|regarding)$/i;

/** A line set in capitals in title case ("AGREEMENT BETWEEN THE GOVERNMENT OF ..."), else as is. */
function inTitleCase(text: string): string {
  if (text !== text.toUpperCase() || !/[A-Z]/.test(text)) return text;
  return text.replace(/[A-Z][A-Z'-]*/g, (word) =>
    SMALL_WORD.test(word) ? word.toLowerCase() : word.charAt(0) + word.slice(1).toLowerCase(),
  );
}

/** The short name of a state named after its form ("Norvania" of "the Republic of Norvania"). */
function stateNamed(raw: string): string {
  const known = COUNTRIES.find((c) => c.names.some((n) => raw === n || raw.startsWith(`${n} `)));
  return known?.name ?? raw.split(/\s+(?:on|concerning|for|regarding)\b/)[0] ?? raw;
}

/**
 * The states a text names as "the Government of X" or as the two an instrument is made between, and
 * any other government so named.
 */
function governmentsOf(text: string): { name: string; at: number }[] {
  const cased = inTitleCase(text);
  return [...allMatches(GOVERNMENT_OF, cased), ...allMatches(BETWEEN_STATES, cased)].flatMap((m) =>
    [m[1], m[2]].flatMap((raw) => (raw ? [{ name: stateNamed(raw), at: m.index }] : [])),
  );
}

export interface GovernmentHit {
  readonly name: string;
  readonly at: number;
  readonly end: number;
  /**
   * How a province or state of a federation is named: as a government ("the State of Queensland",
   * "the Ontario government"), by its name alone, or as a place or a law ("in Ontario", "the laws
   * of the Province of Ontario"). Unset for a sovereign state.
   */
  readonly region?: 'government' | 'name' | 'place';
}

// "the Province of Ontario", "the Government of the State of Queensland": a region's government.
const REGION_GOVERNMENT_BEFORE =
  /\b(?:[Gg]overnment|Province|State|Commonwealth|Territory)\s+of\s+(?:the\s+)?(?:(?:Province|State)\s+of\s+)?$/;
const REGION_GOVERNMENT_AFTER = /^\s+(?:[Gg]overnment|Provincial Government|State Government)\b/;
// "under the laws of the State of New York", "incorporated in the Province of Ontario", "coal from
// Queensland".
const REGION_AS_PLACE =
  /\b(?:laws?\s+of|in|at|near|under|from)\s+(?:the\s+)?(?:(?:[Gg]overnment|Province|State|Commonwealth|Territory)\s+of\s+(?:the\s+)?)?$/;

/**
 * The region the hit names, or null where a name that is also a city or a state's ("Victoria",
 * "Washington") does not say it means the region's government.
 */
function regionHit(text: string, m: RegExpExecArray): GovernmentHit | null {
  const region = REGION_ALIASES.get(m[0].toLowerCase());
  if (!region || !writtenAsName(m[0], region.alias)) return null;
  const end = m.index + m[0].length;
  const before = text.slice(Math.max(0, m.index - 50), m.index);
  const hit = { name: region.name, at: m.index, end };
  // "Ontario law", "Queensland miners": its law or its companies.
  const after = text.slice(end, end + 14);
  if (REGION_AS_PLACE.test(before) || NOT_THE_STATE.test(after) || ITS_COMPANIES.test(after))
    return { ...hit, region: 'place' };
  if (
    REGION_GOVERNMENT_BEFORE.test(before) ||
    REGION_GOVERNMENT_AFTER.test(text.slice(end, end + 24))
  )
    return { ...hit, region: 'government' };
  return region.ambiguous ? null : { ...hit, region: 'name' };
}

/** The state the hit names, unless the text means a place, a language or a law. */
function stateHit(text: string, m: RegExpExecArray): GovernmentHit | null {
  const known = STATE_ALIASES.get(m[0].toLowerCase());
  if (!known || !writtenAsName(m[0], known.alias)) return null;
  const before = text.slice(Math.max(0, m.index - 12), m.index);
  if ((known.capital ? LOCATIVE : PLACE).test(before)) return null;
  const end = m.index + m[0].length;
  const after = text.slice(end, end + 60);
  if (known.capital && NAMED_AFTER_CAPITAL.test(after)) return null;
  if (opensDateline(text, m.index, after, known.capital)) return null;
  // "the Spanish text shall prevail", "governed by English law", "a Japanese trading house": a
  // language, a law or the state's companies.
  if (NOT_THE_STATE.test(after) || (known.adjective && ITS_COMPANIES.test(after))) return null;
  return { name: known.state, at: m.index, end };
}

// "Western Australia and Korea", "Ontario and the Government of Japan", "Ontario-Japan": two
// governments named together.
const JOINED = /^\s*(?:,|and|&|-|–|\/)\s*(?:the\s+)?(?:Government\s+of\s+(?:the\s+)?)?$/i;

/**
 * Whether a region is a party: named as a government, or by its name together with another
 * government ("Western Australia and Korea"). A region named alone ("a Nevada lithium project") is
 * a place.
 */
function regionIsParty(text: string, hits: readonly GovernmentHit[], i: number): boolean {
  const hit = hits[i];
  if (hit?.region !== 'name') return hit?.region === 'government';
  const previous = hits[i - 1];
  const next = hits[i + 1];
  const joined = (other: GovernmentHit | undefined, gap: string) =>
    other !== undefined && other.region !== 'place' && JOINED.test(gap);
  return (
    joined(previous, text.slice(previous?.end ?? 0, hit.at)) ||
    joined(next, text.slice(hit.end, next?.at ?? 0))
  );
}

/** The states and regions a text names as governments, in the order it names them. */
export function governmentHits(text: string): GovernmentHit[] {
  const hits: GovernmentHit[] = [];
  for (const m of allMatches(STATE_ALIAS, text)) {
    // A region's name hides the state's within it: "Western Australia" is not Australia.
    const hit = regionHit(text, m) ?? stateHit(text, m);
    if (hit) hits.push(hit);
  }
  return hits.filter((hit, i) => !hit.region || regionIsParty(text, hits, i));
}

/**
 * The governments named in a title or a signing line, in the order named: states by their short
 * names, and the provinces and states of a federation that sign as governments of their own.
 */
export function findGovernmentParties(candidateTexts: readonly string[]): string[] {
  const found: { name: string; at: number; order: number }[] = [];
  candidateTexts.forEach((text, order) => {
    for (const { name, at } of [...governmentsOf(text), ...governmentHits(text)])
      found.push({ name, at, order });
  });
  found.sort((a, b) => a.order - b.order || a.at - b.at);
  const names: string[] = [];
  for (const { name } of found) if (!names.includes(name)) names.push(name);
  return names;
}
