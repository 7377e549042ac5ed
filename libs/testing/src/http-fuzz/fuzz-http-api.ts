import fc from 'fast-check';

import { fuzzScale } from '../fuzz-scale';
import { arbitraryBodyCases, mutatedBodyCases } from './body-cases';
import { authorized, isWrite } from './case-requests';
import type { FuzzCase, FuzzOptions, FuzzedOperation } from './fuzz-case';
import { headerCases } from './header-cases';
import { check } from './judge-answers';
import { multipartCases } from './multipart-cases';
import { fuzzedOperations } from './openapi-operations';
import { pathParamCases, queryCases } from './path-and-query-cases';

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
