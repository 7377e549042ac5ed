import { readDocumentMetadata } from '../document-metadata';
import { normaliseText } from '../normalise-text';
import type { ConvertedDocument } from './converted-document';
import { charsetOf, decodeText } from './decode-text';
import { convertDocx } from './docx-to-text';
import { convertHtml } from './html-to-text';
import { convertPdf } from './pdf-to-text';
import { stripPageNoise } from './scraped-page';

export type DocumentFormat = 'text' | 'html' | 'pdf' | 'docx';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const MEDIA_TYPES: Record<string, DocumentFormat> = {
  'text/plain': 'text',
  'text/markdown': 'text',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  [DOCX]: 'docx',
};

const EXTENSIONS: Record<string, DocumentFormat> = {
  txt: 'text',
  md: 'text',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
  docx: 'docx',
};

/** The media type a format is stored under. */
export const mediaTypeOf: Record<DocumentFormat, string> = {
  text: 'text/plain',
  html: 'text/html',
  pdf: 'application/pdf',
  docx: DOCX,
};

/**
 * What the bytes are: the declared media type first; for the generic `application/octet-stream`
 * (or none) the file name's extension, then the bytes' own signature. Null means unsupported.
 */
export function detectFormat(
  mediaType: string | null,
  bytes: Uint8Array,
  fileName: string | null = null,
): DocumentFormat | null {
  const declared = mediaType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (declared !== '' && declared !== 'application/octet-stream')
    return MEDIA_TYPES[declared] ?? null;
  const extension = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (extension !== undefined && EXTENSIONS[extension]) return EXTENSIONS[extension];
  return sniff(bytes);
}

function sniff(bytes: Uint8Array): DocumentFormat | null {
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  // UTF-16 text is full of NUL bytes; its byte order mark says it is text all the same.
  if (head.startsWith('\u00ff\u00fe') || head.startsWith('\u00fe\u00ff')) return 'text';
  if (head.startsWith('%PDF-')) return 'pdf';
  // Any ZIP would match; mammoth refuses one that is not a Word document, with a reason.
  if (head.startsWith('PK\u0003\u0004')) return 'docx';
  if (/^\s*(<!doctype html|<html[\s>])/i.test(head.replace(/^\uFEFF|^ï»¿/, ''))) return 'html';
  return head.includes('\u0000') ? null : 'text';
}

/**
 * Bytes of a known format -> the normalised text extraction reads, and what the document says.
 * `contentType` is the Content-Type as sent: its charset decides how text and HTML are read.
 */
export async function convertDocument(
  format: DocumentFormat,
  bytes: Buffer,
  contentType: string | null = null,
): Promise<ConvertedDocument> {
  switch (format) {
    case 'text': {
      // Metadata is read before the page noise that carries it (the `date … URL` line) is dropped.
      const raw = normaliseText(decodeText(bytes, charsetOf(contentType), 'text'));
      return {
        text: stripPageNoise(raw),
        metadata: { ...readDocumentMetadata(raw), language: null },
        pages: null,
      };
    }
    case 'html':
      return withNormalisedText(convertHtml(decodeText(bytes, charsetOf(contentType), 'html')));
    case 'pdf':
      return withNormalisedText(await convertPdf(bytes));
    case 'docx':
      return withNormalisedText(await convertDocx(bytes));
  }
}

/** Converters already produce normalised text; this keeps that a guarantee rather than a habit. */
function withNormalisedText(converted: ConvertedDocument): ConvertedDocument {
  const text = normaliseText(converted.text);
  const pages =
    converted.pages?.map((page) => ({
      ...page,
      start: Math.min(page.start, text.length),
      end: Math.min(page.end, text.length),
    })) ?? null;
  return { ...converted, text, pages };
}
