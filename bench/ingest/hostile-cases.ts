import { UnreadableDocumentError, convertDocument } from '@dealwatch/ingest/domain';
import type { DocumentFormat } from '@dealwatch/ingest/domain';

import mammoth from 'mammoth';

import {
  deeplyNestedHtml,
  longPdf,
  manyPagePdf,
  zipBomb,
} from '../../libs/ingest/domain/src/formats/hostile-documents.fixture';

const MiB = 1024 * 1024;

/** One hostile input: how to build it, and what converting it runs. */
export interface HostileCase {
  label: string;
  build: () => Promise<Buffer> | Buffer;
  convert: (bytes: Buffer) => Promise<unknown>;
}

const through =
  (format: DocumentFormat, contentType: string | null = null) =>
  (bytes: Buffer) =>
    convertDocument(format, bytes, contentType);

const japanese = '両国は六か月以内に重要鉱物の供給について協議し、その結果を報告する。\n';

export const hostileCases: Record<string, HostileCase> = {
  'pdf-500-pages': {
    label: 'PDF, 500 pages with a text layer',
    build: () => longPdf(500),
    convert: through('pdf'),
  },
  'pdf-20000-pages': {
    label: 'PDF, 20,000 small pages (over the page limit)',
    build: () => manyPagePdf(20_000),
    convert: through('pdf'),
  },
  'docx-bomb-4gb': {
    label: 'zip bomb .docx, 4 GB declared',
    build: () => zipBomb(4000 * MiB),
    convert: through('docx'),
  },
  'docx-bomb-lying': {
    label: 'zip bomb .docx, 1 GB declared as 10 KB',
    build: () => zipBomb(1024 * MiB, 10_000),
    convert: through('docx'),
  },
  'docx-bomb-unguarded': {
    label: 'zip bomb .docx, 256 MB, straight to mammoth (no guard)',
    build: () => zipBomb(256 * MiB),
    convert: (bytes) => mammoth.extractRawText({ buffer: bytes }),
  },
  'html-nested-100k': {
    label: 'HTML, 100,000 nested <div>s with scripts',
    build: () => Buffer.from(deeplyNestedHtml(100_000)),
    convert: through('html'),
  },
  'html-nested-256': {
    label: 'HTML, 256 nested <div>s (the limit)',
    build: () => Buffer.from(deeplyNestedHtml(255)),
    convert: through('html'),
  },
  'html-100k-paragraphs': {
    label: 'HTML, 100,000 paragraphs',
    build: () =>
      Buffer.from(
        `<!doctype html><html><body><article>${'<p>The Parties shall meet within 30 days.</p>'.repeat(100_000)}</article></body></html>`,
      ),
    convert: through('html'),
  },
  'text-utf16-5mb': {
    label: 'text, 5 MB of Japanese in UTF-16 with a BOM',
    build: () =>
      Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(japanese.repeat(Math.ceil((5 * MiB) / 2 / japanese.length)), 'utf16le'),
      ]),
    convert: through('text'),
  },
  'text-windows-1252-5mb': {
    label: 'text, 5 MB declared windows-1252',
    build: () =>
      Buffer.from("Les Parties se réuniront à Genève avant l'été.\n".repeat(110_000), 'latin1'),
    convert: through('text', 'text/plain; charset=windows-1252'),
  },
  'text-invalid-utf8-5mb': {
    label: 'text, 5 MB of UTF-8 with one bad byte at the end',
    build: () =>
      Buffer.concat([Buffer.from('The Parties agree. '.repeat(276_000)), Buffer.from([0xe9])]),
    convert: through('text'),
  },
};

/** What converting came to, in a few words for the table. */
export function outcomeOf(result: unknown, error: unknown): string {
  if (error instanceof UnreadableDocumentError) return `refused: ${error.reason.slice(0, 70)}`;
  if (error instanceof Error) return `crashed: ${error.name}: ${error.message.slice(0, 60)}`;
  if (error !== undefined) return 'crashed';
  // convertDocument answers { text }, mammoth { value }.
  const { text, value } = result as { text?: string; value?: string };
  return `read: ${(text ?? value ?? '').length} characters`;
}
