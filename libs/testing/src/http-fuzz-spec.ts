import { fuzzScale } from './fuzz-scale';
import { check, fuzzHttpApi } from './http-fuzz';
import type { FuzzCase, FuzzOptions } from './http-fuzz';

export interface FuzzedApiSpec {
  /** The running service's base URL, read once the suite's `beforeAll` has started it. */
  base: () => string;
  /** Options for the fuzzer, read at the same time (the body limit comes from the service's env). */
  options: () => FuzzOptions;
  /** Operations the service must document, so a spec notices an API the fuzzer no longer sees. */
  operations: string[];
  /** Counterexamples fast-check found, kept as they were (each failed before its fix). */
  regressions: [string, FuzzCase][];
}

/**
 * The tests every service's HTTP fuzz spec runs, inside its own `describe` that starts the
 * service: every documented operation fuzzed (never a 5xx, a problem naming the fault, the service
 * alive after each family), then each kept counterexample on its own.
 */
export function itAnswersFuzzedRequests(spec: FuzzedApiSpec): void {
  it(
    'answers every documented operation with a success or a problem naming the fault, never a 5xx',
    async () => {
      const report = await fuzzHttpApi(spec.base(), spec.options());
      expect(report.operations).toEqual(expect.arrayContaining(spec.operations));
      expect(report.failures).toEqual([]);
      expect(Object.values(report.aliveAfter).every((status) => status === 200)).toBe(true);
    },
    60_000 * fuzzScale(),
  );

  if (spec.regressions.length === 0) return;
  it.each<[string, FuzzCase]>(spec.regressions)('%s', async (_name, regression) => {
    expect(await check(spec.base(), regression)).toEqual([]);
  });
}
