export interface DocumentMetadata {
  title: string | null;
  publishedAt: string | null;
  sourceUrl: string | null;
}

const METADATA_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})(?:\s+(https?:\/\/\S+))?\s*$/i;
const MAX_TITLE_LENGTH = 300;

/**
 * Reads what a scraped or exported document says about itself: a first line `date YYYY-MM-DD URL`
 * (publication date and source) and a headline, the first short line that does not end a sentence.
 */
/** Whether a line is the `date YYYY-MM-DD URL` line scrapers put first. */
export function isMetadataLine(line: string): boolean {
  return METADATA_LINE.test(line);
}

export function readDocumentMetadata(text: string): DocumentMetadata {
  const lines = text.split('\n');
  const firstContentIndex = lines.findIndex((line) => line.trim() !== '');
  if (firstContentIndex < 0) return { title: null, publishedAt: null, sourceUrl: null };

  const metadata = METADATA_LINE.exec(lines[firstContentIndex] ?? '');
  const afterMetadata = metadata
    ? lines.slice(firstContentIndex + 1)
    : lines.slice(firstContentIndex);
  const headline = afterMetadata.map((line) => line.trim()).find((line) => line !== '');
  return {
    publishedAt: metadata?.[1] ?? null,
    sourceUrl: metadata?.[2] ?? null,
    title: headline !== undefined && looksLikeHeadline(headline) ? headline : null,
  };
}

function looksLikeHeadline(line: string): boolean {
  return line.length <= MAX_TITLE_LENGTH && !/[.;:]$/.test(line) && /\p{L}/u.test(line);
}
