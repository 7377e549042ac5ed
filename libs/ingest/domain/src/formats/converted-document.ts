/** What a document says about itself; every field may be missing. */
export interface FoundMetadata {
  title: string | null;
  /** Calendar date, YYYY-MM-DD. */
  publishedAt: string | null;
  sourceUrl: string | null;
  /** BCP 47 tag as the document states it, e.g. `en` or `en-US`. */
  language: string | null;
}

/** Where page `page` (1-based) lies in the normalised text: `[start, end)` in UTF-16 code units. */
export interface PageSpan {
  page: number;
  start: number;
  end: number;
}

/** A document turned into the text extraction reads, with what it said about itself. */
export interface ConvertedDocument {
  text: string;
  metadata: FoundMetadata;
  /** Only for paged formats (PDF): lets evidence spans be cited by page. */
  pages: PageSpan[] | null;
}

/** The bytes are of a supported type but cannot be turned into text; `reason` is shown to callers. */
export class UnreadableDocumentError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnreadableDocumentError';
  }
}

export const noMetadata: FoundMetadata = {
  title: null,
  publishedAt: null,
  sourceUrl: null,
  language: null,
};

/** `2025-10-28T04:44:00+00:00` or `2025-10-28` -> `2025-10-28`; anything else -> null. */
export function calendarDateOf(value: string | null | undefined): string | null {
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.getUTCDate() === Number(day)
    ? `${year}-${month}-${day}`
    : null;
}

/** Collapses runs of blank space inside a paragraph, as a browser renders them. */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
