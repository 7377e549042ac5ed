import { DURATION_PATTERN, durationFromMatch, toIsoDuration } from './durations';

const DURATION_RE = new RegExp(DURATION_PATTERN, 'gi');
// "extend" renews only with more periods ("extend for successive 12-month periods"); "extend
// for a period of five years" and "extend through December 31" state the term itself.
export const RENEWAL =
  /\b(?:renew\w*|extension|successive|extend\w*(?=[^.;]{0,40}?\b(?:additional|successive|further|another|renewal|consecutive|periods)\b))/gi;
// Renewals by the period's name: "from year to year", "on a month-to-month basis".
const NAMED_PERIODS: readonly [RegExp, string][] = [
  [
    /\b(?:tacitly every year|successive annual periods|annually renew|renew\w* annually|(?:from )?year[- ]to[- ]year|(?:renew\w*|continu\w*|extend\w*)[^.;]{0,60}?\b(?:annual|yearly) basis)\b/i,
    'P1Y',
  ],
  [/\b(?:(?:from )?month[- ]to[- ]month|(?:on a )?monthly basis)\b/i, 'P1M'],
];
// After its fixed term the agreement simply runs on: "and thereafter until terminated". The
// fixed term must come first ("for ten years and thereafter"), or "thereafter" is the start.
const FIXED_TERM = new RegExp(
  `${DURATION_PATTERN}|\\b(?:initial term|contract year|anniversary)\\b`,
  'i',
);
const EVERGREEN =
  /\b(?:thereafter|after that|after (?:the|such) (?:initial |original )?(?:term|period))\b[^.;]{0,80}?\b(?:until (?:it is )?terminated|until (?:either|one|a|any) (?:party|of the parties)\b[^.;]{0,60}?terminat|indefinitely)\b|\bindefinitely (?:after that|thereafter)\b/i;

export interface RenewalReading {
  period: string | null;
  notice: string | null;
  evergreen: boolean;
}

function renewalPeriod(sentence: string): string | null {
  for (const [re, period] of NAMED_PERIODS) if (re.test(sentence)) return period;
  for (const m of sentence.matchAll(DURATION_RE)) {
    const before = sentence.slice(Math.max(0, m.index - 60), m.index);
    if (
      !/\b(successive|additional|further|renewal|renew\w*|extend\w*|extension|consecutive)\b[\w\s(),-]*$/i.test(
        before,
      )
    )
      continue;
    if (/\b(notice|prior|before)\b[\w\s()]*$/i.test(before)) continue;
    const d = durationFromMatch(m[1] ?? '', m[2], m[3], m[4] ?? '');
    if (d) return toIsoDuration(d);
  }
  return null;
}

function noticePeriod(sentence: string): string | null {
  for (const m of sentence.matchAll(DURATION_RE)) {
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 60);
    if (
      !/^\s*(?:\(\d+\)\s*)?(?:['’]s?)?\s*(?:prior\s+)?(?:written\s+)?(?:notice|prior to|before|in advance)/i.test(
        after,
      )
    )
      continue;
    const d = durationFromMatch(m[1] ?? '', m[2], m[3], m[4] ?? '');
    return d ? toIsoDuration(d) : null;
  }
  return null;
}

/** How the agreement renews: the period, the notice that stops it, or running on indefinitely. */
export function readRenewal(sentences: readonly string[]): RenewalReading {
  const reading: RenewalReading = { period: null, notice: null, evergreen: false };
  for (const sentence of sentences) {
    const named = NAMED_PERIODS.some(([re]) => re.test(sentence));
    const isRenewal = new RegExp(RENEWAL.source, 'i').test(sentence) || named;
    const period = isRenewal ? renewalPeriod(sentence) : null;
    reading.period ??= period;
    // Any word of renewal makes a notice period the notice that stops it.
    if (!reading.notice && (isRenewal || /\b(?:non-?renewal|renew\w*|extend\w*)\b/i.test(sentence)))
      reading.notice = noticePeriod(sentence);
    const evergreen = EVERGREEN.exec(sentence);
    if (!period && evergreen && FIXED_TERM.test(sentence.slice(0, evergreen.index)))
      reading.evergreen = true;
  }
  return reading;
}
