import { isMetadataLine, readDocumentMetadata } from '../document-metadata';

/** Why a line of a scraped page is not part of what the page says. */
export type NoiseKind =
  'metadata' | 'url' | 'timestamp' | 'contact' | 'repeated' | 'fragment' | 'keyword-list';

const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i;
/** `2025-10-28`, `2025-10-28T04:44+0000`, `2025-10-28 04:44:00Z`: a date alone on its line. */
const TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const PHONE = /\+\d[\d ()-]{7,}\d/;
const SENTENCE_END = /[.!?…][”"’')\]]*$/u;
/** Items of a keyword list are short phrases, not clauses. */
const MAX_KEYWORD_WORDS = 3;
const MIN_KEYWORDS = 3;
/** Lines that only scrapers leave behind; two of them make a text a scraped page. */
const SCRAPER_MARKS: readonly NoiseKind[] = ['metadata', 'url', 'timestamp', 'contact'];

/**
 * A plain-text document that is a scraped web page — it opens with a `date … URL` line, or carries
 * at least two lines only a scraper leaves (bare URLs, timestamps, contact lines) — loses every line
 * that is not prose: repeated headlines, timestamps, tag lists, image and related URLs, publisher
 * and contact lines. What remains is one paragraph per line, headline first, as the HTML converter
 * gives it. Any other text is returned unchanged, since a contract's headings and short lines are
 * its own. The rules look at the shape of a line, never at what a particular site writes.
 */
export function stripPageNoise(text: string): string {
  const lines = text.split('\n').map((line) => line.trim());
  const firstContent = lines.find((line) => line !== '');
  const marks = lines.filter((line) => {
    const kind = lineNoise(line);
    return kind !== null && SCRAPER_MARKS.includes(kind);
  }).length;
  if (!(firstContent !== undefined && isMetadataLine(firstContent)) && marks < 2) return text;

  const headline = readDocumentMetadata(text).title;
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '') continue;
    const repeated = seen.has(line);
    seen.add(line);
    if (repeated) continue;
    // The headline is what a reader sees first; short as it is, it is not a fragment.
    if (line === headline && kept.length === 0) kept.push(line);
    else if (lineNoise(line) === null) kept.push(line);
  }
  return kept.join('\n\n');
}

/** What kind of page noise a single (trimmed) line is, or null when it reads as prose. */
export function lineNoise(line: string): Exclude<NoiseKind, 'repeated'> | null {
  if (isMetadataLine(line)) return 'metadata';
  if (BARE_URL.test(line)) return 'url';
  if (TIMESTAMP.test(line)) return 'timestamp';
  if (SENTENCE_END.test(line)) return null;
  if (EMAIL.test(line) || PHONE.test(line)) return 'contact';
  const words = line.split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length < 3) return 'fragment';
  const items = line.split(/\s*[,;]\s*/).filter((item) => item !== '');
  if (
    items.length >= MIN_KEYWORDS &&
    items.every((item) => item.split(/\s+/).length <= MAX_KEYWORD_WORDS)
  )
    return 'keyword-list';
  return null;
}
