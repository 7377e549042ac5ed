import { formatIsoDate } from './calendar-date';
import { toIsoDuration } from './durations';
import { allMatches } from './matches';
import { RENEWAL, readRenewal } from './renewal-terms';
import type { TermEnd } from './term-end';
import { dateRangeEnd, isTermSubject, readTermEnd } from './term-end';
import { initialLength, lengthEnd } from './term-length';
import type { TermContext } from './term-points';
import type { ContractTerm } from './types';

export type { TermContext } from './term-points';

const TERM_WORDS =
  /\b(terms?|continue|continues|expire|expires|expiration|terminate|terminates|termination date|end|ends|ending|conclude|remain in (?:full )?(?:force|effect)|in effect|in (?:full )?force|(?:effective|binding) (?:for|from|through|until)|valid|lasts?|runs?|(?:be|is) for (?:a|the) (?:\w+ )?period|perpetu\w*|indefinite\w*|unlimited|terminable|engagement)\b/i;
// Ends that never come of themselves. "shall continue in effect unless terminated" and "shall
// govern ... thereafter, unless terminated" name no end but a party's act: the term is open.
const OPEN_WORDS =
  /\bperpetu\w*|\bindefinite(?:ly)?\b|\bunlimited (?:period|term|duration)\b|\bnot (?:be )?terminable\b|\bend when terminated\b|\bcontinue unless and until\b|\b(?:continue|remain)s?\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?\s+(?:thereafter\s*,?\s*)?unless\s+(?:(?:and\s+until|earlier|sooner|otherwise)\s+)?terminated\b|\bthereafter\s*,?\s+unless\s+(?:(?:earlier|sooner)\s+)?terminated\b/i;
// "The Appointment may be terminated by either party giving three months' notice": with no
// term stated anywhere, an agreement that either side may end on notice runs until one does.
const AT_WILL =
  /\b(?:may be terminated by (?:either|any|each) (?:party|of the parties)|(?:either|any|each) (?:party|of the parties) may terminate)\b[^.;]*\bnotice\b/i;
// A right that waits for a date, a breach or the end of a term leaves the term itself unknown.
const NOT_AT_WILL =
  /\b(?:if|in the event|should|where|when|unless|fail\w*|breach\w*|default\w*|insolven\w*|bankrupt\w*|for cause|change (?:of|in) control|force majeure|expir\w*|(?:after|following) (?:the )?(?:\w+ ){0,3}(?:days?|weeks?|months?|years?|anniversary))\b/i;

// "Services will be provided for 24 months", "until June 30, 2014": a length or an end said of
// something other than the agreement may still be its term, so the agreement is not called open.
const TIMED =
  /\bfor\s+(?:(?:a|an|the)\s+)?(?:(?:initial|fixed|minimum|maximum)\s+)?(?:(?:period|term)\s+of\s+)?[\w-]+(?:\s*\(\d+\))?[\s-]*(?:months?|years?)\b|\b(?:until|through|till)\b[^.;]{0,30}?\b(?:19|20)\d\d\b/i;

function terminableAtWill(sentences: readonly string[]): boolean {
  return (
    !sentences.some((s) => TIMED.test(s)) &&
    sentences.some(
      (s) => AT_WILL.test(s) && isTermSubject(s) && !NOT_AT_WILL.test(s) && !/\brenew/i.test(s),
    )
  );
}

const NOT_RENEWAL_START =
  /\b(?:unless|or|may be|if|than)\s+(?:(?:earlier|sooner|otherwise|further|mutually)\s+)?$/i;

function sentencesOf(text: string): string[] {
  return (
    text
      // A semicolon before "(b)" continues a list of limbs; before a capital it ends a sentence.
      .split(/(?<=\.)\s+(?=[A-Z("])|(?<=;)\s+(?=[A-Z])|\n+/)
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .filter((s) => s.length > 0)
  );
}

/** The part of a sentence before it turns to renewal: "valid for five years with automatic renewal". */
function beforeRenewal(sentence: string): string {
  // A renewal word starts the renewal part, not "unless extended" or "as may be extended".
  for (const m of allMatches(RENEWAL, sentence)) {
    if (!NOT_RENEWAL_START.test(sentence.slice(Math.max(0, m.index - 40), m.index)))
      return sentence.slice(0, m.index);
  }
  return sentence;
}

const RANK: Readonly<Record<TermEnd['kind'], number>> = {
  date: 3,
  incomplete: 2,
  // An event and "until terminated" are both ends without a date: the first stated stands.
  event: 1,
  open: 1,
};

function better(a: TermEnd | null, b: TermEnd | null): TermEnd | null {
  if (!a) return b;
  if (!b) return a;
  return RANK[b.kind] > RANK[a.kind] ? b : a;
}

/**
 * The end of the term read from the sentences about it; a date beats an open end. A line that is
 * only a date range, with nothing saying what it is the period of, is the term only where no
 * sentence speaks of the term at all.
 */
function termEnd(sentences: readonly string[], context: TermContext): TermEnd | null {
  let best: TermEnd | null = null;
  let range: TermEnd | null = null;
  for (const sentence of sentences) {
    range ??= dateRangeEnd(sentence, context);
    if (!(TERM_WORDS.test(sentence) || OPEN_WORDS.test(sentence)) || !isTermSubject(sentence))
      continue;
    const own = beforeRenewal(sentence);
    let end = better(readTermEnd(own, context), lengthEnd(own, context));
    if (!end && OPEN_WORDS.test(own)) end = { kind: 'open' };
    best = better(best, end);
    if (best?.kind === 'date') break;
  }
  return best ?? range;
}

export interface TermReading {
  readonly term: ContractTerm | null;
  /** The expiry date where the form leaves part of it blank (EDTF). */
  readonly expiresIncomplete: string | null;
}

/** When the agreement ends, and how it renews. */
export function findContractTerm(text: string, context: TermContext): TermReading {
  const sentences = sentencesOf(text);
  const renewal = readRenewal(sentences);
  const stated = termEnd(sentences, context);
  const openByNotice = !stated && !renewal.period && !renewal.evergreen;
  const end: TermEnd | null =
    stated ?? (openByNotice && terminableAtWill(sentences) ? { kind: 'open' } : null);
  const initial = renewal.sameAsInitial ? initialLength(sentences.map(beforeRenewal)) : null;
  renewal.period ??= initial ? toIsoDuration(initial) : null;
  const expiresAt =
    end?.kind === 'date' ? formatIsoDate(end.date) : end?.kind === 'open' ? 'perpetual' : null;
  const expiresIncomplete = end?.kind === 'incomplete' ? end.edtf : null;
  if (!expiresAt && !renewal.period && !renewal.evergreen && end?.kind !== 'event')
    return { term: null, expiresIncomplete };
  const term: ContractTerm = {
    expiresAt,
    renewal: renewal.period ? { period: renewal.period, noticeBeforeExpiry: renewal.notice } : null,
  };
  if (renewal.evergreen) term.evergreen = true;
  // Without a renewal to carry it, the notice that stops an evergreen term running on.
  if (renewal.evergreen && !term.renewal && renewal.notice) term.noticeToEnd = renewal.notice;
  if (end?.kind === 'event') term.endEvent = end.event;
  return { term, expiresIncomplete };
}
