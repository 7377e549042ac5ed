import { readFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

import { CliError } from './cli-error';
import { call, errorMessageOf } from './http';

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * The content type a file is posted with, from its extension. Anything else goes as
 * `application/octet-stream`: ingest then recognises the bytes itself or answers 415 with a reason.
 */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** A file is itself; a folder is every regular file directly in it, sorted by name. */
export async function filesOf(path: string): Promise<string[]> {
  const found = await stat(path).catch(() => null);
  if (!found) throw new CliError(`no such file or folder: ${path}`);
  if (found.isFile()) return [path];
  if (!found.isDirectory()) throw new CliError(`not a file or folder: ${path}`);
  const entries = await readdir(path, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort()
    .map((name) => join(path, name));
}

export type IngestResult =
  | { file: string; status: number; agreementId: string; outcome: string }
  | { file: string; status: number | null; error: string };

/** One line per file: `file  status  agreement-id outcome` or `file  status  error`. */
export function ingestLine(result: IngestResult): string {
  const status = result.status === null ? '---' : String(result.status);
  return 'error' in result
    ? `${result.file}  ${status}  ${result.error}`
    : `${result.file}  ${status}  ${result.agreementId} ${result.outcome}`;
}

/** Posts one file as a raw body; never throws for a file the service refused. */
export async function ingestFile(file: string, url: string): Promise<IngestResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { file, status: null, error: `cannot read: ${(error as Error).message}` };
  }
  const response = await call('ingest', `${url}/v1/agreements`, {
    method: 'POST',
    headers: { 'content-type': contentTypeOf(file) },
    body: bytes,
  });
  const body = await response.text();
  if (!response.ok) {
    return { file, status: response.status, error: errorMessageOf(response.status, body) };
  }
  const accepted = acceptedOf(body);
  return accepted
    ? { file, status: response.status, ...accepted }
    : { file, status: response.status, error: 'answer without an agreement id' };
}

function acceptedOf(body: string): { agreementId: string; outcome: string } | null {
  try {
    const parsed = JSON.parse(body) as { id?: unknown; status?: unknown };
    if (typeof parsed.id !== 'string') return null;
    return {
      agreementId: parsed.id,
      outcome: typeof parsed.status === 'string' ? parsed.status : '',
    };
  } catch {
    return null;
  }
}

/**
 * Ingests a file or every file of a folder, one at a time (the service converts PDFs while the
 * request waits, so parallel uploads would only queue there), printing a line as each finishes.
 * Returns how many failed. A service that does not answer stops the run: every later file would fail
 * the same way.
 */
export async function ingest(
  path: string,
  url: string,
  print: (line: string) => void,
): Promise<{ total: number; failed: number }> {
  const files = await filesOf(path);
  if (files.length === 0) throw new CliError(`no files in ${path}`);
  let failed = 0;
  for (const file of files) {
    const result = await ingestFile(file, url);
    if ('error' in result) failed++;
    print(ingestLine(result));
  }
  return { total: files.length, failed };
}
