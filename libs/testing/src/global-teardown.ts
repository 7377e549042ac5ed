import type { Infrastructure } from './infrastructure';
import { deleteTopics } from './test-topics';

/**
 * Deletes the topics this run created (they all start with `test.<run id>`), so a broker that serves
 * run after run does not pile up thousands of partitions, then stops what the setup started.
 */
export default async function globalTeardown(): Promise<void> {
  const infrastructure = (globalThis as { __dealwatchInfrastructure?: Infrastructure })
    .__dealwatchInfrastructure;
  const runId = process.env['DEALWATCH_TEST_RUN_ID'];
  if (infrastructure && runId) await deleteTopics(infrastructure.kafkaBrokers, `test.${runId}`);
  await infrastructure?.stop();
}
