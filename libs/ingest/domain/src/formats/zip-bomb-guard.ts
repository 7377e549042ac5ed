import { UnreadableDocumentError } from './converted-document';
import { entryData, zipEntries } from './zip-entry';

/**
 * What a DOCX may expand to. Word documents of hundreds of pages hold a few MB of XML; mammoth
 * parses the XML into memory many times its size, so more than this is refused unread.
 */
export const MAX_DOCX_EXPANDED_BYTES = 128 * 1024 * 1024;
export const MAX_DOCX_ENTRIES = 10_000;

/**
 * Refuses a ZIP archive that would expand past the limits (a zip bomb), from its central directory
 * first (sizes as declared) and then by inflating each entry no further than its declared size, so
 * an archive that lies about its sizes is caught too. Memory stays bounded by the limit. Bytes that
 * are not a ZIP archive pass: the converter reports those itself.
 */
export function assertZipExpansionBounded(
  archive: Buffer,
  maxExpandedBytes = MAX_DOCX_EXPANDED_BYTES,
): void {
  const entries = zipEntries(archive);
  if (!entries) return;
  if (entries.length > MAX_DOCX_ENTRIES)
    throw new UnreadableDocumentError(
      `the DOCX holds ${entries.length} files, more than the ${MAX_DOCX_ENTRIES} a document may`,
    );
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > maxExpandedBytes) {
    const largest = entries.reduce((a, b) => (b.uncompressedSize > a.uncompressedSize ? b : a));
    throw new UnreadableDocumentError(
      `the DOCX expands to ${declared} bytes (${largest.name} alone to ${largest.uncompressedSize}), more than the ${maxExpandedBytes} a document may: refused unread as a zip bomb`,
    );
  }
  for (const entry of entries) {
    try {
      entryData(archive, entry);
    } catch (error) {
      throw new UnreadableDocumentError(
        (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE'
          ? `${entry.name} in the DOCX inflates past the ${entry.uncompressedSize} bytes its archive declares: refused as a zip bomb`
          : `${entry.name} in the DOCX is corrupt: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
