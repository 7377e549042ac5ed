import type { DateMention } from './date-mentions';
import { findDateMentions } from './date-mentions';
import type { TimeExpression } from './deadline-expressions';
import { findTimeExpressions } from './deadline-expressions';
import type { TextSpan } from './sentences';

// "on or before that date", "by such date", "no later than the said date": a date said before. Not
// one the words after it name ("such date as the Buyer may notify", "that date on which").
const REFERRED_DATE =
  /\b(on or before|no later than|not later than|by|before|prior to|on)\s+(?:that|such|the\s+said|said)\s+date\b(?!\s+(?:as|that|on\s+which|when|of|upon|or|to\s+be|determined|specified|notified|agreed)\b)/i;
const MAY_REFER = /\b(?:that|such|said)\s+date\b/i;
// A date the text names by a word, not in figures ("the Delivery Date", "the date of shipment").
const DATE_WORD = /\bdates?\b/i;

/** Whether a clause may refer back to a date: a cheap test before the search of its sentences. */
export function mayReferToDateBefore(clause: string): boolean {
  return MAY_REFER.test(clause);
}

/** Where a limit refers back to a date said before it, and the sentences it may have been said in. */
export interface ReferenceScope {
  /** The text of the clause. */
  readonly clause: string;
  /** The text of its sentence before the clause starts. */
  readonly sentenceLead: string;
  /** The sentence right before the clause's, if nothing but space lies between them. */
  readonly sentenceBefore: TextSpan | null;
}

/**
 * "The Seller shall deliver the goods on 15 June 2027. The Buyer shall notify the Seller on or
 * before such date.": the limit with the date it refers to, where that is the one date of the
 * sentence up to the limit, or else of the sentence before. Null where either names more than one
 * date, names one by a word ("the Closing Date"), or sets any other time, which "such date" might
 * mean as well.
 */
export function findReferredDate(scope: ReferenceScope): TimeExpression | null {
  const { clause } = scope;
  const m = REFERRED_DATE.exec(clause);
  if (!m) return null;
  const lead = `${scope.sentenceLead}${clause.slice(0, m.index)}`;
  const inSentence = soleDate(lead);
  const said =
    inSentence ??
    (inSentence === undefined && scope.sentenceBefore ? soleDate(scope.sentenceBefore.text) : null);
  if (!said) return null;
  const word = (m[1] ?? '').toLowerCase();
  return {
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    kind: word === 'on' ? 'on' : 'by',
    shape: {
      type: 'referred-date',
      mention: said,
      where: inSentence ? 'its sentence' : 'the sentence before',
    },
  };
}

/**
 * The one date a text names and sets no other time beside; undefined where it names no date at all,
 * so that the sentence before may be looked at; null where the date it means is not clear.
 */
function soleDate(text: string): DateMention | null | undefined {
  const mentions = findDateMentions(text);
  const times = findTimeExpressions(text);
  const named = DATE_WORD.test(text);
  if (mentions.length === 0 && times.length === 0 && !named) return undefined;
  const [only] = mentions;
  if (mentions.length !== 1 || !only || named) return null;
  const others = times.filter((time) => time.end <= only.start || time.start >= only.end);
  return others.length === 0 ? only : null;
}
