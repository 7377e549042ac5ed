import { TextDecoder } from 'node:util';

import { UnreadableDocumentError } from './converted-document';

const BYTE_ORDER_MARKS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** HTML may declare its encoding in a meta tag; browsers look for it in the first 1024 bytes. */
const META_PRESCAN_BYTES = 1024;
const META_CHARSET = /<meta\s[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** The `charset` parameter of a Content-Type value, if any. */
export function charsetOf(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1] ?? null;
}

/**
 * The text of a document's bytes, in the encoding they say they are in: a byte order mark first,
 * then the charset the sender declared, then (for HTML) a `<meta charset>`, else UTF-8. Bytes that
 * are not valid in that encoding are refused with where and why, never read as replacement
 * characters: a wrong date or party name in an agreement is worse than a clear refusal.
 */
export function decodeText(
  bytes: Uint8Array,
  declaredCharset: string | null,
  format: 'text' | 'html',
): string {
  const bom = BYTE_ORDER_MARKS.find(([mark]) => mark.every((byte, index) => bytes[index] === byte));
  if (bom) return strictly(bytes.subarray(bom[0].length), bom[1], 'its byte order mark');
  if (declaredCharset) return strictly(bytes, declaredCharset, 'the Content-Type');
  const meta =
    format === 'html'
      ? META_CHARSET.exec(Buffer.from(bytes.subarray(0, META_PRESCAN_BYTES)).toString('latin1'))
      : null;
  if (meta?.[1]) return strictly(bytes, meta[1], 'its <meta charset>');
  return strictly(bytes, 'utf-8', null);
}

function strictly(bytes: Uint8Array, charset: string, declaredBy: string | null): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true, ignoreBOM: true });
  } catch {
    throw new UnreadableDocumentError(
      `unknown charset "${charset}" declared by ${declaredBy ?? 'the sender'}`,
    );
  }
  try {
    const text = decoder.decode(bytes);
    return decoder.encoding === 'windows-1252' ? withWindows1252Punctuation(text) : text;
  } catch {
    if (!declaredBy) {
      throw new UnreadableDocumentError(
        `the document is not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)}) and declares no charset: send it with one, e.g. Content-Type: text/plain; charset=windows-1252`,
      );
    }
    throw new UnreadableDocumentError(
      `the document is not valid ${decoder.encoding}, which ${declaredBy} declares`,
    );
  }
}

/** Where the first byte that is not UTF-8 is: the valid prefix re-encodes to the same bytes. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return Buffer.byteLength(lenient.slice(0, lenient.indexOf('\uFFFD')), 'utf8');
}

/**
 * Characters 0x80-0x9F of windows-1252 (curly quotes, dashes, the euro sign). Node 20 decodes
 * "windows-1252" as ISO-8859-1, which turns them into invisible control characters.
 */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function withWindows1252Punctuation(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (control) =>
    WINDOWS_1252_HIGH.charAt(control.charCodeAt(0) - 0x80),
  );
}
