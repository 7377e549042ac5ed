import { Topics } from '@dealwatch/contracts';
import { TopicRecorder, deleteTopics, dropTestSchemas, serviceNames } from '@dealwatch/testing';

import { availableParallelism } from 'node:os';

import { Pipeline, workspaceRoot } from '../../e2e/src/pipeline';
import { AgreementPoster } from './agreement-poster';
import { loadTemplates, variant } from './documents';
import { engineMsPerDocument } from './engine-cost';
import { rawKafkaRate } from './kafka-limit';
import { kafkaTraffic } from './kafka-traffic';
import { shortSummary, summary } from './percentiles';
import { infrastructureCpuSeconds, machineLoad, processStats } from './process-stats';
import { runStage } from './stage';
import type { CpuShare, StageFigures } from './targets';
import { cpuBudgetLine, targetsLine } from './targets';
import { walPosition } from './wal-position';

/**
 * Load on the whole pipeline: posts agreements to ingest at rising rates and measures, from the
 * events on Kafka, sustained agreements/s, per-hop latency, consumer lag, CPU and peak RSS per
 * service, and the raw kafkajs rate on the same broker for comparison. Run: `npm run bench:pipeline`
 * (services built first: `npm run build`). Figures only; nothing here passes or fails.
 */
process.env['KAFKA_BROKERS'] ??= '127.0.0.1:9092';
process.env['DATABASE_URL'] ??= 'postgres://postgres@127.0.0.1:5432/postgres';
process.env['REDIS_URL'] ??= 'redis://127.0.0.1:6379';

const RATES = (process.env['BENCH_RATES'] ?? '10,50,100,200,300').split(',').map(Number);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 5);
/**
 * Agreements sent before the first stage and left out of every figure: JIT, caches, pools. V8 is
 * still optimising a service's functions after a thousand agreements, and until then a short run
 * measures the compiler as much as the pipeline (README, eighth round).
 */
const WARMUP = Number(process.env['BENCH_WARMUP'] ?? 30);
const WARMUP_RATE = Number(process.env['BENCH_WARMUP_RATE'] ?? 10);
/** The console's port, the others beside it; E2E_BASE_PORT moves it, as for the e2e tests. */
const BASE_PORT = Number(process.env['E2E_BASE_PORT'] ?? 14000);

async function main(): Promise<void> {
  console.log(machineLoad());
  const brokers = process.env['KAFKA_BROKERS']!.split(',');
  // Rising load from one client: the per-key rate limit would measure itself, not the pipeline.
  const pipeline = new Pipeline(
    {
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT_PER_MINUTE: '0',
      // E.g. `--require ./bench/pipeline/cpu-profile.cjs`, to see where a service spends its time.
      ...(process.env['BENCH_NODE_OPTIONS']
        ? { NODE_OPTIONS: process.env['BENCH_NODE_OPTIONS'] }
        : {}),
    },
    BASE_PORT,
  );
  const recorder = new TopicRecorder(brokers);
  let poster: AgreementPoster | undefined;
  try {
    // Inside: a service that fails to start has the others stopped and their schemas dropped.
    await pipeline.start();
    poster = new AgreementPoster(pipeline.services.ingest.url);
    await recorder.start([
      pipeline.topic(Topics.AgreementIngestedV1),
      pipeline.topic(Topics.ClausesExtractedV1),
      pipeline.topic(Topics.MilestoneScheduledV1),
      pipeline.topic(Topics.MilestoneReminderV1),
    ]);
    await measure(pipeline, brokers, recorder, poster);
  } finally {
    // A run that fails leaves nothing on the shared PostgreSQL and broker either.
    poster?.close();
    await recorder.stop();
    await pipeline.stop();
    await dropTestSchemas(process.env['DATABASE_URL']!, pipeline.namespace);
    // A broker that serves run after run would otherwise pile up partitions, and slow down with them.
    await deleteTopics(process.env['KAFKA_BROKERS']!, pipeline.namespace.topicPrefix);
  }
}

/** The stages, then the figures of the whole run. */
async function measure(
  pipeline: Pipeline,
  brokers: string[],
  recorder: TopicRecorder,
  poster: AgreementPoster,
): Promise<void> {
  const templates = loadTemplates(workspaceRoot);
  let index = 0;
  const nextDocument = () => variant(templates, index++);

  console.log(
    `pipeline benchmark: ${templates.length} templates, ${SECONDS} s per rate, after ${WARMUP} agreements of warm-up at ${WARMUP_RATE}/s\n`,
  );
  const warmedUp =
    WARMUP > 0
      ? (
          await runStage({
            pipeline,
            recorder,
            poster,
            rate: WARMUP_RATE,
            seconds: WARMUP / WARMUP_RATE,
            nextDocument,
          })
        ).completed
      : 0;
  console.log(
    'target/s  sent  done  sustained/s  POST answered  ingest->ingested  ->extracted  ->scheduled  ->reminded  ingest->milestones  ingest->reminders  seen downstream  max lag  CPU% (ingest extraction scheduler alerting console)',
  );
  let totalJoined = 0;
  let totalRefused = 0;
  let totalCompleted = 0;
  let bestSustained = 0;
  const figures: StageFigures[] = [];
  const cpuAtStart = serviceNames.map(
    (name) => processStats(pipeline.services[name].pid!).cpuSeconds,
  );
  const infrastructureAtStart = infrastructureCpuSeconds();
  const walAtStart = await walPosition(process.env['DATABASE_URL']!);
  const benchAtStart = process.cpuUsage();
  for (const rate of RATES) {
    const before = serviceNames.map(
      (name) => processStats(pipeline.services[name].pid!).cpuSeconds,
    );
    const stage = await runStage({
      pipeline,
      recorder,
      poster,
      rate,
      seconds: SECONDS,
      nextDocument,
    });
    const after = serviceNames.map((name) => processStats(pipeline.services[name].pid!).cpuSeconds);
    const cpu = after.map((value, i) =>
      ((100 * (value - before[i]!)) / stage.wallSeconds).toFixed(0).padStart(4),
    );
    totalJoined += stage.joined;
    totalRefused += stage.refused;
    totalCompleted += stage.completed;
    bestSustained = Math.max(bestSustained, stage.sustainedPerSecond);
    figures.push({
      rate,
      sustainedPerSecond: stage.sustainedPerSecond,
      milestones: stage.hops.milestones,
    });
    console.log(
      [
        String(rate).padStart(8),
        String(stage.sent).padStart(5),
        String(stage.completed).padStart(5),
        stage.sustainedPerSecond.toFixed(1).padStart(12),
        summary(stage.hops.answered).padStart(14),
        summary(stage.hops.ingest).padStart(17),
        summary(stage.hops.extract).padStart(12),
        summary(stage.hops.schedule).padStart(12),
        summary(stage.hops.remind).padStart(12),
        shortSummary(stage.hops.milestones).padStart(20),
        shortSummary(stage.hops.reminders).padStart(20),
        shortSummary(stage.hops.total).padStart(20),
        String(stage.maxLag).padStart(8),
        cpu.join(' '),
      ].join('  '),
    );
  }
  // Every post should start its own agreement; any that did not make the rates overstate the load.
  if (totalJoined + totalRefused > 0)
    console.log(
      `\n${totalJoined} posts joined an agreement already posted and ${totalRefused} were refused: not counted as agreements`,
    );
  const peakRss = serviceNames.map((name) => processStats(pipeline.services[name].pid!).peakRssMb);
  console.log(
    '\npeak RSS (MB): ' +
      serviceNames.map((name, i) => `${name} ${peakRss[i]!.toFixed(0)}`).join(', '),
  );

  // Unlike rates and latencies, this hardly depends on what else the machine is doing.
  const perAgreement = (seconds: number) => (1000 * seconds) / Math.max(totalCompleted, 1);
  const serviceMs = serviceNames.map((name, i) =>
    perAgreement(processStats(pipeline.services[name].pid!).cpuSeconds - cpuAtStart[i]!),
  );
  const infrastructure = infrastructureCpuSeconds();
  const benchCpu = process.cpuUsage(benchAtStart);
  const shares: CpuShare[] = [
    {
      part: 'PostgreSQL',
      ms: perAgreement(infrastructure.postgres - infrastructureAtStart.postgres),
    },
    { part: 'Kafka broker', ms: perAgreement(infrastructure.kafka - infrastructureAtStart.kafka) },
    { part: 'Redis', ms: perAgreement(infrastructure.redis - infrastructureAtStart.redis) },
  ];
  const benchMs = perAgreement((benchCpu.user + benchCpu.system) / 1e6);
  console.log(
    'CPU ms per agreement: ' +
      serviceNames.map((name, i) => `${name} ${serviceMs[i]!.toFixed(1)}`).join(', ') +
      '; ' +
      shares.map((share) => `${share.part} ${share.ms.toFixed(1)}`).join(', ') +
      `; this benchmark ${benchMs.toFixed(1)}`,
  );

  const walBytes = (await walPosition(process.env['DATABASE_URL']!)) - walAtStart;
  console.log(
    `PostgreSQL WAL per agreement: ${(walBytes / 1024 / Math.max(totalCompleted, 1)).toFixed(1)} kB`,
  );

  // The ceiling is plain kafkajs moving as many messages as the run produced, of the same mean size.
  const traffic = await kafkaTraffic(brokers, pipeline.namespace.topicPrefix);
  // The warm-up's agreements sent their events too.
  const agreements = Math.max(totalCompleted + warmedUp, 1);
  const perEvent = (count: number) => (count / agreements).toFixed(1);
  const producedPerAgreement = traffic.produced / agreements;
  console.log(
    `Kafka messages per agreement: ${perEvent(traffic.produced)} produced (` +
      [...traffic.producedByTopic]
        .sort(([, a], [, b]) => b - a)
        .map(([name, count]) => `${name.replace(/^dealwatch\./, '')} ${perEvent(count)}`)
        .join(', ') +
      `), ${perEvent(traffic.consumed)} consumed; ${traffic.meanBytes.toFixed(0)} B on average`,
  );
  const limit = await rawKafkaRate(brokers, traffic.produced, Math.round(traffic.meanBytes));
  console.log(
    `raw kafkajs produce+consume of ${traffic.produced} messages of ${traffic.meanBytes.toFixed(0)} B: ${limit.toFixed(0)} msg/s`,
  );
  const bestMessageRate = bestSustained * producedPerAgreement;
  console.log(
    `best sustained pipeline rate ${bestSustained.toFixed(1)} agreements/s, ${bestMessageRate.toFixed(0)} messages/s produced = ${(bestMessageRate / limit).toFixed(3)} of that limit, which alone would allow ${(limit / producedPerAgreement).toFixed(0)} agreements/s`,
  );
  console.log(targetsLine(figures, Math.max(...peakRss)));
  const services = serviceMs.reduce((sum, ms) => sum + ms, 0);
  console.log(
    cpuBudgetLine(
      availableParallelism(),
      [{ part: 'services', ms: services }, ...shares, { part: 'this benchmark', ms: benchMs }],
      engineMsPerDocument(templates),
    ),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
