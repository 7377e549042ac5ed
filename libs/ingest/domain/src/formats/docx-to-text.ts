import { XMLParser } from 'fast-xml-parser';
import mammoth from 'mammoth';

import { UnreadableDocumentError, collapseSpaces, noMetadata } from './converted-document';
import type { ConvertedDocument, FoundMetadata } from './converted-document';
import { assertZipExpansionBounded } from './zip-bomb-guard';
import { readZipEntry } from './zip-entry';

/**
 * The raw text of a Word document, one paragraph per block separated by blank lines (mammoth),
 * with its title and language from the core properties.
 */
export async function convertDocx(bytes: Buffer): Promise<ConvertedDocument> {
  // mammoth (through JSZip) inflates whatever the archive holds, however large.
  assertZipExpansionBounded(bytes);
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch (error) {
    throw new UnreadableDocumentError(
      `not a readable DOCX: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const text = raw
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
  return { text, pages: null, metadata: coreProperties(bytes) };
}

/**
 * `docProps/core.xml`. Its creation date is left out on purpose: for a draft it is when someone
 * started typing, not when anything was published or signed.
 */
function coreProperties(bytes: Buffer): FoundMetadata {
  const xml = readZipEntry(bytes, 'docProps/core.xml');
  if (!xml) return noMetadata;
  const parsed = new XMLParser({ removeNSPrefix: true, parseTagValue: false }).parse(
    xml.toString('utf8'),
  ) as { coreProperties?: Record<string, unknown> };
  const properties = parsed.coreProperties ?? {};
  const text = (key: string) => {
    const value = properties[key];
    const found = typeof value === 'string' ? collapseSpaces(value) : '';
    return found === '' ? null : found;
  };
  return { ...noMetadata, title: text('title'), language: text('language') };
}
