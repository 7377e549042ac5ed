import { DURATION_PATTERN, durationFromMatch, toIsoDuration } from './durations';
import { allMatches } from './matches';
import { NUMBER_PATTERN } from './numbers';

const DURATION_RE = new RegExp(DURATION_PATTERN, 'gi');
// A franchise "renews" as a successor franchise. "extend" renews only with more periods ("extend for successive 12-month periods"); "extend
// for a period of five years" and "extend through December 31" state the term itself.
export const RENEWAL =
  /\b(?:renew\w*|extension|successive|successor\s+(?:franchise|term|agreement|licen[cs]e)|additional\s+(?:\w+\s+){0,2}terms?|extend\w*(?=[^.;]{0,40}?\b(?:additional|successive|further|another|renewal|consecutive|periods)\b))/gi;
// RENEWAL without its global flag, whose lastIndex would carry from one test to the next.
const RENEWAL_IN_SENTENCE = new RegExp(RENEWAL.source, 'i');
// Renewals by the period's name: "from year to year", "on a month-to-month basis".
const NAMED_PERIODS: readonly [RegExp, string][] = [
  [
    /\b(?:tacitly every year|(?:successive |one or more )?annual (?:periods?|terms?|renewals?)|annually renew|renew\w* annually|(?:from )?year[- ]to[- ]year|(?:renew\w*|continu\w*|extend\w*)[^.;]{0,60}?\b(?:annual|yearly) basis)\b/i,
    'P1Y',
  ],
  [/\b(?:(?:from )?month[- ]to[- ]month|(?:on a )?monthly basis)\b/i, 'P1M'],
];
// "renew for successive terms of the same duration": as long as the initial term.
const SAME_LENGTH =
  /\b(?:of the same duration|of (?:a )?like (?:duration|term|period)|equal in (?:duration|length) to|of equal (?:duration|length)|same length)\b/i;
const AUTOMATIC = /\b(?:renew\w*\s+automatically|automatically\s+(?:be\s+)?renew\w*)\b/i;
// After its fixed term the agreement simply runs on: "and thereafter until terminated". The
// fixed term, a length or a date, must come first ("for ten years and thereafter", "until 31 March
// 2016 and thereafter"), or "thereafter" is the start.
const FIXED_TERM = new RegExp(
  `${DURATION_PATTERN}|\\b(?:initial term|contract year|anniversary)\\b|\\b(?:19|20)\\d\\d\\b`,
  'i',
);
const EVERGREEN =
  /\b(?:thereafter|after that|after (?:the|such) (?:initial |original )?(?:term|period))\b[^.;]{0,80}?\b(?:until (?:it is )?terminated|until (?:either|one|a|any) (?:party|of the parties)\b[^.;]{0,60}?terminat|indefinitely|for an unlimited (?:period|time|duration))\b|\bindefinitely (?:after that|thereafter)\b/i;
const NOTICE_AFTER =
  /^\s*(?:\(\d+\)\s*)?(?:['’]s?)?\s*(?:calendar\s+)?(?:prior\s+)?(?:written\s+)?(?:notice|prior to|before|in advance)/i;
// A notice given before the term ends stops its renewal: "at least 90 days prior to the
// expiration of the original term", also where the sentence does not name the renewal.
const BEFORE_EXPIRY =
  /\b(?:prior to|before|at) (?:the )?(?:date of )?(?:the )?(?:expiration|expiry|end)(?: date)? of (?:the |this |any |each )?(?:initial|original|then[- ]current|current|relevant|renewal|agreement|contract|term)\b/i;
const STOPS_RENEWAL = /\b(?:non-?renewal|not to (?:renew|extend)|intent\w* not to)\b/i;

export interface RenewalReading {
  period: string | null;
  /** True when the renewal lasts as long as the initial term, whatever that is. */
  sameAsInitial: boolean;
  notice: string | null;
  evergreen: boolean;
}

// "renew for two additional years", "extended by one (1) further year": the count of periods
// the renewal adds, with the word of renewal between the number and its unit.
const ADDED_PERIODS = new RegExp(
  `\\b(${NUMBER_PATTERN})(?:\\s*\\((\\d+)\\))?\\s+(?:further|additional|successive|consecutive|more|renewal)\\s+(day|week|month|year)s?\\b`,
  'i',
);

function renewalPeriod(sentence: string): string | null {
  for (const [re, period] of NAMED_PERIODS) if (re.test(sentence)) return period;
  const added = ADDED_PERIODS.exec(sentence);
  const addedDuration = added
    ? durationFromMatch(added[1] ?? '', added[2], '', added[3] ?? '')
    : null;
  if (
    addedDuration &&
    !/\b(?:notice|prior|before|within)\b[\w\s()]*$/i.test(sentence.slice(0, added?.index))
  )
    return toIsoDuration(addedDuration);
  for (const m of allMatches(DURATION_RE, sentence)) {
    const before = sentence.slice(Math.max(0, m.index - 100), m.index);
    if (
      !/\b(successive|successor|additional|further|renewal|renew\w*|extend\w*|extension|consecutive|every)\b[\w\s(),"-]*$/i.test(
        before,
      )
    )
      continue;
    // A notice or a window to decide is not the renewal: "within a period of three months".
    if (/\b(notice|prior|before|within)\b[\w\s()]*$/i.test(before)) continue;
    if (NOTICE_AFTER.test(sentence.slice(m.index + m[0].length))) continue;
    const d = durationFromMatch(m[1] ?? '', m[2], m[3], m[4] ?? '');
    if (d) return toIsoDuration(d);
  }
  return null;
}

function noticePeriod(sentence: string): string | null {
  for (const m of allMatches(DURATION_RE, sentence)) {
    if (!NOTICE_AFTER.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 60)))
      continue;
    const d = durationFromMatch(m[1] ?? '', m[2], m[3], m[4] ?? '');
    return d ? toIsoDuration(d) : null;
  }
  return null;
}

/** How the agreement renews: the period, the notice that stops it, or running on indefinitely. */
export function readRenewal(sentences: readonly string[]): RenewalReading {
  const reading: RenewalReading = {
    period: null,
    sameAsInitial: false,
    notice: null,
    evergreen: false,
  };
  const notices: { notice: string; stops: boolean }[] = [];
  for (const sentence of sentences) {
    const named = NAMED_PERIODS.some(([re]) => re.test(sentence));
    const isRenewal = RENEWAL_IN_SENTENCE.test(sentence) || named;
    const period = isRenewal ? renewalPeriod(sentence) : null;
    reading.period ??= period;
    const evergreen = EVERGREEN.exec(sentence);
    // "shall renew automatically" with no period of its own: another term like the first.
    const unstated = !period && !evergreen && AUTOMATIC.test(sentence);
    if (isRenewal && (SAME_LENGTH.test(sentence) || unstated)) reading.sameAsInitial = true;
    const runsOn =
      Boolean(evergreen) || /\buntil terminated by (?:either|one|any)\b/i.test(sentence);
    if (!period && evergreen && FIXED_TERM.test(sentence.slice(0, evergreen.index)))
      reading.evergreen = true;
    // Any word of renewal, or a notice before the term ends, makes a notice period the notice
    // that stops the agreement running on.
    const aboutRenewal =
      isRenewal ||
      runsOn ||
      /\b(?:renew\w*|extend\w*)\b/i.test(sentence) ||
      BEFORE_EXPIRY.test(sentence);
    const notice = aboutRenewal ? noticePeriod(sentence) : null;
    if (notice) notices.push({ notice, stops: STOPS_RENEWAL.test(sentence) });
  }
  // The notice of non-renewal wins over a notice to renew or to terminate.
  reading.notice = (notices.find((n) => n.stops) ?? notices[0])?.notice ?? null;
  return reading;
}
