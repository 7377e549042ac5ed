import { cpuBudgetLine, targetsLine } from './targets';

/** Latencies of which the 99th percentile is `p99`: 99 agreements at 10 ms and one at `p99`. */
const latencies = (p99: number) => [...Array.from({ length: 98 }, () => 10), p99, p99 + 1];

describe("the run's figures beside the load targets", () => {
  it('takes the latency of the 50/s stage and the best rate of any stage', () => {
    const line = targetsLine(
      [
        { rate: 45, sustainedPerSecond: 44.9, milestones: latencies(900) },
        { rate: 50, sustainedPerSecond: 49.9, milestones: latencies(213) },
        { rate: 100, sustainedPerSecond: 99.1, milestones: latencies(1200) },
      ],
      218,
    );
    expect(line).toBe(
      'targets: sustained 99.1/s (>= 300/s: not met); p99 ingest->milestones at 50/s 213 ms (< 500 ms: met); peak RSS 218 MB (< 300 MB: met)',
    );
  });

  it('says so when no stage ran at 50/s, and when a target is missed', () => {
    const line = targetsLine([{ rate: 100, sustainedPerSecond: 99.1, milestones: [5] }], 310);
    expect(line).toContain('no 50/s stage for the latency target');
    expect(line).toContain('peak RSS 310 MB (< 300 MB: not met)');
  });
});

describe('the CPU the throughput target leaves an agreement', () => {
  const shares = [
    { part: 'services', ms: 10.8 },
    { part: 'PostgreSQL', ms: 5.8 },
    { part: 'Kafka broker', ms: 1.1 },
    { part: 'this benchmark', ms: 1.3 },
  ];

  it('divides the cores by the target rate and sets the run and the engine beside it', () => {
    expect(cpuBudgetLine(2, shares, 1.87)).toBe(
      'CPU budget at 300/s on 2 cores: 6.7 ms an agreement; this run spent 19.0 ms (services 10.8, PostgreSQL 5.8, Kafka broker 1.1, this benchmark 1.3), enough for 105/s; the extraction engine alone, on this mix: 1.87 ms a document',
    );
  });

  it('grows with the cores', () => {
    expect(cpuBudgetLine(6, shares, 1.87)).toContain('on 6 cores: 20.0 ms an agreement');
    expect(cpuBudgetLine(6, shares, 1.87)).toContain('enough for 316/s');
  });
});
