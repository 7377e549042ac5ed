import fc from 'fast-check';

import type { JsonSchema } from './fuzz-case';

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

export function plausibleObject(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
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
export function wrongTypeValue(schema: JsonSchema): fc.Arbitrary<unknown> {
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

export const isUuid = (value: string) => /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(value);

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
      if (schema.format === 'uuid' && !isUuid(value)) return true;
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
