import { UnreadableDocumentError, convertDocument } from '@dealwatch/ingest/domain';
import type { ConvertedDocument, DocumentFormat } from '@dealwatch/ingest/domain';

export interface ConversionTask {
  format: DocumentFormat;
  bytes: Uint8Array;
  contentType: string | null;
  maxTextBytes: number;
}

/**
 * Errors do not keep their class across threads: a refusal comes back as data. A text too long
 * to use is not sent back at all, only its length.
 */
export type ConversionResult =
  { converted: ConvertedDocument } | { unreadable: string } | { textBytes: number };

/** Runs in a conversion worker thread, on a heap of its own (and in place for small text). */
export async function convert(task: ConversionTask): Promise<ConversionResult> {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  try {
    const converted = await convertDocument(task.format, bytes, task.contentType);
    const textBytes = Buffer.byteLength(converted.text);
    return textBytes > task.maxTextBytes ? { textBytes } : { converted };
  } catch (error) {
    if (error instanceof UnreadableDocumentError) return { unreadable: error.reason };
    throw error;
  }
}
