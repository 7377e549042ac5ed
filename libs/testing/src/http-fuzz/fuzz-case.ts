/*
 * What the fuzzer works with: the operations it reads from a service's OpenAPI document, the cases it
 * sends them and the answers it judges.
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

export interface FuzzOptions {
  /** The service's request body limit in bytes, to send one byte more. */
  bodyLimit: number;
  /** Random cases per operation and family at FUZZ_SCALE=1 (times the scale). */
  runsPerOperation?: number;
}
