import type { ExtractionResult } from '@dealwatch/extraction';
import { sameDuration } from '@dealwatch/extraction';

import { parseCsv, parsePythonList } from './csv';
import type { Expected } from './cuad-answers';
import { dateMatches, expectedDate, expectedDuration } from './cuad-answers';

const EXCERPT_COLUMNS = [
  'Parties',
  'Agreement Date',
  'Effective Date',
  'Expiration Date',
  'Renewal Term',
  'Notice Period To Terminate Renewal',
] as const;

export interface CuadRow {
  file: string;
  text: string;
  agreementDate: string;
  effectiveDate: string;
  expirationDate: string;
  renewalTerm: string;
  noticePeriod: string;
}

export function loadCuad(csv: string): CuadRow[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header) return [];
  const col = (row: string[], name: string) => row[header.indexOf(name)] ?? '';
  return rows
    .filter((row) => row.length >= header.length)
    .map((row) => {
      const seen = new Set<string>();
      const parts: string[] = [];
      for (const column of EXCERPT_COLUMNS) {
        for (const excerpt of parsePythonList(col(row, column))) {
          if (!seen.has(excerpt)) {
            seen.add(excerpt);
            parts.push(excerpt);
          }
        }
      }
      return {
        file: col(row, 'Filename'),
        text: parts.join('\n\n'),
        agreementDate: col(row, 'Agreement Date-Answer').trim(),
        effectiveDate: col(row, 'Effective Date-Answer').trim(),
        expirationDate: col(row, 'Expiration Date-Answer').trim(),
        renewalTerm: col(row, 'Renewal Term-Answer').trim(),
        noticePeriod: col(row, 'Notice Period To Terminate Renewal- Answer').trim(),
      };
    });
}

export const CUAD_FIELDS = [
  'agreementDate',
  'effectiveDate',
  'expirationDate',
  'renewalTerm',
  'noticePeriod',
] as const;
export type CuadField = (typeof CUAD_FIELDS)[number];

/** Hits and scored rows per field; rows whose answer cannot be scored are left out. */
export type CuadScores = Record<CuadField, [number, number]>;

export interface CuadMiss {
  file: string;
  field: CuadField;
  expected: string;
  given: string;
}

/** The engine's answer for each field, in the answers' terms (EDTF for incomplete dates). */
function answersOf(result: ExtractionResult) {
  const partial = result.incompleteDates ?? {};
  const signed = result.signedAt ?? partial.signedAt ?? null;
  return {
    agreementDate: signed,
    // "when absent, the agreement date stands": the engine's own effective date, else its signing date.
    effectiveDate: result.effectiveAt ?? partial.effectiveAt ?? signed,
    expirationDate: result.term?.expiresAt ?? partial.expiresAt ?? null,
    renewalTerm: result.term?.renewal?.period ?? (result.term?.evergreen ? 'perpetual' : null),
    // An evergreen term's notice to end it is the notice that stops it renewing.
    noticePeriod: result.term?.renewal?.noticeBeforeExpiry ?? result.term?.noticeToEnd ?? null,
  };
}

function durationMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  if (expected === 'perpetual' || given === 'perpetual') return expected === given;
  return sameDuration(expected, given);
}

function judge(expected: Expected, given: string | null, isDate: boolean): boolean {
  if (expected.kind === 'nothing') return given === null;
  return expected.forms.some((form) =>
    isDate ? dateMatches(form, given) : durationMatches(form, given),
  );
}

export function scoreCuad(rows: readonly { row: CuadRow; result: ExtractionResult }[]): {
  scores: CuadScores;
  misses: CuadMiss[];
} {
  const scores = Object.fromEntries(CUAD_FIELDS.map((f) => [f, [0, 0]])) as CuadScores;
  const misses: CuadMiss[] = [];
  for (const { row, result } of rows) {
    const expected: Record<CuadField, Expected | null> = {
      agreementDate: expectedDate(row.agreementDate),
      effectiveDate: expectedDate(row.effectiveDate === '' ? row.agreementDate : row.effectiveDate),
      expirationDate: expectedDate(row.expirationDate),
      renewalTerm: expectedDuration(row.renewalTerm),
      noticePeriod: expectedDuration(row.noticePeriod),
    };
    const given = answersOf(result);
    for (const field of CUAD_FIELDS) {
      const want = expected[field];
      if (!want) continue;
      const ok = judge(want, given[field], !/renewal|notice/i.test(field));
      scores[field][0] += ok ? 1 : 0;
      scores[field][1] += 1;
      if (!ok)
        misses.push({
          file: row.file,
          field,
          expected: want.kind === 'nothing' ? '(nothing)' : want.forms.join(' | '),
          given: given[field] ?? '(nothing)',
        });
    }
  }
  return { scores, misses };
}
