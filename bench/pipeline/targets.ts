import { percentile } from './percentiles';

/** What a stage measured that the load targets are stated in. */
export interface StageFigures {
  readonly rate: number;
  readonly sustainedPerSecond: number;
  /** POST to its last milestone event, in ms, one value per agreement. */
  readonly milestones: readonly number[];
}

/** The rate at which the latency target is set, agreements/s offered. */
export const LATENCY_TARGET_RATE = 50;

/**
 * The run's figures beside the targets (at least 300 agreements/s sustained, p99 ingest ->
 * milestones under 500 ms at 50/s, no service over 300 MB), each with whether it is met, so that
 * no column of the stage table has to be read for them.
 */
export function targetsLine(stages: readonly StageFigures[], peakRssMb: number): string {
  const best = Math.max(0, ...stages.map((stage) => stage.sustainedPerSecond));
  const atTarget = stages.find((stage) => stage.rate === LATENCY_TARGET_RATE);
  const p99 = atTarget ? percentile([...atTarget.milestones], 99) : null;
  const met = (ok: boolean) => (ok ? 'met' : 'not met');
  const latency =
    p99 === null
      ? `no ${LATENCY_TARGET_RATE}/s stage for the latency target`
      : `p99 ingest->milestones at ${LATENCY_TARGET_RATE}/s ${p99.toFixed(0)} ms (< 500 ms: ${met(p99 < 500)})`;
  return [
    `targets: sustained ${best.toFixed(1)}/s (>= 300/s: ${met(best >= 300)})`,
    latency,
    `peak RSS ${peakRssMb.toFixed(0)} MB (< 300 MB: ${met(peakRssMb < 300)})`,
  ].join('; ');
}

/** The throughput target, agreements/s sustained. */
export const THROUGHPUT_TARGET = 300;

/** CPU an agreement cost one part of the machine (a service, PostgreSQL, the benchmark), in ms. */
export interface CpuShare {
  readonly part: string;
  readonly ms: number;
}

/**
 * What the throughput target leaves each agreement of the machine's CPU, beside what the run spent
 * and what the extraction engine alone costs: at the knee the cores are the limit, so the rate the
 * run sustains is about the cores' time over the CPU an agreement costs.
 */
export function cpuBudgetLine(
  cores: number,
  shares: readonly CpuShare[],
  engineMsPerDocument: number,
): string {
  const budget = (1000 * cores) / THROUGHPUT_TARGET;
  const spent = shares.reduce((sum, share) => sum + share.ms, 0);
  const parts = shares.map((share) => `${share.part} ${share.ms.toFixed(1)}`).join(', ');
  return [
    `CPU budget at ${THROUGHPUT_TARGET}/s on ${cores} cores: ${budget.toFixed(1)} ms an agreement`,
    `this run spent ${spent.toFixed(1)} ms (${parts}), enough for ${((1000 * cores) / spent).toFixed(0)}/s`,
    `the extraction engine alone, on this mix: ${engineMsPerDocument.toFixed(2)} ms a document`,
  ].join('; ');
}
