import { readRawBody } from '@dealwatch/platform';

import type { Readable } from 'node:stream';

/** As large as ingest takes by default (INGEST_MAX_BODY); ingest applies its own limit after. */
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

/**
 * What an upload to the console sends on to ingest: a JSON body as the platform parsed it, any
 * other (text, HTML, PDF, DOCX, a form) as the bytes it came as, so nothing is decoded on the way.
 */
export async function uploadBody(
  request: Readable & { body?: unknown },
  limit = UPLOAD_LIMIT_BYTES,
): Promise<string | Buffer> {
  if (request.body !== undefined) return JSON.stringify(request.body);
  return readRawBody(request, limit, 'the upload');
}
