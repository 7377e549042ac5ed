import { PayloadTooLargeException } from '@nestjs/common';
import type { Readable } from 'node:stream';

/**
 * The body of a request no parser read (binary uploads, text kept in its own charset), refused
 * with 413 naming `what` once past `limit` bytes — by its Content-Length before reading, else as
 * it streams in.
 */
export async function readRawBody(
  request: Readable & { headers?: Record<string, string | string[] | undefined> },
  limit: number,
  what: string,
): Promise<Buffer> {
  const tooLarge = () => new PayloadTooLargeException(`${what} is larger than ${limit} bytes`);
  if (Number(request.headers?.['content-length'] ?? '0') > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
