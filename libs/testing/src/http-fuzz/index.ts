/*
 * A property-based fuzzer of a running service's HTTP API, driven by its own OpenAPI document: every
 * documented operation is called with mutated and arbitrary bodies, queries, path parameters and
 * headers, and every answer must be a success or an RFC 9457 problem (never a 5xx), one that names
 * the field a case broke on purpose.
 */
export type { FuzzAnswer, FuzzCase, FuzzOptions, FuzzedOperation, JsonSchema } from './fuzz-case';
export { fuzzedOperations } from './openapi-operations';
export { HOSTILE_STRINGS, deepJson, plausibleValue, schemaRejects } from './fuzz-values';
export { fillPath, fuzzCase } from './case-requests';
export { arbitraryBodyCases, mutatedBodyCases } from './body-cases';
export { pathParamCases, queryCases } from './path-and-query-cases';
export { headerCases } from './header-cases';
export { multipartBody, multipartCases } from './multipart-cases';
export { check, send, violationsOf } from './judge-answers';
export type { FuzzFailure, HttpFuzzReport } from './fuzz-http-api';
export {
  caseFamilies,
  fuzzHttpApi,
  fuzzOperations,
  runsPerOperation,
  unknownRouteCases,
} from './fuzz-http-api';
