import type { ExtractionResult } from '@dealwatch/extraction';

import * as chrono from 'chrono-node';

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function referenceOf(iso: string | null): Date {
  // Noon UTC keeps chrono's local-time arithmetic on the same calendar day.
  return iso ? new Date(`${iso}T12:00:00Z`) : new Date('2000-01-01T12:00:00Z');
}

function dates(text: string, reference: string | null) {
  return chrono.parse(text, { instant: referenceOf(reference), timezone: 0 }).map((r) => ({
    index: r.index,
    end: r.index + r.text.length,
    date: isoOf(r.start.date()),
  }));
}

/**
 * chrono-node as a plain date finder: every date it finds is a deadline on its own span; the
 * first date found is the signing/publication date; for contracts the latest date is the expiry.
 */
export function chronoExtract(text: string, publishedAt: string | null): ExtractionResult {
  const found = dates(text, publishedAt);
  const first = found[0]?.date ?? null;
  const latest =
    found
      .map((f) => f.date)
      .sort()
      .pop() ?? null;
  const effective = first;
  const expiry = dates(text, effective)
    .map((f) => f.date)
    .filter((d) => !effective || d > effective)
    .sort()
    .pop();
  return {
    title: null,
    publishedAt: first,
    signedAt: first,
    effectiveAt: first,
    entryIntoForceAt: null,
    parties: [],
    term: expiry ? { expiresAt: expiry, renewal: null } : latest ? null : null,
    obligations: found.map((f) => ({
      text: text.slice(f.index, f.end),
      span: [f.index, f.end],
      actors: [],
      action: '',
      category: 'other',
      binding: false,
      confidence: 0.5,
      deadline: {
        expression: text.slice(f.index, f.end),
        kind: 'on',
        dueDate: f.date,
        rule: 'chrono-node date',
        anchor: { type: 'date' },
      },
    })),
  };
}
