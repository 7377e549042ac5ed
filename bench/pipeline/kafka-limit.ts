import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/**
 * The ceiling for the pipeline on this machine: how fast plain kafkajs moves `count` messages of
 * `size` bytes through the same broker, produced in batches of 100 while one consumer group reads
 * them, in messages per second. The clock starts once the consumer has joined its group: a join
 * takes from 50 ms to seconds, and with a few thousand messages it would be most of what is timed.
 */
export async function rawKafkaRate(
  brokers: string[],
  count: number,
  size: number,
): Promise<number> {
  const kafka = new Kafka({ brokers, clientId: 'bench-limit', logLevel: logLevel.NOTHING });
  const topic = `bench.limit.${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: `bench-limit-${randomUUID()}`, maxWaitTimeInMs: 100 });
  await Promise.all([producer.connect(), consumer.connect()]);
  const joined = new Promise<void>((resolve) =>
    consumer.on(consumer.events.GROUP_JOIN, () => resolve()),
  );
  await consumer.subscribe({ topic, fromBeginning: true });
  let received = 0;
  const allReceived = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        received += batch.messages.length;
        if (received >= count) resolve();
        await Promise.resolve();
      },
    });
  });
  await joined;
  const value = 'x'.repeat(size);
  const started = performance.now();
  for (let sent = 0; sent < count; sent += 100) {
    const batch = Array.from({ length: Math.min(100, count - sent) }, (_, i) => ({
      key: String(sent + i),
      value,
    }));
    await producer.send({ topic, messages: batch });
  }
  await allReceived;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all([producer.disconnect(), consumer.disconnect()]);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  return count / seconds;
}
