import { PayloadTooLargeException } from '@nestjs/common';
import type { Readable } from 'node:stream';

/** As large as ingest takes by default (INGEST_MAX_BODY); ingest applies its own limit after. */
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

/** Bytes in a size such as CONSOLE_UPLOAD_MAX_BODY's `20mb` or `512kb`. */
export function bytesOf(size: string): number {
  const [, amount, unit] = /^(\d+)(kb|mb)$/i.exec(size) ?? [];
  if (!amount || !unit) throw new Error(`${size} is not a size such as 20mb`);
  return Number(amount) * (unit.toLowerCase() === 'mb' ? 1024 * 1024 : 1024);
}

/**
 * What an upload to the console sends on to ingest: a JSON body as the platform parsed it, any
 * other (text, HTML, PDF, DOCX, a form) as the bytes it came as, so nothing is decoded on the way.
 */
export async function uploadBody(
  request: Readable & { body?: unknown },
  limit = UPLOAD_LIMIT_BYTES,
): Promise<string | Buffer> {
  if (request.body !== undefined) return JSON.stringify(request.body);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.destroy();
      throw new PayloadTooLargeException(`the upload is larger than ${limit} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
