import type { CalendarDate } from './calendar-date';
import { addDays, formatIsoDate, parseIsoDate } from './calendar-date';
import type { DateMention } from './date-mentions';
import { DATELINE_PLACE, findDateMentions, resolveMention } from './date-mentions';
import type { Definitions } from './definitions';
import { firstMatch } from './matches';
import type { TextSpan } from './sentences';
import { splitLines } from './sentences';
import { findStandaloneDate } from './signing-date';
import { isTermSubject } from './term-end';

export interface DocumentDates {
  publishedAt: CalendarDate | null;
  signedAt: CalendarDate | null;
  effectiveAt: CalendarDate | null;
  entryIntoForceAt: CalendarDate | null;
}

// A page header is short; the first long line is the body's opening paragraph.
const HEADER_LINE_MAX = 200;

export function firstYearReference(text: string, referenceDate: string | null | undefined) {
  const given = referenceDate ? parseIsoDate(referenceDate) : null;
  if (given) return given;
  // With no outside reference, the latest full date written in the text stands in for it.
  let latest: CalendarDate | null = null;
  for (const mention of findDateMentions(text)) {
    const date = resolveMention(mention, null);
    if (date && (!latest || formatIsoDate(date) > formatIsoDate(latest))) latest = date;
  }
  return latest;
}

function headerLines(lines: readonly TextSpan[]): TextSpan[] {
  const header: TextSpan[] = [];
  for (const line of lines) {
    header.push(line);
    if (line.text.length > HEADER_LINE_MAX) break;
  }
  return header;
}

function mentionAtLineStart(line: TextSpan, mention: DateMention): boolean {
  const prefix = line.text.slice(0, mention.start - line.start);
  return /^\s*((published|posted|updated|issued|released)(\s+on)?\s*:?\s*)?$/i.test(prefix);
}

// "Federal Register / Vol. 90, No. 12 / Tuesday, January 21, 2025 / Rules and Regulations", or
// the same over three lines: the issue a rule or a President's instrument is published in.
const FEDERAL_REGISTER_HEADER = /^\s*(?:\d+\s+)?Federal\s+Register\b/;

/** The date of the Federal Register issue in the page header the text opens with, or null. */
function federalRegisterIssue(lines: readonly TextSpan[]): CalendarDate | null {
  const at = lines.slice(0, 4).findIndex((line) => FEDERAL_REGISTER_HEADER.test(line.text));
  if (at < 0) return null;
  for (const line of lines.slice(at, at + 3)) {
    const [mention] = findDateMentions(line.text);
    if (mention) return resolveMention(mention, null);
  }
  return null;
}

// The section of the White House's site a page is posted in, over the date it was posted.
const WHITE_HOUSE_SECTION =
  /^(?:presidential\s+actions|executive\s+orders|presidential\s+memoranda|proclamations|fact\s+sheets|briefings\s+(?:&|and)\s+statements|nominations\s+(?:&|and)\s+appointments)$/i;

export function findPublishedAt(
  text: string,
  lines: readonly TextSpan[],
  reference: CalendarDate | null,
): CalendarDate | null {
  const meta = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b/im.exec(text);
  if (meta?.[1]) return parseIsoDate(meta[1]);
  const issue = federalRegisterIssue(lines);
  if (issue) return issue;
  for (const [lineIndex, line] of headerLines(lines).entries()) {
    const mentions = findDateMentions(line.text).map((m) => ({
      ...m,
      start: m.start + line.start,
      end: m.end + line.start,
    }));
    const first = mentions[0];
    if (!first) continue;
    // A byline or dateline date: "Published 21 October 2025", "9 May 2025, 10:12 EEST".
    // A bare date counts only at the top of the page or with a time or "Published" beside it.
    const placed =
      lineIndex < 3 ||
      /\d{1,2}[:.]\d{2}|\b(published|posted|updated)\b/i.test(line.text) ||
      WHITE_HOUSE_SECTION.test(lines[lineIndex - 1]?.text ?? '');
    if (line.text.length <= 120 && placed && mentionAtLineStart(line, first)) {
      return resolveMention(first, reference);
    }
    // A wire dateline: "KUALA LUMPUR, Oct 26 (Meridian Wire) -", "DENVER, ..., November 17, 2025 --",
    // "Santiago, 14 March 2026 —", and as the IMF writes one, "Washington, DC – November 12, 2026:",
    // or the ADB, "MANILA, PHILIPPINES (28 October 2026) —".
    for (const mention of mentions) {
      const bracketed =
        text.charAt(mention.start - 1) === '(' && text.charAt(mention.end) === ')' ? 1 : 0;
      const before = text.slice(line.start, mention.start - bracketed);
      const after = text.slice(mention.end + bracketed, mention.end + bracketed + 40);
      // A date in brackets follows its place without a comma.
      const place = bracketed ? `${before.trimEnd()},` : before;
      if (
        (/^[A-Z][A-Z .'-]+,/.test(place) || DATELINE_PLACE.test(place)) &&
        /^\s*(\([^)]*\)\s*|\/[^/\n]{1,30}\/\s*)?(--|[-–—])\s|^:\s/.test(after)
      ) {
        return resolveMention(mention, reference);
      }
    }
    // "Published in the Official Gazette ..., on 2 March 2026".
    if (/^published\b/i.test(line.text)) return resolveMention(first, reference);
  }
  return null;
}

const RENEWAL_SUBJECT = /\b(?:renew\w*|additional|extension|extended|successive)\b/i;

/** The sentence up to a position: from the last full stop, semicolon or line break before it. */
function sentenceBefore(text: string, at: number): string {
  const start = Math.max(...['.', ';', '\n'].map((mark) => text.lastIndexOf(mark, at - 1)));
  return text.slice(start + 1, at);
}

// "shall enter into force on the date of the later notification ...", "thirty days after the
// deposit of the last instrument of ratification": an event the text cannot date.
const ENTRY_INTO_FORCE_ON_EVENT =
  /\b(?:shall|will)\s+(?:enter|come)\s+into\s+(?:force|effect)\b[^.;]{0,160}?\b(?:notifications?|ratification|approval|instruments?|internal procedures|exchange of notes|deposit)\b/i;

/** Whether the instrument enters into force on an event it gives no date for. */
export function entersIntoForceOnEvent(text: string): boolean {
  return ENTRY_INTO_FORCE_ON_EVENT.test(text);
}

// "the Effective Date, which shall be the date on which the last of the Conditions Precedent is
// fulfilled": a day still to come, unless it is the signing ("the date on which this Agreement is
// executed by both Parties").
const EFFECTIVE_ON_EVENT =
  /\beffective date["”]?\)?,?\s+(?:which\s+)?(?:shall\s+be|means|is|will\s+be)\s+the\s+(?:date|day)\s+(?:on|upon)\s+which\s+([^.;]{5,160})/i;
const SIGNING_EVENT = /\b(?:sign|execut|hereof|first\s+(?:above\s+)?written)/i;

/** Whether the text makes its Effective Date the day of an event still to come. */
export function effectiveOnEvent(text: string, definitions: Definitions): boolean {
  const meaning = definitions.meanings.get('effective date') ?? '';
  const event =
    /^the\s+(?:date|day)\s+(?:on|upon)\s+which\s+(.+)/i.exec(meaning)?.[1] ??
    EFFECTIVE_ON_EVENT.exec(text)?.[1];
  return event !== undefined && !SIGNING_EVENT.test(event);
}

export function findEffectiveDates(
  text: string,
  definitions: Definitions,
  signedAt: CalendarDate | null,
  reference: CalendarDate | null,
): { effectiveAt: CalendarDate | null; entryIntoForceAt: CalendarDate | null } {
  // The date must follow its label closely; a heading may put it on the next line. A label in
  // a sentence about a renewal ("the Renewal Term shall commence on") dates that renewal.
  // With `ofInstrument`, only where the sentence says it of the agreement or its term:
  // "Deliveries shall begin on 1 June 2021" dates the deliveries.
  // A label with no date after it ("beginning on the date of entry into force") gives way to the
  // next: a trade agreement names its entry into force many times before it dates it.
  const dateAfter = (re: RegExp, ofInstrument = false): CalendarDate | null => {
    let found: CalendarDate | null = null;
    firstMatch(re, text, (m) => {
      const before = sentenceBefore(text, m.index);
      if (RENEWAL_SUBJECT.test(before) || (ofInstrument && !isTermSubject(before))) return false;
      found = dateRightAfter(text, m.index + m[0].length, reference);
      return found !== null;
    });
    return found;
  };
  const meaning = definitions.meanings.get('effective date') ?? '';
  // "The effective date ... will be from the Launch Date": a date the text fixes elsewhere.
  const named =
    /\beffective date\b[^.\n]{0,60}?\b(?:will|shall) be (?:from |on |as of )?the ((?:[A-Z][\w-]*\s+){0,3}Date)\b/i.exec(
      text,
    );
  const namedDate = named?.[1] ? definitions.dates.get(named[1].toLowerCase()) : undefined;
  const entryIntoForceAt = dateAfter(/\b(entry into force|enter(?:s|ed)? into force on)\s*:?/gi);
  const effectiveAt =
    definitions.dates.get('effective date') ??
    definitions.dates.get('commencement date') ??
    entryIntoForceAt ??
    dateAfter(/\beffective date\s*(?::|\n|of [^.\n]{0,60}? (?:will be|shall be|is))\s*/gi) ??
    namedDate ??
    dateAfter(/\b(?:effective|commencement) date\b[^.\n]{0,40}? (?:will be|shall be|is)\s*/gi) ??
    // "DATES: This rule is effective February 20, 2025.": a rule's, in the Federal Register.
    dateAfter(
      /\b(?:this|the) (?:(?:interim |direct )?final )?(?:rule|regulations?|amendments?) (?:is|are|will be|becomes?) effective (?:on |as of )?/gi,
    ) ??
    dateAfter(
      /\b(?:is|be|become|becomes) (?:deemed )?effective (?:retroactive(?:ly)? (?:to|as of|from)|(?:as )?(?:of|from|on))\s*/gi,
    ) ??
    dateAfter(
      /\b(?:(?:shall|will) (?:commence|begin|start|take effect|come into force)|commences|begins|starts|takes effect|comes into force)(?: as of| on| from)\s*/gi,
      true,
    ) ??
    // "The Term shall be for a period of two years commencing the 1st day of May 2020": the
    // agreement's own term, not a renewal's, starts on the date that follows.
    dateAfter(
      /\b(?:the|this) (?:initial )?(?:term|agreement|contract)\b(?:(?!renew|additional|extension|successive)[^.\n]){0,120}?\b(?:commencing|beginning|starting)(?: on| as of| from| with)?\s*/gi,
    ) ??
    // "made as of June 5, 2019, effective July 1, 2019"; a preamble that opens "Effective as of
    // July 1, 2019, the parties agree".
    dateAfter(/,\s+effective\s+(?:as of\s+|from\s+|on\s+)?/gi) ??
    dateAfter(/(?:^|\n)[ \t]*effective\s+(?:as of|from|on)\s+/gi) ??
    signingAsEffective(text, meaning, signedAt, reference);
  return { effectiveAt, entryIntoForceAt };
}

/** The date a label is followed by: at once, or after a line break and nothing else. */
function dateRightAfter(
  text: string,
  at: number,
  reference: CalendarDate | null,
): CalendarDate | null {
  const after = text.slice(at, at + 120);
  const gap = after.length - after.trimStart().length;
  const [mention] = findDateMentions(after.trimStart().slice(0, 60));
  return mention && mention.start <= (gap > 12 ? 0 : 12)
    ? resolveMention(mention, reference)
    : null;
}

// The signature that concludes the contract: the last one, or the acceptance that answers an offer.
const LAST_SIGNATURE =
  /\bdate\s+of\s+(?:the\s+)?(?:last\s+signature|signed\s+acceptance)\b|\blater\s+of\s+the\s+(?:two\s+)?signature\s+dates\b/i;

/** "effective on the date of last signature", not "a fee due on the date of last signature". */
function takesEffectOnLastSignature(text: string): boolean {
  const found = LAST_SIGNATURE.exec(text);
  if (!found) return false;
  const sentence =
    sentenceBefore(text, found.index) + (text.slice(found.index).split(/[.;\n]/)[0] ?? '');
  return /\b(?:effective|commenc\w*|takes?\s+effect|comes?\s+into\s+force)\b/i.test(sentence);
}

/** The last of the dates the document bears on lines of their own, if later than its signing date. */
function lastSignatureDate(text: string, signedAt: CalendarDate, reference: CalendarDate | null) {
  let last = signedAt;
  for (const line of splitLines(text)) {
    const date = findStandaloneDate([line], reference);
    if (date && formatIsoDate(date) > formatIsoDate(last)) last = date;
  }
  return last;
}

/** "takes effect on signature", "Effective Date means the date of this Agreement", "the day after". */
function signingAsEffective(
  text: string,
  meaning: string,
  signedAt: CalendarDate | null,
  reference: CalendarDate | null,
): CalendarDate | null {
  if (!signedAt) return null;
  // A contract concluded by its last signature or by a party's signed acceptance takes effect on
  // the later date it bears, not on the first party's signature.
  const concludes = takesEffectOnLastSignature(text);
  const concluded = concludes ? lastSignatureDate(text, signedAt, reference) : signedAt;
  // "12:01 a.m. on the day after the date of last signature ("Effective Date")".
  if (
    /\bon the day (?:after|following) the date of (?:the )?(?:last )?(?:signature|execution)\b/i.test(
      text,
    )
  )
    return addDays(concluded, 1);
  if (concludes) return concluded;
  const onSigning =
    /\b(takes? effect|commences?|comes? into force|(?:be|become[s]?) effective)\s+(up)?on\s+(its\s+)?(signature|execution|signing)\b/i;
  const meansSigning =
    /^the (?:date|day) (?:of (?:actual )?(?:execution of )?(?:this|the) (?:agreement|contract)|of (?:actual )?execution|of (?:the )?(?:last )?signature|on which this (?:agreement|contract) (?:is|was|has been) (?:signed|executed))/i;
  return onSigning.test(text) || meansSigning.test(meaning) ? signedAt : null;
}
