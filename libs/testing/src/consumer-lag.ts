import { Kafka, logLevel } from 'kafkajs';
import type { Admin } from 'kafkajs';

/** Messages a consumer group has yet to commit on a topic, summed over partitions. */
export class ConsumerLag {
  private readonly admin: Admin;

  constructor(brokers: string[]) {
    this.admin = new Kafka({
      brokers,
      clientId: 'consumer-lag',
      logLevel: logLevel.NOTHING,
    }).admin();
  }

  async start(): Promise<this> {
    await this.admin.connect();
    return this;
  }

  async of(groupId: string, topic: string): Promise<number> {
    const [ends, [committed]] = await Promise.all([
      this.admin.fetchTopicOffsets(topic),
      this.admin.fetchOffsets({ groupId, topics: [topic] }),
    ]);
    return ends.reduce((lag, end) => {
      const done = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
      return lag + Math.max(0, Number(end.high) - Math.max(0, Number(done)));
    }, 0);
  }

  async stop(): Promise<void> {
    await this.admin.disconnect();
  }
}
