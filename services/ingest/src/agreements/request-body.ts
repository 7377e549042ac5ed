import { PayloadTooLargeException } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';

const UNITS: Record<string, number> = { kb: 1024, mb: 1024 * 1024 };

/** `20mb` -> bytes, as the JSON and text body parsers read the same setting. */
export function byteLimitOf(setting: string): number {
  const match = /^(\d+)(kb|mb)$/i.exec(setting);
  if (!match) throw new Error(`not a size: ${setting}`);
  return Number(match[1]) * (UNITS[(match[2] ?? '').toLowerCase()] ?? 1);
}

/** The body of a request no parser read (binary uploads), refused with 413 once past the limit. */
export async function readRawBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      request.destroy();
      throw tooLarge(limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number): PayloadTooLargeException {
  return new PayloadTooLargeException(`the document is larger than ${limit} bytes`);
}
