/**
 * Runs one hostile case in a process of its own, so its peak RSS is its own: builds the input,
 * converts it, and reports to the parent (`hostile.ts`) over IPC.
 */
import { performance } from 'node:perf_hooks';

import { hostileCases, outcomeOf } from './hostile-cases';

export interface HostileFigures {
  buildMs: number;
  convertMs: number;
  baselineRssMb: number;
  peakRssMb: number;
  outcome: string;
}

async function main(): Promise<void> {
  const chosen = hostileCases[process.argv[2] ?? ''];
  if (!chosen) throw new Error(`no hostile case "${process.argv[2]}"`);
  const built = performance.now();
  const bytes = await chosen.build();
  const buildMs = performance.now() - built;
  const baselineRssMb = process.memoryUsage().rss / 1e6;
  const started = performance.now();
  let result: unknown;
  let error: unknown;
  try {
    result = await chosen.convert(bytes);
  } catch (thrown) {
    error = thrown;
  }
  const figures: HostileFigures = {
    buildMs,
    convertMs: performance.now() - started,
    baselineRssMb,
    // maxRSS is in kilobytes.
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
    outcome: outcomeOf(result, error),
  };
  process.send?.(figures);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
