import type { CalendarDate } from './calendar-date';
import { addDays, dayOfWeek, formatIsoDate, parseIsoDate } from './calendar-date';
import type { DateMention } from './date-mentions';
import { findDateMentions, resolveMention } from './date-mentions';
import type { Definitions } from './definitions';
import type { LineRole } from './noise';
import type { TextSpan } from './sentences';
import { splitSentences } from './sentences';

export interface DocumentDates {
  publishedAt: CalendarDate | null;
  signedAt: CalendarDate | null;
  effectiveAt: CalendarDate | null;
  entryIntoForceAt: CalendarDate | null;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_RE =
  /\b(?:on\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)(?:['’]s)?\b/;
const SIGNING_RE =
  /\b(signed|signs|executed|concluded|done at|made on|made and entered|entered into|dated)\b/i;
// A page header is short; the first long line is the body's opening paragraph.
const HEADER_LINE_MAX = 200;

/** "signed on Tuesday" in an article dated Tuesday 2025-10-28 means 2025-10-28. */
export function resolveWeekday(weekday: string, reference: CalendarDate): CalendarDate {
  const target = WEEKDAYS.indexOf(weekday.toLowerCase());
  const back = (dayOfWeek(reference) - target + 7) % 7;
  return addDays(reference, -back);
}

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

export function findPublishedAt(
  text: string,
  lines: readonly TextSpan[],
  reference: CalendarDate | null,
): CalendarDate | null {
  const meta = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b/im.exec(text);
  if (meta?.[1]) return parseIsoDate(meta[1]);
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
      lineIndex < 3 || /\d{1,2}[:.]\d{2}|\b(published|posted|updated)\b/i.test(line.text);
    if (line.text.length <= 120 && placed && mentionAtLineStart(line, first)) {
      return resolveMention(first, reference);
    }
    // A wire dateline: "KUALA LUMPUR, Oct 26 (Meridian Wire) -", "DENVER, ..., November 17, 2025 --".
    for (const mention of mentions) {
      const before = text.slice(line.start, mention.start);
      const after = text.slice(mention.end, mention.end + 40);
      if (/^[A-Z][A-Z .'-]+,/.test(before) && /^\s*(\([^)]*\)\s*)?(--|[-–—])\s/.test(after)) {
        return resolveMention(mention, reference);
      }
    }
    // "Published in the Official Gazette ..., on 2 March 2026".
    if (/^published\b/i.test(line.text)) return resolveMention(first, reference);
  }
  return null;
}

export function findSignedAt(
  source: string,
  lines: readonly TextSpan[],
  roles: readonly LineRole[],
  publishedAt: CalendarDate | null,
  reference: CalendarDate | null,
): CalendarDate | null {
  for (const [index, line] of lines.entries()) {
    if (roles[index] === 'recital' || /^(related|record note|read more|-\s)/i.test(line.text)) {
      continue;
    }
    for (const sentence of splitSentences(source, line)) {
      const keyword = SIGNING_RE.exec(sentence.text);
      if (!keyword) continue;
      const date = signingDateIn(sentence.text, keyword.index, publishedAt, reference);
      if (date) return date;
    }
  }
  return null;
}

function signingDateIn(
  sentence: string,
  keywordAt: number,
  publishedAt: CalendarDate | null,
  reference: CalendarDate | null,
): CalendarDate | null {
  const mentions = findDateMentions(sentence);
  const after = mentions.find((m) => m.start > keywordAt);
  const before = mentions.filter((m) => m.end <= keywordAt).pop();
  const yearReference = publishedAt ?? reference;
  if (after) return resolveMention(after, yearReference);
  const tail = sentence.slice(keywordAt);
  if (publishedAt && /\btoday\b/i.test(sentence)) return publishedAt;
  const weekday = WEEKDAY_RE.exec(tail) ?? WEEKDAY_RE.exec(sentence);
  if (weekday?.[1] && publishedAt) return resolveWeekday(weekday[1], publishedAt);
  // A date just before the verb ("On 30 April the parties signed"), not a dateline further back.
  if (before && keywordAt - before.end <= 45) return resolveMention(before, yearReference);
  return null;
}

/** A contract's "Agreement Date" often stands alone: a line that is nothing but a date. */
export function findStandaloneDate(
  lines: readonly TextSpan[],
  reference: CalendarDate | null,
): CalendarDate | null {
  for (const line of lines) {
    const [mention] = findDateMentions(line.text);
    if (!mention) continue;
    const rest = (line.text.slice(0, mention.start) + line.text.slice(mention.end)).replace(
      /[\s,.(]|\bthe\b|\bthis\b|\bdated\b|\bas of\b/gi,
      '',
    );
    if (rest.length === 0) return resolveMention(mention, reference);
  }
  return null;
}

export function findEffectiveDates(
  text: string,
  definitions: Definitions,
  signedAt: CalendarDate | null,
  reference: CalendarDate | null,
): { effectiveAt: CalendarDate | null; entryIntoForceAt: CalendarDate | null } {
  const dateAfter = (re: RegExp): CalendarDate | null => {
    const m = re.exec(text);
    if (!m) return null;
    const [mention] = findDateMentions(
      text.slice(m.index + m[0].length, m.index + m[0].length + 60),
    );
    return mention && mention.start <= 12 ? resolveMention(mention, reference) : null;
  };
  const entryIntoForceAt = dateAfter(/\b(entry into force|enter(?:s|ed)? into force on)\s*:?/i);
  const effectiveAt =
    definitions.dates.get('effective date') ??
    definitions.dates.get('commencement date') ??
    entryIntoForceAt ??
    dateAfter(/\beffective date\s*(?::|of [^.\n]{0,60}? (?:will|shall) be)\s*/i) ??
    dateAfter(/\b(?:is|be|become|becomes) effective (?:as )?(?:of|from|on)\s*/i) ??
    dateAfter(/\b(?:shall|will) (?:commence|take effect|come into force)(?: as of| on)\s*/i) ??
    (signedAt &&
    /\b(takes? effect|commences?|comes? into force|become[s]? effective)\s+(up)?on\s+(its\s+)?(signature|execution|signing)\b/i.test(
      text,
    )
      ? signedAt
      : null);
  return { effectiveAt, entryIntoForceAt };
}
