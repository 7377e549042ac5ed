import type { CalendarDate } from './calendar-date';
import { makeDate } from './calendar-date';
import {
  DATELINE_PLACE,
  MONTHS,
  WEEKDAY_NAME,
  findDateMentions,
  resolveMention,
} from './date-mentions';
import type { Definitions } from './definitions';
import { bareYearLine, findIncompleteDates } from './incomplete-dates';
import type { LineRole } from './noise';
import { ORDINAL_PATTERN, parseNumber, parseOrdinal } from './numbers';
import type { TextSpan } from './sentences';
import { splitSentences } from './sentences';
import { lastWeekdayOnOrBefore } from './weekdays';

const WEEKDAY_RE =
  /\b(?:on\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)(?:['’]s)?\b/;
// "this Agreement is made as of", "have executed this Agreement as of": the instrument's own date;
// "I have hereunto set my hand this third day of June": a proclamation's.
// "made this 5th day of", "made the 5th of June": "made" dates the instrument only with a day.
const SIGNING_RE =
  /\b(signed|signs|executed|concluded|done (?:at|in)|appear on the one hand|made on|made as of|made effective|made and entered|made (?:this|the)(?=\s+(?:\d|[A-Z][a-z]{2,8}\.?\s+\d))|entered into|dated|agreement as of|set (?:my|our) hands?)\b/i;
const SIGNING_TO_COME = /\b(?:to|will|would|shall|may|could|not yet)\s+be\s+$/i;
// "the memorandum signed between X and Y, under which X will supply ... by 30 June 2027": the
// date a commitment is due by, not when the instrument was signed.
const DUE_BY =
  /\b(?:by|before|until|no later than|not later than|on or before|prior to)\s+(?:the\s+)?$/i;

export function findSignedAt(
  source: string,
  lines: readonly TextSpan[],
  roles: readonly LineRole[],
  publishedAt: CalendarDate | null,
  reference: CalendarDate | null,
  definitions?: Definitions,
): CalendarDate | null {
  for (const sentence of signingSentences(source, lines, roles)) {
    const date = signingDateIn(
      sentence.text,
      sentence.keywordAt,
      publishedAt,
      reference,
      definitions,
    );
    if (date) return date;
  }
  return null;
}

/**
 * Sentences that say when the instrument was signed. Recitals and definitions are skipped: a
 * definition's "dated" belongs to another agreement ("Offtake Agreement" means ... dated 1 May).
 */
function signingSentences(
  source: string,
  lines: readonly TextSpan[],
  roles: readonly LineRole[],
): (TextSpan & { keywordAt: number })[] {
  const found: (TextSpan & { keywordAt: number })[] = [];
  for (const [index, line] of lines.entries()) {
    const role = roles[index];
    if (role === 'recital' || role === 'definition') continue;
    if (/^(related|record note|read more|-\s)/i.test(line.text)) continue;
    for (const sentence of splitSentences(source, line)) {
      const keyword = SIGNING_RE.exec(sentence.text);
      if (keyword) found.push({ ...sentence, keywordAt: keyword.index });
    }
  }
  return found;
}

// "this fourth day of April, two thousand twenty-five", "the twenty-second of July of two thousand
// twenty-six": a date in words, as treaties and translated contracts are dated.
const WORDED_DATE = new RegExp(
  String.raw`\b${ORDINAL_PATTERN}\s+(?:day\s+)?of\s+(${MONTHS.join('|')})\s*,?\s+(?:in\s+the\s+year\s+(?:of\s+our\s+Lord\s+)?|of\s+)?((?:two\s+thousand|nineteen\s+hundred)(?:[\s-]+(?:and\s+)?[a-z]+){0,2})`,
  'i',
);

export function wordedDate(text: string): CalendarDate | null {
  const m = WORDED_DATE.exec(text);
  const day = m?.[1] ? parseOrdinal(m[1]) : null;
  const month = MONTHS.indexOf((m?.[2] ?? '').toLowerCase()) + 1;
  const year = m?.[3] ? parseNumber(m[3]) : null;
  return day && month > 0 && year ? makeDate(year, month, day) : null;
}

function signingDateIn(
  sentence: string,
  keywordAt: number,
  publishedAt: CalendarDate | null,
  reference: CalendarDate | null,
  definitions?: Definitions,
): CalendarDate | null {
  const tail = sentence.slice(keywordAt);
  // "entered into as of the Effective Date": the date the document defines under that name.
  const defined =
    /^\S+(?:\s+into)?(?:\s+(?:this|the)\s+\w+)?\s+(?:as of|on|effective)\s+the\s+([A-Z][\w ]{2,40}?Date)\b/.exec(
      tail,
    );
  const definedDate = defined?.[1] ? definitions?.dates.get(defined[1].toLowerCase()) : undefined;
  if (definedDate) return definedDate;
  // "is expected to be signed by 30 September", "will be signed": a signing still to come.
  if (SIGNING_TO_COME.test(sentence.slice(Math.max(0, keywordAt - 30), keywordAt))) return null;
  const mentions = findDateMentions(sentence);
  const after = mentions.find(
    (m) => m.start > keywordAt && !DUE_BY.test(sentence.slice(Math.max(0, m.start - 25), m.start)),
  );
  const before = mentions.filter((m) => m.end <= keywordAt).pop();
  const yearReference = publishedAt ?? reference;
  if (after) return resolveMention(after, yearReference);
  const worded = wordedDate(tail);
  if (worded) return worded;
  if (publishedAt && /\btoday\b/i.test(sentence)) return publishedAt;
  const weekday = WEEKDAY_RE.exec(tail) ?? WEEKDAY_RE.exec(sentence);
  if (weekday?.[1] && publishedAt) return lastWeekdayOnOrBefore(publishedAt, weekday[1]);
  // A date just before the verb ("On 30 April the parties signed"), not a dateline further back.
  if (before && keywordAt - before.end <= 45) return resolveMention(before, yearReference);
  return null;
}

// The line that names a President's instrument by its date ("Executive Order 14241 of March 20,
// 2025", "Proclamation 10962 of June 3, 2025", "Memorandum of April 15, 2025", after "Title 3—" in
// the Federal Register), a public law's
// header ("PUBLIC LAW 117-58--NOV. 15, 2021") and its approval ("Approved November 15, 2021."):
// each dates the instrument itself.
const INSTRUMENT_DATE_LEAD =
  /^(?:(?:Title\s+3\s*[—–-]+\s*)?(?:Executive\s+Order|Proclamation|(?:Presidential|National\s+Security(?:\s+Presidential)?)\s+(?:Memorandum|Determination|Directive|Policy\s+Directive)|Memorandum|Presidential\s+Determination)(?:\s+No\.)?(?:\s+[\d-]+)?\s+of|(?:PUBLIC\s+LAW|Public\s+Law)\s+\d+[-–]\d+\s*(?:--|—|–|,)|Approved)\s*$/;
// The last lines of an Act that the President has signed, or a bill's dates of action.
const APPROVED_LINE = /^Approved\s/;

/**
 * The date a President's instrument or a public law gives itself on a line of its own: in its
 * first lines, or its approval line anywhere. Null where it has none.
 */
export function findInstrumentDate(lines: readonly TextSpan[]): CalendarDate | null {
  for (const [index, line] of lines.entries()) {
    if (index >= 12 && !APPROVED_LINE.test(line.text)) continue;
    const mention = findDateMentions(line.text)[0];
    if (!mention || !INSTRUMENT_DATE_LEAD.test(line.text.slice(0, mention.start))) continue;
    if (/^[\s.,;]*$/.test(line.text.slice(mention.end))) return resolveMention(mention, null);
  }
  return null;
}

// "A BILL", "IN THE SENATE OF THE UNITED STATES", "introduced the following bill": a bill, which
// nobody has signed yet; the dates it names are of its introduction and referral.
const BILL =
  /^\s*(?:A\s+BILL|JOINT\s+RESOLUTION|CONCURRENT\s+RESOLUTION|IN\s+THE\s+HOUSE\s+OF\s+REPRESENTATIVES|IN\s+THE\s+SENATE\s+OF\s+THE\s+UNITED\s+STATES)\s*$|\bintroduced\s+the\s+following\s+(?:bill|joint\s+resolution)\b/m;

/** Whether the text is a bill before Congress, which has no date of signing. */
export function isBill(text: string): boolean {
  return BILL.test(text.slice(0, 3000));
}

// What may stand beside a date on an "Agreement Date" line of its own: a label, a weekday, a time
// ("Date: Thu, 19 Nov 2026 17:42", "Date of Grant: 21st day of April 2026", "Date of signing: 8 May
// 2027", "Signing date: ...", as a translated contract heads its parties).
const DATE_LINE_FILLER = new RegExp(
  String.raw`[\s,.(]|\bthe\b|\bthis\b|\bdated\b|\bas of\b|^\s*(?:date(?:\s+of\s+(?:grant|award|issue|signature|signing|execution|notification))?|(?:signing|signature|execution)\s+date)\s*:|\b${WEEKDAY_NAME}\b|\b(?:mon|tue|wed|thu|fri|sat|sun)\b|\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?`,
  'gi',
);

/**
 * A contract's "Agreement Date" often stands alone: a line that is nothing but a date, or a date
 * after the place of a dateline.
 */
export function findStandaloneDate(
  lines: readonly TextSpan[],
  reference: CalendarDate | null,
): CalendarDate | null {
  for (const line of lines) {
    const [mention] = findDateMentions(line.text);
    if (!mention) continue;
    const before = line.text.slice(0, mention.start);
    const rest = (DATELINE_PLACE.test(before) ? '' : before) + line.text.slice(mention.end);
    if (rest.replace(DATE_LINE_FILLER, '').length === 0) return resolveMention(mention, reference);
  }
  return null;
}

/**
 * The signing date of a form whose date is left blank ("this ____ day of ______, 2004",
 * "September __, 2019"), as EDTF; read where a full date would be, when there is none.
 */
export function findIncompleteSignedAt(
  source: string,
  lines: readonly TextSpan[],
  roles: readonly LineRole[],
): string | null {
  for (const sentence of signingSentences(source, lines, roles)) {
    const after = findIncompleteDates(sentence.text).find((m) => m.start > sentence.keywordAt);
    if (after) return after.edtf;
  }
  for (const line of lines) {
    const [mention] = findIncompleteDates(line.text);
    const rest = mention ? line.text.slice(0, mention.start) + line.text.slice(mention.end) : '';
    if (mention && rest.replace(DATE_LINE_FILLER, '').length === 0) return mention.edtf;
    const bare = bareYearLine(line.text);
    if (bare) return bare;
  }
  return null;
}
