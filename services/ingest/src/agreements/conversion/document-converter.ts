import { UnreadableDocumentError } from '@dealwatch/ingest/domain';
import type { ConvertedDocument, DocumentFormat } from '@dealwatch/ingest/domain';
import { ENV } from '@dealwatch/platform';

import { Inject, Injectable } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';

import type { IngestEnv } from '../../ingest.env';
import { convert } from './conversion.worker';
import type { ConversionResult, ConversionTask } from './conversion.worker';

/** Plain text this small costs less to convert in place than to hand to a thread. */
export const INLINE_TEXT_BYTES = 256 * 1024;

/** The converted text is longer than the caller can use; it was not kept. */
export class TextTooLongError extends Error {
  constructor(readonly textBytes: number) {
    super(`the converted text is ${textBytes} bytes long`);
    this.name = 'TextTooLongError';
  }
}

export interface ConversionOptions {
  /** Longest text, in UTF-8 bytes, worth having: a longer one throws TextTooLongError. */
  maxTextBytes?: number;
}

// Specs and tsx run the TypeScript sources, which a worker thread cannot load on its own.
const WORKER_FILE = __filename.endsWith('.js')
  ? join(__dirname, 'conversion.worker.js')
  : join(__dirname, 'conversion.worker.source.cjs');

/**
 * Turns uploads into text in worker threads: a PDF or a deeply nested page is converted on a heap
 * of its own, under a deadline, and off the event loop that serves every other request. That lets
 * the service's own heap be capped. Idle threads exit, giving their memory back.
 */
@Injectable()
export class DocumentConverter implements OnModuleDestroy {
  private readonly pool: Piscina<ConversionTask, ConversionResult>;

  private readonly heapMb: number;
  private readonly timeoutMs: number;

  constructor(
    @Inject(ENV) env: Pick<IngestEnv, 'INGEST_CONVERSION_HEAP_MB' | 'INGEST_CONVERSION_TIMEOUT_MS'>,
  ) {
    this.heapMb = env.INGEST_CONVERSION_HEAP_MB;
    this.timeoutMs = env.INGEST_CONVERSION_TIMEOUT_MS;
    this.pool = new Piscina({
      filename: WORKER_FILE,
      name: 'convert',
      minThreads: 0,
      // The event loop keeps a core for requests and storing.
      maxThreads: Math.max(1, availableParallelism() - 1),
      idleTimeout: 10_000,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
    });
  }

  /**
   * Throws UnreadableDocumentError, with a reason for the sender, for what cannot be converted, and
   * TextTooLongError for a text over `maxTextBytes`.
   */
  async convert(
    format: DocumentFormat,
    bytes: Buffer,
    contentType: string | null,
    { maxTextBytes = Infinity }: ConversionOptions = {},
  ): Promise<ConvertedDocument> {
    const task = { format, bytes, contentType, maxTextBytes };
    // In place, the thread's own function: both ways answer alike.
    const result =
      format === 'text' && bytes.byteLength <= INLINE_TEXT_BYTES
        ? await convert(task)
        : await this.inThread(task);
    if ('unreadable' in result) throw new UnreadableDocumentError(result.unreadable);
    if ('textBytes' in result) throw new TextTooLongError(result.textBytes);
    return result.converted;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }

  private async inThread(task: ConversionTask): Promise<ConversionResult> {
    try {
      return await this.pool.run(task, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const code = (error as { code?: string }).code;
      const name = (error as { name?: string }).name;
      if (code === 'ERR_WORKER_OUT_OF_MEMORY')
        throw new UnreadableDocumentError(
          `converting the document needs more than the ${this.heapMb} MB of memory a document may use: send it in parts`,
        );
      if (name === 'AbortError' || name === 'TimeoutError')
        throw new UnreadableDocumentError(
          `converting the document takes longer than the ${this.timeoutMs / 1000} s a document may: send it in parts`,
        );
      throw error;
    }
  }
}
