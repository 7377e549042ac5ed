import { TopicRecorder } from '@dealwatch/testing';

import { Kafka, logLevel } from 'kafkajs';
import type { Admin } from 'kafkajs';

export interface KafkaTraffic {
  /** Messages on each of the run's topics, by name without the run's prefix. */
  producedByTopic: Map<string, number>;
  produced: number;
  /** Messages the services' consumer groups committed, summed over groups. */
  consumed: number;
  /** Mean bytes of key, value and headers of what was produced. */
  meanBytes: number;
}

/**
 * What the services sent through Kafka during a run: every topic and consumer group whose name
 * starts with the run's prefix. Each agreement is one post, but many events on several topics,
 * most of them read by more than one service, so this is what a Kafka ceiling must be compared with.
 */
export async function kafkaTraffic(brokers: string[], prefix: string): Promise<KafkaTraffic> {
  const admin = new Kafka({
    brokers,
    clientId: 'bench-traffic',
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    const producedByTopic = new Map<string, number>();
    for (const topic of topics) {
      const ends = await admin.fetchTopicOffsets(topic);
      const count = ends.reduce((sum, end) => sum + Number(end.high) - Number(end.low), 0);
      if (count > 0) producedByTopic.set(topic.slice(prefix.length), count);
    }
    const produced = [...producedByTopic.values()].reduce((sum, count) => sum + count, 0);
    return {
      producedByTopic,
      produced,
      consumed: await committedByGroups(admin, prefix, topics),
      meanBytes: await meanMessageBytes(brokers, topics, produced),
    };
  } finally {
    await admin.disconnect();
  }
}

async function committedByGroups(admin: Admin, prefix: string, topics: string[]): Promise<number> {
  const { groups } = await admin.listGroups();
  let consumed = 0;
  for (const { groupId } of groups.filter((group) => group.groupId.startsWith(prefix))) {
    for (const { partitions } of await admin.fetchOffsets({ groupId, topics })) {
      for (const { offset } of partitions) consumed += Math.max(0, Number(offset));
    }
  }
  return consumed;
}

/** Reads every message once more, outside the timed stages, to size them. */
async function meanMessageBytes(
  brokers: string[],
  topics: string[],
  count: number,
): Promise<number> {
  if (count === 0) return 0;
  const recorder = await new TopicRecorder(brokers).start(topics);
  try {
    while (recorder.messages.length < count)
      await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    await recorder.stop();
  }
  const bytes = recorder.messages.reduce(
    (sum, { key, value, headers }) =>
      sum +
      Buffer.byteLength(key ?? '') +
      Buffer.byteLength(value ?? '') +
      Object.entries(headers).reduce(
        (total, [name, text]) => total + name.length + Buffer.byteLength(text),
        0,
      ),
    0,
  );
  return bytes / recorder.messages.length;
}
