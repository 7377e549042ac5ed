import fc from 'fast-check';
import { Agent, request as httpRequest } from 'node:http';

import { TEST_ADMIN_API_KEY } from './auth';
import { fuzzScale } from './fuzz-scale';

/*
 * A property-based fuzzer of a running service's HTTP API, driven by its own OpenAPI document: every
 * documented operation is called with mutated and arbitrary bodies, queries, path parameters and
 * headers, and every answer must be a success or an RFC 9457 problem (never a 5xx), one that names
 * the field a case broke on purpose.
 */

/** The part of a JSON schema the generators read. */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  $ref?: string;
}

export interface FuzzedOperation {
  method: string;
  /** As documented, with `{name}` placeholders. */
  path: string;
  /** Null for a public operation. */
  role: string | null;
  pathParams: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  /** The JSON body's schema ($refs resolved), when one is documented. */
  body: JsonSchema | null;
  /** The media types the documented request body may have. */
  consumes: string[];
}

/** One request the fuzzer sends, and what it knows it got wrong. */
export interface FuzzCase {
  /** What kind of case, for the report: `body: wrong type`, `path: encoded slash`… */
  label: string;
  method: string;
  /** Path and query, percent-encoded as sent. */
  target: string;
  headers: Record<string, string>;
  body?: Buffer | string;
  /** The field or parameter the case made invalid, when it made one invalid. */
  field?: string;
  /**
   * The rest of the request may be wrong too (a plausible body a custom check refuses): a
   * validation problem naming other fields is then an answer, since Nest stops at the first
   * parameter that fails.
   */
  otherFaults?: boolean;
  /** True when no correct service may accept the case (2xx). */
  mustReject?: boolean;
  /** Statuses that are right for the case, beyond the general rules (e.g. 401 for no credentials). */
  expectStatus?: number[];
}

export interface FuzzAnswer {
  status: number;
  contentType: string;
  body: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

// ---------------------------------------------------------------------------------------------
// The operations, from the service's OpenAPI document

interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation | undefined>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  security?: unknown[];
  'x-dealwatch-role'?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** Every operation `GET {base}/openapi.json` documents, with its parameters and body schema. */
export async function fuzzedOperations(base: string): Promise<FuzzedOperation[]> {
  const response = await fetch(`${base}/openapi.json`);
  if (response.status !== 200) throw new Error(`/openapi.json answered ${response.status}`);
  const document = (await response.json()) as OpenApiDocument;
  const schemas = document.components?.schemas ?? {};
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      return [
        {
          method,
          path,
          role: isPublic ? null : (operation['x-dealwatch-role'] ?? null),
          pathParams: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? ''),
          query: (operation.parameters ?? [])
            .filter((parameter) => parameter.in === 'query')
            .map((parameter) => ({
              name: parameter.name,
              required: parameter.required === true,
              schema: resolved(parameter.schema ?? {}, schemas),
            })),
          body: bodySchema ? resolved(bodySchema, schemas) : null,
          consumes: Object.keys(operation.requestBody?.content ?? {}),
        },
      ];
    }),
  );
}

/** The schema with every `$ref` replaced by what it names (cycles cut after a few levels). */
function resolved(schema: JsonSchema, schemas: Record<string, JsonSchema>, depth = 0): JsonSchema {
  if (depth > 6) return {};
  if (schema.$ref) {
    const target = schemas[schema.$ref.split('/').at(-1) ?? ''];
    return target ? resolved(target, schemas, depth + 1) : {};
  }
  return {
    ...schema,
    ...(schema.items ? { items: resolved(schema.items, schemas, depth + 1) } : {}),
    ...(schema.properties
      ? {
          properties: Object.fromEntries(
            Object.entries(schema.properties).map(([name, property]) => [
              name,
              resolved(property, schemas, depth + 1),
            ]),
          ),
        }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Values: plausible ones from a schema, and hostile ones

/** Strings custom validators (dates, durations, zones) often want: a schema without a type. */
const PLAUSIBLE_STRINGS = [
  '2026-05-01',
  '2026-05-01T09:00:00Z',
  'P7D',
  'Europe/Paris',
  'ops',
  'DE',
  'severity="critical"',
];

/** A value that satisfies the schema as far as the schema tells (custom checks are not known). */
export function plausibleValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'string':
      return plausibleString(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? 0,
        max: schema.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausibleValue(schema.items ?? {}), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object':
      return plausibleObject(schema);
    case undefined:
    default:
      return schema.properties ? plausibleObject(schema) : fc.constantFrom(...PLAUSIBLE_STRINGS);
  }
}

function plausibleString(schema: JsonSchema): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'uuid':
      return fc.uuid({ version: 4 });
    case 'date-time':
      return fc.constant('2026-05-01T09:00:00.000Z');
    case 'email':
      return fc.constant('ops@example.com');
    case 'url':
      // Loopback: the services' outbound guard refuses it, so nothing leaves the machine.
      return fc.constant('http://127.0.0.1:9/feed');
    case undefined:
    default:
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).map(limitTo(schema));
  const minLength = Math.max(schema.minLength ?? 1, 1);
  return fc
    .string({ unit: 'grapheme-ascii', minLength, maxLength: Math.max(minLength, 12) })
    .map(limitTo(schema));
}

const limitTo = (schema: JsonSchema) => (value: string) =>
  schema.maxLength === undefined ? value : value.slice(0, schema.maxLength);

function plausibleObject(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  return fc.record(
    Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [name, plausibleValue(property)]),
    ),
    { requiredKeys: Object.keys(properties).filter((name) => schema.required?.includes(name)) },
  );
}

/** JSON nested `depth` deep: `[[[…]]]` or `{"a":{"a":…}}`, built as text (no recursion). */
export function deepJson(depth: number, kind: 'array' | 'object' = 'array'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Strings that have broken parsers, loggers, SQL and file systems. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/passwd\u0000.txt',
  '\u0000',
  "' OR 1=1 --",
  '"; DROP TABLE x; --',
  '<script>alert(1)</script>',
  '${jndi:ldap://127.0.0.1/x}',
  '{{7*7}}',
  '%s%s%s%n',
  '\u202eevil',
  '\ud800',
  '🧨'.repeat(50),
  'NaN',
  '-1',
  '1e309',
  '__proto__',
  'constructor',
];

/** A value of another JSON type than the schema's (any type when the schema names none). */
function wrongTypeValue(schema: JsonSchema): fc.Arbitrary<unknown> {
  const candidates: fc.Arbitrary<unknown>[] = [
    fc.integer(),
    fc.boolean(),
    fc.constant({ nested: { value: 1 } }),
    fc.constant([1, 'two', null]),
    fc.string({ maxLength: 8 }),
  ];
  const typeOf = (value: unknown) =>
    Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value;
  const expected = schema.type === 'integer' ? 'number' : schema.type;
  return fc.oneof(...candidates).filter((value) => typeOf(value) !== expected);
}

/** True when the schema alone proves `value` invalid (custom checks are not judged). */
export function schemaRejects(schema: JsonSchema, value: unknown): boolean {
  if (schema.enum) return !schema.enum.includes(value);
  if (value === null || value === undefined) return false;
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') return true;
      if (schema.maxLength !== undefined && value.length > schema.maxLength) return true;
      if (schema.minLength !== undefined && value.length < schema.minLength) return true;
      if (schema.pattern && !new RegExp(schema.pattern).test(value)) return true;
      if (schema.format === 'uuid' && !/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(value))
        return true;
      return false;
    case 'integer':
      return typeof value !== 'number' || !Number.isInteger(value) || outOfRange(schema, value);
    case 'number':
      return typeof value !== 'number' || outOfRange(schema, value);
    case 'boolean':
      return typeof value !== 'boolean';
    case 'array':
      return !Array.isArray(value);
    case 'object':
      return typeof value !== 'object' || Array.isArray(value);
    case undefined:
    default:
      return false;
  }
}

function outOfRange(schema: JsonSchema, value: number): boolean {
  return (
    (schema.minimum !== undefined && value < schema.minimum) ||
    (schema.maximum !== undefined && value > schema.maximum)
  );
}

// ---------------------------------------------------------------------------------------------
// Cases

export interface FuzzOptions {
  /** The service's request body limit in bytes, to send one byte more. */
  bodyLimit: number;
  /** Random cases per operation and family at FUZZ_SCALE=1 (times the scale). */
  runsPerOperation?: number;
}

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

/**
 * The path with each parameter a UUID unless `values` gives it, then the required query parameters
 * with plausible values (except those `query` gives instead): only what a case breaks is wrong.
 */
export function fillPath(
  operation: FuzzedOperation,
  values: Record<string, string> = {},
  query: { given: string[]; text: string } = { given: [], text: '' },
): string {
  const path = operation.path.replace(
    /\{([^}]+)\}/g,
    (_match, name: string) => values[name] ?? '7d3c1c2e-4d4b-4f7e-9a57-8a2f3b5c6d7e',
  );
  const required = operation.query
    .filter((parameter) => parameter.required && !query.given.includes(parameter.name))
    .map(({ name, schema }) => `${encoded(name)}=${encoded(String(samplePlausible(schema)))}`);
  const parts = [...required, ...(query.text ? [query.text] : [])];
  return parts.length === 0 ? path : `${path}?${parts.join('&')}`;
}

/** One plausible value, the same every time. */
const samplePlausible = (schema: JsonSchema) =>
  fc.sample(plausibleValue(schema), { numRuns: 1, seed: 42 })[0];

/**
 * A case written out by hand, e.g. a counterexample fast-check found, kept as a named regression:
 * sent with the test admin key, and as JSON when it has a body and names no other type.
 */
export function fuzzCase(
  definition: Omit<FuzzCase, 'headers'> & { headers?: Record<string, string> },
): FuzzCase {
  const json: Record<string, string> =
    definition.body === undefined ? {} : { 'content-type': 'application/json' };
  return { ...definition, headers: authorized({ ...json, ...definition.headers }) };
}

const authorized = (headers: Record<string, string> = {}) => ({
  authorization: `Bearer ${TEST_ADMIN_API_KEY}`,
  ...headers,
});

const isWrite = (operation: FuzzedOperation) => !['get', 'delete'].includes(operation.method);

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

const isUuid = (value: string) => /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(value);

/** Percent-encoded; a lone surrogate (which has no UTF-8) becomes U+FFFD first. */
const encoded = (value: string) => encodeURIComponent(Buffer.from(value).toString('utf8'));

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

// ---------------------------------------------------------------------------------------------
// Sending and judging

/** Sends the case as is (no normalisation of its path) and reads the answer. */
export function send(base: string, fuzzCase: FuzzCase): Promise<FuzzAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: fuzzCase.method,
        path: fuzzCase.target,
        headers: fuzzCase.headers,
        agent,
        timeout: 30_000,
      },
      (response) => {
        const contentType = response.headers['content-type'] ?? '';
        // A stream (server-sent events) that opened is a success; its body never ends.
        if (contentType.startsWith('text/event-stream')) {
          response.destroy();
          resolve({ status: response.statusCode ?? 0, contentType, body: '' });
          return;
        }
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode ?? 0, contentType, body });
        });
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('no answer within 30 s')));
    request.on('error', reject);
    request.end(fuzzCase.body);
  });
}

/** What is wrong with the answer to a case; empty when it is right. */
export function violationsOf(fuzzCase: FuzzCase, answer: FuzzAnswer): string[] {
  const violations: string[] = [];
  if (answer.status >= 500) violations.push(`answered ${answer.status}`);
  if (fuzzCase.expectStatus && !fuzzCase.expectStatus.includes(answer.status)) {
    violations.push(`answered ${answer.status}, not ${fuzzCase.expectStatus.join(' or ')}`);
  }
  if (fuzzCase.mustReject && answer.status < 400) {
    violations.push(`accepted an invalid ${fuzzCase.field ?? 'request'} with ${answer.status}`);
  }
  if (answer.status < 400) return violations;
  if (!answer.contentType.startsWith('application/problem+json')) {
    violations.push(
      `a ${answer.status} of content type "${answer.contentType}", not problem details`,
    );
    return violations;
  }
  let problem: {
    type?: unknown;
    title?: unknown;
    status?: unknown;
    detail?: unknown;
    errors?: unknown;
  };
  try {
    problem = JSON.parse(answer.body) as typeof problem;
  } catch {
    return [...violations, 'a problem that is not JSON'];
  }
  if (typeof problem.type !== 'string' || typeof problem.title !== 'string') {
    violations.push('a problem without type and title');
  }
  if (problem.status !== answer.status)
    violations.push(`a problem of status ${String(problem.status)}`);
  if (
    fuzzCase.field !== undefined &&
    [400, 422].includes(answer.status) &&
    !names(problem, fuzzCase.field) &&
    !(fuzzCase.otherFaults && namesSomeField(problem))
  ) {
    violations.push(
      `a ${answer.status} that does not name ${fuzzCase.field}: ${answer.body.slice(0, 300)}`,
    );
  }
  return violations;
}

function namesSomeField(problem: { errors?: unknown }): boolean {
  return Array.isArray(problem.errors) && problem.errors.length > 0;
}

function names(problem: { detail?: unknown; errors?: unknown }, field: string): boolean {
  const errors = Array.isArray(problem.errors) ? (problem.errors as { field?: unknown }[]) : [];
  const byField = errors.some(
    (error) =>
      typeof error.field === 'string' &&
      (error.field === field ||
        error.field.startsWith(`${field}.`) ||
        error.field.startsWith(`${field}[`)),
  );
  return byField || (typeof problem.detail === 'string' && problem.detail.includes(field));
}

/** A failed case of one operation, with fast-check's smallest counterexample. */
export interface FuzzFailure {
  operation: string;
  family: string;
  case: FuzzCase;
  violations: string[];
}

const clipped = (text: string) =>
  text.length > 200 ? `${text.slice(0, 200)}… (${text.length} chars)` : text;

/** The case as a report shows it: long values clipped, bytes in hex. */
const shown = (fuzzCase: FuzzCase): FuzzCase => ({
  ...fuzzCase,
  target: clipped(fuzzCase.target),
  headers: Object.fromEntries(
    Object.entries(fuzzCase.headers).map(([name, value]) => [name, clipped(value)]),
  ),
  body: Buffer.isBuffer(fuzzCase.body)
    ? `<${fuzzCase.body.length} bytes: ${fuzzCase.body.subarray(0, 40).toString('hex')}>`
    : fuzzCase.body === undefined
      ? undefined
      : clipped(fuzzCase.body),
});

/** Sends one case and returns its violations (a failed request is one). */
export async function check(base: string, fuzzCase: FuzzCase): Promise<string[]> {
  try {
    return violationsOf(fuzzCase, await send(base, fuzzCase));
  } catch (error) {
    return [`no answer: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/** Runs one family of cases on every operation it applies to; returns what failed and how many ran. */
export async function fuzzOperations(
  base: string,
  operations: FuzzedOperation[],
  family: string,
  casesOf: (operation: FuzzedOperation) => fc.Arbitrary<FuzzCase> | null,
  numRuns: number,
): Promise<{ failures: FuzzFailure[]; runs: number }> {
  const failures: FuzzFailure[] = [];
  let runs = 0;
  for (const operation of operations) {
    const cases = casesOf(operation);
    if (!cases) continue;
    // What each failing case got wrong when it ran: sent again, a write may answer otherwise.
    const violationsOfCase = new WeakMap<FuzzCase, string[]>();
    const result = await fc.check(
      fc.asyncProperty(cases, async (fuzzCase) => {
        runs += 1;
        const violations = await check(base, fuzzCase);
        if (violations.length > 0) violationsOfCase.set(fuzzCase, violations);
        return violations.length === 0;
      }),
      { numRuns },
    );
    if (result.failed && result.counterexample) {
      const [smallest] = result.counterexample;
      failures.push({
        operation: `${operation.method.toUpperCase()} ${operation.path}`,
        family,
        case: shown(smallest),
        violations: violationsOfCase.get(smallest) ?? ['see the case'],
      });
    }
  }
  return { failures, runs };
}

/** What one service's run found: the operations, cases sent per family, and every failure. */
export interface HttpFuzzReport {
  operations: string[];
  runs: Record<string, number>;
  failures: FuzzFailure[];
  /** Whether `/health/live` still answered 200 after each family. */
  aliveAfter: Record<string, number>;
}

/**
 * Every case family on every operation the service documents, FUZZ_SCALE times the runs each, then
 * a liveness probe after each family (a crash would not answer).
 */
export async function fuzzHttpApi(base: string, options: FuzzOptions): Promise<HttpFuzzReport> {
  const operations = await fuzzedOperations(base);
  const report: HttpFuzzReport = {
    operations: operations.map((o) => `${o.method.toUpperCase()} ${o.path}`),
    runs: {},
    failures: [],
    aliveAfter: {},
  };
  for (const [family, casesOf] of Object.entries(caseFamilies(options))) {
    const { failures, runs } = await fuzzOperations(
      base,
      operations,
      family,
      casesOf,
      runsPerOperation(options),
    );
    report.runs[family] = runs;
    report.failures.push(...failures);
    report.aliveAfter[family] = (await fetch(`${base}/health/live`).catch(() => null))?.status ?? 0;
  }
  for (const unknown of unknownRouteCases()) {
    const violations = await check(base, unknown);
    if (violations.length > 0) {
      report.failures.push({
        operation: '(none)',
        family: 'unknown routes',
        case: unknown,
        violations,
      });
    }
  }
  report.runs['unknown routes'] = unknownRouteCases().length;
  return report;
}

/** Requests no operation documents: other paths, traversal out of the API, other methods. */
export function unknownRouteCases(): FuzzCase[] {
  const request = (method: string, target: string): FuzzCase => ({
    label: `unknown route: ${method} ${target}`,
    method,
    target,
    headers: authorized(),
    expectStatus: [404, 405],
  });
  return [
    request('GET', '/v1/nothing-here'),
    request('GET', '/..%2F..%2F..%2Fetc%2Fpasswd'),
    request('GET', '/v1/%2e%2e/%2e%2e/package.json'),
    request('GET', `/${'a'.repeat(8_000)}`),
    request('PATCH', '/health'),
    request('DELETE', '/openapi.json'),
    request('TRACE', '/health'),
  ];
}

/** Random cases per operation and family: a few at FUZZ_SCALE=1, ten times as many per step. */
export function runsPerOperation(options: FuzzOptions): number {
  return (options.runsPerOperation ?? 8) * fuzzScale();
}

/** The families the fuzzer runs on each operation: each returns null where it does not apply. */
export function caseFamilies(
  options: FuzzOptions,
): Record<string, (operation: FuzzedOperation) => fc.Arbitrary<FuzzCase> | null> {
  return {
    'mutated body': (operation) => (operation.body ? mutatedBodyCases(operation) : null),
    'arbitrary body': (operation) =>
      isWrite(operation) || operation.body ? arbitraryBodyCases(operation, options) : null,
    form: (operation) =>
      operation.consumes.includes('multipart/form-data') ? multipartCases(operation) : null,
    'path parameters': (operation) =>
      operation.pathParams.length > 0 ? pathParamCases(operation) : null,
    query: (operation) => queryCases(operation),
    headers: (operation) => headerCases(operation),
  };
}
