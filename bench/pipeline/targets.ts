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
