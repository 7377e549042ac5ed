import fc from 'fast-check';

import { fuzzScale } from '../fuzz-scale';
import { authorized, fillPath } from './case-requests';
import type { FuzzCase, FuzzOptions, FuzzedOperation, JsonSchema } from './fuzz-case';
import {
  HOSTILE_STRINGS,
  deepJson,
  plausibleObject,
  schemaRejects,
  wrongTypeValue,
} from './fuzz-values';

/** Cases with one body field broken: wrong type, out of its schema, huge, deep, or unknown. */
export function mutatedBodyCases(operation: FuzzedOperation): fc.Arbitrary<FuzzCase> {
  const schema = operation.body ?? {};
  const fields = Object.entries(schema.properties ?? {});
  const base = plausibleObject(schema);
  const unknownField = fc
    .constantFrom('__proto__', 'constructor', 'unexpected', 'x'.repeat(300))
    .map((name) => ({ name, value: 1, mustReject: true, label: 'unknown field' }));
  const broken: fc.Arbitrary<{ name: string; value: unknown; mustReject: boolean; label: string }> =
    fields.length === 0
      ? unknownField
      : fc.oneof(
          unknownField,
          fc.constantFrom(...fields).chain(([name, property]) =>
            fc
              .oneof(
                wrongTypeValue(property).map((value) => ({ value, label: 'wrong type' })),
                fc.constantFrom(...HOSTILE_STRINGS).map((value) => ({ value, label: 'hostile' })),
                fc.constant({ value: 'x'.repeat(20_000), label: 'huge string' }),
                fc.constant({ value: JSON.parse(deepJson(2_000)) as unknown, label: 'deep' }),
                nestedFieldValue(property),
              )
              .map(({ value, label }) => ({
                name,
                value,
                label,
                mustReject:
                  label === 'deep' ? property.type !== 'array' : schemaRejects(property, value),
              })),
          ),
        );
  return fc.tuple(base, broken).map(([body, { name, value, mustReject, label }]) => {
    const json = `{${[
      ...Object.entries(body)
        .filter(([key]) => key !== name)
        .map(([key, item]) => `${JSON.stringify(key)}:${JSON.stringify(item)}`),
      `${JSON.stringify(name)}:${JSON.stringify(value)}`,
    ].join(',')}}`;
    return {
      label: `body: ${label}`,
      method: operation.method.toUpperCase(),
      target: fillPath(operation),
      headers: authorized({ 'content-type': 'application/json' }),
      body: json,
      field: mustReject ? name : undefined,
      mustReject,
    };
  });
}

/** For an object field: the object with one of its own fields given a wrong type. */
function nestedFieldValue(property: JsonSchema): fc.Arbitrary<{ value: unknown; label: string }> {
  const nested = Object.entries(property.properties ?? {});
  if (property.type !== 'object' || nested.length === 0)
    return wrongTypeValue(property).map((value) => ({ value, label: 'wrong type' }));
  return fc
    .tuple(plausibleObject(property), fc.constantFrom(...nested))
    .chain(([object, [name, inner]]) =>
      wrongTypeValue(inner).map((value) => ({
        value: { ...object, [name]: value },
        label: 'nested wrong type',
      })),
    );
}

/** Bodies of any shape, bytes and content type, including ones over the body limit. */
export function arbitraryBodyCases(
  operation: FuzzedOperation,
  options: FuzzOptions,
): fc.Arbitrary<FuzzCase> {
  const request = (label: string, contentType: string | null, body: Buffer | string): FuzzCase => ({
    label: `any body: ${label}`,
    method: operation.method.toUpperCase(),
    target: fillPath(operation),
    headers: authorized(contentType === null ? {} : { 'content-type': contentType }),
    body,
  });
  const json = 'application/json';
  return fc.oneof(
    fc.jsonValue().map((value) => request('JSON', json, JSON.stringify(value))),
    fc
      .uint8Array({ maxLength: 200 })
      .map((bytes) => request('bytes as JSON', json, Buffer.from(bytes))),
    // Invalid UTF-8 inside a JSON string.
    fc.constant(
      request(
        'invalid UTF-8',
        json,
        Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]),
      ),
    ),
    fc
      .constantFrom<('array' | 'object')[]>('array', 'object')
      .map((kind) =>
        request(
          `JSON nested ${10_000 * fuzzScale()} deep`,
          json,
          deepJson(10_000 * fuzzScale(), kind),
        ),
      ),
    fc.constant(request('over the body limit', json, `"${'x'.repeat(options.bodyLimit)}"`)),
    fc
      .constantFrom(
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-7',
        'application/json; charset=latin1',
        'application/octet-stream',
        'image/png',
        ';;;',
        'application/merge-patch+json',
      )
      .map((contentType) => request(`content type ${contentType}`, contentType, '{"a":1}')),
    fc.constant(request('no content type', null, '{"a":1}')),
    fc.constant({
      ...request('gzip that is not', json, '{"a":1}'),
      headers: authorized({ 'content-type': json, 'content-encoding': 'gzip' }),
    }),
  );
}
