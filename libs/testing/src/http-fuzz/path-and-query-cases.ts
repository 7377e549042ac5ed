import fc from 'fast-check';

import { authorized, encoded, fillPath, isWrite } from './case-requests';
import type { FuzzCase, FuzzedOperation, JsonSchema } from './fuzz-case';
import { HOSTILE_STRINGS, isUuid, plausibleObject, schemaRejects } from './fuzz-values';

const ENCODED_PATH_VALUES = [
  'not-a-uuid',
  '42',
  '00000000-0000-0000-0000-000000000000',
  'ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ',
  '%2F',
  '..%2F..%2Fetc%2Fpasswd',
  '%2e%2e',
  '%00',
  '%',
  '%E0%A4%A',
  '%C0%AF',
  '%FF%FE',
  encodeURIComponent('🧨'),
  encodeURIComponent("' OR 1=1 --"),
];

/** Path parameters that are not UUIDs, very long, or encoded slashes and traversal. */
export function pathParamCases(operation: FuzzedOperation): fc.Arbitrary<FuzzCase> {
  // A plausible body, so that the parameter is what is wrong (a custom check may still refuse it).
  const body = operation.body ? plausibleObject(operation.body) : fc.constant({});
  return fc
    .tuple(
      fc.constantFrom(...operation.pathParams),
      fc.oneof(
        fc.constantFrom(...ENCODED_PATH_VALUES),
        fc.constant('a'.repeat(8_000)),
        fc.string({ maxLength: 40 }).map(encoded),
        fc.uuid({ version: 4 }).map((value) => value.toUpperCase()),
      ),
      body,
    )
    .map(([name, value, json]) => ({
      label: `path: ${name}`,
      method: operation.method.toUpperCase(),
      target: fillPath(operation, { [name]: value }),
      headers: authorized(isWrite(operation) ? { 'content-type': 'application/json' } : {}),
      ...(isWrite(operation) ? { body: JSON.stringify(json) } : {}),
      // Percent-decoded, only a UUID is an id. A value that does not decode fails in the router,
      // before any route knows the parameter's name.
      field: decodable(value) && !isUuid(decodeURIComponent(value)) ? name : undefined,
      otherFaults: operation.body !== null,
    }));
}

function decodable(value: string): boolean {
  try {
    decodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/** Query strings: a documented parameter broken, repeated or nested, or unknown parameters. */
export function queryCases(operation: FuzzedOperation): fc.Arbitrary<FuzzCase> {
  const send = (
    label: string,
    query: string,
    broken?: { name: string; field?: string; mustReject: boolean },
  ): FuzzCase => ({
    label: `query: ${label}`,
    method: operation.method.toUpperCase(),
    target: fillPath(operation, {}, { given: broken ? [broken.name] : [], text: query }),
    headers: authorized(isWrite(operation) ? { 'content-type': 'application/json' } : {}),
    ...(isWrite(operation) ? { body: '{}' } : {}),
    field: broken?.field,
    mustReject: broken?.mustReject ?? false,
  });
  const pair = (name: string, value: string) => `${encoded(name)}=${encoded(value)}`;
  const anyQuery = fc
    .array(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 })), { maxLength: 4 })
    .map((pairs) => send('arbitrary', pairs.map(([name, value]) => pair(name, value)).join('&')));
  const hostileQuery = fc
    .constantFrom(
      '%',
      '%E0%A4%A',
      'a[b][c][d][e][f]=1',
      'a[]=1&a[]=2',
      '__proto__[x]=1',
      `a=${'x'.repeat(6_000)}`,
    )
    .map((query) => send('hostile', query));
  if (operation.query.length === 0) return fc.oneof(anyQuery, hostileQuery);
  const broken = fc.constantFrom(...operation.query).chain(({ name, schema }) =>
    fc
      .oneof(
        fc
          .constantFrom('abc', '-1', '1.5', '1e999', '0x10', '', ' ', ...HOSTILE_STRINGS)
          .map((value) => ({
            query: pair(name, value),
            // A query value is text: it breaks a typed parameter when the text does not read as one.
            mustReject: schemaRejects(schema, queryValueAs(schema, value)),
          })),
        fc.constant({
          query: `${pair(name, 'a')}&${pair(name, 'b')}`,
          mustReject: schema.type !== 'array' && schema.type !== undefined && !schema.enum,
        }),
        fc.constant({
          query: `${encodeURIComponent(name)}[x]=1`,
          mustReject: true,
          named: `${name}[x]`,
        }),
      )
      .map(({ query, mustReject, named }: { query: string; mustReject: boolean; named?: string }) =>
        send(`broken ${name}`, query, {
          name,
          field: mustReject ? (named ?? name) : undefined,
          mustReject,
        }),
      ),
  );
  return fc.oneof(broken, anyQuery, hostileQuery);
}

/** What a validated query DTO makes of the text: numbers converted, the rest kept as text. */
function queryValueAs(schema: JsonSchema, value: string): unknown {
  // `@Type(() => Number)`: Number('') is 0.
  if (schema.type === 'integer' || schema.type === 'number') return Number(value);
  if (schema.type === 'array') return value.split(',');
  return value;
}
