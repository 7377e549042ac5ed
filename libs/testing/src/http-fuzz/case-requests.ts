import fc from 'fast-check';

import { TEST_ADMIN_API_KEY } from '../auth';
import type { FuzzCase, FuzzedOperation, JsonSchema } from './fuzz-case';
import { plausibleValue } from './fuzz-values';

/*
 * What every family of cases shares: a path filled in with harmless values, the test admin's key,
 * and how a value is percent-encoded.
 */

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

export const authorized = (headers: Record<string, string> = {}) => ({
  authorization: `Bearer ${TEST_ADMIN_API_KEY}`,
  ...headers,
});

export const isWrite = (operation: FuzzedOperation) =>
  !['get', 'delete'].includes(operation.method);

/** Percent-encoded; a lone surrogate (which has no UTF-8) becomes U+FFFD first. */
export const encoded = (value: string) => encodeURIComponent(Buffer.from(value).toString('utf8'));
