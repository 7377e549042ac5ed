import { createHash } from 'node:crypto';

/**
 * The text every evidence span points into. Deliberately minimal (BOM, line endings, NUL bytes,
 * trailing blank space) so that offsets still match the document a person reads.
 */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replaceAll('\u0000', '')
    .trimEnd();
}

/** SHA-256 (hex) of the normalised text: the identity of a document's content. */
export function contentDigest(normalisedText: string): string {
  return createHash('sha256').update(normalisedText, 'utf8').digest('hex');
}
