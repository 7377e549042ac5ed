import type { Duration } from './durations';
import { DURATION_PATTERN, durationFromMatch } from './durations';
import { allMatches } from './matches';
import type { TermEnd } from './term-end';
import { fromPoint } from './term-end';
import type { TermContext, TermPoint } from './term-points';
import { pointOf, shiftPoint } from './term-points';

const DURATION_RE = new RegExp(DURATION_PATTERN, 'gi');
// What introduces the length of a term: "for a term of", "shall be", "is", "continue for".
const LENGTH_LEAD =
  /\b(?:for|of|be|is|are|last|lasts|continue[sd]?|remain|term|period|engagement)\s*:?\s+(?:(?:a|an|the)\s+)?(?:(?:initial|fixed|primary|minimum|maximum|further|entire|full|whole)\s+)?(?:(?:term|period|duration)\s+(?:of\s+)?)?(?:(?:at least|not less than|being)\s+)?$/i;
// A period that is notice, a renewal or a deadline is not the length of the term.
const NOT_LENGTH = /notice|prior|before|advance|within|renew|additional|successive|extension/i;
// Where the period is counted from, when the sentence says; the preposition after "beginning"
// varies ("beginning for the Commencement Date") but the anchor after it does not. Not ", after
// which it renews": what comes after the term.
const COUNTED_FROM =
  /^\s*(?:(?:term|period)\s*)?(?:\([^)]*\)\s*)?(?:,\s*)?(?:(?:commencing|beginning|starting|running|to commence|to begin)(?:\s+(?:on|as of|from|with|upon|at|for))?|from(?:\s+and\s+including)?|after|following|subsequent to)\s+(?!(?:which|whom|whereupon|that)\b)(.+)/i;
const THEREFROM = /^\s*(?:therefrom|thereafter|thereof)\b/i;
// A length used as an adjective of the term: "a one year engagement", "an initial five-year term".
// Only the instrument's own nouns: "the one-year period following" may be any period.
const ATTRIBUTIVE_BEFORE = /\b(?:a|an|the)\s+(?:(?:initial|fixed|primary|original)\s+)?$/i;
const ATTRIBUTIVE_AFTER = /^\s*(?:initial\s+)?(?:term|engagement|contract|agreement)\b/i;
const COMMENCES_ON =
  /\b(?:(?:commenc\w*|begin\w*|start\w*|effective)\s+(?:on|as of|from)|(?:runs?|running|valid|in (?:full\s+)?(?:force|effect))\s+from)\s+(?:the\s+)?(?=\S)/gi;

/**
 * The base of a period that names none: what the sentence says the term commences on (a date,
 * the Effective Date, or an event such as "the date the Company delivers the last Sample", which
 * leaves the end unknown), else the start.
 */
function sentenceBase(sentence: string, context: TermContext): TermPoint {
  const [m] = allMatches(COMMENCES_ON, sentence);
  return m
    ? pointOf(sentence.slice(m.index + m[0].length), context)
    : pointOf('the Effective Date', context);
}

/**
 * A term given as a length: "for a term of five (5) years from the Effective Date", "shall
 * continue for twenty (20) years", "12 months beginning March 1, 2005". Counted from the
 * anchor the sentence names (an undated event leaves the end unknown), else the start; of
 * several periods in one sentence (a production period, then the rest of the term), the last
 * end.
 */
/** The periods a sentence gives as the length of the term, with the text after each. */
function* termLengths(text: string): Generator<{ duration: Duration; after: string }> {
  // "three (3) Contract Years": a year of the contract is a year.
  const sentence = text.replace(
    /\b(?:contract|agreement|licen[cs]e|lease)\s+(years?|months?)\b/gi,
    '$1',
  );
  for (const m of allMatches(DURATION_RE, sentence)) {
    const before = sentence.slice(Math.max(0, m.index - 60), m.index);
    if (NOT_LENGTH.test(before)) continue;
    const after = sentence.slice(m.index + m[0].length);
    const attributive = ATTRIBUTIVE_BEFORE.test(before) && ATTRIBUTIVE_AFTER.test(after);
    if (!attributive && !LENGTH_LEAD.test(before)) continue;
    const duration = durationFromMatch(m[1] ?? '', m[2], m[3], m[4] ?? '');
    if (!duration || duration.unit === 'D' || duration.unit === 'H') continue;
    if (/^\s*(?:\(\d+\)\s*)?(?:prior\s+)?(?:written\s+)?notice/i.test(after)) continue;
    yield { duration, after };
  }
}

/** The first length of a term the sentences give ("for a period of five (5) years"). */
export function initialLength(sentences: readonly string[]): Duration | null {
  for (const sentence of sentences) {
    const [first] = termLengths(sentence);
    if (first) return first.duration;
  }
  return null;
}

export function lengthEnd(sentence: string, context: TermContext): TermEnd | null {
  const ends: TermEnd[] = [];
  for (const { duration, after } of termLengths(sentence)) {
    const from = COUNTED_FROM.exec(after);
    const base = THEREFROM.test(after)
      ? pointOf('the Effective Date', context)
      : from?.[1]
        ? pointOf(from[1], context)
        : sentenceBase(sentence, context);
    ends.push(fromPoint(shiftPoint(base, duration, 1)));
  }
  const dated = ends.filter((e) => e.kind === 'date');
  return dated.pop() ?? ends[0] ?? null;
}
