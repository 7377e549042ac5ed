/**
 * CUAD's normalised answers, read as the corpus README defines them. Dates are `M/D/YYYY` with
 * `[]` for a part the contract leaves blank; those parts are skipped, the written parts are
 * scored. An answer may list several forms (`180 days / 6 months`, `6 months; 12 months`):
 * any of them counts.
 */

/** What a row expects: nothing (the answer is empty), or one of several forms. */
export type Expected = { kind: 'nothing' } | { kind: 'one-of'; forms: string[] };

const BLANK = /\[\s*\]/g;

/**
 * "4/30/2019" -> "2019-04-30"; "[]/[]/2019" -> "2019-XX-XX"; "9/14/20[]" -> "20XX-09-14", with
 * X for each digit the contract leaves blank (the EDTF way of writing an unspecified digit).
 */
export function datePattern(answer: string): string | null {
  const parts = answer.replace(BLANK, '[]').split('/');
  if (parts.length !== 3) return null;
  const [month = '', day = '', year = ''] = parts.map((p) => p.trim());
  const field = (part: string, width: number): string | null => {
    const digits = part.replace(/\[\]/g, '');
    if (!/^\d*$/.test(digits) || digits.length > width) return null;
    // A blank stands for the digits that are not written: "20[]" is 20XX, "[]" a whole field.
    if (!part.includes('[]')) return digits.length === 0 ? null : digits.padStart(width, '0');
    return part.startsWith('[]') ? digits.padStart(width, 'X') : digits.padEnd(width, 'X');
  };
  const y = field(year, 4);
  const m = field(month, 2);
  const d = field(day, 2);
  return y && m && d ? `${y}-${m}-${d}` : null;
}

/** Splits an answer into its listed forms: "a; b", "a / b", "perpetual, 11/15/2014". */
function forms(answer: string): string[] {
  return answer
    .split(/\s*;\s*|\s+\/\s+|,\s+(?=\d|perpetual)/i)
    .map((f) => f.trim())
    .filter((f) => f.length > 0);
}

function expectation(answer: string, read: (form: string) => string | null): Expected | null {
  const trimmed = answer.trim();
  if (trimmed === '') return { kind: 'nothing' };
  const scored = forms(trimmed)
    .map(read)
    .filter((f): f is string => f !== null);
  return scored.length > 0 ? { kind: 'one-of', forms: scored } : null;
}

/** A date answer; null when nothing in it can be scored (every part blank, or no date). */
export function expectedDate(answer: string): Expected | null {
  return expectation(answer, (form) => {
    if (/^perpetual$/i.test(form)) return 'perpetual';
    const pattern = datePattern(form);
    return pattern && /\d/.test(pattern) ? pattern : null;
  });
}

/**
 * A duration answer: "successive 1 year" -> P1Y, "3 successive 1 year" (up to three renewals of
 * a year) -> P1Y, "perpetual" kept as is. Dates given as a renewal answer are not a duration and
 * are not scored.
 */
export function expectedDuration(answer: string): Expected | null {
  return expectation(answer, (form) => {
    if (/^perpetual$/i.test(form)) return 'perpetual';
    const m = /^(?:\d+\s+)?(?:suc+es+ive\s+)?(\d+)\s+(day|week|month|year)s?$/i.exec(form);
    return m?.[1] && m[2] ? `P${m[1]}${m[2].charAt(0).toUpperCase()}` : null;
  });
}

/** A given date (ISO, or EDTF with X digits, or "perpetual") against an expected form. */
export function dateMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  if (expected === 'perpetual' || given === 'perpetual') return expected === given;
  if (given.length !== expected.length) return false;
  for (let i = 0; i < expected.length; i += 1) {
    const ch = expected.charAt(i);
    if (/\d/.test(ch) && given.charAt(i) !== ch) return false;
  }
  return true;
}
