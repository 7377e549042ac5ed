import { Kafka, logLevel } from 'kafkajs';

const DELETE_CHUNK = 100;

/** Deletes every topic whose name starts with `prefix` (a run's, or one namespace's). */
export async function deleteTopics(brokers: string, prefix: string): Promise<void> {
  const admin = new Kafka({
    clientId: 'dealwatch-test-teardown',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
  }).admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    for (let start = 0; start < topics.length; start += DELETE_CHUNK) {
      await admin.deleteTopics({
        topics: topics.slice(start, start + DELETE_CHUNK),
        timeout: 30_000,
      });
    }
  } catch (error) {
    // Leftover topics cost the broker memory, not the run its result.
    console.warn(`could not delete the test topics ${prefix}*: ${String(error)}`);
  } finally {
    await admin.disconnect();
  }
}
