import type { CalendarDate } from './calendar-date';
import { formatIsoDate } from './calendar-date';
import { findDateMentions, resolveMention } from './date-mentions';
import { DURATION_PATTERN, applyDuration, durationFromMatch, toIsoDuration } from './durations';
import type { ContractTerm } from './types';

const TERM_SENTENCE =
  /\b(term|continue|continues|expire|expires|expiration|remain in (?:full )?(?:force|effect)|in effect|valid|perpetu\w*|indefinite\w*)\b/i;
const DURATION_RE = new RegExp(DURATION_PATTERN, 'gi');

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.;])\s+(?=[A-Z("])|\n+/).filter((s) => s.trim().length > 0);
}

function dateAfter(
  sentence: string,
  lead: RegExp,
  reference: CalendarDate | null,
): CalendarDate | null {
  const m = lead.exec(sentence);
  if (!m) return null;
  const [mention] = findDateMentions(sentence.slice(m.index + m[0].length));
  return mention && mention.start <= 6 ? resolveMention(mention, reference) : null;
}

function termDuration(sentence: string): ReturnType<typeof durationFromMatch> {
  for (const m of sentence.matchAll(DURATION_RE)) {
    const before = sentence.slice(Math.max(0, m.index - 60), m.index);
    if (/notice|prior|before|advance|within|renew|additional|successive|extension/i.test(before))
      continue;
    if (!/\b(for|of|term|period|continue\w*|valid)\b[\w\s()]*$/i.test(before)) continue;
    const d = durationFromMatch(m[1] ?? '', m[2], m[3], m[4] ?? '');
    if (d && d.unit !== 'D') return d;
  }
  return null;
}

/** When the agreement ends, and how it renews. */
export function findContractTerm(
  text: string,
  start: CalendarDate | null,
  reference: CalendarDate | null,
): ContractTerm | null {
  let expiresAt: string | null = null;
  let perpetual = false;
  let period: string | null = null;
  let notice: string | null = null;
  for (const sentence of sentencesOf(text)) {
    const isRenewal = /\b(renew\w*|extend\w*|extension|successive)\b/i.test(sentence);
    if (!expiresAt && TERM_SENTENCE.test(sentence)) {
      const explicit =
        dateAfter(
          sentence,
          /\b(?:continue|remain)[^.]{0,80}?\b(?:until|through|to)\s+/i,
          reference,
        ) ??
        dateAfter(sentence, /\b(?:expire|terminate|end)s?\s+(?:on|at)\s+/i, reference) ??
        dateAfter(sentence, /\b(?:termination|expiration|expiry) date\s*:?\s*/i, reference) ??
        dateAfter(sentence, /\bfrom\s+[^.]{4,30}?\s+(?:to|until|through)\s+/i, reference);
      if (explicit) expiresAt = formatIsoDate(explicit);
      else if (!isRenewal || /\binitial term\b/i.test(sentence)) {
        const duration = termDuration(sentence);
        const [commencing] = findDateMentions(sentence);
        const base =
          commencing && /commenc|from|begin/i.test(sentence)
            ? resolveMention(commencing, reference)
            : start;
        if (duration && base) expiresAt = formatIsoDate(applyDuration(base, duration, 1));
      }
      if (/\bperpetu\w*|\bindefinite\w*/i.test(sentence)) perpetual = true;
    }
    if (isRenewal && !period) {
      if (
        /\b(?:tacitly every year|successive annual periods|annually renew|renew\w* annually)\b/i.test(
          sentence,
        )
      )
        period = 'P1Y';
      for (const m of sentence.matchAll(DURATION_RE)) {
        const before = sentence.slice(Math.max(0, m.index - 60), m.index);
        if (
          period ||
          !/\b(successive|additional|further|renewal|renew\w*|extend\w*|extension)\b[\w\s(),-]*$/i.test(
            before,
          )
        )
          continue;
        if (/\b(notice|prior|before)\b[\w\s()]*$/i.test(before)) continue;
        const d = durationFromMatch(m[1] ?? '', m[2], m[3], m[4] ?? '');
        if (d) period = toIsoDuration(d);
      }
    }
    if (!notice && (isRenewal || /\bnon-renewal|not to renew\b/i.test(sentence))) {
      for (const m of sentence.matchAll(DURATION_RE)) {
        const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 60);
        if (
          !/^\s*(?:\(\d+\)\s*)?(?:['’]s?)?\s*(?:prior\s+)?(?:written\s+)?(?:notice|prior to|before|in advance)/i.test(
            after,
          )
        )
          continue;
        const d = durationFromMatch(m[1] ?? '', m[2], m[3], m[4] ?? '');
        if (d) notice = toIsoDuration(d);
        break;
      }
    }
  }
  if (!expiresAt && perpetual) expiresAt = 'perpetual';
  if (!expiresAt && !period) return null;
  return { expiresAt, renewal: period ? { period, noticeBeforeExpiry: notice } : null };
}
