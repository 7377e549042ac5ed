import type { TextItem } from 'pdfjs-dist/types/src/display/api';

import { UnreadableDocumentError, calendarDateOf, noMetadata } from './converted-document';
import type { ConvertedDocument, FoundMetadata, PageSpan } from './converted-document';

type PdfJs = typeof import('pdfjs-dist');

/** Loaded on first use: the library is large and only PDFs need it. */
let pdfjs: Promise<PdfJs> | null = null;
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.js') as Promise<PdfJs>;
  return pdfjs;
}

const ERRORS_ONLY = 0;
/**
 * More pages than any agreement has. pdf.js reads pages on the event loop and slows down as they
 * add up (5,000 pages in 2 s, 20,000 in 26 s), so a 20 MB file of tiny pages could hold it for minutes.
 */
export const MAX_PDF_PAGES = 2_000;
/** A gap between lines this many line heights tall starts a new paragraph. */
const PARAGRAPH_GAP = 1.6;

interface Line {
  text: string;
  y: number;
  height: number;
}

/**
 * The text layer of a PDF, page after page (pages separated by a blank line), with the offsets of
 * each page in the text so that evidence can be cited by page. A PDF with no text at all (a scan)
 * is refused: an agreement with an empty text would be silently useless.
 */
export async function convertPdf(bytes: Uint8Array): Promise<ConvertedDocument> {
  const { getDocument } = await loadPdfJs();
  let document: Awaited<ReturnType<typeof getDocument>['promise']>;
  try {
    document = await getDocument({
      // pdf.js takes ownership of (detaches) the buffer it is given.
      data: new Uint8Array(bytes),
      verbosity: ERRORS_ONLY,
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
    }).promise;
  } catch (error) {
    throw new UnreadablePdf(error);
  }
  try {
    if (document.numPages > MAX_PDF_PAGES) {
      throw new UnreadableDocumentError(
        `the PDF has ${document.numPages} pages, more than the ${MAX_PDF_PAGES} a document may: send it in parts`,
      );
    }
    const pageTexts: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pageTexts.push(pageText(content.items.filter((item): item is TextItem => 'str' in item)));
    }
    const { text, pages } = joinPages(pageTexts);
    if (text.trim() === '') {
      throw new UnreadableDocumentError(
        'the PDF has no text layer (a scanned image?); run it through OCR and send the result',
      );
    }
    const { info } = (await document.getMetadata()) as unknown as { info: Record<string, unknown> };
    return { text, pages, metadata: pdfMetadata(info) };
  } finally {
    await document.destroy();
  }
}

class UnreadablePdf extends UnreadableDocumentError {
  constructor(error: unknown) {
    const name = (error as { name?: string }).name;
    super(
      name === 'PasswordException'
        ? 'the PDF is encrypted with a password'
        : `not a readable PDF: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function pageText(items: TextItem[]): string {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    const transform = item.transform as number[];
    const y = transform[5] ?? 0;
    const height = item.height || Math.abs(transform[3] ?? 0) || 10;
    if (current && Math.abs(current.y - y) > height / 2 && item.str !== '') {
      lines.push(current);
      current = null;
    }
    current ??= { text: '', y, height };
    current.text += item.str;
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);

  let text = '';
  let previous: Line | null = null;
  for (const line of lines) {
    const words = line.text.replace(/[\s\u00a0]+/g, ' ').trim();
    if (words === '') continue;
    if (previous) {
      const gap = previous.y - line.y;
      text += gap > PARAGRAPH_GAP * Math.max(previous.height, line.height) ? '\n\n' : '\n';
    }
    text += words;
    previous = line;
  }
  return text;
}

function joinPages(pageTexts: string[]): { text: string; pages: PageSpan[] } {
  const pages: PageSpan[] = [];
  let text = '';
  pageTexts.forEach((pageText, index) => {
    if (index > 0 && pageText !== '') text += '\n\n';
    pages.push({ page: index + 1, start: text.length, end: text.length + pageText.length });
    text += pageText;
  });
  return { text, pages };
}

function pdfMetadata(info: Record<string, unknown>): FoundMetadata {
  const text = (key: string) => {
    const value = info[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  // PDF dates look like D:20251028093000+09'00'; official texts are produced when published.
  const created = /^D:(\d{4})(\d{2})(\d{2})/.exec(text('CreationDate') ?? '');
  return {
    ...noMetadata,
    title: text('Title'),
    publishedAt: created ? calendarDateOf(`${created[1]}-${created[2]}-${created[3]}`) : null,
    language: text('Language'),
  };
}
