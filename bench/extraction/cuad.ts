import type { ExtractionResult } from '@dealwatch/extraction';
import { sameDuration } from '@dealwatch/extraction';

import { parseCsv, parsePythonList } from './csv';

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

/** M/D/YYYY -> YYYY-MM-DD; "" stays "" (nothing to find); partial answers with [] are skipped. */
function isoAnswer(answer: string): string | null | undefined {
  if (answer.includes('[]')) return undefined;
  if (answer === '') return null;
  if (/^perpetual$/i.test(answer)) return 'perpetual';
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(answer);
  if (!m) return undefined;
  return `${m[3]}-${m[1]!.padStart(2, '0')}-${m[2]!.padStart(2, '0')}`;
}

/** "successive 1 year" -> P1Y; "180 days / 6 months" -> both forms; "perpetual" and lists are skipped. */
function durationAnswers(answer: string): string[] | null | undefined {
  if (answer.includes('[]')) return undefined;
  if (answer === '') return null;
  const forms = answer.split('/').map((part) => {
    const m = /^\s*(?:successive|succesive)?\s*(\d+)\s+(day|week|month|year)s?\s*$/i.exec(part);
    return m ? `P${m[1]}${m[2]!.charAt(0).toUpperCase()}` : null;
  });
  if (forms.some((f) => f === null)) return undefined;
  return forms as string[];
}

export interface CuadScores {
  agreementDate: [number, number];
  effectiveDate: [number, number];
  expirationDate: [number, number];
  renewalTerm: [number, number];
  noticePeriod: [number, number];
}

export function scoreCuad(rows: readonly { row: CuadRow; result: ExtractionResult }[]): CuadScores {
  const s: CuadScores = {
    agreementDate: [0, 0],
    effectiveDate: [0, 0],
    expirationDate: [0, 0],
    renewalTerm: [0, 0],
    noticePeriod: [0, 0],
  };
  const count = (key: keyof CuadScores, ok: boolean) => {
    s[key][0] += ok ? 1 : 0;
    s[key][1] += 1;
  };
  for (const { row, result } of rows) {
    const agreement = isoAnswer(row.agreementDate);
    if (agreement !== undefined) count('agreementDate', result.signedAt === agreement);
    const effective = isoAnswer(row.effectiveDate === '' ? row.agreementDate : row.effectiveDate);
    if (effective !== undefined)
      count('effectiveDate', (result.effectiveAt ?? result.signedAt) === effective);
    const expiration = isoAnswer(row.expirationDate);
    if (expiration !== undefined)
      count('expirationDate', (result.term?.expiresAt ?? null) === expiration);
    const renewal = durationAnswers(row.renewalTerm);
    const period = result.term?.renewal?.period ?? null;
    if (renewal !== undefined)
      count(
        'renewalTerm',
        renewal === null
          ? period === null
          : period !== null && renewal.some((r) => sameDuration(r, period)),
      );
    const notice = durationAnswers(row.noticePeriod);
    const given = result.term?.renewal?.noticeBeforeExpiry ?? null;
    if (notice !== undefined)
      count(
        'noticePeriod',
        notice === null
          ? given === null
          : given !== null && notice.some((r) => sameDuration(r, given)),
      );
  }
  return s;
}
