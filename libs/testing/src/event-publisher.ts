import { CLOUD_EVENTS_SPEC_VERSION, CloudEventHeaders } from '@dealwatch/contracts';
import type { PayloadOf, Topic } from '@dealwatch/contracts';

import { Kafka, logLevel } from 'kafkajs';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/**
 * Publishes contract events straight onto a test run's topics, as an upstream service would, in
 * CloudEvents binary mode, so a service can be tested on its own.
 */
export class EventPublisher {
  private readonly producer: Producer;

  constructor(
    brokers: string[],
    private readonly topicPrefix: string,
  ) {
    this.producer = new Kafka({ brokers, logLevel: logLevel.NOTHING }).producer();
  }

  async start(): Promise<this> {
    await this.producer.connect();
    return this;
  }

  async publish<T extends Topic>(
    topic: T,
    payload: PayloadOf<T>,
    options: { key: string; eventId?: string },
  ): Promise<string> {
    const eventId = options.eventId ?? randomUUID();
    await this.producer.send({
      topic: `${this.topicPrefix}${topic}`,
      messages: [
        {
          key: options.key,
          value: JSON.stringify(payload),
          headers: {
            [CloudEventHeaders.specVersion]: CLOUD_EVENTS_SPEC_VERSION,
            [CloudEventHeaders.id]: eventId,
            [CloudEventHeaders.type]: topic,
            [CloudEventHeaders.source]: '/dealwatch/test',
            [CloudEventHeaders.time]: new Date().toISOString(),
          },
        },
      ],
    });
    return eventId;
  }

  /** Sends raw bytes and headers, for messages a well-behaved producer would never send. */
  async publishRaw(
    topic: string,
    message: { key: string; value: string | Buffer; headers?: Record<string, string> },
  ) {
    await this.producer.send({ topic: `${this.topicPrefix}${topic}`, messages: [message] });
  }

  async stop(): Promise<void> {
    await this.producer.disconnect();
  }
}
