import { Kafka, logLevel } from 'kafkajs';

import type { Infrastructure } from './infrastructure';

const DELETE_CHUNK = 100;

/**
 * Deletes the topics this run created (they all start with `test.<run id>`), so a broker that serves
 * run after run does not pile up thousands of partitions, then stops what the setup started.
 */
export default async function globalTeardown(): Promise<void> {
  const infrastructure = (globalThis as { __dealwatchInfrastructure?: Infrastructure })
    .__dealwatchInfrastructure;
  const runId = process.env['DEALWATCH_TEST_RUN_ID'];
  if (infrastructure && runId) await deleteRunTopics(infrastructure.kafkaBrokers, runId);
  await infrastructure?.stop();
}

async function deleteRunTopics(brokers: string, runId: string): Promise<void> {
  const admin = new Kafka({
    clientId: 'dealwatch-test-teardown',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`test.${runId}`));
    for (let start = 0; start < topics.length; start += DELETE_CHUNK) {
      await admin.deleteTopics({
        topics: topics.slice(start, start + DELETE_CHUNK),
        timeout: 30_000,
      });
    }
  } catch (error) {
    // Leftover topics cost the broker memory, not the run its result.
    console.warn(`could not delete this run's test topics: ${String(error)}`);
  } finally {
    await admin.disconnect();
  }
}
