import { UnreadableDocumentError, convertDocument } from '@dealwatch/ingest/domain';
import type { ConvertedDocument, DocumentFormat } from '@dealwatch/ingest/domain';

export interface ConversionTask {
  format: DocumentFormat;
  bytes: Uint8Array;
  contentType: string | null;
}

/** Errors do not keep their class across threads: a refusal comes back as data. */
export type ConversionResult = { converted: ConvertedDocument } | { unreadable: string };

/** Runs in a conversion worker thread, on a heap of its own. */
export async function convert(task: ConversionTask): Promise<ConversionResult> {
  const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  try {
    return { converted: await convertDocument(task.format, bytes, task.contentType) };
  } catch (error) {
    if (error instanceof UnreadableDocumentError) return { unreadable: error.reason };
    throw error;
  }
}
