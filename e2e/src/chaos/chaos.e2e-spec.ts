import { expectEventually } from '@dealwatch/testing';

import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { Pipeline, workspaceRoot } from '../pipeline';
import { outcomeTable, runFault } from './fault-run';
import type { FaultOutcome } from './fault-run';
import { chaosScale, faultName, faultOf, faultPlans } from './faults';
import { PrivateInfrastructure } from './private-infrastructure';
import { SteadyLoad } from './steady-load';
import { SystemCheck } from './system-check';

const scale = chaosScale();
const settings =
  scale === 'full'
    ? { perSecond: 2, recoveryTimeoutMs: 120_000 }
    : { perSecond: 1, recoveryTimeoutMs: 90_000 };

/**
 * Faults under a steady load, with a receiver recording every delivery. The whole system runs on a
 * Kafka, PostgreSQL and Redis of its own, since stopping the shared ones would break other runs.
 * After each fault: everything ingested before it has its milestones and its alerts, no alert
 * arrives twice unless under the same webhook-id (one in flight when the fault struck), consumer
 * lag returns to zero, and /health reported what was down while it was. CHAOS_SCALE=full
 * (`npm run test:chaos`) runs every fault and prints the table.
 */
describe(`the pipeline under faults (${scale})`, () => {
  const infrastructure = new PrivateInfrastructure(workspaceRoot);
  let pipeline: Pipeline | undefined;
  let load: SteadyLoad | undefined;
  let check: SystemCheck | undefined;
  const outcomes: FaultOutcome[] = [];
  const system = () => {
    if (!pipeline || !load || !check) throw new Error('the system under test did not start');
    return { pipeline, load, check };
  };

  beforeAll(async () => {
    await infrastructure.start();
    pipeline = new Pipeline({
      ...infrastructure.env,
      // The load comes from one client with one key: the rate limit is not under test.
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
      // A receiver that failed for a while gets a trial soon after, not a minute later.
      ALERT_BREAKER_COOLDOWN: 'PT2S',
    });
    await pipeline.start();
    check = new SystemCheck(pipeline);
    load = new SteadyLoad(
      pipeline.services.ingest.url,
      settings.perSecond,
      pipeline.namespace.topicPrefix,
    ).start();
  }, 180_000);

  afterAll(async () => {
    // Whatever failed, nothing of ours may outlive the run.
    await load?.stop();
    await pipeline?.stop();
    await infrastructure.stop();
    if (!load || outcomes.length === 0) return;
    const report = `fault tests (${scale}), ${load.ingested.size} agreements ingested, ${load.failedPosts} posts refused during faults and sent again\n\n${outcomeTable(outcomes)}\n`;
    mkdirSync(resolve(workspaceRoot, 'tmp'), { recursive: true });
    writeFileSync(resolve(workspaceRoot, 'tmp', `chaos-${scale}.txt`), report);
    process.stdout.write(`\n${report}\n`);
  }, 120_000);

  it('delivers every alert of the load once when nothing fails', async () => {
    await new Promise((done) => setTimeout(done, 3_000));
    const outcome = await runFault(
      {
        name: 'none',
        symptom: { kind: 'none' },
        lastsMs: 0,
        inject: () => Promise.resolve(),
        lift: () => Promise.resolve(),
      },
      context(),
    );
    outcomes.push(outcome);
    expect(outcome.problems).toEqual([]);
    expect(outcome.checked).toBeGreaterThan(0);
    expect(outcome.duplicates).toBe(0);
  }, 180_000);

  for (const plan of faultPlans(scale)) {
    it(`recovers from: ${faultName(plan)}`, async () => {
      const outcome = await runFault(faultOf(plan, system().pipeline, infrastructure), context());
      outcomes.push(outcome);
      expect(outcome.problems).toEqual([]);
      expect(outcome.lost).toBe(0);
    }, 300_000);
  }

  it('ends with every agreement of the run whole and no alert repeated under another id', async () => {
    const { load, check } = system();
    await load.stop();
    // The last agreements posted are still on their way to their alerts.
    await expectEventually(
      async () => expect(await check.shortfalls([...load.ingested.values()])).toEqual([]),
      { timeoutMs: settings.recoveryTimeoutMs, intervalMs: 1_000 },
    );
    expect(check.duplicates().untagged).toBe(0);
  }, 180_000);

  function context() {
    const { load, check } = system();
    return {
      load,
      check,
      brokers: () => infrastructure.env.KAFKA_BROKERS,
      recoveryTimeoutMs: settings.recoveryTimeoutMs,
    };
  }
});
