import type { Duration } from './durations';
import { allMatches } from './matches';

/**
 * Dates a contract leaves blank for the signatories to fill in: "September ___, 2019",
 * "this ____ day of ________, 2004", "14 day of SEPTEMBER, 200_", "[ ] day of [ ], 2020".
 * They are written in EDTF with X for each digit not given ("2019-09-XX", "200X-09-14").
 */
export interface IncompleteDateMention {
  readonly start: number;
  readonly end: number;
  readonly edtf: string;
}

const MONTHS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
const MONTH =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)';
// A blank as typed in a contract: a run of underscores, or square brackets that are empty or hold
// a bullet or a ruled line ("[•]", "[___]"). A run is taken whole, from its first underscore, so
// a long ruled line costs one pass, not a square.
const BLANK = '(?:(?<!_)_+(?!_)|\\[[\\s*●•_]*\\])';
const HAS_BLANK = new RegExp(BLANK);
const BARE_YEAR_LINE = new RegExp(`^${BLANK}?\\s*,\\s*(\\d{4})\\.?$`);
// A year, or its first digits before a blank ("19__", "200_"; "19" alone at the end of a line).
const YEAR = `(?:(\\d{4})(?!\\d)|(\\d{2,3})(?:${BLANK}|(?=\\s*[.,)]?\\s*$))|${BLANK})`;
const DAY = '(\\d{1,2})(?:\\s?(?:st|nd|rd|th|t\\s?h))?';

// Most specific first: a "day of" date claims its month before the month-and-year shape can.
const SHAPES: readonly RegExp[] = [
  // "this ____ day of ________, 2004", "day of , 2009", "30th day of April", "14 day of SEPTEMBER, 200_"
  new RegExp(
    `(?:\\b${DAY}\\s*|${BLANK}\\s*|\\b)(?:day|Day|DAY)\\s+of\\s*(${MONTH}|${BLANK})?\\s*,?\\s*(?:${YEAR})?`,
    'gm',
  ),
  // "September ___, 2019", "April ____, 2003", "March, 2011"
  new RegExp(`(?<!\\bday\\s+of[\\s-]*)\\b(${MONTH})\\.?\\s*${BLANK}?\\s*,\\s*${YEAR}`, 'gm'),
  // "expire on ______, 20___": the month and day both blank.
  new RegExp(`${BLANK}\\s*,\\s*${YEAR}`, 'gm'),
];

function monthOf(name: string | undefined): string {
  if (!name || !/^[a-z]/i.test(name)) return 'XX';
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? 'XX' : String(index + 1).padStart(2, '0');
}

function yearOf(full: string | undefined, prefix: string | undefined): string {
  if (full) return full;
  return (prefix ?? '').padEnd(4, 'X');
}

/** "the last day of March" is a day in every year, not a blank; a blank or a missing part is. */
function leftBlank(m: RegExpExecArray, shape: number): boolean {
  if (shape > 0 || HAS_BLANK.test(m[0])) return true;
  return !m[2] || (Boolean(m[1]) && !m[3] && !m[4]);
}

function edtfOf(m: RegExpExecArray, shape: number): string {
  if (shape === 1) return `${yearOf(m[2], m[3])}-${monthOf(m[1])}-XX`;
  if (shape === 2) return `${yearOf(m[1], m[2])}-XX-XX`;
  const day = m[1] ? m[1].padStart(2, '0') : 'XX';
  return `${yearOf(m[3], m[4])}-${monthOf(m[2])}-${day}`;
}

/** Blank-filled dates in a text, with at least one part blank and one part written. */
export function findIncompleteDates(text: string): IncompleteDateMention[] {
  const found: IncompleteDateMention[] = [];
  SHAPES.forEach((re, shape) => {
    for (const m of allMatches(re, text)) {
      if (!leftBlank(m, shape)) continue;
      const edtf = edtfOf(m, shape);
      if (!edtf.includes('X') || !/\d/.test(edtf)) continue;
      if (Number(edtf.slice(8)) > 31) continue;
      const start = m.index;
      const end = start + m[0].trimEnd().length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, edtf });
    }
  });
  return found.sort((a, b) => a.start - b.start);
}

/** A blank year-only date line: ", 2020" or "___________, 2015" standing alone. */
export function bareYearLine(line: string): string | null {
  const m = BARE_YEAR_LINE.exec(line.trim());
  return m?.[1] ? `${m[1]}-XX-XX` : null;
}

/**
 * Moves an incomplete date by a period where the result stays knowable: whole years shift the
 * year ("2015-XX-XX" + 20 years = "2035-XX-XX"); months need a written month and year. A year
 * with blank digits keeps only the digits every possible value shares ("200X" + 1 = "20XX"), and
 * at least its century, or none.
 */
export function shiftIncompleteDate(edtf: string, duration: Duration): string | null {
  const [year = '', month = '', day = ''] = edtf.split('-');
  const months =
    duration.unit === 'Y' ? duration.amount * 12 : duration.unit === 'M' ? duration.amount : null;
  if (months === null) return null;
  if (months % 12 !== 0 && (month.includes('X') || year.includes('X'))) return null;
  let newMonth = month;
  let carry = 0;
  if (!month.includes('X')) {
    const index = Number(month) - 1 + (months % 12);
    carry = Math.floor(index / 12);
    newMonth = String((index % 12) + 1).padStart(2, '0');
  }
  const yearShift = Math.floor(months / 12) + carry;
  const low = Number(year.replace(/X/g, '0')) + yearShift;
  const high = Number(year.replace(/X/g, '9')) + yearShift;
  const lowText = String(low).padStart(4, '0');
  const highText = String(high).padStart(4, '0');
  let shared = 0;
  while (shared < 4 && lowText.charAt(shared) === highText.charAt(shared)) shared += 1;
  // A millennium alone ("2XXX") narrows nothing a reader could act on.
  if (shared < 2) shared = 0;
  const newYear = lowText.slice(0, shared).padEnd(4, 'X');
  if (!/\d/.test(newYear) && newMonth.includes('X') && day.includes('X')) return null;
  return `${newYear}-${newMonth}-${day}`;
}
