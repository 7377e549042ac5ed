import fc from 'fast-check';

import { authorized, fillPath } from './case-requests';
import type { FuzzCase, FuzzedOperation } from './fuzz-case';

/** A multipart/form-data body of the given parts, with the boundary it uses. */
export function multipartBody(
  parts: { name: string; filename?: string; contentType?: string; data: string | Buffer }[],
  boundary = 'dealwatch-fuzz-boundary',
): Buffer {
  const chunks = parts.flatMap(({ name, filename, contentType, data }) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"` +
        (filename === undefined ? '' : `; filename="${filename}"`) +
        (contentType ? `\r\nContent-Type: ${contentType}` : '') +
        '\r\n\r\n',
    ),
    Buffer.isBuffer(data) ? data : Buffer.from(data),
    Buffer.from('\r\n'),
  ]);
  return Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
}

/** File names that have escaped upload folders, broken headers or overflowed columns. */
const HOSTILE_FILE_NAMES = [
  '../../etc/passwd',
  '..\\..\\windows\\system32\\config\\sam',
  '/etc/shadow',
  '....//....//etc/passwd',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  'report.pdf\u0000.txt',
  '',
  '.',
  '..',
  'CON',
  'a'.repeat(5_000),
  '🧨.txt',
  'quote".txt',
];

/**
 * Uploads as forms: hostile file names, the file under another field, no file, metadata of wrong
 * shape or unknown, several files, and forms cut short or without their boundary.
 */
export function multipartCases(
  operation: FuzzedOperation,
  fileField = 'file',
): fc.Arbitrary<FuzzCase> {
  const boundary = 'dealwatch-fuzz-boundary';
  const form = (
    label: string,
    body: Buffer,
    broken?: { field: string },
    contentType = `multipart/form-data; boundary=${boundary}`,
  ): FuzzCase => ({
    label: `form: ${label}`,
    method: operation.method.toUpperCase(),
    target: fillPath(operation),
    headers: authorized({ 'content-type': contentType }),
    body,
    ...(broken ? { field: broken.field, mustReject: true } : {}),
  });
  const text = 'The Parties will meet within 30 days of signature.';
  const file = (filename: string, contentType = 'text/plain') => ({
    name: fileField,
    filename,
    contentType,
    data: text,
  });
  return fc.oneof(
    fc
      .tuple(
        fc.constantFrom(...HOSTILE_FILE_NAMES),
        fc.constantFrom('text/plain', 'application/pdf', ''),
      )
      .map(([name, type]) =>
        form(`file name ${name.slice(0, 30)}`, multipartBody([file(name, type)])),
      ),
    fc.constantFrom('document', 'files[]', '').map((name) =>
      form(
        `file under "${name}"`,
        multipartBody([{ ...file('a.txt'), name }]),
        // A part without a name is refused before any field is known.
        name ? { field: name } : undefined,
      ),
    ),
    fc.constant(
      form('no file', multipartBody([{ name: 'title', data: 'A' }]), { field: fileField }),
    ),
    fc
      .constantFrom(
        { name: 'publishedAt', data: 'yesterday' },
        { name: 'sourceUrl', data: 'javascript:alert(1)' },
        { name: 'title', data: 'x'.repeat(5_000) },
        { name: 'evil', data: '1' },
        { name: '__proto__', data: '1' },
      )
      .map((field) =>
        form(`field ${field.name}`, multipartBody([field, file('a.txt')]), { field: field.name }),
      ),
    fc.constant(form('two files', multipartBody([file('a.txt'), file('b.txt')]))),
    fc.constant(form('cut short', multipartBody([file('a.txt')]).subarray(0, 60))),
    fc.constant(
      form('no boundary', multipartBody([file('a.txt')]), undefined, 'multipart/form-data'),
    ),
    fc.constant(
      form(
        'another boundary',
        multipartBody([file('a.txt')]),
        undefined,
        'multipart/form-data; boundary=other',
      ),
    ),
  );
}
