import type { CalendarDate } from './calendar-date';
import type { DateMention } from './date-mentions';
import { findDateMentions, resolveMention } from './date-mentions';
import { allMatches } from './matches';
import { firstStartingFrom, lastEndingBy } from './spans';

/** Defined terms of the document: `"Fiscal Year" means ...` and `... 2026 (the "Effective Date")`. */
export interface Definitions {
  /** Lower-cased term -> the text that defines it. */
  readonly meanings: ReadonlyMap<string, string>;
  /** Lower-cased term -> the date it names, where it names one. */
  readonly dates: ReadonlyMap<string, CalendarDate>;
}

// The opening quote may be lost where a line was cut from a longer text (`Effective Date" means`).
const MEANS =
  /(?:["“]|^)([^"”\n]{2,60})["”]\s+(?:means|shall mean|has the meaning of)\s+([^\n]+)/gim;
// `(the "Effective Date")`, `(such date, the "Effective Date")`, `(each, a "Renewal Term")`.
const INLINE_TERM =
  /\(\s*(?:such date,?\s*|each,?\s*)?(?:the|this|each|an?)?\s*["“]([^"”]{2,60})["”]/g;

const STATED =
  /\bthe ((?:[\w-]+\s+){0,2}(?:date|day))(?:\s+(?:of|for)\s+[^.,;]{1,60}?)?\s+(?:shall|will)\s+be\s+/gi;
const LABEL = /^[ \t]*((?:[A-Z][\w-]*[ \t]+){0,3}Date)[ \t]*:[ \t]*/gm;
// `on the Final Maturity Date, being 10 February 2031`, `the Longstop Date (being 30 June 2026)`.
const APPOSITIVE =
  /\b((?:[A-Z][\w-]*[ \t]+){0,3}Date)[ \t]*[,(][ \t]*(?:being|which is|that is)[ \t]+(?:the[ \t]+)?/g;

export function findDefinitions(text: string, reference: CalendarDate | null): Definitions {
  const meanings = new Map<string, string>();
  const dates = new Map<string, CalendarDate>();
  const mentions = findDateMentions(text);

  for (let m = MEANS.exec(text); m; m = MEANS.exec(text)) {
    const term = (m[1] ?? '').toLowerCase();
    const meaning = (m[2] ?? '').trim();
    // The meaning ends the match, after the spaces that follow "means".
    const meaningStart = m.index + m[0].length - (m[2] ?? '').trimStart().length;
    if (!meanings.has(term)) meanings.set(term, meaning);
    const first = firstStartingFrom(mentions, m.index);
    const mention = first && first.start < m.index + m[0].length ? first : undefined;
    if (mention && isDateDefinition(meaningStart, mention)) {
      const date = resolveMention(mention, reference);
      if (date && !dates.has(term)) dates.set(term, date);
    }
  }
  MEANS.lastIndex = 0;

  // `as of the 15th day of January, 2026 (the "Effective Date")`: the date just before the term.
  for (let m = INLINE_TERM.exec(text); m; m = INLINE_TERM.exec(text)) {
    const term = (m[1] ?? '').toLowerCase();
    const last = lastEndingBy(mentions, m.index);
    const mention = last && m.index - last.end <= 4 ? last : undefined;
    if (mention && !dates.has(term)) {
      const date = resolveMention(mention, reference);
      if (date) dates.set(term, date);
    }
  }
  INLINE_TERM.lastIndex = 0;

  // A date the text fixes in a sentence: `the launch date of the Site shall be September 1st, 1999`.
  for (const m of allMatches(STATED, text)) {
    const term = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const mention = mentionAt(mentions, m.index + m[0].length);
    const date = mention ? resolveMention(mention, reference) : null;
    if (date && !dates.has(term)) dates.set(term, date);
  }

  // A cover-page label, `Expiration Date: August 31, 2006`, or an appositive after the term.
  for (const m of [...allMatches(LABEL, text), ...allMatches(APPOSITIVE, text)]) {
    const term = (m[1] ?? '').toLowerCase();
    const mention = mentionAt(mentions, m.index + m[0].length);
    const date = mention ? resolveMention(mention, reference) : null;
    if (date && !dates.has(term)) dates.set(term, date);
  }
  return { meanings, dates };
}

/** The date mention starting right at `position`; mentions are in order (findDateMentions). */
function mentionAt(mentions: readonly DateMention[], position: number): DateMention | undefined {
  const first = firstStartingFrom(mentions, position);
  return first?.start === position ? first : undefined;
}

/**
 * `"Effective Date" means 31 August 2025.` names a date; `"Quarter" means ... ending on 31 March`
 * does not. Measured from the meaning's own place: searching the text for its words found an
 * earlier copy of them, if any, and cost a scan of the text for every definition.
 */
function isDateDefinition(meaningStart: number, mention: DateMention): boolean {
  return mention.start - meaningStart <= 4;
}
