import { Kafka, logLevel } from 'kafkajs';
import type { Consumer, IHeaders } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export interface RecordedMessage {
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  value: string | null;
  /** When the producer wrote it (the broker's record timestamp), ms since the epoch. */
  timestamp: number;
  receivedAt: number;
}

/** Reads topics from the beginning into memory, as a downstream system would, for assertions. */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];
  private consumer: Consumer | null = null;

  constructor(private readonly brokers: string[]) {}

  get brokersList(): string[] {
    return this.brokers;
  }

  async start(topics: string[]): Promise<this> {
    const kafka = new Kafka({
      clientId: 'topic-recorder',
      brokers: this.brokers,
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length)
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: 3 })),
      });
    await admin.disconnect();

    this.consumer = kafka.consumer({
      groupId: `recorder-${randomUUID()}`,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: 500,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: true });
    await this.consumer.run({
      // A recorder's group is its own and read from the beginning: it never resumes, so committing
      // its offsets (after every batch, by default) would only load the broker being measured.
      autoCommit: false,
      eachMessage: async ({ topic, message }) => {
        this.messages.push({
          topic,
          key: message.key?.toString() ?? null,
          headers: headersAsText(message.headers),
          value: message.value?.toString() ?? null,
          timestamp: Number(message.timestamp),
          receivedAt: Date.now(),
        });
        await Promise.resolve();
      },
    });
    return this;
  }

  on(topic: string): RecordedMessage[] {
    return this.messages.filter((message) => message.topic === topic);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function headersAsText(headers: IHeaders | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}
