import fc from 'fast-check';

import { TEST_ADMIN_API_KEY } from '../auth';
import { authorized, fillPath, isWrite } from './case-requests';
import type { FuzzCase, FuzzedOperation } from './fuzz-case';

/** Credentials and headers: none, garbage, huge, other schemes; and odd headers with a good key. */
export function headerCases(operation: FuzzedOperation): fc.Arbitrary<FuzzCase> {
  const request = (
    label: string,
    headers: Record<string, string>,
    expectStatus?: number[],
  ): FuzzCase => ({
    label: `headers: ${label}`,
    method: operation.method.toUpperCase(),
    target: fillPath(operation),
    headers: { ...(isWrite(operation) ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(isWrite(operation) ? { body: '{}' } : {}),
    ...(expectStatus ? { expectStatus } : {}),
  });
  // The specs raise AUTH_FAILED_ATTEMPTS_PER_MINUTE, so no refusal is a 429.
  const refused = operation.role === null ? undefined : [401];
  const garbageKey = fc.oneof(
    fc.string({ maxLength: 60 }).map((value) => value.replace(/[^\x20-\x7e]/g, '')),
    fc.constantFrom(
      'dwk_',
      'dwk_x',
      `dwk_${'a'.repeat(200)}`,
      'eyJhbGciOiJub25lIn0.eyJyb2xlcyI6WyJhZG1pbiJdfQ.',
      'a.b.c',
      'null',
      '\u00ff\u00fe',
    ),
  );
  return fc.oneof(
    fc.constant(request('no credentials', {}, refused)),
    garbageKey.map((key) => request('garbage bearer', { authorization: `Bearer ${key}` }, refused)),
    fc
      .constantFrom(
        'Basic YWRtaW46YWRtaW4=',
        'Bearer',
        'bearer  ',
        'Digest x',
        `Bearer ${'x'.repeat(8_000)}`,
        TEST_ADMIN_API_KEY,
      )
      .map((value) => request('other scheme', { authorization: value }, refused)),
    fc
      .record(
        {
          accept: fc.constantFrom('*/*', 'text/event-stream', 'application/xml', 'garbage', ''),
          'accept-encoding': fc.constantFrom('gzip', 'br', 'identity;q=0', 'x'),
          'x-request-id': fc.constantFrom('\u00ff', 'x'.repeat(2_000), '../../etc/passwd'),
          'idempotency-key': fc.constantFrom('', ' ', 'x'.repeat(300), '\u00e9'),
        },
        { requiredKeys: [] },
      )
      .map((headers) => request('odd headers', authorized(headers))),
    fc.constant(
      request('headers over the server limit', authorized({ 'x-padding': 'x'.repeat(20_000) })),
    ),
  );
}
